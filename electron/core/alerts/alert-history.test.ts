import { appendFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import { useTempDirs } from '../../../test/support/temp-dir';
import { eventAt as planned } from '../../../test/data-safety/crash-plan';
import { historyLimit, historyRotation, openAlertHistory } from './alert-history';

/** A history event numbered `n` (id `<n>-1`), its message padded to about `padding` characters. */
function eventAt(n: number, padding = 40): AlertEvent {
  const base = planned(0, n);
  return { ...base, id: `${n}-1`, message: base.message.padEnd(padding, '.') };
}

describe('alert history on disk', () => {
  const tempDir = useTempDirs();

  it('opens a 560 MB history by reading its tail only, and starts a new file at the next append', () => {
    const path = join(tempDir(), 'history.jsonl');
    // 560 MB of old history (a sparse file: no real disk needed), then the newest events.
    writeFileSync(path, '');
    truncateSync(path, 560 * 1024 * 1024);
    appendFileSync(path, '\n' + Array.from({ length: 800 }, (_, n) => JSON.stringify(eventAt(n))).join('\n') + '\n');

    const history = openAlertHistory(path);
    expect(history.list()).toHaveLength(historyLimit);
    expect(history.list()[0]?.id).toBe('799-1');
    expect(history.list()[historyLimit - 1]?.id).toBe(`${800 - historyLimit}-1`);
    // The tail of 500 events is well under a megabyte; the file is 560 MB.
    expect(history.bytesReadAtOpen).toBeLessThan(1024 * 1024);

    history.append([eventAt(800)]);
    expect(statSync(path).size).toBeLessThan(historyRotation.maxBytes);
    expect(statSync(join(path, '..', 'history.1.jsonl')).size).toBeGreaterThan(560 * 1024 * 1024);
    expect(openAlertHistory(path).list()[0]?.id).toBe('800-1');
  });

  it('rotates past 5 MB over three files, drops the oldest, and reads across the newest two', () => {
    const dir = tempDir();
    const path = join(dir, 'history.jsonl');
    const history = openAlertHistory(path);
    // 1 KB events: 5 MB is about 5,000 of them; 16,000 rotate three times.
    for (let n = 0; n < 16_000; n += 100) history.append(Array.from({ length: 100 }, (_, k) => eventAt(n + k, 1000)));
    for (const name of ['history.jsonl', 'history.1.jsonl', 'history.2.jsonl'])
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(historyRotation.maxBytes);
    expect(existsSync(join(dir, 'history.3.jsonl'))).toBe(false);
    expect(readFileSync(join(dir, 'history.2.jsonl'), 'utf8')).not.toContain('"0-1"');

    // A fresh file with a few events still shows 500: the rest come from the previous file.
    const reopened = openAlertHistory(path);
    expect(reopened.list()).toHaveLength(historyLimit);
    expect(reopened.list()[0]?.id).toBe('15999-1');
    expect(reopened.list()[historyLimit - 1]?.id).toBe(`${16_000 - historyLimit}-1`);
  });
});
