// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAlertConfig, type AlertConfig } from '../../../../shared/alerts';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import { AlertSettings } from './AlertSettings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('alert settings across a lost connection', () => {
  it('read again when the connection returns, instead of keeping "not connected" until a reload', async () => {
    // The core is unreachable for the first read, as the web transport answers while reconnecting.
    let reachable = false;
    let reads = 0;
    const api = {
      getAlertConfig: async (): Promise<AlertConfig> => {
        reads += 1;
        if (!reachable) throw new Error('Not connected to LiqLens right now; retrying.');
        return defaultAlertConfig();
      },
    } as unknown as LiqLensApi;
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    const render = (connected: boolean) =>
      act(async () => root?.render(<AlertSettings api={api} connected={connected} />));

    await render(true);
    expect(host.textContent).toContain('Not connected to LiqLens right now; retrying.');
    // The link drops (nothing is asked meanwhile), then comes back with the core reachable.
    await render(false);
    expect(reads).toBe(1);
    reachable = true;
    await render(true);
    expect(reads).toBe(2);
    expect(host.textContent).not.toContain('Not connected');
    expect(host.querySelector('input')).not.toBeNull();
  });
});
