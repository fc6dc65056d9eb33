import type { WebContents } from 'electron';

/** The webContents of windows this app created: the only senders IPC answers, the only targets of events. */
export interface TrustedSenders {
  /** Trusts `contents` until it is destroyed. */
  add(contents: WebContents): void;
  has(webContentsId: number): boolean;
  /** Every trusted webContents still alive, in creation order. */
  list(): readonly WebContents[];
}

/** An empty set; `add` each window's webContents as it is created. */
export function createTrustedSenders(): TrustedSenders {
  const byId = new Map<number, WebContents>();
  return {
    add(contents) {
      const { id } = contents;
      byId.set(id, contents);
      contents.once('destroyed', () => byId.delete(id));
    },
    has: (webContentsId) => byId.has(webContentsId),
    list: () => [...byId.values()].filter((contents) => !contents.isDestroyed()),
  };
}
