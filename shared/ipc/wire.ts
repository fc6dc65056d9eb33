/**
 * The web-mode wire format: JSON text frames over one WebSocket. The client sends requests; the
 * host answers each with a response carrying the same id, and pushes events. Everything a client
 * sends is parsed with `ClientMessageSchema` before it is looked at.
 */
import { z } from 'zod';
import type { ContractError, Envelope } from './envelope';
import type { EventName, Events } from './contract';

/** Largest frame the host accepts, in bytes; anything bigger is closed with 1009. */
export const maxFrameBytes = 1024 * 1024;

/** A client-to-host frame: a request with a client-chosen id. */
export const ClientMessageSchema = z
  .object({
    type: z.literal('request'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    channel: z.string().max(128),
    payload: z.unknown(),
  })
  .strict();
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** The answer to request `id`. */
export type ResponseMessage = { readonly type: 'response'; readonly id: number } & Envelope<unknown>;

/** An event pushed by the host. */
export type EventMessage = {
  [E in EventName]: { readonly type: 'event'; readonly event: E; readonly payload: Events[E] };
}[EventName];

/** A frame the host could not attribute to a request (unparseable JSON, no id). */
export interface ProtocolErrorMessage {
  readonly type: 'error';
  readonly error: ContractError;
}

/** Every host-to-client frame. */
export type HostMessage = ResponseMessage | EventMessage | ProtocolErrorMessage;
