// @ts-check
/**
 * The layer map of docs/architecture.md as three ESLint rules, proven in test/lint-layers.test.ts:
 *
 * - `layers/layer-map`: a file imports only from its own layer and the layers its row lists.
 * - `layers/no-test-code`: a product file imports nothing from `test/`, `e2e/` or a `testing/` folder.
 * - `layers/no-dev-dependencies`: a product file imports only packages of `dependencies` (read from
 *   package.json, so the list cannot go stale), except the benches, which drive vite and Chromium.
 *
 * A rule of its own rather than no-restricted-imports patterns: it resolves each relative import to
 * a path in the repository (plain path arithmetic, no import resolver), so the depth of the file does
 * not matter, and it leaves no-restricted-imports to the runtime rules of eslint.boundaries.js
 * (a file matched by two configs of the same rule gets only the last one's options).
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} Layer
 * @property {string} folder   Where it lives, relative to the repository root, with a trailing slash.
 * @property {readonly string[]} uses  Layers (or named entries, see `entries`) its files may import.
 * @property {readonly string[]} testsUse  What its `*.test.ts(x)` files may import besides `uses`.
 */

/** Every Node-side layer: what a test on the Node side may load (the simulator is every test's fixture). */
const nodeSide = ['shared', 'base', 'core', 'sim', 'web', 'cli'];

/** The layer map. Its table in docs/architecture.md is checked against this object by a test. */
export const layers = /** @type {const} */ ({
  shared: { folder: 'shared/', uses: [], testsUse: [] },
  renderer: { folder: 'renderer/', uses: ['shared'], testsUse: [] },
  preload: { folder: 'electron/preload/', uses: ['shared'], testsUse: [] },
  base: { folder: 'electron/base/', uses: ['shared'], testsUse: nodeSide },
  core: { folder: 'electron/core/', uses: ['shared', 'base'], testsUse: nodeSide },
  sim: { folder: 'electron/sim/', uses: ['shared', 'base', 'core ports'], testsUse: nodeSide },
  web: { folder: 'electron/web/', uses: ['shared', 'base', 'core', 'sim Demo'], testsUse: nodeSide },
  main: { folder: 'electron/main/', uses: ['shared', 'base', 'core', 'sim Demo'], testsUse: nodeSide },
  cli: { folder: 'electron/cli/', uses: ['shared', 'base', 'core', 'sim', 'web'], testsUse: nodeSide },
});

/**
 * Named parts of a layer that another layer may use without the rest of it (paths from the root).
 * - core ports: the interfaces the core is written against, which the simulator implements (the
 *   Demo is a `DemoProvider`); nothing that runs.
 * - sim Demo: the one function a host calls to start the Demo, which hands back a `DemoProvider`.
 */
export const entries = /** @type {const} */ ({
  'core ports': { layer: 'core', files: ['electron/core/ports.ts', 'electron/core/accounts/demo-provider.ts'] },
  'sim Demo': { layer: 'sim', files: ['electron/sim/demo-market.ts'] },
});

/** @typedef {keyof typeof layers} LayerName */

/** Folders of code that only tests run: never imported by a product file. */
const testCode = /^(test|e2e)\/|(^|\/)testing\//;
const testFile = /\.test\.tsx?$/;
/** The benches: product code for the map (`liqlens bench` runs them), dev code for packages. */
const benchFolder = 'electron/cli/bench/';

/** @param {string} path @returns {LayerName | undefined} */
function layerOf(path) {
  const names = /** @type {LayerName[]} */ (Object.keys(layers));
  return names.find((name) => `${path}/`.startsWith(layers[name].folder));
}

/** @param {string} path */
function withoutExtension(path) {
  return path.replace(/\.(tsx?|mts|jsx?|mjs)$/, '').replace(/\/index$/, '');
}

/**
 * Whether a file whose row lists `uses` may import `target` (a path from the root, in `targetLayer`):
 * the whole layer is listed, or a named entry of it that holds `target`.
 * @param {readonly string[]} uses @param {LayerName} targetLayer @param {string} target
 */
function allows(uses, targetLayer, target) {
  return uses.some((use) => {
    if (use === targetLayer) return true;
    const entry = /** @type {Record<string, { layer: string; files: readonly string[] }>} */ (entries)[use];
    return (
      entry?.layer === targetLayer && entry.files.some((file) => withoutExtension(file) === withoutExtension(target))
    );
  });
}

/** The repository root: this file's folder, whichever folder ESLint was started from. */
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The file being linted, from the repository root, with forward slashes.
 * @param {import('eslint').Rule.RuleContext} context
 */
function fileOf(context) {
  return relative(root, context.filename).split(sep).join('/');
}

/**
 * Calls `check` with the specifier and node of every import, re-export, `import()` and `import('x').T`.
 * @param {(specifier: string, node: import('estree').Node) => void} check
 * @returns {import('eslint').Rule.RuleListener}
 */
function onEveryImport(check) {
  /** @param {{ source?: unknown } & import('estree').Node} node */
  const fromSource = (node) => {
    const source = /** @type {{ value?: unknown } | null | undefined} */ (node.source);
    if (typeof source?.value === 'string') check(source.value, node);
  };
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression: fromSource,
    /** @param {import('estree').Node & { argument?: { literal?: { value?: unknown } } }} node */
    TSImportType(node) {
      const value = node.argument?.literal?.value;
      if (typeof value === 'string') check(value, node);
    },
  };
}

/**
 * The repository path a relative specifier points at, or null for a package or a path above the root.
 * @param {string} file @param {string} specifier
 */
function targetOf(file, specifier) {
  if (!specifier.startsWith('.')) return null;
  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  return target.startsWith('../') ? null : target;
}

/** @type {import('eslint').Rule.RuleModule} */
const layerMap = {
  meta: {
    type: 'problem',
    docs: { description: 'A file imports only from its own layer and the layers the map lists for it.' },
    schema: [],
    messages: {
      refused: "{{from}} may import {{allowed}} only (docs/architecture.md): '{{specifier}}' is in {{to}}.",
      unmapped: "'{{specifier}}' is in no layer of docs/architecture.md; product code imports only from layers.",
    },
  },
  create(context) {
    const file = fileOf(context);
    const from = layerOf(file);
    if (from === undefined) return {};
    const isTest = testFile.test(file);
    const uses = isTest ? [...layers[from].uses, ...layers[from].testsUse] : layers[from].uses;
    return onEveryImport((specifier, node) => {
      const target = targetOf(file, specifier);
      // Test code is layers/no-test-code's to judge.
      if (target === null || /^(test|e2e)\//.test(target)) return;
      const to = layerOf(target);
      if (to === from) return;
      if (to === undefined) {
        if (!isTest) context.report({ node, messageId: 'unmapped', data: { specifier } });
        return;
      }
      if (allows(uses, to, target)) return;
      const allowed = uses.length === 0 ? 'nothing outside itself' : uses.join(', ');
      context.report({
        node,
        messageId: 'refused',
        data: { from: isTest ? `a test in ${from}` : from, allowed, specifier, to },
      });
    });
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noTestCode = {
  meta: {
    type: 'problem',
    docs: { description: 'A product file imports nothing from test/, e2e/ or a testing/ folder.' },
    schema: [],
    messages: {
      testCode:
        "'{{specifier}}' is test code; product code (and the benches, which `liqlens bench` runs) may not use it.",
    },
  },
  create(context) {
    const file = fileOf(context);
    if (layerOf(file) === undefined || testFile.test(file) || testCode.test(file)) return {};
    return onEveryImport((specifier, node) => {
      const target = targetOf(file, specifier);
      if (target !== null && testCode.test(target))
        context.report({ node, messageId: 'testCode', data: { specifier } });
    });
  },
};

const manifest = /** @type {{ dependencies: Record<string, string>; devDependencies: Record<string, string> }} */ (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
);

/**
 * `electron` is a devDependency because electron-builder requires it there (the installer ships the
 * Electron runtime itself, not an npm copy); at run time the module comes from that runtime. So the
 * two folders that run inside Electron may import it; eslint.boundaries.js keeps it out of the rest.
 */
const electronHosts = ['main', 'preload'];

/** @param {string} specifier The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** @type {import('eslint').Rule.RuleModule} */
const noDevDependencies = {
  meta: {
    type: 'problem',
    docs: { description: 'A product file imports only Node built-ins and packages of dependencies.' },
    schema: [],
    messages: {
      dev: "'{{name}}' is a devDependency: only tests, benches, e2e, scripts and config files may import it.",
      undeclared: "'{{name}}' is not in package.json's dependencies: an installed app would not have it.",
    },
  },
  create(context) {
    const file = fileOf(context);
    const layer = layerOf(file);
    if (layer === undefined || testFile.test(file) || testCode.test(file) || file.startsWith(benchFolder)) return {};
    return onEveryImport((specifier, node) => {
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return;
      const name = packageOf(specifier);
      if (name in manifest.dependencies) return;
      if (name === 'electron' && electronHosts.includes(layer)) return;
      const messageId = name in manifest.devDependencies ? 'dev' : 'undeclared';
      context.report({ node, messageId, data: { name } });
    });
  },
};

/** The plugin and the config that turns its rules on for every source file. @type {import('eslint').Linter.Config} */
export const layerRules = {
  name: 'boundaries/layers',
  files: ['**/*.{ts,tsx,mts,js,mjs}'],
  plugins: {
    layers: { rules: { 'layer-map': layerMap, 'no-test-code': noTestCode, 'no-dev-dependencies': noDevDependencies } },
  },
  rules: { 'layers/layer-map': 'error', 'layers/no-test-code': 'error', 'layers/no-dev-dependencies': 'error' },
};
