/**
 * What a layer method is (METHOD.md §2–3): given the rows of the layer below, it trains one
 * generative layer P(x|h) with an inference model q(h|x) and gives back their plain
 * parameters, a sampler of codes h ~ q(.|x) for the layer above, and the release of its
 * tensors. The layer-wise driver treats every method (`aeries`, `ae`, `rbm`, `blm-exact`) alike.
 */
import type * as tf from '@tensorflow/tfjs';
import type { GroupSpec, LayerConfig } from '../../../shared/domain/model.js';
import type { GenerativeLayerParams, InferenceParams } from '../model/params.js';
import type { EpochLoop } from '../training/epoch-loop.js';

export interface LayerTrainInput {
  groups: GroupSpec[];
  k: number;
  config: LayerConfig;
  /** Initial generative biases (data base rates). */
  baseRates: Float32Array;
  valid: tf.Tensor2D | null;
  loop: Omit<EpochLoop, 'step' | 'validate' | 'variables' | 'batchSize' | 'epochs'>;
}

export interface TrainedLayer {
  gen: GenerativeLayerParams;
  inf: InferenceParams;
  epochs: number;
  /** `blm-exact`: log Q over the 2^k codes, which its encoder samples the exact posterior with. */
  encoderLogPrior?: Float32Array;
  /** Codes h ~ q(.|x) of rows x, for the layer above (a new tensor the caller owns). */
  encode(x: tf.Tensor2D, seed: number): tf.Tensor2D;
  /** Releases the layer's tensors. */
  dispose(): void;
}

export interface LayerMethod {
  train(input: LayerTrainInput): Promise<TrainedLayer>;
}
