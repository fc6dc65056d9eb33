import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ContractTransport } from '../../shared/ipc/api';
import type { Envelope } from '../../shared/ipc/envelope';

/**
 * The contract carried over IPC: requests go through `ipcRenderer.invoke` and come back as an
 * Envelope (an error envelope becomes a rejected promise with its message); events arrive on
 * channels named after them, with the IPC event object stripped before the page sees them.
 */
export function createIpcTransport(): ContractTransport {
  return {
    async invoke(channel, payload) {
      const envelope = (await ipcRenderer.invoke(channel, payload)) as Envelope<never> | undefined;
      if (!envelope || typeof envelope !== 'object') throw new Error(`${channel}: no answer from the app.`);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.result;
    },
    subscribe(event, callback) {
      const listener = (_event: IpcRendererEvent, payload: Parameters<typeof callback>[0]): void => callback(payload);
      ipcRenderer.on(event, listener);
      return () => {
        ipcRenderer.removeListener(event, listener);
      };
    },
  };
}
