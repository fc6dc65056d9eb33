/**
 * Venues send numbers as decimal strings ("60000.1", "0.004"). These helpers write them without
 * exponent notation, which `String(1e-7)` would produce and which some clients reject.
 */

/**
 * A number as a plain decimal string, rounded to `maxDecimals` places, trailing zeros trimmed.
 * Non-finite values become "0" (a venue never sends NaN or Infinity).
 */
export function decimalText(value: number, maxDecimals = 8): string {
  if (!Number.isFinite(value)) return '0';
  const fixed = value.toFixed(maxDecimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** The number of decimals a step such as a tick size (0.1 -> 1, 0.001 -> 3, 5 -> 0) implies. */
export function decimalsOfStep(step: number): number {
  const text = decimalText(step, 12);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
