import { describe, expect, it } from 'vitest';
import { createConnectionSource, onceConnected } from './connection';

describe('onceConnected', () => {
  it('runs at once on a connected source', () => {
    const runs: string[] = [];
    onceConnected(createConnectionSource('connected'), () => runs.push('run'));
    expect(runs).toEqual(['run']);
  });

  it('waits for the first connection and runs only once across reconnections', () => {
    const source = createConnectionSource('connecting');
    const runs: string[] = [];
    onceConnected(source, () => runs.push(source.get()));
    source.set('reconnecting');
    expect(runs).toEqual([]);
    source.set('connected');
    source.set('reconnecting');
    source.set('connected');
    expect(runs).toEqual(['connected']);
  });
});
