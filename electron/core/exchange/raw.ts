/*
 * Readers of ccxt's loose values (`unknown`, `info: any`): map-ccxt.ts and the venue files under
 * venues/ parse raw answers with these, field by field, so nothing loose passes further.
 */

/** A raw object as ccxt hands it over. */
export type Row = Readonly<Record<string, unknown>>;

/** `value` as an object, or an empty one. */
export function rowOf(value: unknown): Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : {};
}

/** `value` as an array, or an empty one. */
export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** A finite number from a number or a decimal string; null for "", undefined, NaN. */
export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** A string or number as text; '' for anything else. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The first row of `rows` whose `key` is one of `coins` (a wallet's coin entry), or an empty row. */
export function coinRow(rows: readonly unknown[], key: string, coins: readonly string[]): Row {
  return rowOf(rows.find((row) => coins.includes(text(rowOf(row)[key]))));
}
