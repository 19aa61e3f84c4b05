/**
 * What the data part of a model file must be to generate rows: a valid encoding (of a version
 * this codec reads; a newer one is `model.newerVersion`) whose header
 * names one column per column it describes, in order, whose columns need exactly the visible
 * groups the model's first layer reads, with consistent rare-value lists and ordered bin
 * edges and quantile knots, and a calibration (when present) of quantile-coded columns only,
 * with ordered knots, one list per column; and, when present, a valid record of the training
 * data. Each failure is one
 * translated error (`data.badEncodingSpec` or `model.corrupt`) with its reason. The rules found in
 * the training rows (`dataRules`), when present, must be a valid rule set.
 */
import { AppError } from '../../shared/domain/errors.js';
import { DataProvenance } from '../../shared/domain/data.js';
import { RuleSet } from '../../shared/domain/rules.js';
import type { GroupSpec } from '../../shared/domain/model.js';
import { ENCODING_VERSION, EncodingSpec, encodingGroups } from '../data/index.js';

const badEncoding = (reason: string, params: Record<string, string | number> = {}) =>
  new AppError('data.badEncodingSpec', { ...params, reason: `@reason.${reason}` });

const groupText = (groups: readonly GroupSpec[]) =>
  groups.map((g) => (g.kind === 'bernoulli' ? 'b' : `s${g.size}`)).join(',');

const bitsOf = (groups: readonly GroupSpec[]) => groups.reduce((s, g) => s + (g.kind === 'bernoulli' ? 1 : g.size), 0);

/** The encoding of a model file, checked against the model's visible groups. */
export function checkEncoding(json: unknown, visible: readonly GroupSpec[]): EncodingSpec {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > ENCODING_VERSION)
    throw new AppError('model.newerVersion', { version, supported: ENCODING_VERSION });
  const parsed = EncodingSpec.safeParse(json);
  if (!parsed.success) throw badEncoding('encodingInvalid');
  const spec = parsed.data;
  if (spec.header.length !== spec.columns.length)
    throw badEncoding('headerColumns', { header: spec.header.length, columns: spec.columns.length });
  spec.columns.forEach((c, i) => {
    if (c.column !== i || c.name !== spec.header[i]) throw badEncoding('columnOrder', { index: i + 1 });
    if (c.kind === 'levels' && c.otherLevels.length !== c.otherCounts.length)
      throw badEncoding('otherCounts', { column: c.name, levels: c.otherLevels.length, counts: c.otherCounts.length });
    const edges = c.kind === 'bins' ? c.edges : c.kind === 'quantiles' ? c.knots : [];
    if (edges.some((e, j) => j > 0 && e < edges[j - 1])) throw badEncoding('badEdges', { column: c.name });
  });
  const groups = encodingGroups(spec);
  if (groupText(groups) !== groupText(visible))
    throw badEncoding('encodingGroups', { encoded: bitsOf(groups), visible: bitsOf(visible) });
  const calibration = spec.calibration;
  if (calibration) {
    const fine = calibration.columns.every((i) => spec.columns[i]?.kind === 'quantiles');
    const ordered = calibration.knots.every((k) => k.every((v, j) => j === 0 || v >= k[j - 1]));
    if (!fine || !ordered || calibration.knots.length !== calibration.columns.length)
      throw badEncoding('badCalibration');
  }
  return spec;
}

/** The record of the training data, when the file has one (files before it have none). */
export function checkProvenance(json: unknown): DataProvenance | undefined {
  if (json === undefined) return undefined;
  const parsed = DataProvenance.safeParse(json);
  if (!parsed.success) throw new AppError('model.corrupt', { reason: '@reason.badProvenance' });
  return parsed.data;
}

/** The rules found in the training rows, when the file has them (files before them have none). */
export function checkRules(json: unknown): RuleSet | undefined {
  if (json === undefined) return undefined;
  const parsed = RuleSet.safeParse(json);
  if (!parsed.success) throw new AppError('model.corrupt', { reason: '@reason.badRules' });
  return parsed.data;
}
