import type { Logger } from './ports';

/**
 * Writes one JSON line per entry to `write` (stderr by default); the core never logs secrets. The
 * line's `time`, `level`, `scope` and `message` are the logger's own: a field of the same name (an
 * alert's `level`, say) never replaces them, it is kept under `fields` instead.
 */
export function createJsonLogger(
  scope: string,
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  now: () => number = Date.now,
): Logger {
  const log = (level: string) => (message: string, fields?: Readonly<Record<string, unknown>>) => {
    const own = { time: new Date(now()).toISOString(), level, scope, message };
    const clashes = fields !== undefined && Object.keys(own).some((key) => key in fields);
    write(JSON.stringify(clashes ? { ...own, fields } : { ...own, ...fields }));
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything (benchmarks, tests that assert on other output). */
export function createSilentLogger(): Logger {
  const drop = (): void => undefined;
  return { info: drop, warn: drop, error: drop };
}
