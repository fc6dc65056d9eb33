import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertsView } from '../../shared/ipc/views/alerts';
import { createAppTray, trayText } from './tray';

const state = vi.hoisted(() => ({
  tooltip: '',
  title: '',
  menu: [] as { label?: string; click?: () => void }[],
  clicks: new Map<string, () => void>(),
}));
vi.mock('electron', () => ({
  nativeImage: { createFromPath: () => ({ resize: () => ({}) }) },
  Menu: { buildFromTemplate: (template: { label?: string; click?: () => void }[]) => template },
  Tray: class {
    setToolTip(text: string): void {
      state.tooltip = text;
    }
    setTitle(text: string): void {
      state.title = text;
    }
    setContextMenu(menu: { label?: string; click?: () => void }[]): void {
      state.menu = menu;
    }
    on(event: string, handler: () => void): void {
      state.clicks.set(event, handler);
    }
    destroy(): void {}
  },
}));

const critical: AlertsView = {
  worstLevel: 'critical',
  history: [],
  active: [
    {
      accountId: 'a',
      accountLabel: 'Main',
      snoozedUntilMs: null,
      acknowledged: null,
      venue: 'binance-usdm',
      symbol: 'BTCUSDT',
      displaySymbol: 'BTC/USDT',
      side: 'long',
      level: 'critical',
      rules: [{ rule: 'marginRatio', level: 'critical' }],
    },
  ],
};

beforeEach(() => {
  state.menu = [];
  state.clicks.clear();
});

describe('tray', () => {
  it('says nothing is wrong when no alert is active', () => {
    expect(trayText(null)).toEqual({ tooltip: 'LiqLens — no alerts', title: '' });
    expect(trayText({ worstLevel: null, active: [], history: [] }).title).toBe('');
  });

  it('shows the worst level and the position behind it, and updates live', () => {
    const onShow = vi.fn();
    const onQuit = vi.fn();
    const tray = createAppTray('/icon.png', onShow, onQuit);
    expect(state.tooltip).toBe('LiqLens — no alerts');
    tray.update(critical);
    expect(state.title).toBe('CRITICAL · BTC/USDT long');
    expect(state.tooltip).toContain('CRITICAL');
    state.menu.find((item) => item.label === 'Show LiqLens')?.click?.();
    state.clicks.get('click')?.();
    expect(onShow).toHaveBeenCalledTimes(2);
    state.menu.find((item) => item.label === 'Quit')?.click?.();
    expect(onQuit).toHaveBeenCalledOnce();
  });
});
