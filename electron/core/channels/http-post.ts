import { readFailure, type ChannelRequest, type FailureReading } from './channel-requests';

/** How long one request may take before it counts as a network failure, ms. */
export const requestTimeoutMs = 10_000;

/** The result of one attempt: delivered, or why not and whether trying again may help. */
export type Attempt = { readonly ok: true } | ({ readonly ok: false; readonly retryable: boolean } & FailureReading);

/**
 * POSTs one channel request. 2xx is delivered; 429, 5xx and network errors are worth retrying;
 * other answers are final (docs/research/notification-channels.md §1). A network error is described
 * by its code only ("ECONNREFUSED"), never by the URL, which may carry a token.
 */
export async function postChannelRequest(request: ChannelRequest, signal?: AbortSignal): Promise<Attempt> {
  const timeout = AbortSignal.timeout(requestTimeoutMs);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'error',
    });
  } catch (error) {
    return { ok: false, retryable: true, detail: `network error: ${networkReason(error)}`, retryAfterMs: null };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { ok: true };
  const reading = readFailure(response.status, response.statusText, text, response.headers.get('retry-after'));
  return { ok: false, retryable: response.status === 429 || response.status >= 500, ...reading };
}

/** A short, secret-free reason for a failed fetch: the system error code, or "timed out". */
function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const cause = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  return 'no answer';
}
