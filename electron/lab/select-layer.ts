/**
 * The runner behind `layerwise select-layer`: the engine's "Suggest a size"
 * (`suggestFirstLayer`) on an experiment dataset — candidate first layers (sizes and methods)
 * trained alone and ranked by their BLM bound on validation rows (METHOD.md §4.1: the
 * optimistic log-likelihood any upper layers could reach), without training anything above.
 * With `verify`, trains each candidate's full model (the candidate, then one `aeries` layer of
 * min(8, k1) units and an exact table prior) and reports the Spearman correlation between the
 * validation bound and the final test log-likelihood.
 */
import type { Estimate, Method, TrainConfig } from '../../shared/domain/model.js';
import type { SizeSuggestion } from '../../shared/domain/staged.js';
import { suggestFirstLayer, train, type DeepModelParams } from '../engine/index.js';
import { DEFAULT_BUDGET, layerConfig, type Budget } from './configs.js';
import { loadExperimentData, type ExperimentData } from './datasets/index.js';
import { modelLogLik } from './evaluate.js';
import { spearman } from './stats.js';

export interface Candidate {
  method: Method;
  units: number;
}

/** First layers of at most 8 units: the exact BLM bound (EM over 2^k codes) stays quick. */
export const DEFAULT_CANDIDATES: Candidate[] = [
  { method: 'aeries', units: 8 },
  { method: 'aeries', units: 6 },
  { method: 'aeries', units: 4 },
  { method: 'aeries', units: 2 },
  { method: 'ae', units: 6 },
  { method: 'rbm', units: 8 },
  { method: 'rbm', units: 4 },
];

export interface CandidateResult extends Candidate {
  boundTrain: Estimate;
  boundValid: Estimate;
  seconds: number;
  rank: number;
  /** with verify: the full model's test log-likelihood */
  test: Estimate | null;
}

export interface SelectLayerReport {
  dataset: string;
  candidates: CandidateResult[];
  /** The engine's recommendation (the smallest size within tolerance of the best bound, METHOD.md §4.1). */
  recommended: SizeSuggestion['recommended'];
  spearman: number | null;
  markdown: string;
}

export interface SelectLayerOptions {
  dataset: string;
  candidates?: Candidate[];
  verify?: boolean;
  seed?: number;
  budget?: Partial<Budget>;
  onNote?: (text: string) => void;
}

function config(layers: Candidate[], budget: Budget, seed: number): TrainConfig {
  return {
    layers: layers.map((c) => layerConfig(c.method, c.units, budget)),
    topPrior: 'table',
    topHidden: 16,
    topEpochs: 0,
    seed,
    validationFraction: 0,
    patience: 0,
    fineTuneEpochs: 0,
  };
}

async function fit(d: ExperimentData, layers: Candidate[], budget: Budget, seed: number): Promise<DeepModelParams> {
  return (await train(d.train, config(layers, budget, seed), { validation: d.valid })).model;
}

export async function selectLayer(opts: SelectLayerOptions): Promise<SelectLayerReport> {
  const budget: Budget = { ...DEFAULT_BUDGET, ...opts.budget };
  const seed = opts.seed ?? 1;
  const say = opts.onNote ?? (() => undefined);
  const d = await loadExperimentData(opts.dataset);
  const candidates = (opts.candidates ?? DEFAULT_CANDIDATES).map((c) => layerConfig(c.method, c.units, budget));
  const suggestion = await suggestFirstLayer(d.train, candidates, {
    validation: d.valid,
    settings: { seed, validationFraction: 0, patience: 0 },
    budgetSeconds: Infinity,
    onCandidate: (c) =>
      say(
        `${c.method} ${c.units}: bound validation ${c.bound.value.toFixed(3)}, train ${c.boundTrain.value.toFixed(3)} (${c.seconds.toFixed(1)} s)`,
      ),
  });
  const order: CandidateResult[] = [];
  for (const c of suggestion.ranking) {
    const { bound, ...rest } = c;
    const r: CandidateResult = { ...rest, boundValid: bound, test: null };
    if (opts.verify) {
      const full = await fit(d, [c, { method: 'aeries', units: Math.min(8, c.units) }], budget, seed);
      r.test = modelLogLik(full, d.test, 13);
      say(
        `  ${c.method} ${c.units}, full model test log-likelihood ${r.test.value.toFixed(3)}${r.test.exact ? ' (exact)' : ` ± ${(r.test.se ?? 0).toFixed(3)}`}`,
      );
    }
    order.push(r);
  }
  const rho = opts.verify
    ? spearman(
        order.map((r) => r.boundValid.value),
        order.map((r) => r.test?.value ?? NaN),
      )
    : null;
  return {
    dataset: d.name,
    candidates: order,
    recommended: suggestion.recommended,
    spearman: rho,
    markdown: markdown(d, order, suggestion, rho, budget),
  };
}

function est(e: Estimate | null): string {
  if (!e) return '—';
  return e.exact ? `${e.value.toFixed(3)}` : `${e.value.toFixed(3)} ± ${(e.se ?? 0).toFixed(3)}`;
}

function markdown(
  d: ExperimentData,
  rows: CandidateResult[],
  suggestion: SizeSuggestion,
  rho: number | null,
  budget: Budget,
): string {
  const pick = suggestion.recommended;
  const lines = [
    `## Layer selection on ${d.name}`,
    '',
    `Data: ${d.note}. Stand-in dataset: the paper's own datasets are not available here.`,
    `Each candidate first layer is trained alone (${budget.epochs} epochs, batch ${budget.batchSize}) and ranked by its BLM bound on validation rows (nats per row; exact EM when k <= 16). Verification trains the candidate + an aeries layer of min(8, k1) units + an exact table prior (*choice*).`,
    '',
    '| rank | method | units | bound validation | bound train | test log-lik (full model) | seconds |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.rank} | ${r.method} | ${r.units} | ${est(r.boundValid)} | ${est(r.boundTrain)} | ${est(r.test)} | ${r.seconds.toFixed(1)} |`,
    ),
    '',
  ];
  if (pick)
    lines.push(
      `Recommended first layer: ${pick.method} ${pick.units} (the smallest within ${pick.reason.tolerance.toFixed(3)} nats of the best bound, ${pick.reason.bestUnits} units; a *choice*, METHOD.md §4.1).`,
      '',
    );
  if (rho !== null)
    lines.push(
      `Spearman correlation between the validation bound and the test log-likelihood: ${rho.toFixed(3)} over ${rows.length} candidates.`,
      '',
    );
  return lines.join('\n');
}
