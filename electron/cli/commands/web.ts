import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../../core/data-dir';
import { DataFolderBusyError } from '../../core/instance-lock';
import { createJsonLogger } from '../../core/logger';
import { bootWebMode, type WebMode } from '../../web/boot-web';
import { PortBusyError } from '../../web/web-host';
import type { CliIo } from '../cli-io';
import { defineCommand, parseCommand } from '../command-line';
import { rendererDir } from '../paths';
import { stopWithin, untilInterrupted } from '../shutdown';

const spec = defineCommand({
  name: 'web',
  synopsis: '[--port N]',
  description:
    'Serves the app on 127.0.0.1 and prints the URL (with its access token) to open in a browser. Runs until interrupted; needs the built app (npm run build).',
  options: { port: { type: 'string', default: '0' } },
  optionHelp: { port: 'the port to listen on (0: any free port)' },
  example: 'liqlens web --port 5180',
});

/**
 * `liqlens web [--port N]`: serves the app on 127.0.0.1 and prints the URL (with its token) to
 * open. Runs until interrupted; returns the exit code. A busy port, or another LiqLens on the data
 * folder, ends it at once with one line and exit code 1.
 */
export async function runWebCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(spec, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
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
  const dataDir = resolveDataDir();
  let web: WebMode;
  try {
    web = await bootWebMode({ dataDir, staticDir: rendererDir, logger, port });
  } catch (error) {
    // Nothing was started: one line, and the process ends by itself.
    if (error instanceof PortBusyError) {
      io.stderr(`liqlens web: ${error.message} Choose another with --port (0 picks a free one).`);
      return 1;
    }
    if (error instanceof DataFolderBusyError) {
      io.stderr(`liqlens web: ${error.message} (${dataDir})`);
      return 1;
    }
    throw error;
  }
  io.stdout(`LiqLens web mode is running. Open ${web.host.url}`);
  io.stdout(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);
  await untilInterrupted();
  await stopWithin(web.stop(), io);
  return 0;
}
