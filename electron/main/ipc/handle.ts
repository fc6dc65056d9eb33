import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { RequestChannel, RequestPayload, Results } from '../../../shared/ipc/contract';
import { handlerFailure, parseRequest, type Envelope } from '../../../shared/ipc/envelope';
import type { Logger } from '../../core/ports';

/** Who may call: windows this app created, from their main frame, showing the app's own page. */
export interface SenderPolicy {
  readonly trusted: { has(webContentsId: number): boolean };
  readonly isAppUrl: (url: string) => boolean;
  readonly logger: Logger;
}

/** A contract handler: receives a payload already validated against the channel's schema. */
export type ChannelHandler<C extends RequestChannel> = (payload: RequestPayload<C>) => Promise<Results[C]>;

/**
 * Registers `fn` for `channel` on `ipcMain.handle`. Before `fn` runs, the sender must pass
 * `SenderPolicy` and the payload must pass the channel's zod schema; the reply is always an
 * Envelope, so a failure reaches the renderer as one sentence and never as a stack trace.
 * Returns a function that removes the handler.
 */
export function handle<C extends RequestChannel>(channel: C, fn: ChannelHandler<C>, policy: SenderPolicy): () => void {
  ipcMain.handle(channel, (event, payload: unknown) => respond(channel, fn, policy, event, payload));
  return () => ipcMain.removeHandler(channel);
}

async function respond<C extends RequestChannel>(
  channel: C,
  fn: ChannelHandler<C>,
  policy: SenderPolicy,
  event: IpcMainInvokeEvent,
  payload: unknown,
): Promise<Envelope<Results[C]>> {
  const refusal = refuseSender(event, policy);
  if (refusal) {
    policy.logger.warn('ipc request refused', { channel, reason: refusal });
    return { ok: false, error: { code: 'forbidden', message: `This request is not allowed from here (${refusal}).` } };
  }
  const parsed = parseRequest(channel, payload);
  if (!parsed.ok) return parsed;
  try {
    // parseRequest validated against requests[channel], so the payload is this channel's.
    return { ok: true, result: await fn(parsed.result.payload as RequestPayload<C>) };
  } catch (error) {
    return handlerFailure(error);
  }
}

/** Why the sender is refused, or undefined when it may call. */
function refuseSender(event: IpcMainInvokeEvent, policy: SenderPolicy): string | undefined {
  if (!policy.trusted.has(event.sender.id)) return 'unknown sender';
  const frame = event.senderFrame;
  // senderFrame is null once the frame navigated away or was destroyed: nothing left to trust.
  if (!frame) return 'sender frame is gone';
  const main = event.sender.mainFrame;
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  if (!isMainFrame) return 'sub-frame';
  if (!policy.isAppUrl(frame.url)) return 'foreign page';
  return undefined;
}
