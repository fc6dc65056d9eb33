import { z } from 'zod';
import type { NearPriceBand } from './near-price-band';

/** One entry of the assumed leverage mix: a leverage (x) and its relative weight (any scale). */
export interface LeverageWeight {
  readonly leverage: number;
  readonly weight: number;
}

/**
 * Width of a price bin: `relative` bins are log-spaced (each `fraction` of its price wide, so a
 * bin means the same distance at 3,000 as at 60,000); `absolute` bins are `step` quote units wide.
 */
export type BinSize =
  { readonly kind: 'relative'; readonly fraction: number } | { readonly kind: 'absolute'; readonly step: number };

/** Everything the cluster ledger assumes, as data. Every figure is a prior to calibrate, not a fact. */
export interface LedgerParams {
  /** Leverages new positions are assumed to use, with weights (normalised internally). */
  readonly leverageMix: readonly LeverageWeight[];
  /** Half-life of every level, ms: positions get closed, stopped or topped up without a trace in OI. */
  readonly halfLifeMs: number;
  readonly binSize: BinSize;
  /**
   * How deep into a bin the mark must trade to consume it: 0 = touching its near edge, 0.5 = its
   * middle, 1 = its far edge. Levels inside a bin are taken as spread evenly, so 0.5 is unbiased.
   */
  readonly consumeDepth: number;
  /**
   * Notional of one representative new position, USD. It picks the maintenance tier (and so the
   * liquidation distance) and caps the leverage at the tier's maximum.
   */
  readonly positionNotionalUsd: number;
  /** Whether the opening taker fee comes out of the isolated margin (Binance isolatedWallet = margin − fee). */
  readonly openingFeeFromMargin: boolean;
  /**
   * Share of the USD the ledger itself consumed since the last OI sample that is taken to explain
   * part of the OI change (a liquidation closes a position, so OI falls without a voluntary close).
   * 0 ignores it (the research pseudo-code), 1 counts it fully.
   */
  readonly liquidationOiOffset: number;
  /**
   * Churn, per day: the share 1 − e^(−turnover · days) of each side's levels closes and reopens at
   * the prices traded since the previous OI sample, OI unchanged. It refills levels the price traded
   * through. 0 = none (every level stays where it was opened until consumed, trimmed or decayed).
   */
  readonly turnoverPerDay: number;
  /**
   * Levels near the price that the ledger cannot place (`withNearPriceBand`): every profile and map
   * read from the ledger adds this band around the latest price, sized by each venue's latest OI
   * sample. It has no leverage, no birth time, and is never consumed. null = none.
   */
  readonly nearPriceBand: NearPriceBand | null;
  /** Heatmap cadence: a snapshot whenever a bar starts a new period of this length, ms. */
  readonly snapshotEveryMs: number;
  /** Price range a heatmap snapshot keeps around the mark, fraction each side. */
  readonly snapshotRangeFraction: number;
  /** Snapshots kept (oldest dropped): 30 days hourly by default. */
  readonly maxSnapshots: number;
}

const hourMs = 3_600_000;

/**
 * Defaults. The leverage mix is a prior centred on 10–25x with thinner tails to 3x and 100x, the
 * shape the vendors' leverage buckets and Hyperliquid's measured positions suggest
 * (docs/research/liquidation-maps.md §1.2, §1.5); it is meant to be calibrated (`calibrateLeverageMix`).
 * Churn, half-life and the near-price band are the choice of the real-data fit
 * (`liqlens scorecard --real`, fitted on the hourly set before 2026-03-05 only; a test fails when
 * the fit chooses otherwise): positions turn over twice a day, levels fade over three days, and
 * 0.1 % of OI per side sits within 2 % of the price. 0.1 % bins: fine enough for 100x levels
 * (≈ 0.6 % from entry), coarse enough to stay fast.
 */
export const defaultLedgerParams: LedgerParams = {
  leverageMix: [
    { leverage: 3, weight: 0.1 },
    { leverage: 5, weight: 0.15 },
    { leverage: 10, weight: 0.25 },
    { leverage: 20, weight: 0.2 },
    { leverage: 25, weight: 0.1 },
    { leverage: 50, weight: 0.12 },
    { leverage: 100, weight: 0.08 },
  ],
  halfLifeMs: 72 * hourMs,
  binSize: { kind: 'relative', fraction: 0.001 },
  consumeDepth: 0.5,
  positionNotionalUsd: 100_000,
  openingFeeFromMargin: true,
  liquidationOiOffset: 1,
  turnoverPerDay: 2,
  nearPriceBand: { shareOfOpenInterest: 0.001, rangeFraction: 0.02 },
  snapshotEveryMs: hourMs,
  snapshotRangeFraction: 0.25,
  maxSnapshots: 720,
};

/** Schema of user-edited parameters (settings, CLI): every field optional, merged over the defaults. */
export const ledgerParamsSchema = z.object({
  leverageMix: z
    .array(z.object({ leverage: z.number().min(1).max(200), weight: z.number().min(0) }))
    .min(1)
    .refine((mix) => mix.some((item) => item.weight > 0), 'at least one weight must be positive')
    .optional(),
  halfLifeMs: z.number().positive().optional(),
  binSize: z
    .union([
      z.object({ kind: z.literal('relative'), fraction: z.number().min(0.0001).max(0.05) }),
      z.object({ kind: z.literal('absolute'), step: z.number().positive() }),
    ])
    .optional(),
  consumeDepth: z.number().min(0).max(1).optional(),
  positionNotionalUsd: z.number().positive().optional(),
  openingFeeFromMargin: z.boolean().optional(),
  liquidationOiOffset: z.number().min(0).max(1).optional(),
  turnoverPerDay: z.number().min(0).max(100).optional(),
  nearPriceBand: z
    .object({ shareOfOpenInterest: z.number().min(0).max(0.1), rangeFraction: z.number().positive().max(0.5) })
    .nullable()
    .optional(),
  snapshotEveryMs: z.number().min(60_000).optional(),
  snapshotRangeFraction: z.number().min(0.01).max(0.9).optional(),
  maxSnapshots: z.number().int().min(1).max(100_000).optional(),
});

/**
 * Parses user-edited parameters (unknown JSON) and merges them over `defaultLedgerParams`.
 * Returns the parameters, or a one-line reason naming the field.
 */
export function parseLedgerParams(input: unknown): { ok: true; value: LedgerParams } | { ok: false; error: string } {
  const parsed = ledgerParamsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'params'}: ${issue?.message ?? 'invalid'}` };
  }
  const value: Record<string, unknown> = { ...defaultLedgerParams };
  for (const [key, field] of Object.entries(parsed.data)) if (field !== undefined) value[key] = field;
  return { ok: true, value: value as unknown as LedgerParams };
}
