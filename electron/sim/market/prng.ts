/**
 * A small seeded pseudo-random generator, so a simulation is reproducible from its seed alone
 * (Math.random cannot be seeded). mulberry32: 32-bit state, fast, good enough for a market model.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number;
  /** Poisson count with mean `mean` (>= 0). */
  poisson(mean: number): number;
  /** Exponential with mean `mean`. */
  exponential(mean: number): number;
  /** Integer in [0, count). */
  int(count: number): number;
}

/**
 * Mixes a seed and a label into an independent sub-seed, so each symbol gets its own stream and
 * adding a symbol does not change the others' paths.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Creates a generator from a 32-bit seed (any number; only its low 32 bits matter). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  let spare = 0;
  let hasSpare = false;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    // Box-Muller gives two independent normals per pair of uniforms; keep the second for the next call.
    const u = 1 - next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  };
  const poisson = (mean: number): number => {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    // Inversion by sequential search: the means here are small (events per second).
    let k = 0;
    let p = Math.exp(-mean);
    let cumulative = p;
    const u = next();
    while (u > cumulative && k < 200) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  };
  return {
    next,
    normal,
    poisson,
    exponential: (mean) => -Math.log(1 - next()) * mean,
    int: (count) => Math.floor(next() * count),
  };
}
