import type { AlertConfig, AlertConfigInput, RuleKind } from '../../../../shared/alerts';

/** The editable part of the alert settings, as the form holds it (percent and seconds as text). */
export interface AlertSettingsDraft {
  readonly enabled: Readonly<Record<RuleKind, boolean>>;
  readonly marginRatio: { readonly warning: string; readonly danger: string; readonly critical: string };
  readonly distance: { readonly warning: string; readonly danger: string; readonly critical: string };
  readonly staleSeconds: string;
  readonly quiet: {
    readonly enabled: boolean;
    readonly start: string;
    readonly end: string;
    readonly timeZone: string;
  };
}

const percent = (fraction: number): string => String(Math.round(fraction * 1000) / 10);

/** The form's starting values from the settings in force. */
export function draftFrom(config: AlertConfig): AlertSettingsDraft {
  const { rules, quietHours } = config;
  return {
    enabled: {
      marginRatio: rules.marginRatio.enabled,
      distance: rules.distance.enabled,
      cluster: rules.cluster.enabled,
      imbalance: rules.imbalance.enabled,
      cascade: rules.cascade.enabled,
      marginCall: rules.marginCall.enabled,
      stale: rules.stale.enabled,
      adlFront: rules.adlFront.enabled,
      venueLowered: rules.venueLowered.enabled,
    },
    marginRatio: {
      warning: percent(rules.marginRatio.levels.warning),
      danger: percent(rules.marginRatio.levels.danger),
      critical: percent(rules.marginRatio.levels.critical),
    },
    distance: {
      warning: percent(rules.distance.levels.warning),
      danger: percent(rules.distance.levels.danger),
      critical: percent(rules.distance.levels.critical),
    },
    staleSeconds: String(Math.round(rules.stale.afterMs / 1000)),
    quiet: { enabled: quietHours.enabled, start: quietHours.start, end: quietHours.end, timeZone: quietHours.timeZone },
  };
}

/**
 * The settings to send for a draft, keeping the per-account overrides of `current`; or the field
 * that is not a number. Ranges and level order are checked by the core with the same schema.
 */
export function configFrom(
  draft: AlertSettingsDraft,
  current: AlertConfig,
): { config: AlertConfigInput } | { error: string } {
  const number = (text: string, name: string): number | string => {
    const value = Number(text.trim().replace(',', '.'));
    return text.trim() !== '' && Number.isFinite(value) ? value : `${name}: enter a number`;
  };
  const levels = (group: AlertSettingsDraft['marginRatio'], name: string) => {
    const out: Record<'warning' | 'danger' | 'critical', number> = { warning: 0, danger: 0, critical: 0 };
    for (const level of ['warning', 'danger', 'critical'] as const) {
      const value = number(group[level], `${name} ${level}`);
      if (typeof value === 'string') return value;
      out[level] = value / 100;
    }
    return out;
  };
  const margin = levels(draft.marginRatio, 'Margin ratio');
  if (typeof margin === 'string') return { error: margin };
  const distance = levels(draft.distance, 'Distance');
  if (typeof distance === 'string') return { error: distance };
  const stale = number(draft.staleSeconds, 'Stale after');
  if (typeof stale === 'string') return { error: stale };
  const enabled = (rule: RuleKind) => ({ enabled: draft.enabled[rule] });
  return {
    config: {
      rules: {
        marginRatio: { ...enabled('marginRatio'), levels: margin },
        distance: { ...enabled('distance'), levels: distance },
        cluster: enabled('cluster'),
        imbalance: enabled('imbalance'),
        cascade: enabled('cascade'),
        marginCall: enabled('marginCall'),
        stale: { ...enabled('stale'), afterMs: Math.round(stale * 1000) },
        adlFront: enabled('adlFront'),
        venueLowered: enabled('venueLowered'),
      },
      overrides: [...current.overrides],
      quietHours: { ...draft.quiet, loudLevels: [...current.quietHours.loudLevels] },
    },
  };
}
