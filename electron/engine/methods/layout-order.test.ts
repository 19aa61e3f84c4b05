/**
 * Layer methods train with their columns in layout order (Bernoulli bits first, softmax groups
 * by size) and give their parameters back in column order: the same result as columns that
 * were in layout order to begin with.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupSpec } from '../../../shared/domain/model.js';
import { initBackend } from '../backend.js';
import { disposeVars, genVarList, infVarList } from '../tensor/variables.js';
import { data, groups, layer, layerInput } from '../test/small-data.js';
import { trainAutoencoder } from './autoencoder.js';
import { disposeRbm, trainRbm } from './rbm.js';

beforeAll(async () => {
  await initBackend();
});

describe('auto-encoder layers on mixed groups', () => {
  it('train in layout order and return parameters in column order (same result as pre-sorted columns)', async () => {
    // Columns: softmax(3), bit, bit, ... — not in layout order; `sorted` puts the bits first.
    const mixed: GroupSpec[] = [
      { kind: 'softmax', size: 3 },
      ...Array.from({ length: 6 }, () => ({ kind: 'bernoulli' as const })),
    ];
    const perm = [6, 7, 8, 0, 1, 2, 3, 4, 5]; // mixed column j holds data column perm[j]
    const rows = new Uint8Array(data.rows * 9);
    for (let r = 0; r < data.rows; r++) for (let j = 0; j < 9; j++) rows[r * 9 + j] = data.data[r * 9 + perm[j]];
    const run = async (g: GroupSpec[], d: Uint8Array) => {
      const { input, X } = layerInput(13, layer(13, 'aeries', { epochs: 1 }), { groups: g, data: d });
      const t = await trainAutoencoder(input, true);
      X.dispose();
      const out = { W: t.gen.W.arraySync(), b: Array.from(t.gen.b.dataSync()), W1: t.inf.layers[0].W.arraySync() };
      disposeVars([...genVarList(t.gen), ...infVarList(t.inf)]);
      return out;
    };
    const a = await run(mixed, rows);
    const b = await run(groups, data.data);
    for (let j = 0; j < 9; j++) {
      expect(a.b[j]).toBeCloseTo(b.b[perm[j]], 5);
      for (let i = 0; i < 13; i++) expect(a.W[i][j]).toBeCloseTo(b.W[i][perm[j]], 5);
      expect(a.W1[j]).toEqual(b.W1[perm[j]].map((v) => expect.closeTo(v, 5)));
    }
  });

  it('RBM layers too: visible parameters come back in column order (same result as pre-sorted columns)', async () => {
    const mixed: GroupSpec[] = [
      { kind: 'softmax', size: 3 },
      ...Array.from({ length: 6 }, () => ({ kind: 'bernoulli' as const })),
    ];
    const perm = [6, 7, 8, 0, 1, 2, 3, 4, 5];
    const rows = new Uint8Array(data.rows * 9);
    for (let r = 0; r < data.rows; r++) for (let j = 0; j < 9; j++) rows[r * 9 + j] = data.data[r * 9 + perm[j]];
    const run = async (g: GroupSpec[], d: Uint8Array) => {
      const { input, X } = layerInput(5, layer(5, 'rbm', { epochs: 2, learningRate: 0.1 }), { groups: g, data: d });
      const { rbm } = await trainRbm(input);
      X.dispose();
      const out = { W: rbm.W.arraySync(), bv: Array.from(rbm.bv.dataSync()) };
      disposeRbm(rbm);
      return out;
    };
    const a = await run(mixed, rows);
    const b = await run(groups, data.data);
    for (let j = 0; j < 9; j++) {
      expect(a.bv[j]).toBeCloseTo(b.bv[perm[j]], 5);
      expect(a.W[j]).toEqual(b.W[perm[j]].map((v) => expect.closeTo(v, 5)));
    }
    expect(Math.max(...a.W.flat().map(Math.abs))).toBeGreaterThan(0.05);
  });
});
