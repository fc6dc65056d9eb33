import type { Linter } from 'eslint';

/** The runtime-boundary rules of eslint.boundaries.js (typed for the test that proves them). */
export declare const boundaries: Linter.Config[];
