import type * as DiskIo from '../../electron/core/storage/disk-io';

/** The injected full disk: while `on`, every write of the file layer fails as a full disk does. */
export const injectedDiskFull = { on: false };

const refuse = (): never => {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
};

/**
 * The file layer (`electron/core/storage/disk-io`) with a full disk injected while
 * `injectedDiskFull.on`: for `vi.mock(path, async (original) => withInjectedDiskFull(await original()))`.
 */
export function withInjectedDiskFull(real: typeof DiskIo): typeof DiskIo {
  return {
    ...real,
    writeFileDurable: (...args) => (injectedDiskFull.on ? refuse() : real.writeFileDurable(...args)),
    writeFileDurableAsync: async (...args) => (injectedDiskFull.on ? refuse() : real.writeFileDurableAsync(...args)),
    appendText: (...args) => (injectedDiskFull.on ? refuse() : real.appendText(...args)),
  };
}
