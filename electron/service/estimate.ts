/**
 * The time estimate shown before a run, and the defaults chosen within the time budget: the
 * engine's speed measured on a few of the subset's training rows (on the engine thread), turned
 * into seconds for the whole run by the cost model of `shared/domain/train-cost.ts`, and into the
 * default configuration by `shared/domain/train-defaults.ts`, once per subset. Only those few rows are encoded
 * (with the encoding learnt on the training rows, kept with its subset), so neither holds up the
 * service thread the way preparing a run does.
 */
import type { TrainConfig } from '../../shared/domain/model.js';
import { estimateSeconds } from '../../shared/domain/train-cost.js';
import {
  chooseDefaults,
  machineSpeed,
  REFERENCE_SPEED,
  runShape,
  speedOf,
  type DefaultsChoice,
  type EngineSpeed,
} from '../../shared/domain/train-defaults.js';
import { buildEncoding, encodeRows, type Subset } from '../data/index.js';
import type { EncodedData } from '../base/encoded-rows.js';
import { EVAL_ROWS } from '../engine/index.js';
import type { EngineClient } from './engine-thread/client.js';

/** Rows the speed is measured on (enough for a few mini-batches). */
const MEASURE_ROWS = 1024;

const samples = new WeakMap<Subset, EncodedData>();
/** The speed measured for a subset's defaults, kept so that asking again gives the same defaults. */
const speeds = new WeakMap<Subset, EngineSpeed>();

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

function shapeOf(subset: Subset, rows: EncodedData, validationFraction: number) {
  const counts = {
    bits: rows.bits,
    groups: rows.groups.length,
    train: subset.train.length,
    valid: subset.valid.length,
    test: subset.test.length,
    // A sample of the rows outside that hold only known values is evaluated; at most this many.
    outside: Math.min(EVAL_ROWS, subset.outside.length),
  };
  return runShape(counts, validationFraction);
}

/**
 * Seconds a run of `config` on `subset` should take on this machine, at the one speed measured for
 * the subset (the defaults' own, so the estimate beside them is theirs and does not move from one
 * measurement to the next: two measurements a few seconds apart differed by up to 2×).
 */
export async function estimateRun(engine: EngineClient, subset: Subset, config: TrainConfig): Promise<number> {
  const rows = measureRows(subset);
  const shape = shapeOf(subset, rows, config.validationFraction);
  const known = speeds.get(subset);
  if (known) return estimateSeconds(config, shape, machineSpeed(config, rows.bits, known));
  const measured = await engine.measureSpeed(rows, config.layers[0]);
  speeds.set(subset, speedOf(config, rows.bits, measured));
  return estimateSeconds(config, shape, measured);
}

/**
 * The default configuration for `subset` within the time budget, at the engine's speed measured
 * on its rows (once per subset); at the reference speed when the engine cannot measure now
 * (`measure` false: a run holds it) or the measurement fails.
 */
export async function defaultsFor(engine: EngineClient, subset: Subset, measure: boolean): Promise<DefaultsChoice> {
  const rows = measureRows(subset);
  const probe = chooseDefaults(shapeOf(subset, rows, 0.1)).config;
  let speed = speeds.get(subset);
  if (!speed && measure) {
    try {
      speed = speedOf(probe, rows.bits, await engine.measureSpeed(rows, probe.layers[0]));
      speeds.set(subset, speed);
    } catch {
      // The reference speed below: defaults are still given, only less fitted to this machine.
    }
  }
  return chooseDefaults(shapeOf(subset, rows, probe.validationFraction), speed ?? REFERENCE_SPEED);
}
