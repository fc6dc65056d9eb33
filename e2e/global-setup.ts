import { execFileSync } from 'node:child_process';

/**
 * Builds the app once so every spec runs against the current sources. `LIQLENS_E2E_SKIP_BUILD=1`
 * skips it when the build is known to be fresh (iterating on a spec).
 */
export default function globalSetup(): void {
  if (process.env['LIQLENS_E2E_SKIP_BUILD'] === '1') return;
  execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
