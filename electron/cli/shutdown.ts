/**
 * How the long-running commands (`web`, `watch`, `sim`) end. A trader pressing Ctrl+C, or a service
 * manager sending SIGTERM, expects the process gone within seconds, whatever a venue's socket is
 * doing: a connection still in its close handshake with a venue that stopped answering must not
 * keep LiqLens alive, nor hold the data folder.
 */
import type { CliIo } from './cli-io';

/** How long an orderly stop may take before the command gives up on it (ms). */
export const stopGraceMs = 10_000;
/** How long the process may stay up after its command returned before it exits anyway (ms). */
export const lingerGraceMs = 2_000;

/** Exit codes of a process ended by a signal, as a shell reports them (128 + the signal's number). */
const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Resolves on the first SIGINT or SIGTERM. A second one, while the command is still stopping, ends
 * the process at once with the shell's code for that signal (130 or 143).
 *
 * Another listener of the first signal may send it again on its way out: `when-exit` (under conf's
 * atomic writes) runs its clean-up and then signals the process once more to end it. That echo is
 * not the user's second Ctrl+C, so one repeat is let pass per other listener of that signal.
 */
export function untilInterrupted(exit: (code: number) => void = (code) => process.exit(code)): Promise<void> {
  return new Promise<void>((resolve) => {
    let received = false;
    let echoes = 0;
    // Counted now as well: a listener registered with `once` is already gone when ours runs.
    const othersBefore = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
    const onSignal = (signal: keyof typeof signalExitCodes): void => {
      if (!received) {
        received = true;
        echoes = Math.max(othersBefore[signal], process.listenerCount(signal) - 1);
        resolve();
      } else if (echoes > 0) echoes -= 1;
      else exit(signalExitCodes[signal]);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/**
 * Runs an orderly stop and waits for it at most `graceMs`. Returns false (after one line on standard
 * error) when the stop had not finished by then; the caller then returns as if it had.
 */
export async function stopWithin(stop: Promise<void>, io: CliIo, graceMs: number = stopGraceMs): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  const finished = await Promise.race([stop.then(() => true as const), late]);
  clearTimeout(timer);
  if (!finished)
    io.stderr(`Stopping took longer than ${graceMs / 1000} s (a venue connection did not close); exiting.`);
  return finished;
}

/**
 * Called once the command has returned its exit code. Normally the process then ends by itself; if
 * something still holds it `lingerMs` later (a socket that never finished closing), this names what
 * is left in one line on standard error and exits with `code`. The timer is unref'd, so it never
 * keeps a finished process alive itself.
 */
export function exitWhenIdle(
  code: number,
  io: CliIo,
  lingerMs: number = lingerGraceMs,
  exit: (code: number) => void = (exitCode) => process.exit(exitCode),
): void {
  const timer = setTimeout(() => {
    io.stderr(`liqlens: still holding ${describeOpenResources()} after the command finished; exiting.`);
    exit(code);
  }, lingerMs);
  timer.unref();
}

/** What keeps the event loop alive, counted by Node's resource names ("TCPSocketWrap x1, Timeout x2"). */
export function describeOpenResources(): string {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const parts = [...counts].map(([name, count]) => `${name} x${count}`);
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}
