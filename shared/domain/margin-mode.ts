/**
 * How a position is margined: `isolated` positions hold their own margin; `cross` positions share the
 * account's wallet balance (and each other's unrealized PnL).
 */
export type MarginMode = 'isolated' | 'cross';

/** Every margin mode. */
export const marginModes: readonly MarginMode[] = ['isolated', 'cross'];
