import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSimMarket } from './market';
import type { SimScenarioName } from './types';

const fiveMinutesMs = 300_000;
const hourMs = 3_600_000;

/** Sample standard deviation. */
function deviation(values: readonly number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}

/** 5-minute log returns of a close series. */
function returnsOf(closes: readonly number[]): number[] {
  return closes.slice(1).map((close, i) => Math.log(close / (closes[i] ?? close)));
}

/** The realized volatility (σ of 5m log returns) of every whole window of `size` returns. */
function windowVolatilities(returns: readonly number[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + size <= returns.length; i += size) out.push(deviation(returns.slice(i, i + size)));
  return out;
}

// Real Binance BTCUSDT 5m closes, two weeks of 2026 (data/real-market/SOURCES.md).
const realCloses = gunzipSync(readFileSync(join('data', 'real-market', 'binance-usdm-BTCUSDT-5m.csv.gz')))
  .toString('utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[4]));
const realReturns = returnsOf(realCloses);
const real6h = windowVolatilities(realReturns, 72);
const real1h = windowVolatilities(realReturns, 12);

/** The Demo's BTC 5m closes over `hours` after switching to `scenario` (the Demo's seed, as the control does). */
function demoReturns(scenario: SimScenarioName, hours: number, seed = 7): number[] {
  const market = createSimMarket({ seed, scenario: 'calm', historyDays: 0.25, traderCount: 600 });
  market.setScenario(scenario);
  const from = market.now();
  market.advance(hours * hourMs);
  const bars = market.bars('BTCUSDT', 'last', from, market.now(), 1e6);
  const closes = bars.filter((bar) => (bar.openTimeMs + 60_000) % fiveMinutesMs === 0).map((bar) => bar.close);
  return returnsOf(closes);
}

describe('the Demo moves like the real market', () => {
  it('reads the real data as expected: two weeks of 5m BTC returns', () => {
    expect(realReturns.length).toBeGreaterThan(4000);
    expect(Math.min(...real6h)).toBeGreaterThan(0.0003);
    expect(Math.max(...real6h)).toBeLessThan(0.005);
  });

  it.each<SimScenarioName>(['calm', 'trend'])(
    'keeps 6 h of %s within the range of real 6 h windows of 5m-return volatility',
    (scenario) => {
      const volatility = deviation(demoReturns(scenario, 6));
      expect(volatility).toBeGreaterThanOrEqual(Math.min(...real6h));
      expect(volatility).toBeLessThanOrEqual(Math.max(...real6h));
    },
  );

  it.each<SimScenarioName>(['crash', 'squeeze'])(
    'makes the first hour of a %s wilder than a typical real hour but no wilder than the wildest one',
    (scenario) => {
      const volatility = deviation(demoReturns(scenario, 1));
      const sorted = [...real1h].sort((a, b) => a - b);
      expect(volatility).toBeGreaterThan(sorted[Math.floor(sorted.length / 2)] ?? 0);
      expect(volatility).toBeLessThanOrEqual(Math.max(...real1h));
    },
  );
});
