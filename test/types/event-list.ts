/**
 * Compile-time proof (tsconfig.test.json) that the contract's event list follows `Events`: an event
 * added to `Events` and not to `eventNameSet`, or a listed name that is no event, fails tsc. Each
 * `@ts-expect-error` fails the build in turn if the error it expects ever goes away.
 */
import { eventNameSet, type EventName, type Events } from '../../shared/ipc/contract';

/** The list as it stands covers `Events` exactly. */
export const listed: Readonly<Record<EventName, true>> = eventNameSet;

/** The contract's events with one more member, as if an event were added and forgotten in the list. */
type EventsWithOneMore = Events & { 'probe:added': { readonly seq: number } };

// @ts-expect-error Property 'probe:added' is missing: the list no longer covers every event.
export const missing: Readonly<Record<keyof EventsWithOneMore, true>> = eventNameSet;

// @ts-expect-error 'probe:stray' is not an event: the list may not name what `Events` lacks.
export const stray = { ...eventNameSet, 'probe:stray': true } as const satisfies Record<EventName, true>;
