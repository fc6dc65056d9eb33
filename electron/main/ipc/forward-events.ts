import type { WebContents } from 'electron';
import { eventNames } from '../../../shared/ipc/contract';
import type { Core } from '../../core/create-core';

/**
 * Sends every core event to the trusted windows with `webContents.send`, on a channel named after
 * the event (the preload listens on the same names). `targets` is read per event so windows
 * created later receive events too. Returns a function that stops forwarding.
 */
export function forwardEvents(core: Pick<Core, 'on'>, targets: () => readonly WebContents[]): () => void {
  const stops = eventNames.map((event) =>
    core.on(event, (payload) => {
      for (const contents of targets()) {
        if (!contents.isDestroyed()) contents.send(event, payload);
      }
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
