import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { eventNames } from '../../shared/ipc/contract';
import type { Core } from '../core/create-core';
import { createEventHub } from '../core/event-hub';
import { createSilentLogger } from '../core/logger';
import { serveContract } from './contract-socket';

/** A socket stand-in that records the frames sent to the client. */
function fakeSocket() {
  const emitter = new EventEmitter();
  const frames: unknown[] = [];
  const socket = Object.assign(emitter, {
    OPEN: 1,
    readyState: 1,
    send: (text: string) => frames.push(JSON.parse(text)),
  });
  return { socket: socket as unknown as WebSocket, frames, close: () => emitter.emit('close') };
}

/** A core whose events the test publishes through a real event hub. */
function hubCore() {
  const hub = createEventHub((error) => {
    throw error;
  });
  const core = { on: hub.on } as unknown as Core;
  return { core, hub };
}

describe('serveContract()', () => {
  it('pushes every contract event to the client as an event frame', () => {
    const { core, hub } = hubCore();
    const client = fakeSocket();
    serveContract(client.socket, core, createSilentLogger());
    for (const event of eventNames) hub.emit(event, { from: event } as never);
    expect(client.frames).toEqual(eventNames.map((event) => ({ type: 'event', event, payload: { from: event } })));
  });

  it('stops listening to the core when the client goes away', () => {
    const { core, hub } = hubCore();
    const client = fakeSocket();
    serveContract(client.socket, core, createSilentLogger());
    expect(hub.listenerCount()).toBe(eventNames.length);
    client.close();
    expect(hub.listenerCount()).toBe(0);
    hub.emit('core:heartbeat', { seq: 1, coreTimeMs: 0, uptimeMs: 0 });
    expect(client.frames).toEqual([]);
  });
});
