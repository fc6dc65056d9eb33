import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountModeLabel } from '../../../shared/domain/account-mode';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../shared/ipc/views/positions';
import type { Simulator } from '../../sim/simulator';
import { readKeyOf, startModeSimulator } from '../../sim/testing/mode-accounts';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import { createSilentLogger } from '../logger';
import { createMemorySecretStore } from '../secrets/memory-secret-store';
import { createAccountsService, type AccountsService } from './accounts-service';

/*
 * A venue account switched to another mode while LiqLens watches it, through real ccxt against the
 * simulator: the next refresh shows the new mode in the account view, with the figures that mode
 * allows (LiqLens's own liquidation price, or the venue's with the reason), and never the old mode's.
 */

let sim: Simulator;
const services: AccountsService[] = [];
const tempDir = useTempDirs();

beforeAll(async () => {
  sim = await startModeSimulator(5);
});

afterAll(async () => {
  for (const service of services) await service.stop();
  await sim.stop();
});

/** A service watching one keyed account of the mode simulator; polls only when the test refreshes. */
async function watch(simAccountId: string): Promise<{ service: AccountsService; summary: AccountSummary }> {
  const service = createAccountsService({
    dataDir: tempDir(),
    secrets: createMemorySecretStore(),
    clock: createSystemClock(),
    logger: createSilentLogger(),
    createGateway,
    pollMs: 3_600_000,
    onAccountsChanged: () => undefined,
    onPositionsChanged: () => undefined,
    onProblem: () => undefined,
  });
  services.push(service);
  const venue = sim.market.account(simAccountId)?.venue;
  if (venue === undefined || venue === 'hyperliquid') throw new Error(`no keyed account ${simAccountId}`);
  const key = readKeyOf(sim, simAccountId);
  const summary = await service.add({
    kind: 'api-key',
    venue,
    label: simAccountId,
    apiKey: key.apiKey,
    apiSecret: key.secret,
    ...(key.password === undefined ? {} : { passphrase: key.password }),
    baseUrl: sim.baseUrl(venue),
  });
  return { service, summary };
}

function viewOf(service: AccountsService, accountId: string): { account: AccountSummary; entry: AccountPositions } {
  const account = service.list().find((candidate) => candidate.id === accountId);
  const entry = service.positions().find((candidate) => candidate.accountId === accountId);
  if (account === undefined || entry === undefined) throw new Error(`no view of ${accountId}`);
  return { account, entry };
}

describe('an account mode changed at the venue mid-run', () => {
  it('OKX futures mode to multi-currency margin: the header names the new mode, the venue figure replaces LiqLens’s with the reason', async () => {
    const { service, summary } = await watch('okx-futures');
    const before = viewOf(service, summary.id);
    expect(before.account.accountMode).toBe('okx-futures');
    expect(before.account.accountMode && accountModeLabel(before.account.accountMode)).toBe('futures mode');
    expect(before.account.venueGauge).toBeNull();
    expect(before.entry.positions.length).toBeGreaterThan(0);
    for (const position of before.entry.positions) {
      expect(position.computedNote).toBeNull();
      expect(position.selfCheckOk).toBe(true);
    }

    sim.market.changeAccountMode('okx-futures', 'multi-currency');
    await service.refreshAll();

    const after = viewOf(service, summary.id);
    expect(after.account.accountMode).toBe('okx-multi-currency');
    expect(after.account.accountMode && accountModeLabel(after.account.accountMode)).toBe('multi-currency margin');
    expect(after.account.venueGauge?.name).toBe('mgnRatio');
    expect(after.entry.risk?.accountMode).toBe('okx-multi-currency');
    const truth = sim.market.account('okx-futures');
    for (const position of after.entry.positions) {
      const venuePrice = truth?.positions.find((p) => p.symbol === 'BTCUSDT' && p.side === position.side);
      // The venue's own figure, as it publishes it (to its price tick).
      const difference = (position.exchangeLiquidationPrice ?? Infinity) - (venuePrice?.liquidationPrice ?? Infinity);
      expect(Math.abs(difference)).toBeLessThanOrEqual(position.tickSize);
      expect(position.computedLiquidationPrice).toBeNull();
      expect(position.selfCheckOk).toBeNull();
      expect(position.computedNote).toMatch(/^venue's figure; LiqLens cannot recompute it in this mode/);
    }
  });

  it('Binance Portfolio Margin and back, read in the mode of the last read first: fapi refuses the key, the mode is read again, and each read shows the mode the venue is in', async () => {
    const { service, summary } = await watch('bn-multi');
    expect(viewOf(service, summary.id).account.accountMode).toBe('binance-multi-assets');

    sim.market.changeAccountMode('bn-multi', 'portfolio');
    await service.refreshAll();
    const portfolio = viewOf(service, summary.id);
    expect(portfolio.account.accountMode).toBe('binance-portfolio');
    expect(portfolio.account.status).toBe('live');
    expect(portfolio.entry.risk?.accountMode).toBe('binance-portfolio');
    expect(portfolio.entry.positions.length).toBeGreaterThan(0);

    sim.market.changeAccountMode('bn-multi', 'multi-assets');
    await service.refreshAll();
    const back = viewOf(service, summary.id);
    expect(back.account.accountMode).toBe('binance-multi-assets');
    expect(back.account.status).toBe('live');
    expect(back.account.venueGauge?.name).toBe('accountMarginRatio');
    expect(back.entry.positions.length).toBeGreaterThan(0);
  });

  it('Binance single-asset to Multi-Assets: the header and gauge follow, and LiqLens still recomputes the venue’s price', async () => {
    const { service, summary } = await watch('bn-single');
    expect(viewOf(service, summary.id).account.accountMode).toBe('binance-single-asset');
    expect(viewOf(service, summary.id).account.venueGauge).toBeNull();

    sim.market.changeAccountMode('bn-single', 'multi-assets');
    await service.refreshAll();

    const { account, entry } = viewOf(service, summary.id);
    expect(account.accountMode).toBe('binance-multi-assets');
    expect(account.venueGauge?.name).toBe('accountMarginRatio');
    expect(entry.risk?.accountMode).toBe('binance-multi-assets');
    expect(entry.positions.length).toBeGreaterThan(0);
    for (const position of entry.positions) {
      expect(position.computedNote).toBeNull();
      expect(position.computedLiquidationPrice).not.toBeNull();
      expect(position.selfCheckOk).toBe(true);
    }
  });
});
