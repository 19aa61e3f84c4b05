/**
 * The time estimate shown before a run: the engine's speed measured on a few of the subset's
 * training rows for the first layer of the configuration (on the engine thread), turned into
 * seconds for the whole run by the cost model of `shared/domain/train-cost.ts`. The encoded
 * training set is kept with its subset, so a new estimate after an edit costs only the
 * measurement.
 */
import type { TrainConfig } from '../../shared/domain/model.js';
import { estimateSeconds } from '../../shared/domain/train-cost.js';
import type { Subset } from '../data/index.js';
import { EVAL_ROWS } from '../engine/index.js';
import { prepareTraining, type TrainingSet } from '../synthesizer/index.js';
import type { EngineClient } from './engine-thread/client.js';

/** Rows the speed is measured on (enough for a few mini-batches). */
const MEASURE_ROWS = 1024;

const sets = new WeakMap<Subset, TrainingSet>();

function trainingSetOf(subset: Subset): TrainingSet {
  let set = sets.get(subset);
  if (!set) sets.set(subset, (set = prepareTraining(subset)));
  return set;
}

/** Seconds a run of `config` on `subset` should take on this machine. */
export async function estimateRun(engine: EngineClient, subset: Subset, config: TrainConfig): Promise<number> {
  const { train, valid, test, outside } = trainingSetOf(subset);
  const first = Math.min(train.rows, MEASURE_ROWS);
  const data = { ...train, rows: first, data: train.data.slice(0, first * train.bits) };
  const speed = await engine.measureSpeed(data, config.layers[0]);
  // Without validation rows the engine holds a fraction of the training rows back (METHOD.md §3).
  const heldBack = valid ? 0 : Math.floor(train.rows * config.validationFraction);
  const split = heldBack >= 1 && heldBack < train.rows;
  const shape = {
    bits: train.bits,
    groups: train.groups.length,
    trainRows: split ? train.rows - heldBack : train.rows,
    validRows: valid?.rows ?? (split ? heldBack : 0),
    testRows: test?.rows ?? 0,
    outsideRows: Math.min(EVAL_ROWS, outside?.data?.rows ?? 0),
  };
  return estimateSeconds(config, shape, speed);
}
