import { describe, expect, it } from 'vitest';
import { createBackfillGate } from './backfill-gate';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the backfill gate', () => {
  it('admits two at a time, the charted market jumps the line, and a stopped waiter never holds a slot', async () => {
    const gate = createBackfillGate(2);
    const admitted: string[] = [];
    const releases = new Map<string, () => void>();
    const stopped = new Set<string>();
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      void gate
        .enter(id, () => stopped.has(id))
        .then((release) => {
          admitted.push(id);
          releases.set(id, release);
        });
    }
    await settle();
    expect(admitted).toEqual(['a', 'b']);
    gate.promote('e');
    stopped.add('c');
    releases.get('a')?.();
    releases.get('a')?.();
    await settle();
    // e was promoted; the second release of a frees nothing more.
    expect(admitted).toEqual(['a', 'b', 'e']);
    releases.get('b')?.();
    await settle();
    // c stopped while waiting: it is let through without a slot, and d takes the slot.
    expect(admitted).toEqual(['a', 'b', 'e', 'c', 'd']);
    releases.get('c')?.();
    await settle();
    const more: string[] = [];
    void gate.enter('f', () => false).then(() => more.push('f'));
    await settle();
    expect(more, 'e and d hold the two slots').toEqual([]);
    releases.get('d')?.();
    await settle();
    expect(more).toEqual(['f']);
  });
});
