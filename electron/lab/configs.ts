/**
 * Training configurations of the experiments: the same budget (epochs, batch size, samples)
 * for every method; each method keeps its own learning rate (*choice*, set once on
 * validation, never on test: Adam 0.01 for the auto-encoders and blm-exact, 0.05 for RBM
 * layers). The top prior is an exact table for every method (top layer <= 16 units), so
 * the comparison is between the layers themselves and the log-likelihood stays exact.
 */
import { AppError } from '../../shared/domain/errors.js';
import { Method, type LayerConfig, type TrainConfig } from '../../shared/domain/model.js';

export interface Budget {
  epochs: number;
  batchSize: number;
  samples: number;
}

export const DEFAULT_BUDGET: Budget = { epochs: 20, batchSize: 64, samples: 8 };

export const LEARNING_RATES: Record<Method, number> = { aeries: 0.01, ae: 0.01, 'blm-exact': 0.01, rbm: 0.05 };

export function layerConfig(method: Method, units: number, budget: Budget): LayerConfig {
  return {
    units,
    method,
    epochs: budget.epochs,
    batchSize: budget.batchSize,
    learningRate: LEARNING_RATES[method],
    samples: budget.samples,
    inferenceWidth: null,
    criterion: 'blm',
    cdK: 1,
    persistent: true,
  };
}

export function experimentConfig(method: Method, layers: number[], budget: Budget, seed: number): TrainConfig {
  return {
    layers: layers.map((k) => layerConfig(method, k, budget)),
    topPrior: layers[layers.length - 1] <= 16 ? 'table' : 'rbm',
    topHidden: 16,
    topEpochs: budget.epochs,
    seed,
    validationFraction: 0,
    patience: 0,
    fineTuneEpochs: 0,
  };
}

export function parseMethods(value: string): Method[] {
  return value.split(',').map((m) => {
    const parsed = Method.safeParse(m.trim());
    if (!parsed.success) throw new AppError('eval.unknownMethod', { method: m.trim() });
    return parsed.data;
  });
}

export function parseLayers(value: string): number[] {
  const out = value.split(',').map((v) => Number(v.trim()));
  if (out.length === 0 || out.some((k) => !Number.isInteger(k) || k < 1))
    throw new AppError('eval.badLayers', { value });
  return out;
}
