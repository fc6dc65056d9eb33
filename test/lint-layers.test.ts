import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { violations } from './support/lint-probe';
import { entries, layers } from '../eslint.layers.js';

/** One import statement of `specifier`. */
const importing = (specifier: string): string => `import { x } from '${specifier}';\nexport const y = x;`;

type Case = readonly [name: string, filePath: string, code: string];

describe('the layer map (layers/layer-map)', () => {
  const refused: readonly Case[] = [
    ['shared imports the core', 'shared/risk/probe.ts', importing('../../electron/core/ports')],
    ['renderer imports the core', 'renderer/src/app/probe.ts', importing('../../../electron/core/create-core')],
    ['preload imports the core', 'electron/preload/probe.ts', importing('../core/create-core')],
    ['base imports the core', 'electron/base/probe.ts', importing('../core/clock')],
    ['core imports the simulator', 'electron/core/market/probe.ts', importing('../../sim/simulator')],
    ['core imports the Demo entry', 'electron/core/accounts/probe.ts', importing('../../sim/demo-market')],
    ['core imports the web host', 'electron/core/probe.ts', importing('../web/web-host')],
    ['core imports the CLI', 'electron/core/probe.ts', importing('../cli/cli-io')],
    ['core imports main', 'electron/core/probe.ts', importing('../main/boot')],
    ['core imports the renderer', 'electron/core/probe.ts', importing('../../renderer/src/app/App')],
    ['the simulator imports the core beyond its ports', 'electron/sim/probe.ts', importing('../core/create-core')],
    ['the simulator imports the web host', 'electron/sim/venues/okx/probe.ts', importing('../../../web/web-host')],
    ['the web host imports the simulator beyond the Demo', 'electron/web/probe.ts', importing('../sim/simulator')],
    ['the web host imports the CLI', 'electron/web/probe.ts', importing('../cli/bench/contract-client')],
    ['main imports the simulator beyond the Demo', 'electron/main/probe.ts', importing('../sim/market/index')],
    ['main imports the web host', 'electron/main/probe.ts', importing('../web/boot-web')],
    ['the CLI imports main', 'electron/cli/commands/probe.ts', importing('../../main/boot')],
    [
      'a testing/ folder follows its layer',
      'electron/core/exchange/testing/probe.ts',
      importing('../../../sim/simulator'),
    ],
    ['a renderer test imports the core', 'renderer/src/app/probe.test.ts', importing('../../../electron/core/ports')],
    ['a core test imports the renderer', 'electron/core/probe.test.ts', importing('../../renderer/src/app/App')],
    [
      'a product file imports a folder outside every layer',
      'electron/core/probe.ts',
      importing('../../scripts/start.mjs'),
    ],
    ['a re-export crosses a wall', 'electron/core/probe.ts', "export { startWebHost } from '../web/web-host';"],
    [
      'a type-only import crosses a wall',
      'electron/core/probe.ts',
      "import type { WebHost } from '../web/web-host';\nexport type W = WebHost;",
    ],
    ['an import() type crosses a wall', 'electron/core/probe.ts', "export type W = import('../web/web-host').WebHost;"],
    ['a dynamic import crosses a wall', 'electron/core/probe.ts', "export const load = () => import('../cli/main');"],
  ];

  it.each(refused)('refuses: %s', async (_name, filePath, code) => {
    expect(await violations(filePath, code)).toContain('layers/layer-map');
  });

  const allowed: readonly Case[] = [
    ['shared imports shared', 'shared/risk/probe.ts', importing('../domain/tier')],
    ['renderer imports shared', 'renderer/src/features/chart/probe.ts', importing('../../../../shared/domain/tier')],
    ['preload imports shared', 'electron/preload/probe.ts', importing('../../shared/ipc/api')],
    ['base imports shared', 'electron/base/probe.ts', importing('../../shared/domain/tier')],
    ['core imports base', 'electron/core/market/probe.ts', importing('../../base/raw-data')],
    ['the simulator imports base', 'electron/sim/venues/okx/probe.ts', importing('../../../base/raw-data')],
    ['the simulator imports the core ports', 'electron/sim/probe.ts', importing('../core/ports')],
    ['the simulator imports the Demo port', 'electron/sim/probe.ts', importing('../core/accounts/demo-provider')],
    ['the web host imports the core', 'electron/web/probe.ts', importing('../core/create-core')],
    ['the web host starts the Demo', 'electron/web/probe.ts', importing('../sim/demo-market')],
    ['main imports the core', 'electron/main/ipc/probe.ts', importing('../../core/create-core')],
    ['main starts the Demo', 'electron/main/probe.ts', importing('../sim/demo-market.ts')],
    ['the CLI imports the simulator', 'electron/cli/commands/probe.ts', importing('../../sim/simulator')],
    ['the CLI imports the web host', 'electron/cli/bench/probe.ts', importing('../../web/boot-web')],
    ['the CLI imports the core', 'electron/cli/probe.ts', importing('../core/create-core')],
    ['a core test drives the simulator', 'electron/core/market/probe.test.ts', importing('../../sim/simulator')],
    ['a web test uses the contract client', 'electron/web/probe.test.ts', importing('../cli/bench/contract-client')],
    ['test/ imports any layer', 'test/support/probe.ts', importing('../../electron/sim/simulator')],
    ['e2e imports any layer', 'e2e/web/probe.spec.ts', importing('../../electron/cli/bench/ui')],
  ];

  it.each(allowed)('allows: %s', async (_name, filePath, code) => {
    expect(await violations(filePath, code)).toEqual([]);
  });
});

describe('test code stays out of the product (layers/no-test-code)', () => {
  const refused: readonly Case[] = [
    ['core imports test/support', 'electron/core/probe.ts', importing('../../test/support/temp-dir')],
    ['the CLI imports e2e', 'electron/cli/commands/probe.ts', importing('../../../e2e/fixtures')],
    ['a bench imports e2e', 'electron/cli/bench/probe.ts', importing('../../../e2e/pages/app-page')],
    [
      'the simulator imports its testing/ folder',
      'electron/sim/venues/okx/probe.ts',
      importing('../../testing/fixture-market'),
    ],
    ['shared imports its testing/ folder', 'shared/alerts/probe.ts', importing('./testing/support')],
    ['renderer imports a testing/ folder', 'renderer/src/app/probe.tsx', importing('./testing/render')],
  ];

  it.each(refused)('refuses: %s', async (_name, filePath, code) => {
    expect(await violations(filePath, code)).toContain('layers/no-test-code');
  });

  const allowed: readonly Case[] = [
    ['a test imports test/support', 'electron/core/probe.test.ts', importing('../../test/support/temp-dir')],
    ['a test imports a testing/ folder', 'shared/alerts/probe.test.ts', importing('./testing/support')],
    [
      'a testing/ folder imports another',
      'electron/sim/venues/okx/testing/probe.ts',
      importing('../../../testing/fixture-market'),
    ],
    ['test/ imports test/', 'test/fuzz/probe.ts', importing('../support/temp-dir')],
  ];

  it.each(allowed)('allows: %s', async (_name, filePath, code) => {
    expect(await violations(filePath, code)).toEqual([]);
  });
});

describe('devDependencies stay out of the product (layers/no-dev-dependencies)', () => {
  const refused: readonly Case[] = [
    ['core imports vitest', 'electron/core/probe.ts', importing('vitest')],
    ['shared imports fast-check', 'shared/risk/probe.ts', importing('fast-check')],
    ['the renderer imports vite', 'renderer/src/probe.ts', importing('vite')],
    [
      'the CLI outside the benches imports playwright-core',
      'electron/cli/commands/probe.ts',
      importing('playwright-core'),
    ],
    [
      'the web host imports a scoped devDependency by subpath',
      'electron/web/probe.ts',
      importing('@playwright/test/reporter'),
    ],
    ['the core imports a package not in package.json at all', 'electron/core/probe.ts', importing('left-pad')],
  ];

  it.each(refused)('refuses: %s', async (_name, filePath, code) => {
    expect(await violations(filePath, code)).toContain('layers/no-dev-dependencies');
  });

  const allowed: readonly Case[] = [
    ['core imports a dependency', 'electron/core/probe.ts', importing('zod')],
    ['core imports a Node built-in by bare name', 'electron/core/probe.ts', importing('fs/promises')],
    [
      'main imports electron (its runtime, a devDependency for electron-builder)',
      'electron/main/probe.ts',
      importing('electron'),
    ],
    ['preload imports electron', 'electron/preload/probe.ts', importing('electron')],
    ['a bench drives vite', 'electron/cli/bench/probe.ts', importing('vite')],
    ['a test imports vitest', 'electron/core/probe.test.ts', importing('vitest')],
    ['a testing/ folder imports vitest', 'electron/sim/testing/probe.ts', importing('vitest')],
    ['e2e imports Playwright', 'e2e/web/probe.spec.ts', importing('@playwright/test')],
    ['a script imports a devDependency', 'scripts/probe.mjs', importing('vite')],
  ];

  it.each(allowed)('allows: %s', async (_name, filePath, code) => {
    expect(await violations(filePath, code)).toEqual([]);
  });

  it('reads its list from package.json, so a new devDependency is refused without editing the rule', async () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const product = Object.keys(manifest.devDependencies).filter(
      (name) => name !== 'electron' && !name.startsWith('@types/'),
    );
    const hits = await Promise.all(product.map((name) => violations('electron/core/probe.ts', importing(name))));
    expect(hits.map((ids, index) => [product[index], ids.includes('layers/no-dev-dependencies')])).toEqual(
      product.map((name) => [name, true]),
    );
  });
});

describe('docs/architecture.md', () => {
  it('states the same map as the rules', () => {
    const doc = readFileSync('docs/architecture.md', 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\| `(\w+)` \| `([^`]+)` \| [^|]+ \| ([^|]+) \|/gm)].map((match) => [
        match[1],
        { folder: match[2], uses: (match[3] ?? '').trim() },
      ]),
    );
    const written = (uses: readonly string[]): string => (uses.length === 0 ? '—' : uses.join(', '));
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(
        Object.entries(layers).map(([name, layer]) => [name, { folder: layer.folder, uses: written(layer.uses) }]),
      ),
    );
    for (const [name, entry] of Object.entries(entries)) {
      for (const file of entry.files) expect(doc, `${name}: ${file}`).toContain(`\`${file}\``);
    }
  });
});
