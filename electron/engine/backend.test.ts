/**
 * The engine's tests run once per backend (Vitest projects `engine-wasm`, `engine-cpu`, each
 * setting `LAYERWISE_BACKEND`): the forced backend is the active one, an unknown name or a
 * backend that cannot load is a translated error, never a silent fallback.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { formatError } from '../../shared/i18n/format.js';
import { forcedBackend, initBackend } from './backend.js';

/** Whether the optional native binding is installed (then forcing it would succeed). */
function hasTfjsNode(): boolean {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

describe('backend selection', () => {
  it('runs on the backend LAYERWISE_BACKEND forces', async () => {
    const forced = process.env.LAYERWISE_BACKEND;
    expect(forced, 'engine tests run in the engine-wasm and engine-cpu projects').toMatch(/^(wasm|cpu|tensorflow)$/);
    expect(await initBackend()).toBe(forced);
    expect(tf.getBackend()).toBe(forced);
    expect(tf.backend()).toBe(tf.findBackend(forced!));
    // A kernel runs there and leaves nothing behind.
    const before = tf.memory().numTensors;
    expect(tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3.5])).dataSync()[0])).toBe(6.5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads LAYERWISE_BACKEND: a name (any case), unset or empty for the default, else an error', () => {
    expect(forcedBackend('cpu')).toBe('cpu');
    expect(forcedBackend(' WASM ')).toBe('wasm');
    expect(forcedBackend('tensorflow')).toBe('tensorflow');
    expect(forcedBackend(undefined)).toBeUndefined();
    expect(forcedBackend('')).toBeUndefined();
    expect(() => forcedBackend('webgl')).toThrow(expect.objectContaining({ code: 'engine.unknownBackend' }));
    let err: unknown;
    try {
      forcedBackend('webgl');
    } catch (e) {
      err = e;
    }
    expect(formatError(err, 'en')).toContain('"webgl"');
    expect(formatError(err, 'ja')).toContain('wasm');
  });

  it.skipIf(hasTfjsNode())('fails with a translated error when the forced backend cannot load', async () => {
    const before = tf.getBackend();
    vi.resetModules(); // a fresh module, whose backend is not chosen yet
    const fresh = await import('./backend.js');
    const err = await fresh.initBackend('tensorflow').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'engine.backendUnavailable', params: { name: 'tensorflow' } });
    expect(formatError(err, 'en')).toMatch(/^The tensorflow backend was requested .* could not be loaded/);
    expect(tf.getBackend()).toBe(before);
  });
});
