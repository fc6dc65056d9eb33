/** Where the Electron executable is, or why there is none (one sentence). */
export type ElectronRuntime =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** Inputs `findElectronRuntime` reads, injectable for tests. */
export interface FindOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: string;
  /** The `electron` package's folder; null means not installed. Found from node_modules by default. */
  readonly packageDir?: string | null;
}

/**
 * Finds a runnable Electron executable without triggering Electron's lazy download: checks
 * `ELECTRON_OVERRIDE_DIST_PATH`, then the electron package's `path.txt` and `dist/` binary.
 */
export function findElectronRuntime(options?: FindOptions): ElectronRuntime;
