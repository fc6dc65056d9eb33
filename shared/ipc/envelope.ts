/**
 * Request validation and the result envelope, shared by both transports so that Electron IPC and
 * the web-mode WebSocket refuse bad input with the same words.
 */
import type { z } from 'zod';
import { requests, type RequestChannel, type RequestPayload } from './contract';

/**
 * Why a request failed. `handler-failed` is the core refusing or failing; `rate-limited` is a web
 * client sending faster than its limit; the rest are input.
 */
export type ContractErrorCode =
  'unknown-channel' | 'invalid-payload' | 'malformed-message' | 'forbidden' | 'handler-failed' | 'rate-limited';

/** A failure the renderer can show as it is: `message` is one plain sentence. */
export interface ContractError {
  readonly code: ContractErrorCode;
  readonly message: string;
}

/** What a transport returns for a request: the result, or a clear error. */
export type Envelope<T> =
  { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: ContractError };

/** A request that passed validation, narrowed to its channel. */
export type ParsedRequest = {
  [C in RequestChannel]: { readonly channel: C; readonly payload: RequestPayload<C> };
}[RequestChannel];

/** True when `channel` names a request channel of the contract. */
export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(requests, channel);
}

/** Turns the first zod issue into "field: problem" (or the problem alone at the root). */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const path = issue.path.map(String).join('.');
  const text = path ? `${path}: ${issue.message}` : issue.message;
  // zod quotes unknown keys and bad values in its message; a hostile client can make them a megabyte
  // long, so keep the sentence short enough to show (found by test/fuzz/contract-web.fuzz.test.ts).
  return text.length > maxMessageLength ? `${text.slice(0, maxMessageLength - 1)}…` : text;
}

/** Longest error sentence sent to the renderer, in characters. */
const maxMessageLength = 300;

/**
 * Checks a raw request from an untrusted sender: the channel must exist and the payload must
 * match its schema. Returns the parsed request or an error naming the channel and field.
 */
export function parseRequest(channel: unknown, payload: unknown): Envelope<ParsedRequest> {
  if (!isRequestChannel(channel)) {
    const name = typeof channel === 'string' ? `"${channel.slice(0, 64)}"` : `a ${typeof channel}`;
    return { ok: false, error: { code: 'unknown-channel', message: `Unknown channel ${name}.` } };
  }
  const parsed = requests[channel].safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-payload', message: `${channel}: ${describeZodError(parsed.error)}` } };
  }
  return { ok: true, result: { channel, payload: parsed.data } as ParsedRequest };
}

/**
 * Wraps an unexpected failure so a stack trace or secret never crosses to the renderer; a message
 * longer than a few hundred characters (a venue's error page, say) is cut.
 */
export function handlerFailure(error: unknown): Envelope<never> {
  const text = error instanceof Error && error.message ? error.message : 'The request failed.';
  const message = text.length > maxFailureLength ? `${text.slice(0, maxFailureLength - 1)}…` : text;
  return { ok: false, error: { code: 'handler-failed', message } };
}

/** Longest failure sentence sent to the renderer: room for our words around a venue's cut text. */
const maxFailureLength = 600;
