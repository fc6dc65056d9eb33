/**
 * Finds x in [a, b] with f(x) = 0, given f(a) and f(b) of opposite signs (or one of them zero).
 * Regula falsi with the Illinois modification (the retained end's value is halved when the same
 * end is kept twice, so piecewise-linear functions with kinks still converge fast), falling back
 * to bisection if a step fails to shrink the bracket. Stops when the bracket is narrower than
 * `tolerance` (same units as x) or after `maxIterations`. Returns NaN when the signs do not bracket.
 */
export function findRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  tolerance: number,
  maxIterations = 200,
): number {
  let lo = a;
  let hi = b;
  let fLo = f(lo);
  let fHi = f(hi);
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (Math.sign(fLo) === Math.sign(fHi) || !Number.isFinite(fLo) || !Number.isFinite(fHi)) return Number.NaN;
  let kept: -1 | 0 | 1 = 0;
  for (let i = 0; i < maxIterations && hi - lo > tolerance; i++) {
    let x = (lo * fHi - hi * fLo) / (fHi - fLo);
    // A secant point stuck at an end (or outside) gains nothing: bisect instead.
    if (!(x > lo && x < hi)) x = (lo + hi) / 2;
    const fx = f(x);
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(fLo)) {
      lo = x;
      fLo = fx;
      if (kept === 1) fHi /= 2;
      kept = 1;
    } else {
      hi = x;
      fHi = fx;
      if (kept === -1) fLo /= 2;
      kept = -1;
    }
    if (i % 8 === 7) {
      // Guarantees at least linear progress even on badly scaled functions.
      const mid = (lo + hi) / 2;
      const fMid = f(mid);
      if (fMid === 0) return mid;
      if (Math.sign(fMid) === Math.sign(fLo)) {
        lo = mid;
        fLo = fMid;
      } else {
        hi = mid;
        fHi = fMid;
      }
      kept = 0;
    }
  }
  return Math.abs(fLo) < Math.abs(fHi) ? lo : hi;
}
