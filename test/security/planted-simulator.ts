import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { demoKeys, keyKinds } from '../../electron/sim/demo-keys';
import { createSimMarket } from '../../electron/sim/market';
import { createSimKeyRing, type SimKey } from '../../electron/sim/server/sim-keys';
import { startSimServer, type SimServer } from '../../electron/sim/server/sim-server';
import { binanceRoute } from '../../electron/sim/venues/binance';
import { bybitRoute } from '../../electron/sim/venues/bybit';
import { hyperliquidRoute } from '../../electron/sim/venues/hyperliquid';
import { okxRoute } from '../../electron/sim/venues/okx';

/** Keys planted for a leak scan: random, long and unlike anything the app prints, so any hit is a leak. */
export interface PlantedKeys {
  readonly binance: SimKey;
  readonly okx: SimKey & { readonly passphrase: string };
  /** A secret that matches no key: adding with it must fail, and the failure must not echo it. */
  readonly wrongSecret: string;
  /** Every string that must appear nowhere the scan looks. */
  readonly all: readonly string[];
}

/** The simulator's venues on 127.0.0.1 with its usual keys plus read-only keys whose values the test chose. */
export interface PlantedSimulator {
  readonly server: SimServer;
  readonly keys: PlantedKeys;
  stop(): Promise<void>;
}

const token = (label: string): string => `${label}${randomBytes(12).toString('hex')}`;

/** Starts the simulator (time frozen) with planted read-only keys on its Binance and OKX accounts. */
export async function startPlantedSimulator(): Promise<PlantedSimulator> {
  const market = createSimMarket({ seed: 7, scenario: 'calm' });
  const accountOn = (venue: SimKey['venue']): string => {
    const account = market.accounts().find((candidate) => candidate.venue === venue);
    if (!account) throw new Error(`no simulated account on ${venue}`);
    return account.id;
  };
  const binance: SimKey = {
    venue: 'binance-usdm',
    apiKey: token('PlantedBnKey'),
    secret: token('PlantedBnSecret'),
    accountId: accountOn('binance-usdm'),
    permissions: keyKinds.readonly,
  };
  const okx = {
    venue: 'okx-swap' as const,
    apiKey: token('PlantedOkxKey'),
    secret: token('PlantedOkxSecret'),
    passphrase: token('PlantedOkxPass'),
    accountId: accountOn('okx-swap'),
    permissions: keyKinds.readonly,
  };
  const wrongSecret = token('PlantedWrongSecret');
  const ring = createSimKeyRing([...demoKeys(market.accounts()), binance, okx]);
  const server = await startSimServer(
    { market, keys: ring },
    [binanceRoute, bybitRoute, okxRoute, hyperliquidRoute],
    0,
  );
  return {
    server,
    keys: {
      binance,
      okx,
      wrongSecret,
      all: [binance.apiKey, binance.secret, okx.apiKey, okx.secret, okx.passphrase, wrongSecret],
    },
    stop: () => server.close(),
  };
}

/** Every file under `dir`, with its bytes as latin1 text (so a key inside binary data is still found). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push({ path, text: readFileSync(path).toString('latin1') });
  }
  return found;
}

/** The places (file paths, frame numbers, stream names) where any planted secret, or its base64, appears. */
export function leaksIn(sources: readonly { where: string; text: string }[], secrets: readonly string[]): string[] {
  const needles = secrets.flatMap((secret) => [
    secret,
    Buffer.from(secret).toString('base64').slice(0, 16),
    encodeURIComponent(secret),
  ]);
  return sources.flatMap(({ where, text }) =>
    needles.filter((needle) => text.includes(needle)).map((needle) => `${where}: ${needle}`),
  );
}
