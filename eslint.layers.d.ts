import type { Linter } from 'eslint';

/** One row of the layer map (eslint.layers.js): its folder and what its files may import. */
interface Layer {
  readonly folder: string;
  readonly uses: readonly string[];
  readonly testsUse: readonly string[];
}

/** The layer map, by layer name (typed for the tests that prove it and check the docs against it). */
export declare const layers: Readonly<Record<string, Layer>>;

/** Named parts of a layer that another layer may use without the rest of it. */
export declare const entries: Readonly<Record<string, { readonly layer: string; readonly files: readonly string[] }>>;

/** The config that turns the three layer rules on. */
export declare const layerRules: Linter.Config;
