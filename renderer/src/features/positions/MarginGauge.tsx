import { formatPercent, riskLevel } from './format';

/** Margin ratio as a bar filling towards liquidation (100 %), coloured by danger band. */
export function MarginGauge({ marginRatio }: { readonly marginRatio: number | null }) {
  const level = riskLevel(marginRatio);
  const fill = marginRatio === null ? 0 : Math.min(1, Math.max(0, marginRatio));
  return (
    <span
      className={`gauge gauge--${level}`}
      title={`Margin ratio ${formatPercent(marginRatio)} (100 % = liquidation)`}
    >
      <span className="gauge__track" aria-hidden="true">
        <span className="gauge__fill" style={{ width: `${fill * 100}%` }} />
      </span>
      <span className="gauge__value">{formatPercent(marginRatio)}</span>
    </span>
  );
}
