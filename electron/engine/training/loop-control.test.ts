/** The progress clock: time left from the most recent epochs, not from a slow first one. */
import { describe, expect, it } from 'vitest';
import { Clock } from './loop-control.js';

/** A clock on a fake time line: `epoch(rows, seconds)` runs one epoch of that many rows in that time. */
function fakeClock(totalRows: number) {
  let t = 0;
  const clock = new Clock(totalRows, () => t);
  return {
    clock,
    epoch(rows: number, seconds: number) {
      t += seconds * 1000;
      clock.add(rows);
      clock.endEpoch();
    },
  };
}

describe('Clock', () => {
  it('says nothing before the first epoch ends', () => {
    const { clock } = fakeClock(1000);
    clock.add(100);
    expect(clock.rowsPerSecond()).toBe(0);
    expect(clock.eta()).toBe(0);
  });

  it('leaves a slow first epoch (warm-up) out of the rate once later epochs are known', () => {
    // 10 epochs of 1,000 rows: the first takes 6 s (compilation), the others 1 s each.
    const { clock, epoch } = fakeClock(10_000);
    epoch(1000, 6);
    expect(clock.rowsPerSecond()).toBeCloseTo(1000 / 6);
    epoch(1000, 1);
    epoch(1000, 1);
    expect(clock.rowsPerSecond()).toBeCloseTo(1000);
    // 7 epochs to go at 1 s each; the average since the start (3,000 rows in 8 s) would say 18.7 s.
    expect(clock.eta()).toBeCloseTo(7);
  });

  it('follows the most recent epochs when the speed changes', () => {
    const { clock, epoch } = fakeClock(8000);
    epoch(1000, 2);
    epoch(1000, 1);
    epoch(1000, 1);
    epoch(1000, 2);
    epoch(1000, 2);
    expect(clock.rowsPerSecond()).toBeCloseTo(500);
    expect(clock.eta()).toBeCloseTo(6);
  });
});
