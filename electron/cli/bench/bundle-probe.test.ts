import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp-dir';
import { bundleProbes, type BundledProbes } from './bundle-probe';
import { runProbeProcess } from './run-probe';

const recorder = resolve(import.meta.dirname, '../../../test/support/record-module-loads.ts');

describe('the bundled cold-start probe', () => {
  const tempDir = useTempDirs();
  let probes: BundledProbes;
  beforeAll(async () => {
    probes = await bundleProbes(['cold-start-probe.ts']);
  });
  afterAll(() => probes.dispose());

  it('runs with plain Node and prints its cold start in milliseconds', async () => {
    const figures = await runProbeProcess([probes.file('cold-start-probe.ts')], 60_000, {
      LIQLENS_DATA_DIR: tempDir(),
    });
    expect(figures['coldStartMs']).toBeGreaterThan(0);
  });

  // Like the app's main build: the project's code from the bundle, npm packages from node_modules.
  it("loads the project's code from the bundle and its npm packages from node_modules", async () => {
    const listFile = join(tempDir(), 'modules.txt');
    await runProbeProcess(['--import', 'tsx', '--import', recorder, probes.file('cold-start-probe.ts')], 60_000, {
      LIQLENS_DATA_DIR: tempDir(),
      LIQLENS_MODULE_LIST: listFile,
    });
    const modules = readFileSync(listFile, 'utf8').trim().split('\n');
    const bundle = pathToFileURL(probes.file('cold-start-probe.ts')).href.replace(/[^/]+$/, '');
    // The recorder itself is the test's, preloaded with tsx; everything else is the bundle's or a package's.
    const foreign = modules.filter(
      (url) =>
        !url.startsWith(bundle) &&
        !url.includes('/node_modules/') &&
        !url.includes('/test/support/') &&
        url.startsWith('file:'),
    );
    expect(foreign).toEqual([]);
    expect(modules.filter((url) => url.startsWith(bundle)).length).toBeGreaterThan(1);
    expect(modules.some((url) => url.includes('/node_modules/conf/'))).toBe(true);
  });
});
