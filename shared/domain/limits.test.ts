/** Every training setting has limits in the contract, and crossing one is said in the user's words. */
import { describe, expect, it } from 'vitest';
import { formatError } from '../i18n/format.js';
import { LIMITS, splitError, trainConfigError } from './limits.js';
import { defaultTrainConfig, StoredTrainConfig, TrainConfig } from './model.js';

const base = defaultTrainConfig(40, 2000);

function refusal(config: unknown): string[] {
  const r = TrainConfig.safeParse(config);
  if (r.success) return [];
  return r.error.issues.map((i) => formatError(trainConfigError(i.path, config), 'en'));
}

describe('training limits', () => {
  it('refuses the oversized settings of the audit, each named with its limit', () => {
    const layer = (change: object) => ({ ...base, layers: [{ ...base.layers[0], ...change }, base.layers[1]] });
    expect(refusal(layer({ inferenceWidth: 3_000_000 }))).toEqual([
      'Inference width of layer 1 must be a whole number between 1 and 4096 (it is 3000000). Change it and start again.',
    ]);
    expect(refusal(layer({ samples: 200_000 }))[0]).toMatch(/^Samples per row \(S\) of layer 1 .* between 1 and 256/);
    expect(refusal({ ...base, topHidden: 1e8 })[0]).toMatch(/^Hidden units of the top prior .* between 1 and 1024/);
    expect(refusal(layer({ units: 5000 }))[0]).toMatch(/^Units of layer 1 must be a whole number between 1 and 1024/);
    expect(refusal(layer({ learningRate: 1e308 }))[0]).toMatch(
      /^Learning rate of layer 1 must be more than 0 and at most 10/,
    );
    expect(refusal(layer({ learningRate: 0 }))[0]).toMatch(/^Learning rate of layer 1 must be more than 0/);
    expect(refusal(layer({ cdK: 51 }))[0]).toMatch(/Gibbs steps \(CD-k\) of layer 1 .* between 1 and 50/);
    expect(refusal(layer({ batchSize: 5000 }))[0]).toMatch(/Batch size of layer 1 .* between 1 and 4096/);
    expect(refusal(layer({ epochs: 1001 }))[0]).toMatch(/Epochs of layer 1 .* between 1 and 1000/);
    expect(refusal({ ...base, fineTuneEpochs: 5000 })[0]).toMatch(/Fine-tuning epochs .* between 0 and 1000/);
    expect(refusal({ ...base, validationFraction: 0.9 })[0]).toMatch(
      /The validation fraction must be a number between 0 and 0.5 \(it is 0.9\)/,
    );
    expect(refusal({ ...base, layers: Array.from({ length: 9 }, () => base.layers[0]) })[0]).toMatch(
      /^The number of layers .* between 1 and 8 \(it is 9\)/,
    );
    // The second layer is named as such; a value that is not a number is shown as given.
    const second = { ...base, layers: [base.layers[0], { ...base.layers[1], units: 'many' }] };
    expect(refusal(second)[0]).toMatch(/^Units of layer 2 .* \(it is many\)/);
  });

  it('says it in Japanese too', () => {
    const config = { ...base, layers: [{ ...base.layers[0], inferenceWidth: 3_000_000 }] };
    const r = TrainConfig.safeParse(config);
    expect(r.success).toBe(false);
    const text = formatError(trainConfigError(r.error!.issues[0].path, config), 'ja');
    expect(text).toContain('第 1 層の推論モデルの幅');
    expect(text).toContain('4096');
  });

  it('accepts every default and the limits themselves; a model file keeps older, wider settings readable', () => {
    expect(TrainConfig.safeParse(base).success).toBe(true);
    const atLimits = {
      ...base,
      layers: [{ ...base.layers[0], units: LIMITS.units.max, samples: LIMITS.samples.max, learningRate: 10 }],
      topHidden: LIMITS.topHidden.max,
      validationFraction: LIMITS.validationFraction.max,
    };
    expect(TrainConfig.safeParse(atLimits).success).toBe(true);
    const older = { ...base, layers: [{ ...base.layers[0], units: 2048 }], validationFraction: 0.8 };
    expect(TrainConfig.safeParse(older).success).toBe(false);
    expect(StoredTrainConfig.safeParse(older).success).toBe(true);
  });
});

describe('split', () => {
  it('accepts shares adding up to 100 % and refuses the rest instead of rescaling them', () => {
    expect(splitError({ train: 0.8, valid: 0.1, test: 0.1 })).toBeNull();
    expect(splitError({ train: 0.7, valid: 0.2, test: 0.1 })).toBeNull();
    expect(splitError({ train: 0.333, valid: 0.333, test: 0.334 })).toBeNull();
    const over = splitError({ train: 0.7, valid: 0.2, test: 0.2 });
    expect(formatError(over, 'en')).toContain('they are 70 %, 20 % and 20 %, 110 % in all');
    expect(splitError({ train: 0, valid: 1, test: 0 })?.code).toBe('train.badSplit');
    expect(splitError({ train: 1.5, valid: -0.5, test: 0 })?.code).toBe('train.badSplit');
    expect(splitError({ train: Number.NaN, valid: 0, test: 0 })?.code).toBe('train.badSplit');
  });
});
