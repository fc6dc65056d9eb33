import { describe, expect, it } from 'vitest';
import { createLogNotifier } from './log-notifier';
import { createJsonLogger } from './logger';

function capture(): { lines: Record<string, unknown>[]; write: (line: string) => void } {
  const lines: Record<string, unknown>[] = [];
  return { lines, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) };
}

describe('log lines', () => {
  it("carry the logger's level even when a field is called level", () => {
    const { lines, write } = capture();
    const logger = createJsonLogger('web', write, () => 0);
    logger.info('something', { level: 'critical', scope: 'other', account: 'a' });
    expect(lines[0]).toMatchObject({ level: 'info', scope: 'web', message: 'something' });
    expect(lines[0]?.['fields']).toEqual({ level: 'critical', scope: 'other', account: 'a' });
  });

  it('keep plain fields at the top level', () => {
    const { lines, write } = capture();
    createJsonLogger('web', write, () => 0).error('failed', { error: 'boom' });
    expect(lines[0]).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'error',
      scope: 'web',
      message: 'failed',
      error: 'boom',
    });
  });

  it('log a notification at warn with the alert level apart', () => {
    const { lines, write } = capture();
    createLogNotifier(createJsonLogger('watch', write)).notify({
      title: 'Danger',
      body: 'BTC long',
      level: 'critical',
    });
    expect(lines[0]).toMatchObject({ level: 'warn', message: 'notification', alertLevel: 'critical' });
  });
});
