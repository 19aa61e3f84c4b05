/**
 * A trained deep model as plain typed arrays: what the model file stores, what sampling and
 * exact evaluation read (in float64 where precision matters), and what training snapshots
 * its tfjs variables into. No tfjs here: this is data.
 *
 * Conventions: matrices are row-major. A generative layer l maps the layer above (k_l units)
 * to logits of the layer below: logits = h_l · W_l + b_l, W_l of shape [k_l, n_{l-1}].
 * Layer 0 below is the visible row, split into `GroupSpec` groups; hidden layers are all
 * Bernoulli bits. A `LayerStack` is a model in the making: its layers, no top prior yet.
 */
import type { GroupSpec, LayerConfig, LayerResult, Method } from '../../../shared/domain/model.js';
import type { StackSettings } from '../../../shared/domain/staged.js';

export interface Matrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

export interface GenerativeLayerParams {
  /** [k_above, n_below] */
  weights: Matrix;
  /** [n_below] */
  bias: Float32Array;
  /** Groups of the layer below (visible groups for layer 1, all Bernoulli above). */
  groups: GroupSpec[];
}

/** q(h_l | h_{l-1}): affine maps with tanh between them; the last map gives the Bernoulli logits. */
export interface InferenceParams {
  kind: 'vanilla' | 'rich';
  layers: { weights: Matrix; bias: Float32Array }[];
}

export type TopPriorParams =
  | { kind: 'bernoulli'; logits: Float32Array }
  /** log P(h) over the 2^k states, state index s has bit j = (s >> j) & 1. */
  | { kind: 'table'; logProbs: Float64Array }
  /** RBM over h_L (visible side, k_L units) with its own hidden units; weights [k_L, hidden]. */
  | { kind: 'rbm'; weights: Matrix; visibleBias: Float32Array; hiddenBias: Float32Array };

export interface DeepModelParams {
  visible: GroupSpec[];
  /** Hidden layer sizes k_1..k_L. */
  sizes: number[];
  methods: Method[];
  /** generative[l] is P_{l+1}(h_l | h_{l+1}) with h_0 = v. */
  generative: GenerativeLayerParams[];
  /** inference[l] is q_{l+1}(h_{l+1} | h_l). */
  inference: InferenceParams[];
  top: TopPriorParams;
}

export function matrix(rows: number, cols: number, data?: Float32Array): Matrix {
  const d = data ?? new Float32Array(rows * cols);
  if (d.length !== rows * cols) throw new Error(`matrix: ${d.length} values for ${rows}x${cols}`);
  return { rows, cols, data: d };
}

const finite = (values: ArrayLike<number>) => {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
};

/** Whether every parameter of one layer (its generative and inference parts) is a finite number. */
export function isFiniteLayer(gen: GenerativeLayerParams, inf: InferenceParams): boolean {
  return (
    finite(gen.weights.data) && finite(gen.bias) && inf.layers.every((l) => finite(l.weights.data) && finite(l.bias))
  );
}

/** Whether every parameter of the model is a finite number (a diverged run or a damaged file has NaN or ±Infinity). */
export function isFiniteModel(model: DeepModelParams): boolean {
  const top = model.top;
  const topFinite =
    top.kind === 'bernoulli'
      ? finite(top.logits)
      : top.kind === 'table'
        ? finite(top.logProbs)
        : finite(top.weights.data) && finite(top.visibleBias) && finite(top.hiddenBias);
  return topFinite && model.generative.every((g, l) => isFiniteLayer(g, model.inference[l]));
}

/** The training rows a stack was trained on, to refuse continuing it on other rows. */
export interface StackData {
  rows: number;
  bits: number;
  /** A hash of the training and validation rows. */
  fingerprint: string;
}

/** One trained layer of a stack: its plain parameters, how it was trained, and its results. */
export interface StackedLayer {
  config: LayerConfig;
  gen: GenerativeLayerParams;
  inf: InferenceParams;
  /**
   * `blm-exact` only: log Q over the 2^k codes at the end of training, so codes for the layer
   * above come from the exact posterior Q(h|x) (METHOD.md §3); null for other methods.
   */
  encoderLogPrior: Float32Array | null;
  result: LayerResult;
}

/** A partial model: the layers trained so far, without a top prior (METHOD.md §3, staged). */
export interface LayerStack {
  visible: GroupSpec[];
  settings: StackSettings;
  /** Null when unknown (layers taken from a model file written before stacks existed). */
  data: StackData | null;
  /** The tfjs backend the layers were trained on. */
  backend: string;
  layers: StackedLayer[];
}
