import { describe, expect, it } from 'vitest';
import type { MarketContextView } from '../ipc/views/market-context';
import { divergenceFlags } from './divergence';

type Figures = Parameters<typeof divergenceFlags>[0];

const absent = { state: 'absent', reason: 'not published' } as const;
const level = (change1h: number | null) => ({ state: 'ok', now: 1, change1h, change24h: null }) as const;

/** Figures with price moving `price1h` and the rest absent unless given. */
function figures(price1h: number | null, rest: Partial<Figures> = {}): Figures {
  const none: Pick<MarketContextView, 'openInterest' | 'funding' | 'cvd' | 'longShort' | 'volume'> = {
    openInterest: absent,
    funding: absent,
    cvd: absent,
    longShort: absent,
    volume: absent,
  };
  return { price: level(price1h), ...none, ...rest };
}
const oi = (change1h: number) => ({ ...level(change1h), unit: 'base' }) as const;
const funding = (rate: number) =>
  ({ state: 'ok', rate, predictedRate: null, nextSettlementMs: null, intervalHours: 8, readAtMs: 0 }) as const;
const cvd = (share1h: number) =>
  ({ state: 'ok', net1h: share1h * 100, net24h: 0, share1h, trail: [], trailHours: 4 }) as const;
const volume = (relative1h: number) => ({ state: 'ok', last1hUsd: 1, last24hUsd: 24, relative1h }) as const;

describe('divergenceFlags', () => {
  it.each([
    [
      'price up, OI falling',
      figures(0.02, { openInterest: oi(-0.01) }),
      'openInterest',
      /^Price up 2\.0 % in 1 h, open interest falling 1\.0 %: short covering, not new longs\.$/,
    ],
    [
      'price down, OI falling',
      figures(-0.03, { openInterest: oi(-0.02) }),
      'openInterest',
      /longs closing or liquidated, not new shorts/,
    ],
    ['price up, takers selling', figures(0.01, { cvd: cvd(-0.1) }), 'cvd', /takers sold on balance/],
    ['price down, takers buying', figures(-0.01, { cvd: cvd(0.2) }), 'cvd', /buyers are absorbing/],
    [
      'price down, longs paying high funding',
      figures(-0.02, { funding: funding(0.0005) }),
      'funding',
      /longs still pay 0\.050 % funding/,
    ],
    ['price up, shorts paying', figures(0.02, { funding: funding(-0.0001) }), 'funding', /shorts pay funding/],
    [
      'price up, accounts turning short',
      figures(0.01, { longShort: level(-0.05) }),
      'longShort',
      /the crowd fades the rise/,
    ],
    [
      'price down, accounts turning long',
      figures(-0.01, { longShort: level(0.05) }),
      'longShort',
      /the crowd buys the drop/,
    ],
    [
      'a move on thin volume',
      figures(0.01, { volume: volume(0.5) }),
      'volume',
      /thin volume \(50 % of the day's hourly average\)/,
    ],
  ] as const)('flags %s', (_name, input, metric, text) => {
    const flags = divergenceFlags(input);
    expect(flags.map((flag) => flag.metric)).toEqual([metric]);
    expect(flags[0]?.text).toMatch(text);
  });

  it.each([
    ['price up with OI rising (new longs, a confirmation)', figures(0.02, { openInterest: oi(0.01) })],
    ['a price move below 0.5 %', figures(0.004, { openInterest: oi(-0.05), cvd: cvd(-0.5), volume: volume(0.1) })],
    ['an unknown price change', figures(null, { openInterest: oi(-0.05) })],
    ['OI falling less than 0.3 %', figures(0.02, { openInterest: oi(-0.002) })],
    ['normal funding in a drop', figures(-0.02, { funding: funding(0.0001) })],
    ['figures the venue does not publish', figures(0.05)],
  ] as const)('raises nothing for %s', (_name, input) => {
    expect(divergenceFlags(input)).toEqual([]);
  });
});
