// @ts-check
import { createNodeResolver } from 'eslint-plugin-import-x';

/**
 * The runtime boundaries of DESIGN.md, as ESLint rules. Kept apart from eslint.config.js so that
 * test/lint-boundaries.test.ts can prove each rule fires on a violating file.
 *
 * - shared/:   plain TypeScript. No Node, Electron, ccxt, React, DOM globals or Node globals.
 * - renderer/: the DOM. No Node, Electron, ccxt or Node-side stores.
 * - electron/core|web|sim|cli/: Node. Never `electron` (they must run without it).
 * - only electron/main/ and electron/preload/ import `electron`;
 *   only electron/main/ipc/ and electron/preload/ touch ipcMain / ipcRenderer;
 *   only electron/core/exchange/ imports ccxt.
 */

/** Node built-ins by bare name (exact names, so a local `./url.ts` stays legal). */
const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'querystring', 'readline', 'stream', 'string_decoder',
  'timers', 'tls', 'tty', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

/** Packages that only run in Node or Electron. */
const nodeOnlyPackages = ['electron', 'electron-store', 'conf', 'ccxt', 'ws'];

/** Packages that only run in a browser. */
const domPackages = ['react', 'react-dom', 'react-dom/client', 'lightweight-charts'];

const nodePrefixes = { regex: '^(node:|electron/|ccxt/|electron-store/|conf/)', message: 'Node, Electron and ccxt stay out of this folder (DESIGN.md, Folders).' };

/** @param {string[]} names @param {string} message */
function banned(names, message) {
  return names.map((name) => ({ name, message }));
}

const sharedMessage = 'shared/ is plain TypeScript that runs everywhere: no runtime packages.';
const rendererMessage = 'renderer/ runs in a sandboxed page: reach the core through lib/bridge.ts.';
const electronMessage = 'Only electron/main and electron/preload may import electron; the core must run without it.';
const ccxtMessage = 'Only electron/core/exchange/ imports ccxt; ccxt\'s loose types end there.';
const ipcMessage = 'ipcMain / ipcRenderer live only in electron/main/ipc/ and electron/preload/.';

/** @type {import('eslint').Linter.Config[]} */
export const boundaries = [
  {
    name: 'boundaries/folders',
    files: ['**/*.{ts,tsx}'],
    // Imports are written without extensions; the resolver must find `.ts` files to know a zone was crossed.
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', {
        zones: [
          { target: './shared', from: ['./electron', './renderer'], message: 'shared/ may not depend on electron/ or renderer/.' },
          { target: './renderer', from: './electron', message: 'renderer/ reaches the core only through the contract (lib/bridge.ts).' },
          { target: './electron', from: './renderer', message: 'electron/ may not import the renderer.' },
        ],
      }],
    },
  },
  {
    name: 'boundaries/shared',
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned([...nodeBuiltins, ...nodeOnlyPackages, ...domPackages], sharedMessage),
        patterns: [nodePrefixes, { regex: '^(react|react-dom|lightweight-charts)(/|$)', message: sharedMessage }],
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage'].map((name) => ({ name, message: 'shared/ has no DOM.' })),
        ...['process', 'Buffer', 'require', 'global', '__dirname', '__filename', 'setImmediate'].map((name) => ({ name, message: 'shared/ has no Node.' })),
      ],
    },
  },
  {
    name: 'boundaries/renderer',
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned([...nodeBuiltins, ...nodeOnlyPackages], rendererMessage),
        patterns: [nodePrefixes],
      }],
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({ name, message: rendererMessage }))],
    },
  },
  {
    name: 'boundaries/node-side',
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/sim/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...banned(['electron', 'electron-store'], electronMessage), ...banned(['ccxt'], ccxtMessage)],
        patterns: [{ regex: '^electron/', message: electronMessage }, { regex: '^ccxt/', message: ccxtMessage }],
      }],
    },
  },
  {
    name: 'boundaries/exchange',
    files: ['electron/core/exchange/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: banned(['electron', 'electron-store'], electronMessage), patterns: [{ regex: '^electron/', message: electronMessage }] }],
    },
  },
  {
    name: 'boundaries/main-and-preload',
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/ipc/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: ipcMessage },
          ...banned(['ccxt'], ccxtMessage),
        ],
      }],
    },
  },
  {
    name: 'boundaries/ipc-members',
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/main/ipc/**', 'electron/preload/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'electron', property: 'ipcMain', message: ipcMessage },
        { object: 'electron', property: 'ipcRenderer', message: ipcMessage },
      ],
    },
  },
];
