import { describe, expect, it } from 'vitest';
import { bandLabelY } from './cluster-renderer';

describe('the label of the band between price and the liquidation price', () => {
  const pane = 440;

  it('sits in the middle of the band where the band is in view below the legend', () => {
    // Mark at 140 px, liquidation below the pane (clamped to 442).
    expect(bandLabelY({ yFrom: 140, yTo: 442 }, pane, 90)).toBe((140 + 426) / 2);
  });

  it('stays below the legend when the band runs off the top of the pane behind it', () => {
    // A short: mark at 120 px, the liquidation far above (clamped to −2); the legend reaches 95 px.
    const y = bandLabelY({ yFrom: 120, yTo: -2 }, pane, 95);
    expect(y - 10).toBeGreaterThanOrEqual(95);
    expect(y).toBeLessThanOrEqual(120);
  });

  it('goes just below the legend when all of the band in view lies behind it', () => {
    expect(bandLabelY({ yFrom: 60, yTo: -2 }, pane, 95)).toBe(95 + 14);
  });

  it('keeps inside the pane without a legend', () => {
    expect(bandLabelY({ yFrom: 300, yTo: 442 }, pane, 0)).toBe((300 + 426) / 2);
    expect(bandLabelY({ yFrom: 10, yTo: -2 }, pane, 0)).toBe(14);
  });
});
