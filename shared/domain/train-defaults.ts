/**
 * The default training configuration, chosen for quality within a time budget (METHOD.md §9):
 * layer sizes from the data's bits, as many epochs as the rows need (no early stopping by
 * default), then what the cost model of `train-cost.ts`, at the
 * engine's measured speed, puts within TIME_BUDGET_SECONDS, preferring epochs to width. More rows
 * or more bits cost more per epoch, so they get fewer epochs and a narrower first layer.
 * Pure: the speed is measured elsewhere (the engine's `measureSpeed`) and passed in.
 */
import { defaultTrainConfig, type TrainConfig } from './model.js';
import { estimateSeconds, runStages, type CostShape, type MachineSpeed } from './train-cost.js';

/** Seconds a default run should take on this machine, evaluations included (*choice*). */
export const TIME_BUDGET_SECONDS = 30;
/** Mini-batch steps per layer the defaults aim at (*choice*, from the fidelity bench: METHOD.md §9). */
export const TARGET_STEPS = 5000;
/** Epochs per layer: never more than MAX, cut to MIN_WITHIN_BUDGET before a smaller first layer, never below MIN. */
export const EPOCH_LIMITS = { min: 3, minWithinBudget: 10, max: 1000 } as const;
/**
 * The defaults' early-stopping patience: 0, every epoch the budget allows is run and the last is
 * kept (*choice*, METHOD.md §9: stopping at the best validation criterion kept fewer of the strong
 * correlations between numbers, with no gain in the generated rows' privacy). A user can set one.
 */
export const DEFAULT_PATIENCE = 0;
/** The layer is made smaller, down to this many units (or the bits' size if smaller), when even MIN_WITHIN_BUDGET epochs are over budget. */
export const MIN_FIRST_LAYER = 13;

/** The rows of a run before the engine holds validation rows back: what `runShape` turns into a CostShape. */
export interface RunRows {
  bits: number;
  groups: number;
  train: number;
  valid: number;
  test: number;
  /** Rows outside the subset that the run evaluates (the caller caps them at the engine's sample). */
  outside: number;
}

/** The cost model's view of a run: without validation rows the engine holds a fraction of the training rows back (METHOD.md §3). */
export function runShape(rows: RunRows, validationFraction: number): CostShape {
  const heldBack = rows.valid > 0 ? 0 : Math.floor(rows.train * validationFraction);
  const split = heldBack >= 1 && heldBack < rows.train;
  return {
    bits: rows.bits,
    groups: rows.groups,
    trainRows: split ? rows.train - heldBack : rows.train,
    validRows: rows.valid > 0 ? rows.valid : split ? heldBack : 0,
    testRows: rows.test,
    outsideRows: rows.outside,
  };
}

/** The engine's speed in cost-model work units per second (independent of the layer it was measured on). */
export interface EngineSpeed {
  workPerSecond: number;
  /** Plain float64 multiply-adds per second (the evaluations). */
  opsPerSecond: number;
}

/**
 * The speed of this machine's engine when none was measured (and the CLI's, always): the sample
 * data's first layer on 2 shared cores, WebAssembly backend, no other load. Re-measured on
 * 2026-12-02 with the defaults trained to the end of their epochs: `layerwise train` on the sample
 * ran 13 units × 72 epochs in 32–36 s at 0.5e9 (estimate 28 s); with the log-likelihood's cost
 * counted by the bits a row has on (`train-cost.ts`), 0.32e9 gives 14 × 51 epochs in 28.5 s.
 * The work per second lowered later that day to the slowest the app measured on these machines
 * (0.19–0.24e9; the same run's time varies by ±20 % from one run to the next): at 0.32e9
 * `layerwise train` took 35–41 s there, at 0.23e9 28–32 s, at 0.2e9 24 s. The evaluations' speed
 * stays: at 4e8 the estimate of the small tables' runs was 1.7 times their time, and cars lost
 * epochs and a strong pair to it. The budget is a bound, so the reference is the slow machine.
 */
export const REFERENCE_SPEED: EngineSpeed = { workPerSecond: 0.2e9, opsPerSecond: 7e8 };

/** A speed measured on the first layer of `probe` turned into work per second. */
export function speedOf(probe: TrainConfig, bits: number, measured: MachineSpeed): EngineSpeed {
  return {
    workPerSecond: measured.layer0RowsPerSecond * runStages(probe, bits)[0].workPerRow,
    opsPerSecond: measured.opsPerSecond,
  };
}

/** The speed `estimateSeconds` takes, for the first layer of `config`. */
export function machineSpeed(config: TrainConfig, bits: number, speed: EngineSpeed): MachineSpeed {
  return {
    layer0RowsPerSecond: speed.workPerSecond / runStages(config, bits)[0].workPerRow,
    opsPerSecond: speed.opsPerSecond,
  };
}

/** Units of the second layer: half the first, but never 9 to 12 (the exact criterion's costliest widths). */
export function secondLayerUnits(k1: number): number {
  const half = Math.round(k1 / 2);
  if (half <= 8) return Math.max(4, half);
  return half <= 12 ? 8 : Math.min(16, half);
}

/** Epochs that give each layer about TARGET_STEPS mini-batch steps on `rows` rows. */
export function wantedEpochs(rows: number, batchSize: number): number {
  const steps = Math.max(1, Math.ceil(rows / batchSize));
  return Math.max(EPOCH_LIMITS.minWithinBudget, Math.min(EPOCH_LIMITS.max, Math.ceil(TARGET_STEPS / steps)));
}

/**
 * Units of the default model's single layer: at most TABLE_TOP_MAX_UNITS, so that its prior is an
 * exact table (METHOD.md §9: one layer under a table kept strong numeric correlations that two
 * layers under an RBM lost).
 */
export const TABLE_TOP_MAX_UNITS = 16;

/** The default configuration with a layer of `k1` units and `epochs` epochs, under a table prior. */
export function sizedConfig(bits: number, rows: number, k1: number, epochs: number): TrainConfig {
  const base = defaultTrainConfig(bits, rows);
  const layer = base.layers[0];
  return {
    ...base,
    layers: [{ ...layer, units: k1, epochs }],
    topPrior: 'table',
    topEpochs: epochs,
    patience: DEFAULT_PATIENCE,
  };
}

/** Epoch counts to try, most first: from `from` down to `to`, each about a sixth fewer. */
function epochLadder(from: number, to: number): number[] {
  const ladder: number[] = [];
  for (let e = from; e > to; e = Math.min(e - 1, Math.floor(e * 0.85))) ladder.push(e);
  ladder.push(to);
  return ladder;
}

/**
 * Layer sizes to try, largest first: from `k1` (at most TABLE_TOP_MAX_UNITS) down to
 * MIN_FIRST_LAYER, the smallest width above the exact criterion's range (9 to 12 units cost the
 * most there, METHOD.md §2.2); a `k1` of 12 or fewer, for narrow data, is tried alone.
 */
function sizeLadder(k1: number): number[] {
  if (k1 < MIN_FIRST_LAYER) return [k1];
  const ladder: number[] = [];
  for (let k = k1; k >= MIN_FIRST_LAYER; k--) ladder.push(k);
  return ladder;
}

export interface DefaultsChoice {
  config: TrainConfig;
  /** The run's estimated seconds at that speed (all epochs run; early stopping can only shorten it). */
  seconds: number;
  /** Whether the estimate is within the budget (false only when even the smallest configuration is not). */
  withinBudget: boolean;
}

/** Share of the wanted epochs a first layer must get within the budget before a smaller one is preferred. */
export const EPOCHS_BEFORE_WIDTH = 0.5;

/**
 * The default configuration for data of `shape` on an engine of `speed`. For each first-layer size,
 * largest first, the most epochs (from the wanted ones down to EPOCH_LIMITS.minWithinBudget) whose
 * estimate is within the budget: the first size that gets at least EPOCHS_BEFORE_WIDTH of the
 * wanted epochs is chosen (epochs before width: on the sample data, a narrower first layer trained
 * longer scored better than a wider one trained less in the same time); else the size that gets
 * the most epochs. When no size fits, the smallest with fewer epochs, down to EPOCH_LIMITS.min.
 */
export function chooseDefaults(
  shape: CostShape,
  speed: EngineSpeed = REFERENCE_SPEED,
  budget: number = TIME_BUDGET_SECONDS,
): DefaultsChoice {
  const rows = shape.trainRows + shape.validRows;
  const base = defaultTrainConfig(shape.bits, rows);
  const want = wantedEpochs(shape.trainRows, base.layers[0].batchSize);
  const sizes = sizeLadder(Math.min(TABLE_TOP_MAX_UNITS, base.layers[0].units));
  const choose = (k1: number, epochs: number): DefaultsChoice => {
    const config = sizedConfig(shape.bits, rows, k1, epochs);
    const seconds = estimateSeconds(config, shape, machineSpeed(config, shape.bits, speed));
    return { config, seconds, withinBudget: seconds <= budget };
  };
  const floor = Math.min(want, EPOCH_LIMITS.minWithinBudget);
  let most: DefaultsChoice | null = null;
  for (const k1 of sizes) {
    const fits = epochLadder(want, floor)
      .map((epochs) => choose(k1, epochs))
      .find((c) => c.withinBudget);
    if (!fits) continue;
    if (fits.config.layers[0].epochs >= EPOCHS_BEFORE_WIDTH * want) return fits;
    if (!most || fits.config.layers[0].epochs > most.config.layers[0].epochs) most = fits;
  }
  if (most) return most;
  const smallest = sizes[sizes.length - 1];
  const ladder = epochLadder(floor, Math.min(floor, EPOCH_LIMITS.min)).map((epochs) => choose(smallest, epochs));
  return ladder.find((c) => c.withinBudget) ?? ladder[ladder.length - 1];
}
