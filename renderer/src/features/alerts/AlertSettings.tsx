import { useEffect, useState } from 'react';
import type { AlertConfig, RuleKind } from '../../../../shared/alerts';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import { imbalanceHasEdge, imbalanceSkillText, shippedMeasuredSkill } from '../../../../shared/clusters';
import { Button } from '../../ui';
import { configFrom, draftFrom, type AlertSettingsDraft } from './alert-settings-form';

const ruleNames: Record<RuleKind, string> = {
  marginRatio: 'Margin ratio',
  distance: 'Distance to liquidation',
  cluster: 'Price entering a cluster',
  imbalance: 'Imbalance turning against you',
  cascade: 'Liquidation cascade near you',
  marginCall: "The exchange's margin call",
  stale: 'Data stale while at risk',
  adlFront: 'A winning position at the front of the ADL queue',
  venueLowered: 'The exchange lowering your risk limit or leverage (changes while LiqLens watches)',
};

/**
 * The alert settings: rules on or off, the margin-ratio and distance levels, stale time and quiet
 * hours. Read from the core whenever `connected` turns true.
 */
export function AlertSettings({
  api,
  connected,
  onSaved,
}: {
  readonly api: LiqLensApi;
  readonly connected: boolean;
  /** Told the settings the core saved (the chart's threshold lines follow them). */
  readonly onSaved?: (config: AlertConfig) => void;
}) {
  const [current, setCurrent] = useState<AlertConfig | null>(null);
  const [draft, setDraft] = useState<AlertSettingsDraft | null>(null);
  const [message, setMessage] = useState('');
  // Read again each time the link to the core comes back: a read that failed while it was down is
  // not the last word. Edits not yet saved stay.
  useEffect(() => {
    if (!connected) return undefined;
    let cancelled = false;
    api.getAlertConfig().then(
      (config) => {
        if (cancelled) return;
        setCurrent(config);
        setDraft((previous) => previous ?? draftFrom(config));
        setMessage('');
      },
      (error: unknown) => !cancelled && setMessage(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [api, connected]);
  if (!current || !draft) return <p className="muted">{message || 'Loading settings…'}</p>;

  const save = (): void => {
    const result = configFrom(draft, current);
    if ('error' in result) return setMessage(result.error);
    api.setAlertConfig(result.config).then(
      (saved) => {
        setCurrent(saved);
        setDraft(draftFrom(saved));
        setMessage('Saved.');
        onSaved?.(saved);
      },
      (error: unknown) => setMessage(error instanceof Error ? error.message : String(error)),
    );
  };
  const levelRow = (group: 'marginRatio' | 'distance', hint: string) => (
    <fieldset className="alert-settings__levels">
      <legend>
        {ruleNames[group]} (%) <span className="muted">{hint}</span>
      </legend>
      {(['warning', 'danger', 'critical'] as const).map((level) => (
        <label key={level}>
          {level}
          <input
            inputMode="decimal"
            value={draft[group][level]}
            onChange={(event) =>
              setDraft({ ...draft, [group]: { ...draft[group], [level]: event.currentTarget.value } })
            }
            data-testid={`alert-${group}-${level}`}
          />
        </label>
      ))}
    </fieldset>
  );
  return (
    <form
      className="alert-settings"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      data-testid="alert-settings"
    >
      <fieldset className="alert-settings__rules">
        <legend>Rules</legend>
        {(Object.keys(ruleNames) as RuleKind[]).map((rule) => (
          <label key={rule}>
            <input
              type="checkbox"
              checked={draft.enabled[rule]}
              onChange={(event) =>
                setDraft({ ...draft, enabled: { ...draft.enabled, [rule]: event.currentTarget.checked } })
              }
            />
            {ruleNames[rule]}
            {rule === 'imbalance' && draft.enabled.imbalance && !imbalanceHasEdge(shippedMeasuredSkill) && (
              <span className="muted" data-testid="imbalance-alert-note">
                {' '}
                (off by default: no measured skill, {imbalanceSkillText(shippedMeasuredSkill)})
              </span>
            )}
          </label>
        ))}
      </fieldset>
      {levelRow('marginRatio', 'at or above')}
      {levelRow('distance', 'at or below')}
      <label className="alert-settings__inline">
        Stale after (s){' '}
        <input
          inputMode="numeric"
          value={draft.staleSeconds}
          onChange={(event) => setDraft({ ...draft, staleSeconds: event.currentTarget.value })}
        />
      </label>
      <fieldset className="alert-settings__quiet">
        <legend>
          Quiet hours{' '}
          <span className="muted" data-testid="quiet-hours-note">
            (a daily window: notifications are held, every alert is still recorded in the history, and Critical still
            notifies)
          </span>
        </legend>
        <label>
          <input
            type="checkbox"
            checked={draft.quiet.enabled}
            onChange={(event) =>
              setDraft({ ...draft, quiet: { ...draft.quiet, enabled: event.currentTarget.checked } })
            }
          />{' '}
          on
        </label>
        <label>
          from{' '}
          <input
            value={draft.quiet.start}
            onChange={(event) => setDraft({ ...draft, quiet: { ...draft.quiet, start: event.currentTarget.value } })}
          />
        </label>
        <label>
          to{' '}
          <input
            value={draft.quiet.end}
            onChange={(event) => setDraft({ ...draft, quiet: { ...draft.quiet, end: event.currentTarget.value } })}
          />
        </label>
        <label>
          time zone{' '}
          <input
            value={draft.quiet.timeZone}
            onChange={(event) => setDraft({ ...draft, quiet: { ...draft.quiet, timeZone: event.currentTarget.value } })}
          />
        </label>
      </fieldset>
      <div className="alert-settings__actions">
        <Button type="submit" data-testid="alert-settings-save">
          Save alert settings
        </Button>
        <span role="status" className="muted" data-testid="alert-settings-status">
          {message}
        </span>
      </div>
    </form>
  );
}
