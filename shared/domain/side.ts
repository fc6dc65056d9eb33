/** The direction of a position: `long` gains when the price rises, `short` when it falls. */
export type Side = 'long' | 'short';

/** Every side. */
export const sides: readonly Side[] = ['long', 'short'];
