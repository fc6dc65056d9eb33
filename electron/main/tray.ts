import { Menu, Tray, nativeImage, type NativeImage } from 'electron';
import type { AlertsView } from '../../shared/ipc/views/alerts';

const levelWords = { warning: 'Warning', danger: 'Danger', critical: 'CRITICAL' } as const;

/** What the tray says for an alerts view: its tooltip and (macOS menu bar) title. */
export function trayText(view: AlertsView | null): { tooltip: string; title: string } {
  const worst = view?.worstLevel ?? null;
  if (!worst) return { tooltip: 'LiqLens — no alerts', title: '' };
  const first = view?.active[0];
  const where = first ? ` · ${first.displaySymbol} ${first.side}` : '';
  return {
    tooltip: `LiqLens — ${levelWords[worst]}${where} (${view?.active.length ?? 0} positions with alerts)`,
    title: `${levelWords[worst]}${where}`,
  };
}

/** The tray icon: the app's mark, the worst alert level in its tooltip and title, Show and Quit. */
export interface AppTray {
  update(view: AlertsView): void;
  destroy(): void;
}

/** Creates the tray icon from `iconPath` (a PNG); `onShow` brings the window up, `onQuit` quits. */
export function createAppTray(iconPath: string, onShow: () => void, onQuit: () => void): AppTray {
  const image: NativeImage = nativeImage.createFromPath(iconPath).resize({ width: 18, height: 18 });
  const tray = new Tray(image);
  const render = (view: AlertsView | null): void => {
    const text = trayText(view);
    tray.setToolTip(text.tooltip);
    tray.setTitle(text.title);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: text.tooltip.replace(/^LiqLens — /, ''), enabled: false },
        { type: 'separator' },
        { label: 'Show LiqLens', click: onShow },
        { label: 'Quit', click: onQuit },
      ]),
    );
  };
  tray.on('click', onShow);
  render(null);
  return { update: render, destroy: () => tray.destroy() };
}
