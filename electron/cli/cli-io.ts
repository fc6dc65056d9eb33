/**
 * What a CLI command may touch, injected so commands run the same from the terminal and in tests.
 */
export interface CliIo {
  /** All of standard input, as UTF-8 text. */
  readStdin(): Promise<string>;
  /** A file's contents, as UTF-8 text; rejects when it cannot be read. */
  readFile(path: string): Promise<string>;
  /** Writes one line (a newline is added) to standard output. */
  stdout(line: string): void;
  /** Writes one line (a newline is added) to standard error. */
  stderr(line: string): void;
  /** The environment the command reads (secrets among it); `process.env` when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Asks for a secret on the terminal without echoing it; null when there is no terminal. Absent: never asks. */
  promptSecret?(question: string): Promise<string | null>;
}
