import { describe, expect, it } from 'vitest';
import { defaultAlertConfig, parseAlertConfig } from '../../../../shared/alerts';
import { configFrom, draftFrom } from './alert-settings-form';

describe('alert settings form', () => {
  it('round-trips the settings in force through the form unchanged', () => {
    const current = defaultAlertConfig();
    const result = configFrom(draftFrom(current), current);
    if (!('config' in result)) throw new Error(result.error);
    const parsed = parseAlertConfig(result.config);
    expect(parsed.ok && parsed.config).toEqual(current);
  });

  it('turns percent and seconds into the engine units, and names a field that is not a number', () => {
    const current = defaultAlertConfig();
    const draft = draftFrom(current);
    const result = configFrom(
      { ...draft, marginRatio: { ...draft.marginRatio, danger: '65' }, staleSeconds: '30' },
      current,
    );
    expect('config' in result && result.config.rules?.marginRatio?.levels?.danger).toBe(0.65);
    expect('config' in result && result.config.rules?.stale?.afterMs).toBe(30_000);
    expect(configFrom({ ...draft, distance: { ...draft.distance, critical: 'abc' } }, current)).toEqual({
      error: 'Distance critical: enter a number',
    });
  });
});
