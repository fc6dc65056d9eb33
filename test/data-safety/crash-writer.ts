/**
 * The child process of crash-writes.test.ts: `node --import tsx crash-writer.ts <dataDir> <run>`.
 * Writes settings, accounts, alert history, alert state and a recording through the app's own
 * stores in a tight, bounded loop, and after each completed step writes `done <step>` to stdout
 * with a synchronous write, so a reported step is one that finished before any kill.
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { openAccountRegistry } from '../../electron/core/accounts/account-registry';
import { openAlertHistory } from '../../electron/core/alerts/alert-history';
import { createRecorder } from '../../electron/core/recorder/recorder';
import { openConfSettingsStore } from '../../electron/core/settings/conf-settings-store';
import { writeJsonFileAtomic } from '../../electron/core/storage/json-file';
import { accountAt, eventAt, heartbeatAt, maxAccounts, minuteAt, sequenceAt } from './crash-plan';

const [dataDir, runText] = process.argv.slice(2);
if (dataDir === undefined || runText === undefined) throw new Error('usage: crash-writer.ts <dataDir> <run>');
const run = Number(runText);
const say = (line: string): void => {
  writeSync(1, line + '\n');
};

const settings = openConfSettingsStore(dataDir, Date.now());
const registry = openAccountRegistry(dataDir, Date.now());
const history = openAlertHistory(join(dataDir, 'alerts', 'history.jsonl'));
const recorder = createRecorder(dataDir, 'production');
say('ready');
for (let step = 0; step < 20_000; step++) {
  say(`begin ${step}`);
  settings.update({ heartbeatMs: heartbeatAt(run, step) });
  const account = accountAt(run, step);
  registry.add(account);
  const oldest = registry.list()[0];
  if (registry.list().length > maxAccounts && oldest) registry.remove(oldest.id);
  history.append([eventAt(run, step)]);
  writeJsonFileAtomic(join(dataDir, 'alerts', 'state.json'), {
    version: 1,
    sequence: sequenceAt(run, step),
    positions: [],
  });
  recorder.append('binance-usdm', 'BTCUSDT', [
    { kind: 'oi', point: { timeMs: minuteAt(run, step), base: step, usd: step * 10 } },
  ]);
  say(`done ${step}`);
}
say('finished');
