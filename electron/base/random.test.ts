/** The seeded generator's stream is fixed: saved seeds, subsets and model files depend on it. */
import { describe, expect, it } from 'vitest';
import { createRng, permutation } from './random.js';

describe('createRng', () => {
  it('gives the same xoshiro128** stream for a seed as it always has', () => {
    const rng = createRng(7);
    expect(Array.from({ length: 5 }, () => rng.nextUint32())).toEqual([
      1004282400, 2200021487, 1928073449, 741806228, 2429532727,
    ]);
    expect(rng.normal()).toBeCloseTo(-1.2185222201947388, 15);
    expect(rng.fork().next()).toBeCloseTo(0.2609730039257556, 15);
  });

  it('gives uniforms in [0, 1), integers in range, and a permutation of 0..n-1', () => {
    const rng = createRng(-3);
    for (let i = 0; i < 10000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    expect(Array.from(permutation(50, createRng(1))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
  });
});
