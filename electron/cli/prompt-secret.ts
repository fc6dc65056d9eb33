/**
 * Asks for a secret on the terminal with echo off, so it is neither shown nor kept in the shell's
 * history or the process list. Null when standard input is not a terminal (a pipe, a service).
 */
export function promptSecret(question: string): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  process.stderr.write(question);
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | null): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        // Ctrl+C or Ctrl+D: nothing given.
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
