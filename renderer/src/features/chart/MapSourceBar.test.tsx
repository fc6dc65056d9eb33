// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultLedgerParams,
  measuredMap,
  shippedMeasuredSkill,
  type RecordedSkill,
} from '../../../../shared/clusters';
import type { MeasuredMapWire } from '../../../../shared/ipc/views/clusters';
import { MapSourceBar } from './MapSourceBar';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const binSize = defaultLedgerParams.binSize;
const built = measuredMap({
  venue: 'hyperliquid',
  positions: [
    {
      address: '0xa',
      symbol: 'ETH',
      side: 'long',
      size: 10,
      notionalUsd: 30_000,
      liquidationPrice: 2_800,
      leverage: 10,
      readAtMs: 60_000,
    },
  ],
  price: 3_000,
  timeMs: 120_000,
  binSize,
  openInterestUsd: 4_500_000,
  addressesRead: 3,
});
const measured: MeasuredMapWire = { binSize, timeMs: built.map.timeMs, price: 3_000, ...built };

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function render(kind: 'estimated' | 'measured', wire: MeasuredMapWire | null): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<MapSourceBar kind={kind} onKindChange={() => undefined} measured={wire} />));
  const bar = host.querySelector<HTMLElement>('[data-testid="map-source"]');
  if (bar === null) throw new Error('no map source bar');
  return bar;
}
const skillOf = (bar: HTMLElement): string => bar.querySelector('[data-testid="map-skill"]')?.textContent ?? '';

describe('the map legend carries the map’s measured skill', () => {
  it('the estimate states the rank the real-data scorecard measured, beside the best reference, with its source', () => {
    const skill = shippedMeasuredSkill;
    if (skill === null) throw new Error('this build ships no measurement');
    const bar = render('estimated', null);
    expect(bar.textContent).toContain('Estimated map');
    expect(skillOf(bar)).toBe(
      `rank ${skill.map.rank.toFixed(2)} out-of-sample, ${skill.map.days} days (${skill.map.referenceName} ${skill.map.referenceRank.toFixed(2)})`,
    );
    expect(bar.querySelector('[data-testid="map-skill"]')?.getAttribute('title')).toBe(skill.source);
  });

  it('a measured map says it is measured, with its coverage; picking the estimate shows the estimate’s skill', () => {
    const bar = render('measured', measured);
    expect(bar.getAttribute('data-kind')).toBe('measured');
    expect(bar.textContent).toContain('Measured map');
    expect(skillOf(bar)).toMatch(/^measured /);
    expect(bar.querySelector('[data-testid="map-coverage"]')?.textContent).toMatch(/^1 addresses?, /);
    act(() => root?.render(<MapSourceBar kind="estimated" onKindChange={() => undefined} measured={measured} />));
    expect(skillOf(bar)).toMatch(/^rank \d\.\d\d out-of-sample/);
  });

  it('beside it, what the core measured on the user’s own recordings of the market, or how many days it still needs', () => {
    const bar = render('estimated', null);
    const recordedOf = (): string | null =>
      bar.querySelector('[data-testid="map-recorded-skill"]')?.textContent ?? null;
    expect(recordedOf()).toBeNull();
    const shown = (recorded: RecordedSkill | null): void =>
      act(() =>
        root?.render(
          <MapSourceBar kind="estimated" onKindChange={() => undefined} measured={null} recorded={recorded} />,
        ),
      );
    shown(null);
    expect(recordedOf()).toBe(' · not measured on your recordings yet');
    const base = { daysNeeded: 5, bucketSides: 400, measuredAtMs: 0 };
    shown({ ...base, days: 2, rank: null, referenceRank: null });
    expect(recordedOf()).toBe(' · not measured on your recordings yet (2 of 5 days)');
    shown({ ...base, days: 6, rank: 0.6449, referenceRank: 0.6151 });
    expect(recordedOf()).toBe(' · rank 0.64 over 6 days of your recordings; move x OI 0.62');
    // The real-data figure stays as it was, the recordings' beside it.
    expect(skillOf(bar)).toMatch(/^rank \d\.\d\d out-of-sample, \d+ days \([^)]*\)$/);
  });
});
