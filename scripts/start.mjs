#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: builds the app, then launches the Electron desktop app. Where no Electron runtime
 * can be had (its download is blocked, or this is a server), it says so in one line and starts
 * web mode instead, printing the URL to open. `npm run web` (`--web`) goes straight to web mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime } from './electron-runtime.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const webOnly = process.argv.includes('--web');
const extraArgs = process.argv.slice(2).filter((arg) => arg !== '--web');

/** @param {string} command @param {string[]} args */
function runOrExit(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`LiqLens: "${[command, ...args].join(' ')}" failed; see the output above.`);
    process.exit(result.status ?? 1);
  }
}

/** Tries Electron's own one-time download when the package is installed without its binary. */
function electronRuntime() {
  let runtime = findElectronRuntime();
  if (!runtime.ok && !process.env.LIQLENS_NO_ELECTRON_DOWNLOAD) {
    const install = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
      cwd: root,
      stdio: 'ignore',
      timeout: 300_000,
    });
    if (install.status === 0) runtime = findElectronRuntime();
  }
  return runtime;
}

/** @param {import('node:child_process').ChildProcess} child */
function follow(child) {
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

runOrExit(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn']);

const runtime = webOnly ? undefined : electronRuntime();
if (runtime?.ok) {
  follow(spawn(runtime.path, ['.', ...extraArgs], { cwd: root, stdio: 'inherit' }));
} else {
  if (runtime)
    console.log(
      `LiqLens: no Electron runtime is available here (${runtime.reason}), so it starts in web mode instead.`,
    );
  follow(
    spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'web', ...extraArgs], {
      cwd: root,
      stdio: 'inherit',
    }),
  );
}
