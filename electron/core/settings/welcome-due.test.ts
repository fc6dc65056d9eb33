import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings-schema';
import { welcomeDue } from './welcome-due';

const demo = 'demo';
const real = 'api-key';

describe('welcomeDue', () => {
  it('welcomes on a true first start with no account or only the Demo', () => {
    expect(welcomeDue(true, defaultSettings, [])).toBe(true);
    expect(welcomeDue(true, defaultSettings, [demo, demo])).toBe(true);
  });

  it('does not welcome again once closed, after a real account was added, or on a later start', () => {
    expect(welcomeDue(true, { ...defaultSettings, welcomeDismissed: true }, [demo])).toBe(false);
    expect(welcomeDue(true, defaultSettings, [demo, real])).toBe(false);
    expect(welcomeDue(false, defaultSettings, [])).toBe(false);
  });
});
