import {
  closerMark,
  evidenceSlackMs,
  judgeVanished,
  type ForceCloseEvidence,
  type LiquidationInput,
  type PositionObservation,
  type PositionRef,
  type VanishedPosition,
} from '../../../shared/alerts';
import type { ForceClose } from '../../../shared/domain/force-close';
import type { RiskAccount } from '../../../shared/domain/risk-account';
import { GatewayError } from '../exchange/gateway-error';

/** A mark older than this is not fresh enough to call a vanished position closed by the user (the stale rule's default). */
export const freshMarkMs = 15_000;

/**
 * How long a vanished position waits for the venue's records when they cannot be read (rate limit,
 * network) before the price alone decides: the records give the fill price and, where the venue
 * reports one, its own loss.
 */
export const evidenceWaitMs = 60_000;

/** What a held position's last numbers say, kept so that its vanishing can be judged. */
interface Held {
  readonly facts: Omit<VanishedPosition, 'closestMark' | 'lastSeenMs' | 'vanishedAtMs'>;
  readonly streamKey: string;
  closest: VanishedPosition['closestMark'];
  /** Venue time of the last mark tick evaluated for it, Unix ms; null before the first. */
  lastTickMs: number | null;
  /** When that tick arrived (local clock), Unix ms; null before the first. */
  lastTickAtMs: number | null;
  /** When the latest snapshot holding it was fetched (its own time, local clock): a snapshot told again is not a new sighting. */
  snapshotAtMs: number | null;
  /** Venue time of the latest mark when the latest snapshot holding it arrived. */
  snapshotMs: number;
  /**
   * Venue time before which it was surely still held: `snapshotMs` of the snapshot before the latest
   * one. The latest snapshot's own fetch may have begun before ticks that arrived ahead of its answer,
   * so its time could lie after the liquidation; the one before it was in hand when that fetch began.
   */
  lastSeenMs: number;
}

interface Pending {
  position: VanishedPosition;
  readonly streamKey: string;
  lastTickAtMs: number | null;
}

/** The verdicts of one judgement, ready for the alert engine. */
export interface Verdicts {
  readonly liquidated: readonly LiquidationInput[];
  readonly closed: readonly PositionRef[];
}

/** Tracks held positions and judges the ones that vanish: liquidated, closed by the user, or not yet known. */
export interface VanishedPositions {
  /**
   * Records an evaluation of the account's positions: from a snapshot fetched at `snapshotAtMs`
   * (the venue showed them alive, so the closest mark starts again here; the same snapshot told
   * again, as after a failed fetch, changes nothing) or, with null, from a mark tick.
   */
  observe(
    accountId: string,
    risk: RiskAccount,
    observations: readonly PositionObservation[],
    streamKeyOf: (symbol: string) => string,
    snapshotAtMs: number | null,
  ): void;
  /** Positions a fresh snapshot no longer holds: they wait for a verdict. Returns those never seen (closed at once). */
  vanish(accountId: string, refs: readonly PositionRef[], nowMs: number): PositionRef[];
  /** A mark tick of a stream: pending positions on it get a fresher mark. */
  tick(streamKey: string, markPrice: number, receivedAtMs: number): void;
  /** Whether the account has positions waiting for a verdict. */
  hasPending(accountId: string): boolean;
  /** Stream keys the pending positions still need (their mark decides freshness). */
  pendingStreams(): ReadonlySet<string>;
  /** Judges the account's pending positions with its force-close records; undecided ones keep waiting. */
  judge(accountId: string, nowMs: number): Promise<Verdicts>;
  /** Forgets an account (removed): its pending positions are returned, to be closed. */
  forget(accountId: string): PositionRef[];
  /** Every position waiting for a verdict, as saved across a restart. */
  exportPending(): SavedPending[];
  /** Symbols the account's pending positions are on (their mark streams are needed to judge them). */
  pendingSymbols(accountId: string): string[];
}

/**
 * A position waiting for its verdict, as saved: what the judgement needs, and its mark stream. The
 * time of its last fresh mark is not kept: after a restart only a new mark is fresh.
 */
export interface SavedPending {
  readonly position: VanishedPosition;
  readonly streamKey: string;
}

/** The mark nearer to (or further past) the liquidation price; a known distance beats an unknown one. */
function nearer(
  a: VanishedPosition['closestMark'],
  b: NonNullable<VanishedPosition['closestMark']>,
): NonNullable<VanishedPosition['closestMark']> {
  if (a === null || a.distance === null) return b;
  return b.distance !== null && b.distance < a.distance ? b : a;
}

const keyOf = (ref: PositionRef): string => `${ref.accountId}|${ref.symbol}|${ref.side}`;

/**
 * Creates the tracker. `forceCloses` reads an account's force-close records since a venue time;
 * a `GatewayError` of kind `unsupported` means the venue has none to read (price alone decides).
 * `saved`: the positions that were waiting when the app last stopped (`exportPending`); they are judged
 * again once their account's next snapshot arrives.
 */
export function createVanishedPositions(
  forceCloses: (accountId: string, sinceMs: number) => Promise<readonly ForceClose[]>,
  saved: readonly SavedPending[] = [],
): VanishedPositions {
  const held = new Map<string, Held>();
  const pending = new Map<string, Pending>(
    saved.map((entry) => [keyOf(entry.position), { ...entry, lastTickAtMs: null }]),
  );
  const pendingOf = (accountId: string): [string, Pending][] =>
    [...pending].filter(([, entry]) => entry.position.accountId === accountId);

  const readEvidence = async (accountId: string, sinceMs: number): Promise<ForceCloseEvidence> => {
    try {
      return await forceCloses(accountId, sinceMs);
    } catch (error) {
      return error instanceof GatewayError && error.kind === 'unsupported' ? 'unsupported' : 'unavailable';
    }
  };

  return {
    observe(accountId, risk, observations, streamKeyOf, snapshotAtMs) {
      const fromSnapshot = snapshotAtMs !== null;
      for (const observation of observations) {
        const position = risk.positions.find((p) => p.symbol === observation.symbol && p.side === observation.side);
        if (position === undefined) continue;
        const key = keyOf(observation);
        const before = held.get(key);
        if (fromSnapshot && before !== undefined && before.snapshotAtMs === snapshotAtMs) continue;
        const mark = { price: observation.markPrice, distance: observation.distance };
        const tickMs = fromSnapshot ? (before?.lastTickMs ?? null) : observation.tickTimeMs;
        const entry: Held = {
          facts: {
            accountId,
            venue: risk.venue,
            symbol: position.symbol,
            side: position.side,
            displaySymbol: observation.displaySymbol,
            entryPrice: position.entryPrice,
            sizeBase: position.size * position.contractSize,
            liquidationPrice: observation.liquidationPrice,
          },
          streamKey: streamKeyOf(position.symbol),
          closest: fromSnapshot || before === undefined ? mark : nearer(before.closest, mark),
          lastTickMs: tickMs,
          lastTickAtMs: fromSnapshot ? (before?.lastTickAtMs ?? null) : (observation.receivedAtMs ?? null),
          snapshotAtMs: fromSnapshot ? snapshotAtMs : (before?.snapshotAtMs ?? null),
          // Times on the venue's clock, as force-close records use.
          snapshotMs: fromSnapshot
            ? (tickMs ?? observation.tickTimeMs)
            : (before?.snapshotMs ?? observation.tickTimeMs),
          lastSeenMs: fromSnapshot
            ? (before?.snapshotMs ?? tickMs ?? observation.tickTimeMs)
            : (before?.lastSeenMs ?? observation.tickTimeMs),
        };
        held.set(key, entry);
        if (fromSnapshot) pending.delete(key);
      }
    },
    vanish(accountId, refs, nowMs) {
      const unknown: PositionRef[] = [];
      for (const ref of refs) {
        const key = keyOf(ref);
        const entry = held.get(key);
        held.delete(key);
        if (entry === undefined || entry.facts.accountId !== accountId) {
          unknown.push(ref);
          continue;
        }
        pending.set(key, {
          position: { ...entry.facts, closestMark: entry.closest, lastSeenMs: entry.lastSeenMs, vanishedAtMs: nowMs },
          streamKey: entry.streamKey,
          lastTickAtMs: entry.lastTickAtMs,
        });
      }
      return unknown;
    },
    tick(streamKey, markPrice, receivedAtMs) {
      for (const entry of pending.values()) {
        if (entry.streamKey !== streamKey) continue;
        const { side, liquidationPrice, closestMark } = entry.position;
        entry.position = { ...entry.position, closestMark: closerMark(closestMark, side, liquidationPrice, markPrice) };
        entry.lastTickAtMs = receivedAtMs;
      }
    },
    hasPending: (accountId) => pendingOf(accountId).length > 0,
    pendingStreams: () => new Set([...pending.values()].map((entry) => entry.streamKey)),
    async judge(accountId, nowMs) {
      const waiting = pendingOf(accountId);
      if (waiting.length === 0) return { liquidated: [], closed: [] };
      const sinceMs = Math.min(...waiting.map(([, entry]) => entry.position.lastSeenMs)) - evidenceSlackMs;
      const evidence = await readEvidence(accountId, sinceMs);
      const liquidated: LiquidationInput[] = [];
      const closed: PositionRef[] = [];
      for (const [key, entry] of waiting) {
        // It may have come back (a snapshot held it again) while the records were read.
        if (pending.get(key) !== entry) continue;
        if (evidence === 'unavailable' && nowMs - entry.position.vanishedAtMs < evidenceWaitMs) continue;
        const fresh = entry.lastTickAtMs !== null && nowMs - entry.lastTickAtMs <= freshMarkMs;
        const verdict = judgeVanished(entry.position, evidence, fresh);
        if (verdict.kind === 'undecided') continue;
        pending.delete(key);
        if (verdict.kind === 'liquidated') liquidated.push(verdict.liquidation);
        else closed.push({ accountId, symbol: entry.position.symbol, side: entry.position.side });
      }
      return { liquidated, closed };
    },
    exportPending: () =>
      [...pending.values()].map((entry) => ({ position: entry.position, streamKey: entry.streamKey })),
    pendingSymbols: (accountId) => [...new Set(pendingOf(accountId).map(([, entry]) => entry.position.symbol))],
    forget(accountId) {
      for (const key of [...held.keys()]) if (held.get(key)?.facts.accountId === accountId) held.delete(key);
      return pendingOf(accountId).map(([key, entry]) => {
        pending.delete(key);
        return { accountId, symbol: entry.position.symbol, side: entry.position.side };
      });
    },
  };
}
