import type { ActiveAlert } from '../../../../shared/alerts';
import { Badge } from '../../ui';

/** A position's worst active alert level, with the rules holding it in the tooltip. */
export function AlertBadge({ alert }: { readonly alert: ActiveAlert | undefined }) {
  if (!alert) return null;
  return (
    <Badge
      tone={`alert-${alert.level}`}
      className="position-alert"
      title={`${alert.level}: ${alert.rules.map((r) => `${r.rule} ${r.level}`).join(', ')}`}
      data-testid="position-alert"
    >
      {alert.level === 'critical' ? '!!' : '!'}
    </Badge>
  );
}
