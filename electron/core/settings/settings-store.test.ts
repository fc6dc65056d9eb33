import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp-dir';
import { openConfSettingsStore } from './conf-settings-store';

const nowMs = Date.UTC(2026, 10, 21, 9, 30);

describe('settings store on conf', () => {
  const tempDir = useTempDirs();

  it('starts from defaults in a new data folder and persists an update across reopen', () => {
    const dir = tempDir();
    const store = openConfSettingsStore(dir, nowMs);
    expect(store.get().theme).toBe('dark');
    expect(store.problems).toEqual([]);
    store.update({ theme: 'light' });
    expect(openConfSettingsStore(dir, nowMs).get().theme).toBe('light');
    expect(JSON.parse(readFileSync(store.filePath, 'utf8'))).toMatchObject({ theme: 'light' });
  });

  it('clears the temporary files of writes killed before they finished and keeps what was saved', () => {
    const dir = tempDir();
    openConfSettingsStore(dir, nowMs).update({ theme: 'light' });
    // A killed write of the app's durable writer (pid-named) and of conf's own atomic writer.
    writeFileSync(join(dir, 'settings.json.424242.tmp'), '{"theme":"da');
    writeFileSync(join(dir, 'settings.json.tmp-1732000000abcdef'), '{');
    const reopened = openConfSettingsStore(dir, nowMs);
    expect(reopened.get().theme).toBe('light');
    expect(reopened.problems).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.startsWith('settings.json.'))).toEqual([]);
  });

  // app:info and every settings request read them: a read must not cost a file read and a validation.
  it('answers reads from memory, as last saved, with the file out of reach', () => {
    const dir = tempDir();
    const store = openConfSettingsStore(dir, nowMs);
    store.update({ theme: 'light' });
    rmSync(store.filePath);
    expect(store.get().theme).toBe('light');
    expect(() => Object.assign(store.get(), { theme: 'dark' })).toThrow(TypeError);
    expect(store.update({ heartbeatMs: 2000 })).toMatchObject({ theme: 'light', heartbeatMs: 2000 });
    expect(store.get()).toMatchObject({ theme: 'light', heartbeatMs: 2000 });
  });

  it('refuses a bad value with the field named and keeps what was saved', () => {
    const dir = tempDir();
    const store = openConfSettingsStore(dir, nowMs);
    store.update({ heartbeatMs: 2000 });
    expect(() => store.update({ heartbeatMs: 5 })).toThrow(/heartbeatMs/);
    expect(() => store.update({ theme: 'pink' as 'dark' })).toThrow(/theme/);
    expect(openConfSettingsStore(dir, nowMs).get()).toMatchObject({ heartbeatMs: 2000, theme: 'dark' });
  });

  it.each([
    ['not JSON', '{"theme": "dark",', /not valid JSON/],
    ['not an object', '[1, 2, 3]', /settings object/],
    ['a value the schema refuses', '{"theme": "neon", "heartbeatMs": 1000}', /theme/],
  ])('moves a corrupt file (%s) aside, restores defaults and says where it went', (_name, content, reason) => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, content);
    const store = openConfSettingsStore(dir, nowMs);
    expect(store.get()).toMatchObject({ theme: 'dark', heartbeatMs: 1000 });
    expect(store.problems).toHaveLength(1);
    const [problem] = store.problems;
    expect(problem?.message).toMatch(reason);
    expect(problem?.backupPath).toBeDefined();
    expect(problem?.message).toContain(problem?.backupPath ?? '<none>');
    expect(readFileSync(problem?.backupPath ?? '', 'utf8')).toBe(content);
    expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
    store.update({ theme: 'light' });
    expect(openConfSettingsStore(dir, nowMs).problems).toEqual([]);
  });

  it('treats missing fields as defaults, not damage', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"theme":"light"}');
    const store = openConfSettingsStore(dir, nowMs);
    expect(store.problems).toEqual([]);
    expect(store.get()).toEqual({ theme: 'light', heartbeatMs: 1000 });
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  });
});
