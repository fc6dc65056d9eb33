/**
 * The venue registry: every perpetual-futures venue LiqLens knows, with what users read (names),
 * what its contracts are, how an account connects, and what the venue publishes. `Venue`,
 * `AccountVenue`, `KeyVenue` and the simulator's venue type derive from it, and every per-venue
 * table of a layer is a `Record` over one of them, so adding a venue here makes `tsc` list each
 * place that still needs its part.
 */

/** `linear`: margined and quoted in a stablecoin; `inverse`: margined in the coin, contracts worth a fixed USD amount. */
export type ContractKind = 'linear' | 'inverse';

/** `key`: apiKey + secret; `key-passphrase`: plus OKX's passphrase; `address`: a public wallet address. */
export type CredentialKind = 'key' | 'key-passphrase' | 'address';

/** How an account on the venue is added: a read-only key, a public address, a typed-in position, the Demo. */
export type ConnectWith = 'api-key' | 'address' | 'manual' | 'demo';

/** What a venue publishes or allows; features the venue lacks are switched off, never faked. */
export interface VenueCapabilities {
  /** Hedge mode: a long and a short leg of one symbol at once. */
  readonly hedgeMode: boolean;
  /** A public stream of realized liquidations (other traders'). */
  readonly liquidationStream: boolean;
  /** Open-interest history from the venue (else it is recorded locally from live samples). */
  readonly openInterestHistory: boolean;
  /** Mark-price candles (else last-trade candles stand in). */
  readonly markCandles: boolean;
  /**
   * Where the taker buy/sell split comes from: the candles themselves, a separate statistic, or
   * nowhere (shown 50/50).
   */
  readonly takerSplit: 'candles' | 'statistic' | 'none';
  /** Maintenance tiers without a key (Binance serves its brackets only to API keys). */
  readonly publicTiers: boolean;
}

/** One venue's entry in the registry. */
export interface VenueFacts {
  /** The name messages use, e.g. "Binance USDⓈ-M" (alerts, errors, what-if refusals). */
  readonly full: string;
  /** The name in running text and tight lists, e.g. "Binance". */
  readonly short: string;
  /** The product as the venue sells it, for pickers, e.g. "Bybit USDT perpetual". */
  readonly product: string;
  readonly contract: ContractKind;
  readonly credentials: CredentialKind;
  /** The ways an account connects; empty while the venue is priced by the risk engine only. */
  readonly connect: readonly ConnectWith[];
  /**
   * What the raw `side` of the venue's liquidation reports names: the forced ORDER's side (Binance
   * `o.S`, OKX `side`: a sell closed a long) or the liquidated POSITION's (Bybit `allLiquidation`
   * `S`; Hyperliquid's per-user fills). Source: docs/research/liquidation-maps.md §2.1 and §2.3.
   */
  readonly liquidationSide: 'order' | 'position';
  readonly capabilities: VenueCapabilities;
}

/**
 * Every venue, in display order. Sources for the capabilities: electron/core/exchange/README.md and
 * the venue files under electron/core/exchange/venues/.
 */
export const venueRegistry = {
  'binance-usdm': {
    // Binance's own spelling. The circled S is missing from common Linux fonts (DejaVu, Liberation):
    // the renderer bundles a font with it (renderer/src/ui/tokens.css).
    full: 'Binance USDⓈ-M',
    short: 'Binance',
    product: 'Binance USDⓈ-M',
    contract: 'linear',
    credentials: 'key',
    connect: ['api-key', 'manual', 'demo'],
    liquidationSide: 'order',
    capabilities: {
      hedgeMode: true,
      liquidationStream: true,
      openInterestHistory: true,
      markCandles: true,
      takerSplit: 'candles',
      publicTiers: false,
    },
  },
  // Not connected yet: inverse contracts need coin-margined balances and USD-face contract sizes.
  'binance-coinm': {
    full: 'Binance COIN-M',
    short: 'Binance',
    product: 'Binance COIN-M',
    contract: 'inverse',
    credentials: 'key',
    connect: [],
    liquidationSide: 'order',
    capabilities: {
      hedgeMode: true,
      liquidationStream: true,
      openInterestHistory: true,
      markCandles: true,
      takerSplit: 'candles',
      publicTiers: false,
    },
  },
  'bybit-linear': {
    full: 'Bybit',
    short: 'Bybit',
    product: 'Bybit USDT perpetual',
    contract: 'linear',
    credentials: 'key',
    connect: ['api-key', 'manual', 'demo'],
    liquidationSide: 'position',
    capabilities: {
      hedgeMode: true,
      liquidationStream: true,
      openInterestHistory: true,
      markCandles: true,
      takerSplit: 'none',
      publicTiers: true,
    },
  },
  'okx-swap': {
    full: 'OKX',
    short: 'OKX',
    product: 'OKX perpetual swaps',
    contract: 'linear',
    credentials: 'key-passphrase',
    connect: ['api-key', 'manual', 'demo'],
    liquidationSide: 'order',
    capabilities: {
      hedgeMode: true,
      liquidationStream: true,
      openInterestHistory: true,
      markCandles: true,
      takerSplit: 'statistic',
      publicTiers: true,
    },
  },
  hyperliquid: {
    full: 'Hyperliquid',
    short: 'Hyperliquid',
    product: 'Hyperliquid perps',
    contract: 'linear',
    credentials: 'address',
    connect: ['address', 'manual', 'demo'],
    liquidationSide: 'position',
    capabilities: {
      hedgeMode: false,
      liquidationStream: false,
      openInterestHistory: false,
      markCandles: false,
      takerSplit: 'none',
      publicTiers: true,
    },
  },
} as const satisfies Readonly<Record<string, VenueFacts>>;

type Registry = typeof venueRegistry;

/** A venue id, e.g. `binance-usdm`. */
export type Venue = keyof Registry;

/** Venues an account can be added on (a gateway reads them); Binance COIN-M is priced but not connected yet. */
export type AccountVenue = { [V in Venue]: Registry[V]['connect'] extends readonly [] ? never : V }[Venue];

/** Venues connected with an API key (not by public address). */
export type KeyVenue = { [V in AccountVenue]: Registry[V]['credentials'] extends 'address' ? never : V }[AccountVenue];

/** Venues the Demo's simulator plays. */
export type DemoVenue = { [V in Venue]: 'demo' extends Registry[V]['connect'][number] ? V : never }[Venue];

/** Every venue, in display order. */
export const venues = Object.keys(venueRegistry) as readonly Venue[];

const connectable = (venue: Venue): boolean => venueRegistry[venue].connect.length > 0;

/** The venues an account can be added on, in display order (a non-empty tuple, as schema enums want). */
export const accountVenues = venues.filter(connectable) as readonly AccountVenue[] as readonly [
  AccountVenue,
  ...AccountVenue[],
];

/** The key venues in the order pickers offer them (a non-empty tuple, as schema enums want). */
export const keyVenues = accountVenues.filter(
  (venue) => venueRegistry[venue].credentials !== 'address',
) as readonly KeyVenue[] as readonly [KeyVenue, ...KeyVenue[]];

/** Venues watched by a public wallet address instead of a key. */
export type AddressVenue = Exclude<AccountVenue, KeyVenue>;

/** The address venues, in display order (a non-empty tuple, as schema enums want). */
export const addressVenues = accountVenues.filter(
  (venue) => venueRegistry[venue].credentials === 'address',
) as readonly AddressVenue[] as readonly [AddressVenue, ...AddressVenue[]];

/** The venues the Demo's simulator plays, in display order. */
export const demoVenues = venues.filter((venue) =>
  (venueRegistry[venue].connect as readonly ConnectWith[]).includes('demo'),
) as readonly DemoVenue[];

/** The facts of one venue (names, contract, credentials, capabilities). */
export function venueFacts(venue: Venue): VenueFacts {
  return venueRegistry[venue];
}

/** The name messages use, e.g. "Binance USDⓈ-M". */
export function venueName(venue: Venue): string {
  return venueRegistry[venue].full;
}

/** Whether `venue` can hold accounts (it has ways to connect and, in the core, a gateway profile). */
export function isAccountVenue(venue: Venue): venue is AccountVenue {
  return (accountVenues as readonly Venue[]).includes(venue);
}
