import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';
import { coinOfSymbol, type ShockAccount, type ShockMoves } from '../../../../shared/risk';

/** How the coins other than the reference move: as much as it, by their beta to it, or as typed. */
export type AltMode = 'same' | 'beta' | 'hand';

/** The shock panel's inputs. Percentages are signed percent (−10 = 10 % lower). */
export interface ShockControls {
  /** The coin the shock is stated in (BTC when held). */
  readonly reference: string;
  readonly referencePercent: number;
  readonly altMode: AltMode;
  /** Per-coin moves typed by hand, percent as text (kept as typed). */
  readonly handPercents: Readonly<Record<string, string>>;
}

/** The "BTC −10 %" preset: BTC ten percent lower, every other coin by its beta. */
export function presetControls(reference: string, altMode: AltMode): ShockControls {
  return { reference, referencePercent: -10, altMode, handPercents: {} };
}

/** Every coin the accounts hold, the reference coin first (BTC when held), then by name. */
export function coinsHeld(positions: ReadonlyMap<string, AccountPositions>): string[] {
  const coins = new Set<string>();
  for (const entry of positions.values())
    for (const position of entry.positions) coins.add(coinOfSymbol(position.symbol));
  return [...coins].sort((a, b) => (a === 'BTC' ? -1 : b === 'BTC' ? 1 : a.localeCompare(b)));
}

/** A coin's move and where it came from, for the panel to show beside the coin. */
export interface CoinMove {
  readonly coin: string;
  /** Signed fraction; null when it cannot be known (a beta missing, a typed value that is not a number). */
  readonly move: number | null;
  /** "reference", "same as BTC", "β 1.32 to BTC", "by hand", or why the move is missing. */
  readonly basis: string;
}

/**
 * Each held coin's move under the controls. `betas` holds each coin's beta to the reference, or the
 * reason it has none; a coin without a usable move does not move, and its basis says why.
 */
export function coinMoves(
  controls: ShockControls,
  coins: readonly string[],
  betas: Readonly<Record<string, number | string>>,
): CoinMove[] {
  const reference = controls.referencePercent / 100;
  return coins.map((coin): CoinMove => {
    if (coin === controls.reference) return { coin, move: reference, basis: 'reference' };
    if (controls.altMode === 'same') return { coin, move: reference, basis: `same as ${controls.reference}` };
    if (controls.altMode === 'hand') {
      const text = (controls.handPercents[coin] ?? '').trim();
      const value = Number(text.replace(',', '.'));
      if (text === '') return { coin, move: 0, basis: 'by hand (not moved)' };
      return Number.isFinite(value) && value > -100
        ? { coin, move: value / 100, basis: 'by hand' }
        : { coin, move: null, basis: 'enter a percent above −100' };
    }
    const beta = betas[coin];
    if (typeof beta === 'number')
      return { coin, move: Math.max(-0.99, beta * reference), basis: `β ${beta.toFixed(2)} to ${controls.reference}` };
    return { coin, move: null, basis: beta ?? 'beta loading…' };
  });
}

/** The moves the engine takes: coins without a usable move stay where they are. */
export function movesOf(moves: readonly CoinMove[]): ShockMoves {
  const result: Record<string, number> = {};
  for (const { coin, move } of moves) if (move !== null && move !== 0) result[coin] = move;
  return result;
}

/** Accounts the shock covers, and those it cannot (no risk inputs yet), with the reason. */
export interface ShockScope {
  readonly accounts: readonly ShockAccount[];
  readonly skipped: readonly { readonly label: string; readonly reason: string }[];
}

/** Every account with open positions, as the engine takes it; one without risk inputs is named as skipped. */
export function shockScope(
  accounts: readonly AccountSummary[],
  positions: ReadonlyMap<string, AccountPositions>,
): ShockScope {
  const covered: ShockAccount[] = [];
  const skipped: { label: string; reason: string }[] = [];
  for (const summary of accounts) {
    const entry = positions.get(summary.id);
    if (entry === undefined || entry.positions.length === 0) continue;
    const label = summary.label;
    if (entry.risk === null) skipped.push({ label, reason: 'its risk inputs (tiers, margins) have not arrived' });
    else covered.push({ id: summary.id, label, account: entry.risk });
  }
  return { accounts: covered, skipped };
}
