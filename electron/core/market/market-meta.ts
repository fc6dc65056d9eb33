import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { MarketInfo } from '../../../shared/domain/market-info';
import type { Tier } from '../../../shared/domain/tier';
import type { Venue } from '../../../shared/domain/venue';
import { writeJsonFileAtomic } from '../storage/json-file';
import type { Recorder } from '../recorder/recorder';

/**
 * What a market's model needs besides its minutes and open interest: the venue's listing of the
 * symbol and its maintenance tiers. Kept beside the day files (`market.json`) so that the next
 * start can rebuild the map from recordings before the venue has answered anything.
 */
export interface MarketMeta {
  readonly info: MarketInfo;
  /** Null when the venue did not give them (no map, candles only). */
  readonly tiers: readonly Tier[] | null;
  /** When the venue gave them, epoch ms. */
  readonly savedAtMs: number;
}

const metaFile = 'market.json';

const TierSchema = z.object({
  floor: z.number(),
  cap: z.number().nullable(),
  maintenanceMarginRate: z.number(),
  deduction: z.number(),
  maxLeverage: z.number().nullable(),
});

const MetaSchema = z.object({
  info: z.object({
    symbol: z.string().min(1),
    unifiedSymbol: z.string(),
    base: z.string(),
    quote: z.string(),
    settle: z.string(),
    tickSize: z.number().nullable(),
    contractSize: z.number().positive(),
    takerFeeRate: z.number().nullable(),
    isolatedOnly: z.boolean(),
    maxLeverage: z.number().nullable(),
  }),
  tiers: z.array(TierSchema).min(1).nullable(),
  savedAtMs: z.number(),
});

/**
 * The saved listing and tiers of `symbol` at `venue` in `recorder`'s source, or null when none was
 * saved or the file cannot be used (a damaged file only costs the fast start: the venue is asked as before).
 */
export function readMarketMeta(recorder: Recorder, venue: Venue, symbol: string): MarketMeta | null {
  const path = join(recorder.folderOf(venue, symbol), metaFile);
  if (!existsSync(path)) return null;
  try {
    const parsed = MetaSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Saves the listing and tiers the venue just gave. Returns false when the write failed (a full
 * disk): the recordings matter more, and the next backfill writes it again.
 */
export function writeMarketMeta(recorder: Recorder, venue: Venue, meta: MarketMeta): boolean {
  try {
    writeJsonFileAtomic(join(recorder.folderOf(venue, meta.info.symbol), metaFile), meta);
    return true;
  } catch {
    return false;
  }
}
