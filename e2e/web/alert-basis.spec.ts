import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { modeAccountSpecs } from '../../electron/sim/testing/mode-accounts';
import { expect, test } from '../fixtures';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';
import { simAccountAdd, useSimWebApp } from '../sim-web-app';

/*
 * A Bybit portfolio-margin account's header, as a trader sees it in web mode: Bybit gives no
 * liquidation price in this mode, so the header says which gauge the alerts follow instead.
 * `LIQLENS_README_SCREENSHOTS=1` also writes docs/screenshots/alert-basis-bybit-pm.png.
 */

const label = 'Sim Bybit portfolio margin';

// The clock stands still: every figure holds while the test reads it.
const running = useSimWebApp(
  {
    seed: 3,
    scenario: 'calm',
    speed: 0,
    historyDays: 1,
    accounts: modeAccountSpecs().filter((spec) => spec.id === 'by-pm'),
  },
  (sim) => [simAccountAdd(sim, 'by-pm', label)],
);

test("a Bybit portfolio-margin account's header says its alerts follow Bybit's accountMMRate, not a distance", async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open(running().webApp.url);
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
