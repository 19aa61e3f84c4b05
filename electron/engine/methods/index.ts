/** The layer methods by name: each trains one layer the same way for the layer-wise driver. */
import type { Method } from '../../../shared/domain/model.js';
import { autoencoderMethod } from './autoencoder.js';
import { blmExactMethod } from './blm-exact.js';
import type { LayerMethod } from './layer-method.js';
import { rbmMethod } from './rbm.js';

export const LAYER_METHODS: Record<Method, LayerMethod> = {
  aeries: autoencoderMethod(true),
  ae: autoencoderMethod(false),
  rbm: rbmMethod,
  'blm-exact': blmExactMethod,
};

export type { LayerMethod, LayerTrainInput, TrainedLayer } from './layer-method.js';
