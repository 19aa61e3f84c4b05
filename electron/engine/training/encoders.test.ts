/**
 * Encoders rebuilt from a layer's plain parameters give the codes the trained layer's own
 * encoder gives (every method, blm-exact by its exact posterior), and release their tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { LAYER_METHODS } from '../methods/index.js';
import { layer, layerInput } from '../test/small-data.js';
import { stackEncoders } from './encoders.js';

beforeAll(async () => {
  await initBackend();
});

describe('stack encoders', () => {
  for (const method of ['aeries', 'ae', 'rbm', 'blm-exact'] as const) {
    it(`draw the codes of a trained ${method} layer`, async () => {
      const cfg = layer(4, method, { epochs: 2 });
      const { input, X } = layerInput(4, cfg);
      const trained = await LAYER_METHODS[method].train(input);
      const before = tf.memory().numTensors;
      const rebuilt = stackEncoders([
        { config: cfg, gen: trained.gen, inf: trained.inf, encoderLogPrior: trained.encoderLogPrior ?? null },
      ]);
      for (const seed of [1, 77]) {
        const a = trained.encode(X, seed);
        const b = rebuilt.encoders[0](X, seed);
        expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
        a.dispose();
        b.dispose();
      }
      rebuilt.dispose();
      expect(tf.memory().numTensors).toBe(before);
      trained.dispose();
      X.dispose();
    });
  }
});
