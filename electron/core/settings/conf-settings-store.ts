import Conf from 'conf';
import type { SettingsStore } from '../ports';
import { openSettingsStore } from './settings-store';

/** Settings on `conf`: web mode, the CLI and tests (the desktop app uses electron-store). */
export function openConfSettingsStore(dataDir: string, nowMs: number): SettingsStore {
  return openSettingsStore(
    dataDir,
    nowMs,
    (options) => new Conf<Record<string, unknown>>({ ...options, projectName: 'liqlens' }),
  );
}
