import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createManualClock } from '../../../test/support/manual-clock';
import { createSilentLogger } from '../logger';
import { createAlertsService } from './alerts-service';

/** No alert in these tests streams prices; a subscription that is never reached says so if it is. */
const noMarks = (): never => {
  throw new Error('no market streams in this test');
};

function service(dataDir: string, problems: string[] = []) {
  return createAlertsService({
    dataDir,
    clock: createManualClock(),
    logger: createSilentLogger(),
    notifier: { notify: () => undefined },
    subscribeMarks: noMarks,
    onEvent: () => undefined,
    onChanged: () => undefined,
    onProblem: (message) => problems.push(message),
  });
}

describe('alert settings', () => {
  const tempDir = useTempDirs();

  it('saves new levels, keeps them across a restart, and refuses levels out of order with the reason', async () => {
    const dir = tempDir();
    const first = service(dir);
    const saved = first.setConfig({
      rules: { marginRatio: { levels: { warning: 0.4, danger: 0.6, critical: 0.8 } } },
      quietHours: { enabled: true, start: '22:00', end: '06:00' },
    });
    expect(saved.rules.marginRatio.levels).toEqual({ warning: 0.4, danger: 0.6, critical: 0.8 });
    expect(() =>
      first.setConfig({ rules: { marginRatio: { levels: { warning: 0.9, danger: 0.6, critical: 0.8 } } } }),
    ).toThrow(/Alert settings not saved: .*/);
    await first.stop();
    const second = service(dir);
    expect(second.config().rules.marginRatio.levels.warning).toBe(0.4);
    expect(second.config().quietHours).toMatchObject({ enabled: true, start: '22:00', end: '06:00' });
    await second.stop();
  });

  it('tells the user when a damaged settings or state file had to be moved aside, and keeps it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'alerts'), { recursive: true });
    writeFileSync(join(dir, 'alerts', 'config.json'), '{"rules": 5');
    writeFileSync(join(dir, 'alerts', 'state.json'), 'not json');
    const problems: string[] = [];
    const alerts = service(dir, problems);
    expect(problems).toHaveLength(2);
    expect(problems.some((problem) => /alert state could not be read/.test(problem))).toBe(true);
    expect(problems.some((problem) => /alert settings could not be read/.test(problem))).toBe(true);
    expect(readdirSync(join(dir, 'alerts')).filter((name) => name.includes('.corrupt-'))).toHaveLength(2);
    expect(existsSync(join(dir, 'alerts', 'config.json'))).toBe(false);
    expect(alerts.config().rules.marginRatio.levels.warning).toBe(0.5);
    await alerts.stop();
  });
});
