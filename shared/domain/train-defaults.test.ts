/**
 * The defaults chosen within the time budget: within it at any speed that allows it, fewer
 * epochs then a smaller first layer as the rows or bits grow or the machine slows, the epochs
 * small tables need with early stopping on validation rows, and the estimate the choice reports.
 */
import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from './model.js';
import { estimateSeconds, runStages, type CostShape } from './train-cost.js';
import {
  chooseDefaults,
  EPOCH_LIMITS,
  EPOCHS_BEFORE_WIDTH,
  machineSpeed,
  MIN_FIRST_LAYER,
  REFERENCE_SPEED,
  runShape,
  secondLayerUnits,
  sizedConfig,
  speedOf,
  TABLE_TOP_MAX_UNITS,
  TIME_BUDGET_SECONDS,
  wantedEpochs,
  type EngineSpeed,
} from './train-defaults.js';

/** The sample data as the app trains it by default (80/10/10 of 8,000 rows). */
const SAMPLE: CostShape = runShape({ bits: 106, groups: 28, train: 6400, valid: 800, test: 800, outside: 0 }, 0.1);
const shape = (bits: number, train: number): CostShape =>
  runShape({ bits, groups: Math.ceil(bits / 7), train, valid: 0, test: 0, outside: 0 }, 0.1);
const slower = (factor: number): EngineSpeed => ({
  workPerSecond: REFERENCE_SPEED.workPerSecond / factor,
  opsPerSecond: REFERENCE_SPEED.opsPerSecond / factor,
});
const k1 = (c: { config: { layers: { units: number }[] } }) => c.config.layers[0].units;
const epochs = (c: { config: { layers: { epochs: number }[] } }) => c.config.layers[0].epochs;

describe('chooseDefaults', () => {
  it('fits the sample data in the budget at the reference speed, and says how long it takes', () => {
    const choice = chooseDefaults(SAMPLE);
    expect(choice.withinBudget).toBe(true);
    expect(choice.seconds).toBeLessThanOrEqual(TIME_BUDGET_SECONDS);
    const speed = machineSpeed(choice.config, SAMPLE.bits, REFERENCE_SPEED);
    expect(choice.seconds).toBeCloseTo(estimateSeconds(choice.config, SAMPLE, speed), 6);
    // Not a trivially small run: most of the budget is used.
    expect(choice.seconds).toBeGreaterThan(0.6 * TIME_BUDGET_SECONDS);
  });

  it('gives bigger data fewer epochs, then a smaller first layer, and stays within the budget', () => {
    let previous = chooseDefaults(shape(91, 500));
    for (const rows of [2000, 8000, 30_000, 120_000]) {
      const next = chooseDefaults(shape(91, rows));
      expect(epochs(next) <= epochs(previous) || k1(next) < k1(previous)).toBe(true);
      expect(k1(next)).toBeLessThanOrEqual(k1(previous));
      if (next.withinBudget) expect(next.seconds).toBeLessThanOrEqual(TIME_BUDGET_SECONDS);
      previous = next;
    }
    expect(epochs(chooseDefaults(shape(91, 120_000)))).toBeLessThan(epochs(chooseDefaults(shape(91, 2000))));
  });

  it('gives more bits (a finer encoding) fewer epochs or a smaller first layer, within the budget', () => {
    const base = chooseDefaults(shape(91, 6000));
    const finer = chooseDefaults(shape(364, 6000));
    expect(finer.withinBudget).toBe(true);
    expect(finer.seconds).toBeLessThanOrEqual(TIME_BUDGET_SECONDS);
    const work = (c: typeof base, bits: number) => runStages(c.config, bits)[0].workPerRow * epochs(c);
    expect(work(finer, 364)).toBeGreaterThan(0);
    expect(epochs(finer) < epochs(base) || k1(finer) < k1(base)).toBe(true);
  });

  it('is one layer of at most 16 units under a table prior, narrower and trained longer when the budget cuts the epochs short', () => {
    const choice = chooseDefaults(SAMPLE);
    expect(choice.config.layers).toHaveLength(1);
    expect(choice.config.topPrior).toBe('table');
    expect(k1(choice)).toBeLessThanOrEqual(TABLE_TOP_MAX_UNITS);
    expect(k1(choice)).toBeGreaterThanOrEqual(MIN_FIRST_LAYER);
    // The most epochs the widest layer gets within the budget.
    let wideEpochs = 0;
    for (let e = 1; e <= 200; e++) {
      const c = sizedConfig(SAMPLE.bits, 7200, TABLE_TOP_MAX_UNITS, e);
      if (estimateSeconds(c, SAMPLE, machineSpeed(c, SAMPLE.bits, REFERENCE_SPEED)) <= TIME_BUDGET_SECONDS)
        wideEpochs = e;
    }
    expect(wideEpochs).toBeLessThan(EPOCHS_BEFORE_WIDTH * wantedEpochs(SAMPLE.trainRows, 128));
    expect(k1(choice)).toBeLessThan(TABLE_TOP_MAX_UNITS);
    expect(epochs(choice)).toBeGreaterThan(wideEpochs);
  });

  it('keeps narrow data at its own size', () => {
    const narrow = chooseDefaults(shape(20, 500));
    expect(k1(narrow)).toBe(defaultTrainConfig(20, 500).layers[0].units);
    expect(narrow.config.topPrior).toBe('table');
  });

  it('adapts to a slower machine with a smaller run, within the same budget', () => {
    const fast = chooseDefaults(SAMPLE);
    const slow = chooseDefaults(SAMPLE, slower(1.5));
    expect(slow.withinBudget).toBe(true);
    expect(slow.seconds).toBeLessThanOrEqual(TIME_BUDGET_SECONDS);
    expect(epochs(slow) * k1(slow)).toBeLessThan(epochs(fast) * k1(fast));
  });

  it('trains small tables for many epochs, every one of them (no early stopping), still measured on validation rows', () => {
    const small = chooseDefaults(shape(73, 325));
    expect(small.withinBudget).toBe(true);
    expect(epochs(small)).toBeGreaterThanOrEqual(500);
    expect(small.config.patience).toBe(0);
    expect(small.config.validationFraction).toBeGreaterThan(0);
    // The engine holds back validation rows from the training rows when the subset has none.
    expect(shape(73, 325).validRows).toBe(32);
    expect(small.config.topEpochs).toBe(epochs(small));
  });

  it('gives the smallest run, marked over the budget, when nothing fits', () => {
    const choice = chooseDefaults(shape(400, 200_000), slower(20));
    expect(choice.withinBudget).toBe(false);
    expect(choice.seconds).toBeGreaterThan(TIME_BUDGET_SECONDS);
    expect(epochs(choice)).toBe(EPOCH_LIMITS.min);
    expect(k1(choice)).toBe(MIN_FIRST_LAYER);
  });

  it('respects another budget', () => {
    const short = chooseDefaults(SAMPLE, REFERENCE_SPEED, 20);
    expect(short.seconds).toBeLessThanOrEqual(20);
    expect(epochs(short) * k1(short)).toBeLessThan(epochs(chooseDefaults(SAMPLE)) * k1(chooseDefaults(SAMPLE)));
  });
});

describe('the rule’s parts', () => {
  it('keeps the second layer out of 9 to 12 units, where the exact criterion costs most', () => {
    for (let k = 8; k <= 64; k++) {
      const k2 = secondLayerUnits(k);
      expect(k2 < 9 || k2 > 12).toBe(true);
      expect(k2).toBeLessThanOrEqual(Math.max(4, k));
    }
  });

  it('asks for about the same number of mini-batch steps whatever the rows, within limits', () => {
    expect(wantedEpochs(325, 128)).toBe(EPOCH_LIMITS.max);
    expect(wantedEpochs(6400, 128)).toBe(100);
    expect(wantedEpochs(1_000_000, 128)).toBe(EPOCH_LIMITS.minWithinBudget);
  });

  it('turns a speed measured on one first layer into the same estimate for that layer', () => {
    const probe = chooseDefaults(SAMPLE).config;
    const measured = { layer0RowsPerSecond: 1234, opsPerSecond: 5e8 };
    const speed = speedOf(probe, SAMPLE.bits, measured);
    const back = machineSpeed(probe, SAMPLE.bits, speed);
    expect(back.layer0RowsPerSecond).toBeCloseTo(1234, 6);
    expect(estimateSeconds(probe, SAMPLE, back)).toBeCloseTo(estimateSeconds(probe, SAMPLE, measured), 6);
  });
});
