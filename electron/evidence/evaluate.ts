/**
 * The quality evidence of generated rows: the training rows against the generated rows, the
 * held-out real rows (the ceiling) and rows drawn from the training marginals (the floor),
 * each of the same size, scored the same way (Column Shapes, Column Pair Trends, propensity,
 * "train on synthetic, test on real"), with the charts' data. Yields to the event loop between
 * stages, reports progress and stops when its signal is aborted.
 */
import type { RowTable } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import type { QualityEvidence, TstrCheck } from '../../shared/domain/quality.js';
import { associationMatrices, columnChart } from './charts.js';
import { ASSOCIATION_THRESHOLD, CORRELATION_THRESHOLD } from './pairs.js';
import { propensity, type PropensityFit } from './propensity.js';
import { pairsInTurns, shapeScores, summarise, type Comparison } from './quality.js';
import { referenced } from './references.js';
import { missingRate } from './shapes.js';
import {
  marginalDraw,
  pickRows,
  readTable,
  rowCount,
  sampleRows,
  schemaOf,
  type Column,
  type EvidenceColumn,
} from './table.js';
import { defaultTarget } from './tstr.js';
import { tstrCheckAt } from './tstr-targets.js';

/** Rows compared on each side at most; training rows read at most; rows of pair trends at most. */
export const MAX_COMPARED = 5_000;
export const MAX_TRAIN = 20_000;
export const PAIR_ROWS = 20_000;
/** Rows of each side the propensity model is fitted on at most. */
export const PROPENSITY_ROWS = 2_000;

export interface QualityInput {
  columns: EvidenceColumn[];
  /** Cell texts read as missing. */
  missing: Iterable<string>;
  train: RowTable;
  holdout: RowTable | null;
  holdoutKind: 'test' | 'validation' | null;
  /** Generated rows; the first ones are compared. */
  synthetic: RowTable;
  seed: number;
  target?: string | null;
  skipped?: QualityEvidence['skipped'];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const STAGES = 6;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function firstRows(t: Column[], n: number): Column[] {
  return pickRows(
    t,
    Int32Array.from({ length: Math.min(n, rowCount(t)) }, (_, i) => i),
  );
}

export async function qualityEvidence(input: QualityInput): Promise<QualityEvidence> {
  const started = Date.now();
  let done = 0;
  const turn = async () => {
    await nextTurn();
    if (input.signal?.aborted) throw new AppError('cancelled');
  };
  const step = async () => {
    input.onProgress?.(++done, STAGES);
    await turn();
  };
  const schema = schemaOf(input.columns, input.missing);
  const trainAll = readTable(schema, input.train);
  const holdoutAll = input.holdout && input.holdout.rows.length > 0 ? readTable(schema, input.holdout) : null;
  const synthAll = readTable(schema, input.synthetic);
  const n = Math.min(rowCount(synthAll), holdoutAll ? rowCount(holdoutAll) : Infinity, MAX_COMPARED);
  const seed = input.seed;
  const train = sampleRows(trainAll, MAX_TRAIN, seed + 11);
  const synthetic = firstRows(synthAll, n);
  const holdout = holdoutAll ? sampleRows(holdoutAll, n, seed + 12) : null;
  const floor = marginalDraw(train, n, seed + 13);
  await step();

  const shapes = {
    model: shapeScores(train, synthetic),
    ceiling: holdout && shapeScores(train, holdout),
    floor: shapeScores(train, floor),
  };
  await step();
  const pairTrain = sampleRows(train, PAIR_ROWS, seed + 14);
  const others = holdout ? [synthetic, floor, holdout] : [synthetic, floor];
  const [pModel, pFloor, pCeiling] = await pairsInTurns(pairTrain, others, turn);
  const cmp = {
    model: summarise(shapes.model, pModel),
    ceiling: holdout && shapes.ceiling ? summarise(shapes.ceiling, pCeiling) : null,
    floor: summarise(shapes.floor, pFloor),
  };
  await step();
  const realFit = sampleRows(train, n, seed + 15);
  const side = (t: Column[], k: number) => sampleRows(t, PROPENSITY_ROWS, seed + k);
  const propReal = side(realFit, 17);
  const model = propensity(propReal, side(synthetic, 18));
  await turn();
  const ceiling = holdout && propensity(propReal, side(holdout, 19));
  await turn();
  const prop = { model, ceiling, floor: propensity(propReal, side(floor, 20)) };
  await step();
  const tstr = holdoutAll ? tstrCheck(input, trainAll, { synthetic, realFit, floor, test: holdoutAll }) : null;
  await step();
  const evidence = assemble(input, { train, synthetic, cmp, prop, tstr, schema });
  await step();
  return {
    ...evidence,
    rows: {
      train: rowCount(trainAll),
      holdout: holdoutAll ? rowCount(holdoutAll) : 0,
      compared: n,
      pairs: rowCount(pairTrain),
    },
    seconds: (Date.now() - started) / 1000,
  };
}

function tstrCheck(
  input: QualityInput,
  train: Column[],
  t: { synthetic: Column[]; realFit: Column[]; floor: Column[]; test: Column[] },
): TstrCheck | null {
  const named = input.target ? input.columns.findIndex((c) => c.name === input.target) : -1;
  const target = named >= 0 ? named : defaultTarget(train);
  if (target < 0) return null;
  const test = sampleRows(t.test, MAX_COMPARED, input.seed + 16);
  return tstrCheckAt(input.columns, target, { ...t, test });
}

const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);
const propensityOf = (p: PropensityFit) => ({
  pmse: finite(p.pmse),
  expected: finite(p.expected),
  ratio: finite(p.ratio),
});

function assemble(
  input: QualityInput,
  a: {
    train: Column[];
    synthetic: Column[];
    cmp: { model: Comparison; ceiling: Comparison | null; floor: Comparison };
    prop: { model: PropensityFit; ceiling: PropensityFit | null; floor: PropensityFit };
    tstr: TstrCheck | null;
    schema: ReturnType<typeof schemaOf>;
  },
): Omit<QualityEvidence, 'rows' | 'seconds'> {
  const { model, ceiling, floor } = a.cmp;
  const part = (pick: (c: Comparison) => number | null) =>
    referenced(pick(model), ceiling && pick(ceiling), pick(floor));
  const names = input.columns.map((c) => c.name);
  const pairTrends = [];
  let k = 0;
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++, k++)
      pairTrends.push({
        a: names[i],
        b: names[j],
        metric: model.pairs[k].metric,
        score: referenced(model.pairs[k].score, ceiling?.pairs[k].score ?? null, floor.pairs[k].score),
        counted: model.pairs[k].counted,
      });
  return {
    overall: part((c) => c.overall),
    shapes: part((c) => c.shapes),
    pairs: part((c) => c.pairTrends),
    columns: input.columns.map((c, j) => ({
      column: c.name,
      metric: a.train[j].kind === 'number' ? 'KSComplement' : 'TVComplement',
      score: referenced(model.columns[j], ceiling?.columns[j] ?? null, floor.columns[j]),
      missing: { real: missingRate(a.train[j]), synthetic: missingRate(a.synthetic[j]) },
      chart: columnChart(a.train[j], a.synthetic[j], a.schema.levels[j]),
    })),
    pairTrends,
    associations: associationMatrices(names, model.pairs),
    propensity: {
      model: propensityOf(a.prop.model),
      ceiling: a.prop.ceiling && propensityOf(a.prop.ceiling),
      floor: propensityOf(a.prop.floor),
      rows: Math.min(rowCount(a.synthetic), PROPENSITY_ROWS),
      parameters: a.prop.model.parameters,
    },
    tstr: a.tstr,
    holdoutKind: input.holdoutKind,
    seed: input.seed,
    thresholds: { correlation: CORRELATION_THRESHOLD, association: ASSOCIATION_THRESHOLD },
    skipped: input.skipped ?? [],
  };
}
