/**
 * The auto-encoder criteria against exact enumeration: gradients of the exact criterion
 * against central finite differences, the sampled estimate converging to the exact value as
 * S grows, the sampled gradient estimator converging to the exact gradient, and the "log
 * inside" criterion staying below the BLM one (METHOD.md §6).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AeCriterion, GroupSpec } from '../../../shared/domain/model.js';
import { initBackend } from '../backend.js';
import { exactCriterion, sampleCodes, sampledCriterion } from './ae-criterion.js';
import { exactBlmGradients, sampledBlmGradients } from './ae-criterion-grads.js';
import { allStates, groupLayout } from '../tensor/groups.js';
import { createRng } from '../../base/random.js';
import {
  disposeVars,
  genVarList,
  infVarList,
  initGen,
  initInf,
  type GenVars,
  type InfVars,
} from '../tensor/variables.js';

const groups: GroupSpec[] = [
  { kind: 'bernoulli' },
  { kind: 'softmax', size: 3 },
  { kind: 'bernoulli' },
  { kind: 'bernoulli' },
];
const n = 6;
const k = 3;
const layout = groupLayout(groups);
let gen: GenVars;
let inf: InfVars;
let x: tf.Tensor2D;
let states: tf.Tensor2D;

beforeAll(async () => {
  await initBackend();
  gen = initGen(k, n, 3);
  inf = initInf('rich', n, k, 5, 4);
  // Sharper random weights than the initialisation, so the criteria differ visibly.
  const rng = createRng(9);
  for (const v of [...genVarList(gen), ...infVarList(inf)])
    v.assign(
      tf.tidy(() =>
        tf.tensor(
          Array.from({ length: v.size }, () => 1.5 * rng.normal()),
          v.shape,
        ),
      ),
    );
  const rows = [
    [1, 1, 0, 0, 1, 0],
    [0, 0, 1, 0, 1, 1],
    [1, 0, 0, 1, 0, 1],
    [0, 1, 0, 0, 0, 0],
  ];
  x = tf.tensor2d(rows.flat(), [4, n]);
  states = allStates(k);
});

afterAll(() => {
  disposeVars([...genVarList(gen), ...infVarList(inf)]);
  x.dispose();
  states.dispose();
});

const exactValue = (criterion: AeCriterion): number =>
  tf.tidy(() => exactCriterion(layout, gen, inf, x, states, criterion).valueSum.dataSync()[0] / x.shape[0]);

describe('auto-encoder criteria', () => {
  for (const criterion of ['blm', 'log-inside'] as const) {
    it(`exact '${criterion}' gradients match central finite differences (eps 1e-2, tolerance 3e-3 + 2% in float32)`, () => {
      const vars = [...genVarList(gen), ...infVarList(inf)];
      const { grads } = tf.variableGrads(() => exactCriterion(layout, gen, inf, x, states, criterion).loss, vars);
      const eps = 1e-2;
      for (const v of vars) {
        const g = grads[v.name].dataSync();
        const base = Float32Array.from(v.dataSync());
        // Every coordinate of small tensors, a spread of coordinates of bigger ones.
        const step = Math.max(1, Math.floor(base.length / 8));
        for (let i = 0; i < base.length; i += step) {
          const at = (d: number) => {
            const p = Float32Array.from(base);
            p[i] += d;
            v.assign(tf.tidy(() => tf.tensor(p, v.shape)));
            return -exactValue(criterion);
          };
          const fd = (at(eps) - at(-eps)) / (2 * eps);
          v.assign(tf.tidy(() => tf.tensor(base, v.shape)));
          expect(Math.abs(fd - g[i])).toBeLessThan(3e-3 + 0.02 * Math.abs(fd));
        }
      }
      Object.values(grads).forEach((t) => t.dispose());
    });
  }

  it("'log inside' is below the BLM auto-encoder criterion (Jensen)", () => {
    expect(exactValue('log-inside')).toBeLessThan(exactValue('blm'));
  });

  it('the sampled BLM criterion converges to the exact value as S grows (and is biased low)', () => {
    const exact = exactValue('blm');
    const estimate = (S: number, seed: number) =>
      tf.tidy(() => {
        const h = sampleCodes(inf, x, S, seed);
        return sampledCriterion(layout, gen, inf, x, h, S, 'blm').valueSum.dataSync()[0] / x.shape[0];
      });
    const mean = (S: number, reps: number) => {
      let s = 0;
      for (let r = 0; r < reps; r++) s += estimate(S, 100 + r) / reps;
      return s;
    };
    const e1 = mean(1, 200);
    const e16 = mean(16, 50);
    const e4096 = estimate(4096, 7);
    expect(e1).toBeLessThan(exact);
    expect(Math.abs(e16 - exact)).toBeLessThan(Math.abs(e1 - exact));
    expect(Math.abs(e4096 - exact)).toBeLessThan(0.02);
  });

  it('the sampled gradient estimator of θ and φ approaches the exact gradient for large S', () => {
    const vars = [...genVarList(gen), ...infVarList(inf)];
    const exact = tf.variableGrads(() => exactCriterion(layout, gen, inf, x, states, 'blm').loss, vars).grads;
    const S = 3000;
    const h = sampleCodes(inf, x, S, 5);
    const sampled = tf.variableGrads(() => sampledCriterion(layout, gen, inf, x, h, S, 'blm').loss, vars).grads;
    h.dispose();
    for (const v of vars) {
      const a = exact[v.name].dataSync();
      const b = sampled[v.name].dataSync();
      let scale = 0;
      for (const t of a) scale = Math.max(scale, Math.abs(t));
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(0.08 * Math.max(1, scale));
    }
    [...Object.values(exact), ...Object.values(sampled)].forEach((t) => t.dispose());
  });

  it('closed-form gradients of the sampled criterion equal autodiff on the same codes (all-Bernoulli layer, 1e-4)', () => {
    const g2 = initGen(3, 7, 21);
    const q2 = initInf('rich', 7, 3, 5, 22);
    const rng = createRng(23);
    const vars = [...genVarList(g2), ...infVarList(q2)];
    for (const v of vars)
      v.assign(
        tf.tidy(() =>
          tf.tensor(
            Array.from({ length: v.size }, () => rng.normal()),
            v.shape,
          ),
        ),
      );
    const bern = groupLayout(Array.from({ length: 7 }, () => ({ kind: 'bernoulli' as const })));
    const xb = tf.tensor2d(
      Array.from({ length: 5 * 7 }, () => (rng.next() < 0.5 ? 1 : 0)),
      [5, 7],
    );
    const S = 6;
    const h = sampleCodes(q2, xb, S, 8);
    const auto = tf.variableGrads(() => sampledCriterion(bern, g2, q2, xb, h, S, 'blm').loss, vars);
    const mine = sampledBlmGradients(bern, g2, q2, xb, S, h);
    const autoValue = tf.tidy(() => sampledCriterion(bern, g2, q2, xb, h, S, 'blm').valueSum.dataSync()[0]);
    expect(mine.valueSum.dataSync()[0]).toBeCloseTo(autoValue, 4);
    vars.forEach((v, i) => {
      const a = auto.grads[v.name].dataSync();
      const b = mine.grads[i].dataSync();
      expect(b.length).toBe(a.length);
      for (let j = 0; j < a.length; j++) expect(Math.abs(a[j] - b[j])).toBeLessThan(1e-4);
    });
    [...Object.values(auto.grads), auto.value, ...mine.grads, mine.valueSum, h, xb].forEach((t) => t.dispose());
    disposeVars(vars);
  });

  it('closed-form gradients equal autodiff on mixed groups too (same codes, 1e-4)', () => {
    const vars = [...genVarList(gen), ...infVarList(inf)];
    const S = 5;
    const h = sampleCodes(inf, x, S, 12);
    const auto = tf.variableGrads(() => sampledCriterion(layout, gen, inf, x, h, S, 'blm').loss, vars);
    const mine = sampledBlmGradients(layout, gen, inf, x, S, h);
    vars.forEach((v, i) => {
      const a = auto.grads[v.name].dataSync();
      const b = mine.grads[i].dataSync();
      for (let j = 0; j < a.length; j++) expect(Math.abs(a[j] - b[j])).toBeLessThan(1e-4);
    });
    [...Object.values(auto.grads), auto.value, ...mine.grads, mine.valueSum, h].forEach((t) => t.dispose());
  });

  it('closed-form gradients of the exact criterion equal autodiff (mixed groups, 1e-4)', () => {
    const vars = [...genVarList(gen), ...infVarList(inf)];
    const auto = tf.variableGrads(() => exactCriterion(layout, gen, inf, x, states, 'blm').loss, vars);
    const mine = exactBlmGradients(layout, gen, inf, x, states);
    expect(mine.valueSum.dataSync()[0] / x.shape[0]).toBeCloseTo(exactValue('blm'), 4);
    vars.forEach((v, i) => {
      const a = auto.grads[v.name].dataSync();
      const b = mine.grads[i].dataSync();
      for (let j = 0; j < a.length; j++) expect(Math.abs(a[j] - b[j])).toBeLessThan(1e-4);
    });
    [...Object.values(auto.grads), auto.value, ...mine.grads, mine.valueSum].forEach((t) => t.dispose());
  });
});
