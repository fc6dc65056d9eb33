import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/capture-io';
import { faqCrossAccount } from '../../../test/support/faq-cross-account';
import { runRiskCommand } from './risk';

const vectors = JSON.parse(
  readFileSync(new URL('../../../shared/risk/testdata/liquidation-vectors.json', import.meta.url), 'utf8'),
) as { id: string; expected: { liquidationPrice: number } }[];
const ethCrossLp = vectors.find((vector) => vector.id === 'bn-usdm-faq-cross-eth-with-btc')?.expected.liquidationPrice;

interface ShockOutput {
  shock: {
    moves: { coin: string; move: number; basis: string }[];
    liquidations: { symbol: string; markPrice: number; pathShare: number }[];
    account: { kind: string; equityBefore: number; equityAfter: number; liquidated: number };
  };
}

async function run(input: object): Promise<{ code: number; out: string[]; err: string[] }> {
  const { io, out, err } = captureIo({ 'in.json': JSON.stringify(input) });
  return { code: await runRiskCommand(['in.json'], io), out, err };
}

describe('liqlens risk: shock', () => {
  it("liquidates the FAQ's cross pool where the FAQ puts ETH's liquidation price when only ETH falls", async () => {
    const { code, out } = await run({ ...faqCrossAccount, shock: { moves: { ETH: -0.2 } } });
    expect(code).toBe(0);
    const { shock } = JSON.parse(out[0] ?? '') as ShockOutput;
    expect(shock.moves).toEqual([
      { coin: 'ETH', move: -0.2, basis: 'by hand' },
      { coin: 'BTC', move: 0, basis: 'not moved: not in moves' },
    ]);
    expect(shock.liquidations.map((entry) => entry.symbol)).toEqual(['ETHUSDT', 'BTCUSDT']);
    expect(shock.liquidations[0]?.markPrice).toBeCloseTo(ethCrossLp ?? Number.NaN, 1);
    // Binance's insurance fund keeps the cross pool's margin: nothing is left.
    expect(shock.account).toMatchObject({ kind: 'exact', liquidated: 2 });
    expect(shock.account.equityAfter).toBeCloseTo(0, 6);
  });

  it('moves the other coins by their beta to the reference, from the closes given', async () => {
    const btc = Array.from({ length: 30 }, (_, index) => ({
      openTimeMs: index * 3_600_000,
      close: 30000 + 500 * Math.sin(index),
    }));
    // ETH's log returns are 1.5 times BTC's: ETH = c × BTC^1.5.
    const eth = btc.map((bar) => ({ openTimeMs: bar.openTimeMs, close: 1e-4 * bar.close ** 1.5 }));
    const { code, out } = await run({
      ...faqCrossAccount,
      shock: { reference: { coin: 'btc', change: -0.01 }, closes: { BTC: btc, ETH: eth } },
    });
    expect(code).toBe(0);
    const { shock } = JSON.parse(out[0] ?? '') as ShockOutput;
    const ethMove = shock.moves.find((move) => move.coin === 'ETH');
    expect(ethMove?.move).toBeCloseTo(-0.015, 9);
    expect(ethMove?.basis).toBe('beta 1.500 to BTC');
    expect(shock.liquidations).toEqual([]);
  });

  it('refuses a shock that moves nothing, or a move beyond the reachable band, in one line', async () => {
    expect((await run({ ...faqCrossAccount, shock: {} })).err).toEqual([
      'shock.moves: give moves, a reference, or both',
    ]);
    expect((await run({ ...faqCrossAccount, shock: { moves: { BTC: -0.95 } } })).err).toEqual([
      'shock.moves.BTC: expected a relative change from -0.9 to 9 (the mark within 1/10 to 10x)',
    ]);
  });
});
