import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from './prng';

describe('createRandom', () => {
  it('repeats its stream for a seed and differs across seeds', () => {
    const a = createRandom(42),
      b = createRandom(42),
      c = createRandom(43);
    const draw = (r: ReturnType<typeof createRandom>): number[] => Array.from({ length: 20 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws normals, Poisson counts and exponentials with the right means', () => {
    const r = createRandom(7);
    const n = 50_000;
    let sum = 0,
      squares = 0,
      poisson = 0,
      exponential = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      squares += z * z;
      poisson += r.poisson(0.3);
      exponential += r.exponential(2);
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(squares / n).toBeCloseTo(1, 1);
    expect(poisson / n).toBeCloseTo(0.3, 1);
    expect(exponential / n).toBeCloseTo(2, 1);
  });
});

describe('deriveSeed', () => {
  it('gives independent, stable sub-seeds per label', () => {
    expect(deriveSeed(1, 'BTCUSDT')).toBe(deriveSeed(1, 'BTCUSDT'));
    expect(deriveSeed(1, 'BTCUSDT')).not.toBe(deriveSeed(1, 'ETHUSDT'));
    expect(deriveSeed(1, 'BTCUSDT')).not.toBe(deriveSeed(2, 'BTCUSDT'));
  });
});
