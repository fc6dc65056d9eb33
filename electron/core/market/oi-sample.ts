import type { OpenInterestPoint } from '../../../shared/domain/open-interest';

/**
 * One open-interest sample at `timeMs` (the close of the newest closed minute) for a venue that
 * keeps no history of it (Hyperliquid: docs/research/liquidation-maps.md §2.2), read now through
 * `read` (USD). [] when there is no reader, the read fails (`onError` hears why: a failed sample
 * costs one point of history, never the minute's bars) or the venue reports nothing.
 */
export async function sampleOpenInterest(
  read: (() => Promise<number | null>) | undefined,
  timeMs: number,
  markPrice: number | null,
  onError: (message: string) => void,
): Promise<OpenInterestPoint[]> {
  if (read === undefined) return [];
  let usd: number | null;
  try {
    usd = await read();
  } catch (error) {
    onError(error instanceof Error ? error.message : String(error));
    return [];
  }
  if (usd === null || !(usd > 0)) return [];
  return [{ timeMs, base: markPrice !== null && markPrice > 0 ? usd / markPrice : null, usd }];
}
