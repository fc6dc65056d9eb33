import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../../core/data-dir';
import { createJsonLogger } from '../../core/logger';
import { bootWebMode } from '../../web/boot-web';
import type { CliIo } from '../cli-io';
import { rendererDir } from '../paths';

/**
 * `liqlens web [--port N]`: serves the app on 127.0.0.1 and prints the URL (with its token) to
 * open. Runs until interrupted; returns the exit code.
 */
export async function runWebCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { port: { type: 'string', default: '0' } }, strict: true });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    io.stderr(`--port: expected a whole number from 0 to 65535, got "${values.port}"`);
    return 1;
  }
  if (!existsSync(join(rendererDir, 'index.html'))) {
    io.stderr(`The app is not built (${rendererDir} is missing): run "npm run build" first, or use "npm run web".`);
    return 1;
  }
  const logger = createJsonLogger('web');
  const web = await bootWebMode({ dataDir: resolveDataDir(), staticDir: rendererDir, logger, port });
  io.stdout(`LiqLens web mode is running. Open ${web.host.url}`);
  io.stdout(`Data folder: ${resolveDataDir()}. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await web.stop();
  return 0;
}
