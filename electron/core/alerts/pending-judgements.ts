import { z } from 'zod';
import { sides } from '../../../shared/domain/side';
import { venues } from '../../../shared/domain/venue';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file';
import type { SavedPending } from './vanished-positions';

/*
 * The vanished positions still waiting for the venue's record, kept across a restart: a position
 * that left the account just before the app stopped is judged (liquidated or closed) once its
 * account is read again, instead of being forgotten with its alerts left hanging.
 */

const finite = z.number().finite();

const savedPendingSchema: z.ZodType<SavedPending> = z.object({
  position: z.object({
    accountId: z.string().min(1),
    symbol: z.string().min(1),
    side: z.enum(sides),
    venue: z.enum(venues),
    displaySymbol: z.string().optional(),
    entryPrice: finite,
    sizeBase: finite.positive(),
    liquidationPrice: finite.nullable(),
    closestMark: z.object({ price: finite, distance: finite.nullable() }).nullable(),
    lastSeenMs: finite,
    vanishedAtMs: finite,
  }),
  streamKey: z.string().min(1),
});

const pendingFileSchema = z.object({ version: z.literal(1), pending: z.array(savedPendingSchema) });

/**
 * Reads the saved pending judgements of `filePath`; none when the file is missing. A damaged file is
 * set aside (`readJsonFile`) and `problem` says where it went.
 */
export function readPendingJudgements(
  filePath: string,
  nowMs: number,
): { readonly pending: readonly SavedPending[]; readonly problem: string | null } {
  const read = readJsonFile(
    filePath,
    pendingFileSchema,
    { version: 1, pending: [] },
    nowMs,
    'pending liquidation checks',
  );
  return { pending: read.value.pending, problem: read.problem?.message ?? null };
}

/** Saves the pending judgements durably (`writeFileDurable` through `writeJsonFileAtomic`); throws on a failed write. */
export function writePendingJudgements(filePath: string, pending: readonly SavedPending[]): void {
  writeJsonFileAtomic(filePath, { version: 1, pending });
}
