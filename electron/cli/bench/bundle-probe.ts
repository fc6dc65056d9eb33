import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../../..');

/** The bundled probes of one bench run, in a folder removed by `dispose`. */
export interface BundledProbes {
  /** Absolute path of the bundled probe `name` (a file beside this one, e.g. "soak-probe.ts"). */
  file(name: string): string;
  dispose(): void;
}

/**
 * The npm dependencies the app's main build leaves out of its bundle: electron-vite externalizes
 * every `dependencies` entry of package.json (they ship in node_modules), and Electron provides
 * `electron`. Subpath imports ("ccxt/js/...") stay external with their package.
 */
function externalPackages(): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return [...Object.keys(manifest.dependencies ?? {}), 'electron'].flatMap((name) => [name, `${name}/*`]);
}

/**
 * Bundles the probes `names` (files beside this one; include sim-child-main.ts for a probe that
 * starts the simulator, see sim-child.ts) the way the app ships its main process: the
 * project's own code in ES modules for Node, split into chunks at dynamic imports as the main build
 * does, npm dependencies external. The output goes to a new folder under node_modules/.cache so the
 * bundles resolve those dependencies from the project's node_modules; files end in .mjs because
 * that folder has no package.json saying "type": "module". Run them with plain `node`: no transpiler
 * loads in the measured process.
 */
export async function bundleProbes(names: readonly string[]): Promise<BundledProbes> {
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, 'liqlens-bench-'));
  try {
    await build({
      entryPoints: names.map((name) => join(import.meta.dirname, name)),
      outdir,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      external: externalPackages(),
      logLevel: 'error',
    });
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  return {
    file: (name) => join(outdir, name.replace(/\.ts$/, '.mjs')),
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
}
