import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { eventNames, type EventName } from '../../../shared/ipc/contract';
import { forwardEvents } from './forward-events';
import { createTrustedSenders } from './trusted-senders';

/** A webContents that records what it was sent. */
function fakeContents(id: number): WebContents & { sent: [string, unknown][]; destroy(): void } {
  const emitter = new EventEmitter();
  let destroyed = false;
  const sent: [string, unknown][] = [];
  return Object.assign(emitter, {
    id,
    sent,
    isDestroyed: () => destroyed,
    send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    destroy() {
      destroyed = true;
      emitter.emit('destroyed');
    },
  }) as unknown as WebContents & { sent: [string, unknown][]; destroy(): void };
}

/** A core stand-in whose events the test fires by hand. */
function fakeCore() {
  const emitter = new EventEmitter();
  return {
    on: vi.fn((event: EventName, listener: (payload: unknown) => void) => {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    }),
    emit: (event: EventName, payload: unknown) => emitter.emit(event, payload),
    listeners: () => eventNames.reduce((sum, name) => sum + emitter.listenerCount(name), 0),
  };
}

describe('forwardEvents()', () => {
  it('sends every core event to every live trusted window on the channel named after it', () => {
    const core = fakeCore();
    const trusted = createTrustedSenders();
    const first = fakeContents(1);
    const second = fakeContents(2);
    trusted.add(first);
    trusted.add(second);
    forwardEvents(core, () => trusted.list());
    for (const name of eventNames) core.emit(name, { from: name });
    expect(first.sent).toEqual(eventNames.map((name) => [name, { from: name }]));
    expect(second.sent).toEqual(first.sent);
  });

  it('skips a window destroyed while the event was on its way', () => {
    const core = fakeCore();
    const closing = fakeContents(1);
    const open = fakeContents(2);
    forwardEvents(core, () => [closing, open]);
    closing.destroy();
    core.emit('core:heartbeat', { seq: 1 });
    expect(closing.sent).toEqual([]);
    expect(open.sent).toEqual([['core:heartbeat', { seq: 1 }]]);
  });

  it('forgets a destroyed window as a trusted sender and event target', () => {
    const trusted = createTrustedSenders();
    const window = fakeContents(1);
    trusted.add(window);
    expect(trusted.has(1)).toBe(true);
    window.destroy();
    expect(trusted.has(1)).toBe(false);
    expect(trusted.list()).toEqual([]);
  });

  it('stops forwarding when asked', () => {
    const core = fakeCore();
    const stop = forwardEvents(core, () => []);
    expect(core.listeners()).toBe(eventNames.length);
    stop();
    expect(core.listeners()).toBe(0);
  });
});
