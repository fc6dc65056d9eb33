/**
 * Module hooks (they run on Node's loader thread) that post the URL of every module resolved to
 * the port `record-module-loads.ts` hands over.
 */
import type { MessagePort } from 'node:worker_threads';

let port: MessagePort | undefined;

/** Receives the port that carries each resolved URL back to the main thread. */
export function initialize(data: { port: MessagePort }): void {
  port = data.port;
}

/** Passes resolution on unchanged, and reports the URL it resolved to. */
export async function resolve(
  specifier: string,
  context: { parentURL?: string },
  next: (specifier: string, context: { parentURL?: string }) => Promise<{ url: string }>,
): Promise<{ url: string }> {
  const resolved = await next(specifier, context);
  port?.postMessage(resolved.url);
  return resolved;
}
