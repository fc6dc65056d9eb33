/**
 * Number-to-text helpers for payloads: venues send decimals as strings, never in exponent form,
 * and round prices to the tick and sizes to the lot step.
 */

/** How many decimals a step such as 0.1 or 0.001 has (0 for steps of 1 or more). */
export function decimalsOf(step: number): number {
  if (!(step > 0) || step >= 1) return 0;
  return Math.min(12, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
}

/**
 * `value` rounded to `decimals` places, as plain decimal text with trailing zeros removed
 * ("60000.1", "0.0001", "0"). Non-finite values give '' (what the venues send for "none").
 */
export function decimalText(value: number, decimals = 8): string {
  if (!Number.isFinite(value)) return '';
  const text = value.toFixed(decimals);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** `value` rounded to a multiple of `step`, as text with the step's decimals. */
export function stepText(value: number, step: number): string {
  const decimals = decimalsOf(step);
  return decimalText(Math.round(value / step) * step, decimals);
}
