import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectContractClient } from '../../electron/cli/bench/contract-client';
import { startSimulator, type Simulator } from '../../electron/sim/simulator';
import { modeAccountSpecs, readKeyOf } from '../../electron/sim/testing/mode-accounts';
import { expect, startWebApp, test, type WebApp } from '../fixtures';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';

/*
 * A Bybit portfolio-margin account's header, as a trader sees it in web mode: Bybit gives no
 * liquidation price in this mode, so the header says which gauge the alerts follow instead.
 * `LIQLENS_README_SCREENSHOTS=1` also writes docs/screenshots/alert-basis-bybit-pm.png.
 */

const label = 'Sim Bybit portfolio margin';

let sim: Simulator;
let webApp: WebApp;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // The clock stands still: every figure holds while the test reads it.
  sim = await startSimulator({
    seed: 3,
    scenario: 'calm',
    speed: 0,
    historyDays: 1,
    accounts: modeAccountSpecs().filter((spec) => spec.id === 'by-pm'),
  });
  dataDir = mkdtempSync(join(tmpdir(), 'liqlens-e2e-'));
  webApp = await startWebApp(dataDir);
  const url = new URL(webApp.url);
  const client = await connectContractClient(Number(url.port), url.searchParams.get('token') ?? '');
  const key = readKeyOf(sim, 'by-pm');
  try {
    await client.request('accounts:add', {
      account: {
        kind: 'api-key',
        venue: 'bybit-linear',
        label,
        apiKey: key.apiKey,
        apiSecret: key.secret,
        baseUrl: sim.baseUrl('bybit-linear'),
      },
    });
  } finally {
    await client.close();
  }
});

test.afterAll(async () => {
  await webApp?.stop();
  await sim?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a Bybit portfolio-margin account's header says its alerts follow Bybit's accountMMRate, not a distance", async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open(webApp.url);
  const group = new AccountGroup(page, label);
  await expect(group.header).toContainText('Live');
  await expect(group.mode).toHaveText('Bybit · simulator · unified · portfolio margin');
  await expect(group.alertBasis).toHaveText(
    'Distance alerts do not apply (the venue gives no liquidation price in this mode); margin alerts follow ' +
      'the account maintenance margin rate (accountMMRate), liquidation at or above 100 %',
  );
  await expect(group.gauge).toContainText('Venue gauge: accountMMRate ');
  await group.header.scrollIntoViewIfNeeded();
  await group.header.screenshot({ path: test.info().outputPath('alert-basis-bybit-pm.png') });
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
    mkdirSync(join('docs', 'screenshots'), { recursive: true });
    await group.header.screenshot({ path: join('docs', 'screenshots', 'alert-basis-bybit-pm.png') });
  }
});
