import type { PriceGrid, Profile } from '../../../shared/clusters/index';
import type { Estimator } from './estimator';

/** aggr-lib's defaults: 5x, 20x, 100x; +0.5 % on both sides; fade 0.02 per bar after 100 bars. */
const leverages = [5, 20, 100] as const;
const offset = 0.005;
const fadeStart = 100;
const fadeAmount = 0.02;
/**
 * Bars in the volume average. aggr-lib's default is 1, which makes every ratio exactly 1 (no spike
 * can show); 20 bars is the usual "relative volume" window of the volume-spike scripts (LuxAlgo).
 */
const volumeLength = 20;

interface Cell {
  strength: number;
  createdBar: number;
}

/**
 * Baseline (B), the volume-spike model without OI (docs/research/liquidation-maps.md §1.4 B,
 * aggr-lib "Liquidation Heatmap"): each bar, the previous bar's taker sell volume relative to its
 * moving average adds short levels at prevHigh·(1 + 1/L + 0.5 %), its taker buy volume long levels
 * at prevLow·(1 − 1/L + 0.5 %); a level is deleted when the candle reaches its bin; after 100 bars
 * a level fades by 0.02 per bar. Units are relative strength, not USD.
 */
export function createVolumeSpikeBaseline(grid: PriceGrid): Estimator {
  const supports = new Map<number, Cell>(),
    resistances = new Map<number, Cell>();
  const buys: number[] = [],
    sells: number[] = [];
  let previous: { high: number; low: number } | null = null;
  let barIndex = 0;
  const average = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  const bump = (cells: Map<number, Cell>, bin: number, amount: number): void => {
    const cell = cells.get(bin);
    if (cell === undefined) cells.set(bin, { strength: amount, createdBar: barIndex });
    else cell.strength += amount;
  };
  return {
    name: 'volumeSpike',
    update({ candle, buyVolume, sellVolume }) {
      if (previous !== null && buys.length > 0) {
        const buyAverage = average(buys),
          sellAverage = average(sells);
        const buyRatio = buyAverage > 0 ? (buys[buys.length - 1] ?? 0) / buyAverage : 0;
        const sellRatio = sellAverage > 0 ? (sells[sells.length - 1] ?? 0) / sellAverage : 0;
        for (const leverage of leverages) {
          bump(resistances, grid.binOf(previous.high * (1 + 1 / leverage + offset)), sellRatio);
          bump(supports, grid.binOf(previous.low * (1 - 1 / leverage + offset)), buyRatio);
        }
      }
      const lowBin = Math.ceil(grid.position(candle.low) - 0.5),
        highBin = Math.floor(grid.position(candle.high) - 0.5);
      for (const [bin, cell] of supports) {
        if (bin >= lowBin) supports.delete(bin);
        else if (barIndex - cell.createdBar > fadeStart && (cell.strength -= Math.min(fadeAmount, cell.strength)) <= 0)
          supports.delete(bin);
      }
      for (const [bin, cell] of resistances) {
        if (bin <= highBin) resistances.delete(bin);
        else if (barIndex - cell.createdBar > fadeStart && (cell.strength -= Math.min(fadeAmount, cell.strength)) <= 0)
          resistances.delete(bin);
      }
      buys.push(buyVolume);
      sells.push(sellVolume);
      if (buys.length > volumeLength) {
        buys.shift();
        sells.shift();
      }
      previous = { high: candle.high, low: candle.low };
      barIndex++;
    },
    profile() {
      const bins = [...supports.keys(), ...resistances.keys()];
      if (bins.length === 0) return { grid, firstBin: 0, long: new Float64Array(0), short: new Float64Array(0) };
      const from = Math.min(...bins),
        to = Math.max(...bins);
      const long = new Float64Array(to - from + 1),
        short = new Float64Array(to - from + 1);
      for (const [bin, cell] of supports) long[bin - from] = cell.strength;
      for (const [bin, cell] of resistances) short[bin - from] = cell.strength;
      return { grid, firstBin: from, long, short } satisfies Profile;
    },
  };
}
