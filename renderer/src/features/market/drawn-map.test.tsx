// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/clusters';
import { demoSource, type MarketKey } from '../../../../shared/domain/market-source';
import { createDrawnMaps, useDrawnMap, type DrawnMaps } from './drawn-map';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const btc: MarketKey = { venue: 'binance-usdm', source: demoSource, symbol: 'BTCUSDT' };
const eth: MarketKey = { venue: 'binance-usdm', source: demoSource, symbol: 'ETHUSDT' };
const profile = { binSize: 10 } as unknown as Profile;

function Reader({ market, maps }: { readonly market: MarketKey; readonly maps: DrawnMaps }) {
  return <output data-drawn={useDrawnMap(market, maps) === profile ? 'drawn' : 'estimate'} />;
}

describe('the map the chart draws, as the what-if reads it', () => {
  it("gives its own market's drawn map only, and the estimate again once the chart draws that", () => {
    const maps = createDrawnMaps();
    const host = document.createElement('div');
    const root = createRoot(host);
    const shown = (): string | null => host.querySelector('output')?.getAttribute('data-drawn') ?? null;
    act(() => root.render(<Reader market={btc} maps={maps} />));
    expect(shown()).toBe('estimate');
    act(() => maps.set(btc, profile));
    expect(shown()).toBe('drawn');
    act(() => root.render(<Reader market={eth} maps={maps} />));
    expect(shown()).toBe('estimate');
    act(() => root.render(<Reader market={btc} maps={maps} />));
    act(() => maps.set({ ...btc }, null));
    expect(shown()).toBe('estimate');
    act(() => root.unmount());
  });

  it('tells its readers of each change and of none when nothing changed', () => {
    const maps = createDrawnMaps();
    let heard = 0;
    const off = maps.subscribe(() => (heard += 1));
    maps.set(btc, profile);
    maps.set(btc, profile);
    maps.set(btc, null);
    off();
    maps.set(btc, profile);
    expect(heard).toBe(2);
    expect(maps.get(btc)).toBe(profile);
  });
});
