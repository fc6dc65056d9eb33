const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dollars = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * An account's money (margin, PnL, equity, collateral), one way everywhere it is written: a sign, the
 * dollar sign, thousands separators, cents below 10,000 and whole dollars from there up ("$9,680.38",
 * "−$16,412", "$1,412,000"). Never compact, so two amounts side by side read alike. A dash when unknown.
 * The other kind of dollars, the map's estimate of other traders' liquidations, is written compact
 * as the chart writes it (`formatUsdCompact` in features/chart/usd-compact.ts: "$19M"), wherever it is.
 */
export function formatMoney(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return '—';
  const abs = Math.abs(amount);
  const format = abs >= 10_000 ? dollars : cents;
  const text = format.format(abs);
  return `${amount < 0 && text !== format.format(0) ? '−' : ''}$${text}`;
}

/** A signed percentage with a fixed number of decimals ("−10.0 %", "+3.25 %"); a dash when unknown. */
export function formatSignedPercent(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const text = (Math.abs(fraction) * 100).toFixed(digits);
  const sign = Number(text) === 0 ? '' : fraction < 0 ? '−' : '+';
  return `${sign}${text} %`;
}
