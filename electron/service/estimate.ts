/**
 * The time estimate shown before a run: the engine's speed measured on a few of the subset's
 * training rows for the first layer of the configuration (on the engine thread), turned into
 * seconds for the whole run by the cost model of `shared/domain/train-cost.ts`. Only those
 * few rows are encoded (with the encoding learnt on the training rows, kept with its subset),
 * so an estimate does not hold up the service thread the way preparing a run does.
 */
import type { TrainConfig } from '../../shared/domain/model.js';
import { estimateSeconds, type CostShape } from '../../shared/domain/train-cost.js';
import { buildEncoding, encodeRows, type Subset } from '../data/index.js';
import type { EncodedData } from '../base/encoded-rows.js';
import { EVAL_ROWS } from '../engine/index.js';
import type { EngineClient } from './engine-thread/client.js';

/** Rows the speed is measured on (enough for a few mini-batches). */
const MEASURE_ROWS = 1024;

const samples = new WeakMap<Subset, EncodedData>();

/** The first training rows of a subset, encoded as a run would encode them. */
function measureRows(subset: Subset): EncodedData {
  let rows = samples.get(subset);
  if (!rows) {
    const encoding = buildEncoding(subset.dataset, subset.train);
    rows = encodeRows(encoding, subset.dataset, subset.train.subarray(0, MEASURE_ROWS));
    samples.set(subset, rows);
  }
  return rows;
}

/** Seconds a run of `config` on `subset` should take on this machine. */
export async function estimateRun(engine: EngineClient, subset: Subset, config: TrainConfig): Promise<number> {
  const rows = measureRows(subset);
  const speed = await engine.measureSpeed(rows, config.layers[0]);
  const train = subset.train.length;
  // Without validation rows the engine holds a fraction of the training rows back (METHOD.md §3).
  const heldBack = subset.valid.length > 0 ? 0 : Math.floor(train * config.validationFraction);
  const split = heldBack >= 1 && heldBack < train;
  const shape: CostShape = {
    bits: rows.bits,
    groups: rows.groups.length,
    trainRows: split ? train - heldBack : train,
    validRows: subset.valid.length > 0 ? subset.valid.length : split ? heldBack : 0,
    testRows: subset.test.length,
    // A sample of the rows outside that hold only known values is evaluated; at most this many.
    outsideRows: Math.min(EVAL_ROWS, subset.outside.length),
  };
  return estimateSeconds(config, shape, speed);
}
