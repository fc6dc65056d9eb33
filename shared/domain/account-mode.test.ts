import { describe, expect, it } from 'vitest';
import { accountModeIds, accountModeLabel, accountModes, AccountModeSchema, defaultAccountMode } from './account-mode';
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
