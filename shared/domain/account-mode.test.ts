import { describe, expect, it } from 'vitest';
import {
  accountModeIds,
  accountModeLabel,
  accountModes,
  AccountModeSchema,
  defaultAccountMode,
  gaugeMarginRatio,
  type AccountGaugeDefinition,
} from './account-mode';
import { venueRegistry, venues } from './venue';

describe('account mode registry', () => {
  it('gives the header its words, e.g. "Bybit · unified · cross"', () => {
    expect(`${venueRegistry['bybit-linear'].short} · ${accountModeLabel('bybit-unified-cross')}`).toBe(
      'Bybit · unified · cross',
    );
  });

  it('says why wherever LiqLens does not recompute the liquidation price, and only there', () => {
    for (const id of accountModeIds) {
      const facts = accountModes[id];
      if (facts.liquidationPrice === 'exact') expect(facts.liquidationNote, id).toBeNull();
      else expect(facts.liquidationNote?.length ?? 0, id).toBeGreaterThan(20);
      if (facts.liquidationPrice === 'venue')
        expect(facts.liquidationNote, id).toMatch(/^venue's figure; LiqLens cannot recompute it in this mode/);
    }
  });

  it('names the approximation or the reason whenever the what-if is not exact', () => {
    const words = accountModeIds.map((id) => accountModes[id].whatIf).filter((support) => support.kind !== 'exact');
    expect(words.length).toBeGreaterThan(0);
    for (const support of words)
      expect(
        support.kind === 'approximate' ? support.approximation : support.kind === 'off' ? support.reason : '',
      ).not.toBe('');
  });

  it('defaults each venue to a mode of that venue which LiqLens recomputes exactly', () => {
    for (const venue of venues) {
      const facts = accountModes[defaultAccountMode[venue]];
      expect(facts.venues, venue).toContain(venue);
      expect(facts.liquidationPrice, venue).toBe('exact');
      expect(facts.whatIf.kind, venue).toBe('exact');
    }
  });

  it('gives portfolio modes the gauge their venue liquidates on, with its level and direction', () => {
    expect(accountModes['binance-portfolio'].gauge).toMatchObject({
      name: 'uniMMR',
      liquidationLevel: 1.05,
      direction: 'at-or-below',
    });
    expect(accountModes['bybit-portfolio'].gauge).toMatchObject({
      name: 'accountMMRate',
      liquidationLevel: 1,
      direction: 'at-or-above',
    });
    expect(accountModes['okx-portfolio'].gauge).toMatchObject({
      name: 'mgnRatio',
      liquidationLevel: 1,
      direction: 'at-or-below',
    });
    expect(accountModes['bybit-portfolio'].liquidationPrice).toBe('none');
  });

  it('parses only known mode ids', () => {
    expect(AccountModeSchema.safeParse('okx-multi-currency').success).toBe(true);
    expect(AccountModeSchema.safeParse('okx-acctlv-3').success).toBe(false);
  });
});

describe("the venue's gauge on LiqLens's margin-ratio scale", () => {
  const gaugeOf = (mode: (typeof accountModeIds)[number]): AccountGaugeDefinition => {
    const gauge = accountModes[mode].gauge;
    if (!gauge) throw new Error(`${mode} publishes no gauge`);
    return gauge;
  };

  it("is 1 exactly at every gauge's liquidation level, below 1 on the safe side and above 1 past it", () => {
    for (const mode of accountModeIds) {
      const gauge = accountModes[mode].gauge;
      if (!gauge) continue;
      const at = (value: number) => gaugeMarginRatio({ ...gauge, value });
      expect(at(gauge.liquidationLevel), mode).toBeCloseTo(1, 12);
      const safe = gauge.direction === 'at-or-above' ? gauge.liquidationLevel / 2 : gauge.liquidationLevel * 2;
      const past = gauge.direction === 'at-or-above' ? gauge.liquidationLevel * 1.2 : gauge.liquidationLevel / 1.2;
      expect(at(safe), mode).toBeLessThan(1);
      expect(at(past), mode).toBeGreaterThan(1);
    }
  });

  it('rescales the figures the venues publish', () => {
    expect(gaugeMarginRatio({ ...gaugeOf('bybit-portfolio'), value: 0.0475 })).toBeCloseTo(0.0475, 12);
    expect(gaugeMarginRatio({ ...gaugeOf('binance-portfolio'), value: 3 })).toBeCloseTo(0.35, 12);
    expect(gaugeMarginRatio({ ...gaugeOf('binance-portfolio'), value: 0 })).toBeNull();
  });
});
