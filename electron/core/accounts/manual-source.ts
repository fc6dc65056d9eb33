import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { Venue } from '../../../shared/domain/venue';
import type { ManualPosition } from '../../../shared/ipc/contract';
import { buildAccountSnapshot, type ModeFigures, type SymbolFacts } from '../exchange/account-snapshot';
import { GatewayError } from '../exchange/gateway-error';
import type { ExchangeGateway } from '../exchange/gateway';
import type { MappedPosition } from '../exchange/map-ccxt';

/** What the account watcher needs from a source of snapshots; a venue's gateway also reads its force-close records. */
export type SnapshotSource = Pick<ExchangeGateway, 'fetchAccount' | 'close'> &
  Partial<Pick<ExchangeGateway, 'fetchForceCloses'>>;

/**
 * Positions typed in by hand, priced from the venue's public data through a gateway without
 * credentials: the symbol's market (tick, contract size, fee), its tiers and its latest mark-price
 * candle (last-price where the venue has no mark candles). There is no exchange liquidation price
 * to check against, so the self-check is absent; everything else is the same engine.
 */
export function createManualSource(
  venue: Venue,
  walletBalance: number,
  positions: readonly ManualPosition[],
  gateway: ExchangeGateway,
  now: () => number,
): SnapshotSource {
  return {
    async fetchAccount(): Promise<AccountSnapshot> {
      const markets = await gateway.loadMarkets();
      const mapped: MappedPosition[] = [];
      const facts = new Map<string, SymbolFacts>();
      const marks = new Map<string, number>();
      for (const position of positions) {
        const market = markets.find(
          (m) =>
            m.symbol === position.symbol ||
            m.unifiedSymbol === position.symbol ||
            m.unifiedSymbol.split(':')[0] === position.symbol,
        );
        if (!market)
          throw new Error(
            `${position.symbol} is not listed on this venue; use its symbol as the venue writes it (e.g. ${markets[0]?.symbol ?? 'BTCUSDT'}).`,
          );
        if (!facts.has(market.symbol)) {
          const [tiers, candles] = await Promise.all([
            publicTiers(gateway, market.symbol),
            latestCandles(gateway, market.symbol),
          ]);
          facts.set(market.symbol, {
            tiers,
            maxLeverage: market.maxLeverage,
            tickSize: market.tickSize,
            takerFeeRate: market.takerFeeRate,
          });
          marks.set(market.symbol, candles.at(-1)?.close ?? Number.NaN);
        }
        const markPrice = marks.get(market.symbol) ?? Number.NaN;
        if (!Number.isFinite(markPrice)) throw new Error(`No recent price for ${market.symbol} from this venue.`);
        const sign = position.side === 'long' ? 1 : -1;
        mapped.push({
          symbol: market.symbol,
          unifiedSymbol: market.unifiedSymbol,
          side: position.side,
          marginMode: position.marginMode,
          size: position.sizeBase / market.contractSize,
          contractSize: market.contractSize,
          entryPrice: position.entryPrice,
          markPrice,
          leverage: position.leverage,
          // Without a stated margin, an isolated position holds its initial margin: notional at entry / leverage.
          isolatedMargin:
            position.marginMode === 'isolated'
              ? (position.isolatedMargin ?? (position.sizeBase * position.entryPrice) / position.leverage)
              : 0,
          unrealizedPnl: sign * position.sizeBase * (markPrice - position.entryPrice),
          exchangeLiquidationPrice: null,
          isolatedOnly: market.isolatedOnly,
          settleAsset: market.settle,
          hedgeLeg: positions.some(
            (other) => other !== position && other.symbol === position.symbol && other.side !== position.side,
          ),
          adl: null,
          riskLimitLoweredAtMs: null,
          leverageLoweredAtMs: null,
        });
      }
      // Typed-in positions: LiqLens's own figures are the only ones (the `manual` mode).
      return buildAccountSnapshot(venue, mapped, facts, walletBalance, now(), manualModeFigures);
    },
    close: () => gateway.close(),
  };
}

const manualModeFigures: ModeFigures = {
  mode: 'manual',
  gauge: null,
  spotQuoteTotal: null,
  adlScale: null,
  collateral: null,
};

/** Tiers from public data; Binance serves its brackets only to API keys, which a typed-in position has none of. */
async function publicTiers(gateway: ExchangeGateway, symbol: string): ReturnType<ExchangeGateway['fetchTiers']> {
  try {
    return await gateway.fetchTiers(symbol);
  } catch (error) {
    if (error instanceof GatewayError && error.kind === 'auth') {
      throw new Error(
        `This venue publishes its maintenance-margin tiers only to API keys, so a typed-in position cannot be priced exactly there: connect a read-only key instead.`,
        { cause: error },
      );
    }
    throw error;
  }
}

async function latestCandles(gateway: ExchangeGateway, symbol: string): ReturnType<ExchangeGateway['fetchCandles']> {
  try {
    return await gateway.fetchCandles(symbol, '1m', 'mark', undefined, 2);
  } catch {
    return gateway.fetchCandles(symbol, '1m', 'last', undefined, 2);
  }
}
