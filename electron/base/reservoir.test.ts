/**
 * Reservoir sampling: the capacity is respected, the first items fill it, every item of the
 * stream is kept with the same probability (checked with a fixed seed, so not flaky), also
 * after `limit`, a seed gives the same sample every time, and the draws are the classic loop's.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';
import { Reservoir } from './reservoir.js';

function sample(n: number, capacity: number, seed: number): number[] {
  const res = new Reservoir<number>(capacity, createRng(seed));
  for (let i = 0; i < n; i++) res.add(i);
  return res.items;
}

/** Sum of squared standard scores of the inclusion counts, and the largest score. */
function inclusionScores(counts: number[], trials: number, p: number): { chi2: number; maxZ: number } {
  let chi2 = 0;
  let maxZ = 0;
  for (const c of counts) {
    const z = (c - trials * p) / Math.sqrt(trials * p * (1 - p));
    chi2 += z * z;
    maxZ = Math.max(maxZ, Math.abs(z));
  }
  return { chi2, maxZ };
}

describe('reservoir', () => {
  it('keeps the first items while it fills, then never more than its capacity', () => {
    const res = new Reservoir<number>(10, createRng(1));
    for (let i = 0; i < 5; i++) expect(res.add(i)).toBe(true);
    expect(res.items).toEqual([0, 1, 2, 3, 4]);
    for (let i = 5; i < 1000; i++) res.add(i);
    expect(res.items).toHaveLength(10);
    expect(res.seen).toBe(1000);
    expect(new Set(res.items).size).toBe(10);
    expect(res.limited).toBe(true);
  });

  it('keeps everything without a capacity, until limited', () => {
    const res = new Reservoir<number>(Infinity, createRng(1));
    for (let i = 0; i < 100; i++) res.add(i);
    expect(res.items).toHaveLength(100);
    expect(res.limited).toBe(false);
    res.limit();
    expect(res.capacity).toBe(100);
    for (let i = 100; i < 1000; i++) res.add(i);
    expect(res.items).toHaveLength(100);
    expect(res.items.some((x) => x >= 100)).toBe(true);
  });

  it('keeps nothing with capacity 0, and draws nothing for it', () => {
    const rng = createRng(5);
    const res = new Reservoir<number>(0, rng);
    for (let i = 0; i < 10; i++) expect(res.offer()).toBe(-1);
    expect(res.items).toEqual([]);
    expect(rng.next()).toBe(createRng(5).next());
  });

  it('gives the same sample for a seed, another for another seed', () => {
    expect(sample(10_000, 20, 3)).toEqual(sample(10_000, 20, 3));
    expect(sample(10_000, 20, 3)).not.toEqual(sample(10_000, 20, 4));
  });

  it('keeps every item with probability capacity / n', () => {
    const n = 50;
    const k = 10;
    const trials = 20_000;
    const rng = createRng(12345);
    const counts = new Array<number>(n).fill(0);
    for (let t = 0; t < trials; t++) {
      const res = new Reservoir<number>(k, rng);
      for (let i = 0; i < n; i++) res.add(i);
      for (const i of res.items) counts[i]++;
    }
    const { chi2, maxZ } = inclusionScores(counts, trials, k / n);
    // About chi-square with n - 1 = 49 degrees of freedom (mean 49, sd 10) for a uniform sampler.
    expect(chi2).toBeLessThan(49 + 5 * 10);
    expect(maxZ).toBeLessThan(4.5);
    // A sampler that favoured early or late items would fail: the first and last tenth are kept as often.
    const share = (from: number, to: number) => counts.slice(from, to).reduce((a, b) => a + b, 0) / (trials * k);
    expect(Math.abs(share(0, 5) - share(45, 50))).toBeLessThan(0.01);
  });

  it('stays uniform when the capacity is set by limit while filling', () => {
    const n = 40;
    const trials = 20_000;
    const rng = createRng(777);
    const counts = new Array<number>(n).fill(0);
    for (let t = 0; t < trials; t++) {
      const res = new Reservoir<number>(Infinity, rng);
      for (let i = 0; i < n; i++) {
        res.add(i);
        if (res.items.length === 8 && !res.limited) res.limit();
      }
      for (const i of res.items) counts[i]++;
    }
    const { chi2, maxZ } = inclusionScores(counts, trials, 8 / n);
    expect(chi2).toBeLessThan(39 + 5 * Math.sqrt(78));
    expect(maxZ).toBeLessThan(4.5);
  });

  it('draws as the classic loop does (one uniform per item once full, j = floor(u * seen))', () => {
    const rng = createRng(42);
    const classic: number[] = [];
    for (let seen = 1; seen <= 5000; seen++) {
      if (classic.length < 30) classic.push(seen - 1);
      else {
        const j = Math.floor(rng.next() * seen);
        if (j < 30) classic[j] = seen - 1;
      }
    }
    expect(sample(5000, 30, 42)).toEqual(classic);
  });
});
