import type { CliIo } from '../../electron/cli/cli-io';

/** What a CLI command printed, and the io it printed through. */
export interface CapturedIo {
  readonly io: CliIo;
  /** Lines written to stdout, in order. */
  readonly out: string[];
  /** Lines written to stderr, in order. */
  readonly err: string[];
}

/** A CLI io over in-memory `files` (others fail to read, as a missing file does) and `stdin`. */
export function captureIo(files: Readonly<Record<string, string>> = {}, stdin = ''): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readStdin: () => Promise.resolve(stdin),
      readFile: (path) =>
        path in files
          ? Promise.resolve(files[path] ?? '')
          : Promise.reject(new Error(`ENOENT: no such file, open '${path}'`)),
      stdout: (line) => out.push(line),
      stderr: (line) => err.push(line),
    },
  };
}
