/** The cost model behind the time estimate and the time left: what costs more costs more, and seconds follow the measured speed. */
import { describe, expect, it } from 'vitest';
import { defaultTrainConfig, type TrainConfig } from './model.js';
import {
  estimateSeconds,
  EVAL_OP_COST,
  evaluationOps,
  rowsAfterStage,
  runStages,
  type CostShape,
} from './train-cost.js';

const shape: CostShape = { bits: 90, groups: 14, trainRows: 6400, validRows: 800, testRows: 800, outsideRows: 0 };
const speed = { layer0RowsPerSecond: 5000, opsPerSecond: 2e8 };

function withEpochs(config: TrainConfig, epochs: number): TrainConfig {
  return { ...config, layers: config.layers.map((l) => ({ ...l, epochs })), topEpochs: epochs };
}

describe('train cost', () => {
  const config = defaultTrainConfig(shape.bits, shape.trainRows);

  it('weighs the stages after a layer by their cost, not their rows', () => {
    const stages = runStages(config, shape.bits);
    expect(stages.map((s) => s.stage)).toEqual(['layer', 'layer', 'top', 'finetune']);
    // The narrow second layer and the top prior cost less per row than the first layer.
    expect(stages[1].workPerRow).toBeLessThan(stages[0].workPerRow);
    expect(stages[2].workPerRow).toBeLessThan(stages[1].workPerRow);
    const after = rowsAfterStage(config, shape.bits, shape.trainRows, 0);
    const plainRows = (config.layers[1].epochs + config.topEpochs) * shape.trainRows;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(plainRows / 2);
    expect(rowsAfterStage(config, shape.bits, shape.trainRows, 2)).toBe(0);
  });

  it('counts the exact criterion of a narrow auto-encoder layer as costlier than the sampled one', () => {
    const narrow = { ...config, layers: [{ ...config.layers[0], units: 12 }] };
    const wide = { ...config, layers: [{ ...config.layers[0], units: 16 }] };
    expect(runStages(narrow, shape.bits)[0].workPerRow).toBeGreaterThan(runStages(wide, shape.bits)[0].workPerRow);
  });

  it('gives the first layer its measured speed and grows with epochs and evaluation work', () => {
    const one = { ...withEpochs(config, 10), layers: [config.layers[0]].map((l) => ({ ...l, epochs: 10 })) };
    const evaluation = (evaluationOps(one, shape) * EVAL_OP_COST) / speed.opsPerSecond;
    const stages = runStages(one, shape.bits);
    const top = (stages[1].epochs * stages[1].workPerRow) / stages[0].workPerRow;
    const expected = ((10 + top) * shape.trainRows) / speed.layer0RowsPerSecond + evaluation;
    expect(estimateSeconds(one, shape, speed)).toBeCloseTo(expected, 6);
    expect(estimateSeconds(withEpochs(config, 40), shape, speed)).toBeGreaterThan(
      estimateSeconds(withEpochs(config, 10), shape, speed),
    );
    expect(estimateSeconds(config, { ...shape, outsideRows: 1000 }, speed)).toBeGreaterThan(
      estimateSeconds(config, shape, speed),
    );
  });

  it('counts an enumerated log-likelihood by the bits a row has on (one per group), not by all its bits', () => {
    // One 13-unit layer under a table: the exact log-likelihood enumerates 2^13 states per row.
    const one: TrainConfig = { ...config, layers: [{ ...config.layers[0], units: 13 }], topPrior: 'table' };
    const wide = { ...shape, bits: 280, groups: 30 };
    const ops = (s: CostShape) => evaluationOps(one, s);
    // Ten times the bits in as many groups cost about as much to enumerate: wide one-hot codes are cheap.
    expect(ops(wide)).toBeLessThan(2 * ops({ ...wide, bits: 30 }));
    expect(ops({ ...wide, groups: 280 })).toBeGreaterThan(3 * ops(wide));
  });
});
