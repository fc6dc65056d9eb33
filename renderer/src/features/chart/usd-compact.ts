/**
 * A USD amount as traders quote liquidation volume: "$412M", "$2.6B", "$23B", "$980k", "$740".
 * Two significant figures below ten of a unit, whole units above: the model's dollars are an
 * estimate, and more digits would claim precision it does not have.
 */
export function formatUsdCompact(amount: number): string {
  if (!Number.isFinite(amount)) return '—';
  const sign = amount < 0 ? '−' : '';
  const abs = Math.abs(amount);
  const units: readonly [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size * 0.9995) {
      const value = abs / size;
      return `${sign}$${value < 9.95 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value).toString()}${suffix}`;
    }
  }
  return `${sign}$${Math.round(abs).toString()}`;
}
