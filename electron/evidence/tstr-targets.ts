/**
 * "Train on synthetic, test on real" for several named targets at once (the fidelity bench's
 * targets: a category scored by accuracy, a number by R²), outside the whole quality evidence:
 * per target, the small model of `tstr.ts` fitted on the generated rows, on as many real
 * training rows and on as many rows drawn from the training marginals, each scored on the
 * held-out real rows, next to the baseline (the most frequent class, or the mean).
 */
import type { RowTable } from '../../shared/domain/data.js';
import type { TstrCheck } from '../../shared/domain/quality.js';
import { marginalDraw, readTable, rowCount, sampleRows, schemaOf, type Column, type EvidenceColumn } from './table.js';
import { baselineScore, tstrScore } from './tstr.js';

/** Rows each model is fitted on, and held-out rows it is scored on, at most (by default). */
export const TSTR_MAX_ROWS = 20_000;

/** The tables one target's models are fitted on and scored on, the same columns in each. */
export interface TstrSides {
  synthetic: Column[];
  realFit: Column[];
  floor: Column[];
  test: Column[];
}

/** The check of the column `target` (an index of `columns`) on the given sides. */
export function tstrCheckAt(columns: EvidenceColumn[], target: number, sides: TstrSides): TstrCheck {
  const regression = sides.realFit[target].kind === 'number';
  return {
    target: columns[target].name,
    task: regression ? 'regression' : 'classification',
    metric: regression ? 'r2' : 'accuracy',
    synthetic: tstrScore(sides.synthetic, sides.test, target),
    real: tstrScore(sides.realFit, sides.test, target),
    floor: tstrScore(sides.floor, sides.test, target),
    baseline: baselineScore(sides.realFit, sides.test, target),
    fitRows: rowCount(sides.synthetic),
    testRows: rowCount(sides.test),
  };
}

export interface TstrInput {
  columns: EvidenceColumn[];
  /** Cell texts read as missing. */
  missing: Iterable<string>;
  train: RowTable;
  holdout: RowTable;
  synthetic: RowTable;
  /** Column names; a name that is not one of `columns` gets no check. */
  targets: readonly string[];
  seed: number;
  /** Rows fitted on and scored on at most (default `TSTR_MAX_ROWS`). */
  maxRows?: number;
}

/**
 * One check per target found among the columns, in the order asked. The generated rows fitted on
 * are the first min(generated, training, `maxRows`) ones, the real rows as many drawn from the
 * training rows, the held-out rows at most `maxRows`, all seeded.
 */
export function tstrChecks(input: TstrInput): TstrCheck[] {
  const max = input.maxRows ?? TSTR_MAX_ROWS;
  const schema = schemaOf(input.columns, input.missing);
  const train = readTable(schema, input.train);
  const synthAll = readTable(schema, input.synthetic);
  const n = Math.min(rowCount(synthAll), rowCount(train), max);
  const sides: TstrSides = {
    synthetic: sampleRows(synthAll, n, input.seed + 21),
    realFit: sampleRows(train, n, input.seed + 22),
    floor: marginalDraw(train, n, input.seed + 23),
    test: sampleRows(readTable(schema, input.holdout), max, input.seed + 24),
  };
  const names = input.columns.map((c) => c.name);
  return input.targets
    .map((t) => names.indexOf(t))
    .filter((j) => j >= 0)
    .map((j) => tstrCheckAt(input.columns, j, sides));
}
