/**
 * The one-line verdict of the comparison: does AERIes beat stacked RBMs on this data? The
 * best model of each kind (every layer AERIes; every layer an RBM) on validation rows, among
 * models trained on the same rows and columns, and whether the difference is larger than the
 * estimates' uncertainty (two standard errors). Honest when no such comparison can be made.
 * Pure: the Train step's comparison and the report's comparison section both say it.
 */
import type { Estimate } from './model.js';
import type { ModelRecord } from './project.js';

/** What the verdict reads of a model (a project's model, or the report's). */
export type VerdictModel = Pick<ModelRecord, 'id' | 'name' | 'config' | 'summary' | 'lineage'>;

export type Family = 'aeries' | 'rbm';

interface Pair {
  /** The names of the AERIes model and the stacked-RBM model compared. */
  aeries: string;
  rbm: string;
  /** Several models of a kind: the best of each is compared. */
  several: boolean;
}

export type Verdict =
  | (Pair & { kind: 'aeries' | 'rbm' | 'close'; nats: number })
  | (Pair & { kind: 'differentData' })
  | (Pair & { kind: 'noValid'; missing: string });

/** AERIes when every layer is AERIes, stacked RBMs when every layer is an RBM, else neither. */
export function familyOf(model: Pick<VerdictModel, 'config'>): Family | null {
  const methods = model.config.layers.map((l) => l.method);
  if (methods.every((m) => m === 'aeries')) return 'aeries';
  if (methods.every((m) => m === 'rbm')) return 'rbm';
  return null;
}

/** Models with the same key were trained on the same rows (file, reading, subset) and columns. */
export function dataKey(model: Pick<VerdictModel, 'id' | 'lineage'>): string {
  const { lineage } = model;
  if (!lineage) return `unknown:${model.id}`;
  const p = lineage.provenance;
  const file = lineage.fingerprint?.sha256 ?? `${p.fileName}:${p.fileRows}`;
  const columns = p.columns.map((c) => [c.name, c.type, c.include]);
  return JSON.stringify([file, p.options, columns, p.subset]);
}

const validOf = (m: VerdictModel): Estimate | null => m.summary.logLikelihood.valid;
const scoreOf = (m: VerdictModel): number => validOf(m)?.value ?? m.summary.logLikelihood.train.value;

function best(models: VerdictModel[]): VerdictModel {
  return models.reduce((a, b) => (scoreOf(b) > scoreOf(a) ? b : a));
}

/** The standard error of an estimate: 0 when exact, null when unknown. */
function seOf(e: Estimate): number | null {
  return e.exact ? 0 : e.se;
}

/** The verdict, or null when the project does not hold both an AERIes and a stacked-RBM model. */
export function verdictOf(models: VerdictModel[], selected: string | null): Verdict | null {
  const of = (f: Family) => models.filter((m) => familyOf(m) === f);
  const [allA, allR] = [of('aeries'), of('rbm')];
  if (allA.length === 0 || allR.length === 0) return null;
  const keys = [...new Set(models.map(dataKey))].filter(
    (k) => allA.some((m) => dataKey(m) === k) && allR.some((m) => dataKey(m) === k),
  );
  if (keys.length === 0) {
    const [a, r] = [best(allA), best(allR)];
    return { kind: 'differentData', aeries: a.name, rbm: r.name, several: allA.length > 1 || allR.length > 1 };
  }
  const selectedKey = models.find((m) => m.id === selected);
  const key = selectedKey && keys.includes(dataKey(selectedKey)) ? dataKey(selectedKey) : keys[0];
  const [A, R] = [allA, allR].map((list) => list.filter((m) => dataKey(m) === key));
  const several = A.length > 1 || R.length > 1;
  const [a, r] = [best(A), best(R)];
  const pair = { aeries: a.name, rbm: r.name, several };
  const [va, vr] = [validOf(a), validOf(r)];
  if (!va || !vr) return { ...pair, kind: 'noValid', missing: va ? r.name : a.name };
  const diff = va.value - vr.value;
  const [sa, sr] = [seOf(va), seOf(vr)];
  const se = sa === null || sr === null ? null : Math.sqrt(sa * sa + sr * sr);
  const close = Math.abs(diff) < 5e-4 || (se !== null && se > 0 && Math.abs(diff) <= 2 * se);
  return { ...pair, kind: close ? 'close' : diff > 0 ? 'aeries' : 'rbm', nats: Math.abs(diff) };
}
