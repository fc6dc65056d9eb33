import { useSyncExternalStore } from 'react';
import { readStored, writeStored } from '../../lib/stored';
import { nextSort, parseSort, type PositionSort, type SortKey } from './position-sort';

/** Where the table's sort is kept between reloads. */
const storageKey = 'liqlens:positions-sort';

/*
 * One sort for the window, outside React state: the table draws it and the next/previous position
 * shortcuts step through rows in the same order.
 */
let current: PositionSort = null;
let loaded = false;
const listeners = new Set<() => void>();

/** The sort the table shows now (as kept across reloads). */
export function currentPositionSort(): PositionSort {
  if (!loaded) {
    current = readStored(storageKey, parseSort);
    loaded = true;
  }
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Turns the sort as a click on `key`'s header does (see `nextSort`), keeps it and tells every reader. */
export function toggleSort(key: SortKey): void {
  current = nextSort(currentPositionSort(), key);
  writeStored(storageKey, current);
  for (const listener of listeners) listener();
}

/** The positions table's sort (kept across reloads) and the function that turns it. */
export function usePositionSort(): [PositionSort, (key: SortKey) => void] {
  return [useSyncExternalStore(subscribe, currentPositionSort, currentPositionSort), toggleSort];
}
