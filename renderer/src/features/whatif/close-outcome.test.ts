import { describe, expect, it } from 'vitest';
import { applyWhatIf, evaluateAccount } from '../../../../shared/risk';
import { closeOutcome } from './close-outcome';
import { addToAmount } from './WhatIfInputs';
import { demoBinanceRisk, demoBybitRisk } from './fixtures/demo-account';

describe('closeOutcome', () => {
  it('isolated: realizes the closed share of the PnL and frees that share of the margin, as the engine applies it', () => {
    const target = { symbol: 'ETHUSDT', side: 'long' as const };
    const outcome = closeOutcome(demoBybitRisk, target, 0.25);
    const index = demoBybitRisk.positions.findIndex((p) => p.symbol === 'ETHUSDT' && p.side === 'long');
    const pnl = evaluateAccount(demoBybitRisk).positions[index]?.unrealizedPnl ?? Number.NaN;
    expect(outcome?.realizedPnl).toBeCloseTo(pnl / 4, 9);
    // The engine's close returns the realized PnL and the freed margin to the wallet.
    const after = applyWhatIf(demoBybitRisk, [{ ...target, op: 'close', fraction: 0.25 }]).state;
    expect(after.walletBalance - demoBybitRisk.walletBalance).toBeCloseTo(
      (outcome?.realizedPnl ?? 0) + (outcome?.freedMargin ?? 0),
      9,
    );
  });

  it('cross: frees the closed share of the initial margin at the mark', () => {
    const target = { symbol: 'BTCUSDT', side: 'long' as const };
    const index = demoBinanceRisk.positions.findIndex((p) => p.symbol === 'BTCUSDT' && p.side === 'long');
    const position = demoBinanceRisk.positions[index];
    const notional = evaluateAccount(demoBinanceRisk).positions[index]?.notional ?? Number.NaN;
    expect(closeOutcome(demoBinanceRisk, target, 0.5)?.freedMargin).toBeCloseTo(
      (0.5 * notional) / (position?.leverage ?? Number.NaN),
      9,
    );
  });

  it('is null when nothing is closed', () => {
    expect(closeOutcome(demoBybitRisk, { symbol: 'ETHUSDT', side: 'long' }, 0)).toBeNull();
  });
});

describe('addToAmount', () => {
  it.each([
    ['', 500, '500'],
    ['250', 500, '750'],
    ['1,000', 100, '1100'],
    ['abc', 100, '100'],
    ['0.1', 0.2, '0.3'],
  ] as const)('%j + %d = %s', (text, amount, expected) => expect(addToAmount(text, amount)).toBe(expected));
});
