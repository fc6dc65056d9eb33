import type { Candle } from '../domain/candle';
import type { ChartTimeframe, MarketView } from '../ipc/views/markets';
import type { PositionView } from '../ipc/views/positions';

/**
 * What the chart harness loads: real-model output (simulator → cluster ledger) for two symbols,
 * shaped as the core would send it. Written by `electron/cli/bench/chart-fixture.ts`; read by
 * `renderer/src/chart-harness.tsx` only (never by the app).
 */
export interface ChartFixture {
  /** When the fixture was made, from the simulator's clock (epoch ms). */
  readonly generatedAtMs: number;
  readonly markets: readonly ChartFixtureMarket[];
}

/** One symbol of the fixture: the market at 1m, its candles at every timeframe, and a position. */
export interface ChartFixtureMarket {
  readonly market: MarketView;
  readonly candles: Readonly<Record<ChartTimeframe, readonly Candle[]>>;
  readonly position: PositionView | null;
  /** Taker fee rate of the position's venue, fraction (for the break-even line). */
  readonly closeFeeRate: number;
  /** Minute bars after `market.updatedAtMs`, replayed by the harness as a live stream. */
  readonly streamCandles: readonly Candle[];
}
