/** The invariants of METHOD.md §6 on small random models, against exact enumeration. */
import { describe, expect, it } from 'vitest';
import type { GroupSpec } from '../../../shared/domain/model.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { DeepModelParams, GenerativeLayerParams } from '../model/params.js';
import { createRng } from '../../base/random.js';
import { empiricalEntropy } from '../float64/rows.js';
import {
  layerLogits,
  layerTable,
  logPxAllStates,
  logProbRow,
  logsumexp,
  onesOf,
  stateBits,
} from '../float64/states.js';
import { autoEncodedBound, blmObjective, blmPosterior, exactBlm, LogLikTable } from './blm.js';
import { autoEncodedExact, criterion2, criterion3, inferenceEncoder } from './criteria-exact.js';
import { bernoulliGroups, randomDeepModel, randomInference, randomLayer, sampleModel } from './random-models.js';
import { exactLogLikelihood, firstLayerPrior, klStates, logLikelihood, topLogProbs } from './loglik.js';
import { rbmLogZAis, rbmLogZExact, rbmNegFreeEnergy, type RbmParams } from './rbm-partition.js';
import { layerBound } from './layer-bound.js';
import { matrix } from '../model/params.js';

const mixed: GroupSpec[] = [
  { kind: 'bernoulli' },
  { kind: 'softmax', size: 3 },
  { kind: 'bernoulli' },
  { kind: 'bernoulli' },
  { kind: 'softmax', size: 2 },
];

function setup(
  seed: number,
  groups: GroupSpec[] = mixed,
  sizes = [4, 3],
  top: 'table' | 'bernoulli' | 'rbm' = 'table',
) {
  const rng = createRng(seed);
  const model = randomDeepModel(groups, sizes, top, rng);
  const data = sampleModel(randomDeepModel(groups, sizes, 'bernoulli', rng, 2), 300, seed + 1);
  return { model, data, rng };
}

describe('float64 primitives', () => {
  it('log P(x|h) of all states equals the row-by-row group formula (softmax and bits)', () => {
    const rng = createRng(3);
    const layer = randomLayer(3, mixed, rng, 2);
    const t = layerTable(layer);
    const x = Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
    const all = logPxAllStates(t, onesOf(x, 0, x.length));
    for (let s = 0; s < 8; s++)
      expect(all[s]).toBeCloseTo(logProbRow(mixed, layerLogits(layer, stateBits(s, 3)), x), 10);
  });

  it('a softmax group of size 2 agrees with one Bernoulli bit on the same logit difference', () => {
    const logits = [0.3, -1.2];
    const soft = logProbRow([{ kind: 'softmax', size: 2 }], logits, [1, 0]);
    const bit = logProbRow([{ kind: 'bernoulli' }], [logits[0] - logits[1]], [1]);
    expect(soft).toBeCloseTo(bit, 12);
  });

  it('exact deep log-likelihood equals brute-force summation over every joint hidden state', () => {
    for (const top of ['table', 'bernoulli', 'rbm'] as const) {
      const { model, data } = setup(11, mixed, [3, 2], top);
      const logTop = topLogProbs(model);
      let brute = 0;
      for (let r = 0; r < data.rows; r++) {
        const x = data.data.subarray(r * data.bits, (r + 1) * data.bits);
        const terms: number[] = [];
        for (let a = 0; a < 8; a++)
          for (let b = 0; b < 4; b++) {
            const h1 = stateBits(a, 3);
            const h2 = stateBits(b, 2);
            terms.push(
              logTop[b] +
                logProbRow(model.generative[1].groups, layerLogits(model.generative[1], h2), h1) +
                logProbRow(mixed, layerLogits(model.generative[0], h1), x),
            );
          }
        brute += logsumexp(terms) / data.rows;
      }
      expect(exactLogLikelihood(model, data)).toBeCloseTo(brute, 9);
      expect(logsumexp(logTop)).toBeCloseTo(0, 10);
    }
  });
});

describe('BLM by EM (METHOD.md §2.1, §6)', () => {
  it('never decreases its objective, and at convergence Q = E_x Q(h|x) to 1e-8', () => {
    const { model, data } = setup(5);
    const layer = model.generative[0];
    const res = exactBlm(layer, 4, data, { maxIterations: 20000, tolerance: 1e-15 });
    for (let i = 1; i < res.history.length; i++)
      expect(res.history[i]).toBeGreaterThanOrEqual(res.history[i - 1] - 1e-12);
    const t = new LogLikTable(layer, data);
    const post = new Float64Array(16);
    blmObjective(t, res.q.map(Math.log), post);
    for (let s = 0; s < 16; s++) expect(Math.abs(post[s] - res.q[s])).toBeLessThan(1e-8);
  });

  it('refuses more than 16 units with an AppError', () => {
    const rng = createRng(1);
    const layer = randomLayer(17, bernoulliGroups(3), rng);
    const data = { groups: bernoulliGroups(3), rows: 1, bits: 3, data: new Uint8Array(3) };
    expect(() => exactBlm(layer, 17, data)).toThrow(AppError);
  });

  it('loglik(theta, P) <= U_D(theta) <= -H(D), for table, Bernoulli and RBM priors', () => {
    for (const top of ['table', 'bernoulli', 'rbm'] as const) {
      const { model, data } = setup(21, mixed, [4, 3], top);
      const u = exactBlm(model.generative[0], 4, data, { maxIterations: 3000, tolerance: 1e-12 }).value;
      const ll = exactLogLikelihood(model, data);
      expect(ll).toBeLessThanOrEqual(u + 1e-9);
      expect(u).toBeLessThanOrEqual(-empiricalEntropy(data) + 1e-9);
    }
  });

  it('loglik(theta, P) >= U_D(theta) - KL(BLM || P) for any prior P', () => {
    for (const top of ['table', 'bernoulli', 'rbm'] as const) {
      const { model, data } = setup(31, mixed, [4, 3], top);
      const blm = exactBlm(model.generative[0], 4, data, { maxIterations: 20000, tolerance: 1e-14 });
      const prior = firstLayerPrior(model);
      const ll = exactLogLikelihood(model, data);
      expect(ll).toBeGreaterThanOrEqual(blm.value - klStates(blm.q, prior) - 1e-7);
    }
  });

  it('theorem: with the BLM itself as the prior above layer 1, the log-likelihood equals U_D', () => {
    const { model, data } = setup(41, mixed, [4], 'table');
    const blm = exactBlm(model.generative[0], 4, data, { maxIterations: 20000, tolerance: 1e-14 });
    const withBlm: DeepModelParams = { ...model, top: { kind: 'table', logProbs: blm.q.map(Math.log) } };
    expect(exactLogLikelihood(withBlm, data)).toBeCloseTo(blm.value, 10);
  });
});

describe('auto-encoder criteria against the BLM (METHOD.md §6)', () => {
  it('for any encoder: auto-encoded bound <= U_D; criterion 2 - H(D) <= it; criterion 3 <= criterion 2', () => {
    for (const seed of [1, 2, 3]) {
      const { model, data, rng } = setup(50 + seed);
      const layer = model.generative[0];
      const u = exactBlm(layer, 4, data, { maxIterations: 5000, tolerance: 1e-13 }).value;
      const H = empiricalEntropy(data);
      for (const width of [null, 8]) {
        const enc = inferenceEncoder(randomInference(data.bits, 4, rng, width, 1.5));
        const ae = autoEncodedExact(layer, data, enc);
        const c2 = criterion2(layer, data, enc);
        const c3 = criterion3(layer, data, enc);
        expect(ae).toBeLessThanOrEqual(u + 1e-9);
        expect(c2 - H).toBeLessThanOrEqual(ae + 1e-9);
        expect(c3).toBeLessThanOrEqual(c2 + 1e-12);
      }
    }
  });

  it('with q equal to the BLM posterior, the auto-encoded bound equals U_D', () => {
    const { model, data } = setup(61);
    const layer = model.generative[0];
    const blm = exactBlm(layer, 4, data, { maxIterations: 20000, tolerance: 1e-15 });
    const ae = autoEncodedExact(layer, data, (x) => blmPosterior(layer, blm.q, x));
    expect(ae).toBeCloseTo(blm.value, 8);
  });

  it('the sampled auto-encoded estimate converges to the exact one as M grows', () => {
    const { model, data, rng } = setup(71);
    const layer = model.generative[0];
    const inf = randomInference(data.bits, 4, rng, 8, 1.5);
    const exact = autoEncodedExact(layer, data, inferenceEncoder(inf));
    const errs = [16, 256, 8192].map((M) =>
      Math.abs(autoEncodedBound(layer, inf, 4, data, { seed: 9, codes: M }).value - exact),
    );
    expect(errs[2]).toBeLessThan(errs[0]);
    expect(errs[2]).toBeLessThan(0.01);
    const est = autoEncodedBound(layer, inf, 4, data, { seed: 10, codes: 8192 });
    expect(Math.abs(est.value - exact)).toBeLessThan(4 * (est.se ?? 0) + 1e-3);
  });

  it('layerBound is exact EM up to 16 units and an estimate with se above', () => {
    const { model, data, rng } = setup(81);
    const b = layerBound(model.generative[0], model.inference[0], 4, data, { seed: 1 });
    expect(b.exact).toBe(true);
    const big = randomLayer(17, mixed, rng, 0.5);
    const e = layerBound(big, randomInference(data.bits, 17, rng, 8), 17, data, { seed: 1, codes: 256 });
    expect(e.exact).toBe(false);
    expect(e.se).toBeGreaterThan(0);
    expect(e.value).toBeLessThanOrEqual(-empiricalEntropy(data) + 1e-9);
  });
});

function randomRbm(nv: number, nh: number, seed: number, groups?: GroupSpec[], scale = 1): RbmParams {
  const rng = createRng(seed);
  const w = new Float32Array(nv * nh).map(() => rng.normal() * scale);
  return {
    weights: matrix(nv, nh, w),
    visibleBias: new Float32Array(nv).map(() => rng.normal() * 0.5),
    hiddenBias: new Float32Array(nh).map(() => rng.normal() * 0.5),
    groups,
  };
}

describe('RBM (METHOD.md §4, §6)', () => {
  it('log Z enumerated on either side agrees; AIS agrees with exact within its spread', () => {
    const small = randomRbm(9, 5, 1, mixed);
    // 5 hidden -> enumerate hidden; compare with enumerating visible states by brute force
    let brute = -Infinity;
    const rows: number[][] = [];
    const rec = (pre: number[], gi: number): void => {
      if (gi === mixed.length) {
        rows.push(pre);
        return;
      }
      const g = mixed[gi];
      const size = g.kind === 'bernoulli' ? 2 : g.size;
      for (let c = 0; c < size; c++)
        rec(
          g.kind === 'bernoulli' ? [...pre, c] : [...pre, ...Array.from({ length: size }, (_, j) => (j === c ? 1 : 0))],
          gi + 1,
        );
    };
    rec([], 0);
    for (const v of rows) brute = logsumexp([brute, rbmNegFreeEnergy(small, v)]);
    expect(rbmLogZExact(small)).toBeCloseTo(brute, 9);
    const r = randomRbm(10, 12, 2, undefined, 0.8);
    const exact = rbmLogZExact(r);
    const ais = rbmLogZAis(r, { seed: 3, chains: 100, temperatures: 1000 });
    expect(Math.abs(ais.value - exact)).toBeLessThan(3 * (ais.se ?? 0) + 0.05);
  });

  it("an RBM's log-likelihood <= U_D of its own conditional P(x|h)", () => {
    const rbm = randomRbm(9, 4, 5, mixed, 1.2);
    const { data } = setup(91);
    const logZ = rbmLogZExact(rbm);
    let ll = 0;
    for (let r = 0; r < data.rows; r++) ll += (rbmNegFreeEnergy(rbm, data.data, r * data.bits) - logZ) / data.rows;
    // its conditional P(x|h): a generative layer with weights W^T and the visible biases
    const wt = new Float32Array(4 * 9);
    for (let i = 0; i < 9; i++) for (let j = 0; j < 4; j++) wt[j * 9 + i] = rbm.weights.data[i * 4 + j];
    const layer: GenerativeLayerParams = {
      weights: matrix(4, 9, wt),
      bias: Float32Array.from(rbm.visibleBias),
      groups: mixed,
    };
    const u = exactBlm(layer, 4, data, { maxIterations: 3000, tolerance: 1e-12 }).value;
    expect(ll).toBeLessThanOrEqual(u + 1e-9);
  });
});

describe('sampled log-likelihood (METHOD.md §4, §6)', () => {
  it('the importance-sampled estimate converges to the exact value as S grows', () => {
    for (const top of ['table', 'rbm'] as const) {
      const { model: m0, data, rng } = setup(101, mixed, [4, 3], top);
      // a broad proposal (weak inference weights) so that 1000 samples cover the posterior
      const model = {
        ...m0,
        inference: [randomInference(data.bits, 4, rng, 8, 0.2), randomInference(4, 3, rng, 8, 0.2)],
      };
      const sub = { ...data, rows: 60, data: data.data.subarray(0, 60 * data.bits) };
      const exact = logLikelihood(model, sub, { seed: 1 });
      expect(exact.exact).toBe(true);
      const errs = [1, 30, 1000].map((S) =>
        Math.abs(logLikelihood(model, sub, { seed: 2, samples: S, forceSampled: true }).value - exact.value),
      );
      expect(errs[2]).toBeLessThan(errs[0]);
      expect(errs[2]).toBeLessThan(0.02);
      const est = logLikelihood(model, sub, { seed: 3, samples: 1000, forceSampled: true });
      expect(est.exact).toBe(false);
      expect(est.value).toBeLessThan(exact.value + 4 * (est.se ?? 0) + 0.02);
    }
  });
});
