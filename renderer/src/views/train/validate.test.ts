/** The form's checks follow the contract's schema: its limits, in rules a user reads. */
import { describe, expect, it } from 'vitest';
import { trainConfig } from '../../test/fixtures.js';
import { configErrors, fieldError, LAYER_FIELDS, limitsOf, RUN_FIELDS } from './validate.js';
import { LIMITS } from '../../../../shared/domain/limits.js';

describe('train form checks', () => {
  it('finds nothing wrong with a valid configuration', () => {
    expect(configErrors(trainConfig())).toEqual({});
  });

  it('names each wrong field by its place and the rule it breaks', () => {
    const config = trainConfig();
    config.layers[0].units = 0;
    config.layers[1].learningRate = 0;
    config.topHidden = 2.5;
    (config as { patience: unknown }).patience = '';
    expect(configErrors(config)).toEqual({
      'layers.0.units': { key: 'min', params: { min: 1 } },
      'layers.1.learningRate': { key: 'above', params: { min: 0 } },
      topHidden: { key: 'whole', params: {} },
      patience: { key: 'number', params: {} },
    });
  });

  it('takes upper limits from the schema, so new bounds flow through', () => {
    expect(fieldError(LAYER_FIELDS.units, 100000)).toEqual({ key: 'max', params: { max: LIMITS.units.max } });
    expect(fieldError(RUN_FIELDS.validationFraction, 0.95)).toEqual({
      key: 'max',
      params: { max: LIMITS.validationFraction.max },
    });
    const below3 = {
      safeParse: () => ({
        success: false as const,
        error: { issues: [{ code: 'too_big', origin: 'number', maximum: 3, inclusive: false, path: [], message: '' }] },
      }),
    };
    expect(fieldError(below3 as never, 3)).toEqual({ key: 'below', params: { max: 3 } });
    expect(limitsOf(LAYER_FIELDS.units)).toEqual({ min: 1, max: LIMITS.units.max, step: 1 });
    expect(limitsOf(LAYER_FIELDS.learningRate)).toEqual({ min: 0, max: LIMITS.learningRate.max, step: 'any' });
    expect(limitsOf(LAYER_FIELDS.inferenceWidth)).toEqual({ min: 1, max: LIMITS.inferenceWidth.max, step: 1 });
  });
});
