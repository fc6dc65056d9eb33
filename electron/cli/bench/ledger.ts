import { createLedger, defaultLedgerParams, type LedgerBar, type VenueMarket } from '../../../shared/clusters/index';
import { createRandom } from '../../sim/market/prng';
import { simVenueMarket } from '../scorecard/sim-feed';
import { defaultSymbols } from '../../sim/market/index';
import { round } from './stats';

const minuteMs = 60_000;

/**
 * `bars` synthetic 1-minute bars of a BTC-like market: a random walk of the mark (≈ 0.05 % per
 * minute), bar ranges around it, a taker split and an open interest that wanders with both rises
 * and falls. Seeded, generated before any timing.
 */
export function syntheticBars(count: number, seed = 7): LedgerBar[] {
  const random = createRandom(seed);
  const bars: LedgerBar[] = [];
  let price = 60_000,
    oi = 2e9;
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const open = price;
    price *= Math.exp(0.0005 * random.normal());
    const high = Math.max(open, price) * (1 + 0.0003 * random.next()),
      low = Math.min(open, price) * (1 - 0.0003 * random.next());
    const volume = 5e6 * (0.5 + random.next());
    const buyShare = 0.5 + 0.2 * Math.tanh((price - open) / (0.0005 * open));
    oi = Math.max(1e8, oi * (1 + 0.001 * random.normal()));
    bars.push({
      timeMs: start + i * minuteMs,
      durationMs: minuteMs,
      markHigh: high,
      markLow: low,
      markClose: price,
      takerBuyUsd: volume * buyShare,
      takerSellUsd: volume * (1 - buyShare),
      openInterestUsd: oi,
    });
  }
  return bars;
}

/**
 * `ledger.coldMs`: a fresh ledger over 30 days of 1-minute bars for one symbol (median of 5 runs);
 * `ledger.perBarMs`: one more bar into a ledger already holding those 30 days (median over 20,000
 * bars, timed in batches of 100 so the timer's resolution does not dominate).
 */
export async function measureLedger(): Promise<{ coldMs: number; perBarMs: number }> {
  const bars = syntheticBars(30 * 1440 + 20_000);
  const history = bars.slice(0, 30 * 1440),
    live = bars.slice(30 * 1440);
  const firstSymbol = defaultSymbols()[0];
  if (firstSymbol === undefined) throw new Error('the simulator lists no symbol');
  const market: VenueMarket = simVenueMarket(firstSymbol.instrument);
  const cold: number[] = [];
  let warm = createLedger({ markets: [market], params: defaultLedgerParams });
  for (let run = 0; run < 6; run++) {
    const start = performance.now();
    const ledger = createLedger({ markets: [market], params: defaultLedgerParams });
    for (const bar of history) ledger.update('binance-usdm', bar);
    if (run > 0) cold.push(performance.now() - start);
    warm = ledger;
  }
  const perBar: number[] = [];
  for (let i = 0; i < live.length; i += 100) {
    const start = performance.now();
    for (let j = i; j < i + 100 && j < live.length; j++) {
      const bar = live[j];
      if (bar !== undefined) warm.update('binance-usdm', bar);
    }
    perBar.push((performance.now() - start) / 100);
  }
  const median = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { coldMs: round(median(cold), 2), perBarMs: round(median(perBar), 5) };
}
