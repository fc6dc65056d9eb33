// @ts-check
/**
 * The boundaries of docs/architecture.md, as ESLint rules. Kept apart from eslint.config.js so that
 * test/lint-boundaries.test.ts and test/lint-layers.test.ts can prove each rule fires on a violating
 * file and stays quiet on an allowed one.
 *
 * Two kinds of wall:
 *
 * 1. Runtime: which packages and globals a folder may use (here, as no-restricted-imports /
 *    no-restricted-globals / no-restricted-properties).
 *    - shared/:   plain TypeScript. No Node, Electron, ccxt, React, DOM globals or Node globals.
 *    - renderer/: the DOM. No Node, Electron, ccxt or Node-side stores.
 *    - electron/base|core|web|sim|cli/: Node. Never `electron` (they must run without it).
 *    - only electron/main/ and electron/preload/ import `electron`;
 *      only electron/main/ipc/ and electron/preload/ touch ipcMain / ipcRenderer;
 *      only electron/core/exchange/ imports ccxt (tests may drive the simulator through real ccxt).
 *
 * 2. Layers: which folder may import which (eslint.layers.js; the map and its reasons are in
 *    docs/architecture.md). Besides its own folder, a file may import:
 *      shared              nothing
 *      renderer, preload   shared
 *      base                shared                       (Node utilities any Node layer may use)
 *      core                shared, base
 *      sim                 shared, base, core's ports   (core/ports.ts, core/accounts/demo-provider.ts)
 *      web, main           shared, base, core, sim's Demo entry (sim/demo-market.ts)
 *      cli                 shared, base, core, sim, web
 *    A test (`*.test.ts`) on the Node side may also import any Node layer. No product file imports
 *    test/, e2e/ or a testing/ folder; only tests, benches, e2e, scripts and config files import
 *    devDependencies (`electron` excepted in main/ and preload/, which run inside Electron).
 */

import { layerRules } from './eslint.layers.js';

/** Node built-ins by bare name (exact names, so a local `./url.ts` stays legal). */
const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** Packages that only run in Node or Electron. */
const nodeOnlyPackages = ['electron', 'electron-store', 'conf', 'ccxt', 'ws'];

/** Packages that only run in a browser. */
const domPackages = ['react', 'react-dom', 'react-dom/client', 'lightweight-charts'];

const sharedMessage = 'shared/ is plain TypeScript that runs everywhere: no runtime packages.';
const rendererMessage = 'renderer/ runs in a sandboxed page: reach the core through lib/bridge.ts.';
const electronMessage = 'Only electron/main and electron/preload may import electron; the core must run without it.';
const ccxtMessage = "Only electron/core/exchange/ imports ccxt; ccxt's loose types end there.";
const ipcMessage = 'ipcMain / ipcRenderer live only in electron/main/ipc/ and electron/preload/.';

const nodePrefixes = {
  regex: '^(node:|electron/|ccxt/|electron-store/|conf/)',
  message: 'Node, Electron and ccxt stay out of this folder (DESIGN.md, Folders).',
};
const ccxtPrefix = { regex: '^ccxt/', message: ccxtMessage };
const electronPrefix = { regex: '^electron/', message: electronMessage };

/** @param {string[]} names @param {string} message */
function banned(names, message) {
  return names.map((name) => ({ name, message }));
}

/** @param {ReturnType<typeof banned> | { name: string; importNames: string[]; message: string }[]} paths @param {{ regex: string; message: string }[]} patterns */
function restrictImports(paths, patterns) {
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

/** @type {import('eslint').Linter.Config[]} */
export const boundaries = [
  {
    name: 'boundaries/shared',
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      ...restrictImports(banned([...nodeBuiltins, ...nodeOnlyPackages, ...domPackages], sharedMessage), [
        nodePrefixes,
        { regex: '^(react|react-dom|lightweight-charts)(/|$)', message: sharedMessage },
      ]),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: 'shared/ has no DOM.',
        })),
        ...['process', 'Buffer', 'require', 'global', '__dirname', '__filename', 'setImmediate'].map((name) => ({
          name,
          message: 'shared/ has no Node.',
        })),
      ],
    },
  },
  {
    name: 'boundaries/renderer',
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      ...restrictImports(banned([...nodeBuiltins, ...nodeOnlyPackages], rendererMessage), [nodePrefixes]),
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: rendererMessage,
        })),
      ],
    },
  },
  {
    name: 'boundaries/node-side',
    files: [
      'electron/base/**/*.ts',
      'electron/core/**/*.ts',
      'electron/web/**/*.ts',
      'electron/sim/**/*.ts',
      'electron/cli/**/*.ts',
    ],
    rules: restrictImports(
      [...banned(['electron', 'electron-store'], electronMessage), ...banned(['ccxt'], ccxtMessage)],
      [electronPrefix, ccxtPrefix],
    ),
  },
  {
    name: 'boundaries/exchange',
    files: ['electron/core/exchange/**/*.ts'],
    rules: restrictImports(banned(['electron', 'electron-store'], electronMessage), [electronPrefix]),
  },
  {
    name: 'boundaries/tests-may-drive-ccxt',
    // Tests of the simulator and the gateway talk to it through real ccxt, never a mock.
    files: ['electron/**/*.test.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: restrictImports(banned(['electron', 'electron-store'], electronMessage), [electronPrefix]),
  },
  {
    name: 'boundaries/main-and-preload',
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrictImports(banned(['ccxt'], ccxtMessage), [ccxtPrefix]),
  },
  {
    name: 'boundaries/main-outside-ipc',
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc/**'],
    rules: restrictImports(
      [
        { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: ipcMessage },
        ...banned(['ccxt'], ccxtMessage),
      ],
      [ccxtPrefix],
    ),
  },
  {
    name: 'boundaries/ipc-members',
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/main/ipc/**', 'electron/preload/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'electron', property: 'ipcMain', message: ipcMessage },
        { object: 'electron', property: 'ipcRenderer', message: ipcMessage },
      ],
    },
  },
  layerRules,
];
