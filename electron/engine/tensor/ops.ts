/** Small tensor helpers tfjs does not have. */
import * as tf from '@tensorflow/tfjs';

const stop = tf.customGrad((...inputs) => {
  const x = inputs[0] as tf.Tensor;
  return {
    value: tf.clone(x),
    gradFunc: (dy: tf.Tensor | tf.Tensor[]) => tf.zerosLike(Array.isArray(dy) ? dy[0] : dy),
  };
});

/** The value of `x`, with no gradient flowing back through it. */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  return stop(x) as T;
}

/**
 * A variable from an initial value built in a tidy scope, so the initial tensor is released
 * (tf.variable keeps its own reference; the argument would otherwise leak).
 */
export function makeVariable<R extends tf.Rank>(init: () => tf.Tensor<R>): tf.Variable<R> {
  return tf.tidy(() => tf.variable(init())) as tf.Variable<R>;
}

/**
 * Matrix product whose gradient uses explicit transposes. On the WebAssembly backend a
 * product with a transposed operand (which tfjs' own matMul gradient uses) is about 8x
 * slower than transposing first and multiplying (measured: 7.5 ms vs 0.9 ms for
 * [64,1024]x[1024,100]).
 */
const mmGrad = tf.customGrad((...args) => {
  const [a, b, save] = args as unknown as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const g = (Array.isArray(dy) ? dy[0] : dy) as tf.Tensor2D;
      const [sa, sb] = saved as tf.Tensor2D[];
      return [tf.matMul(g, tf.transpose(sb)), tf.matMul(tf.transpose(sa), g)];
    },
  };
});

export function mm(a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return mmGrad(a, b) as tf.Tensor2D;
}

/** a · bᵀ without the slow transposed-operand kernel. */
export function mmT(a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return mm(a, tf.transpose(b));
}

/** aᵀ · b without the slow transposed-operand kernel. */
export function mTm(a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return mm(tf.transpose(a), b);
}

const softplusGrad = tf.customGrad((...args) => {
  const [l, save] = args as unknown as [tf.Tensor, tf.GradSaveFunc];
  save([l]);
  return {
    value: tf.tidy(() => tf.sub(tf.relu(l), tf.log(tf.sigmoid(tf.abs(l))))),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
      tf.mul(Array.isArray(dy) ? dy[0] : dy, tf.sigmoid(saved[0])),
  };
});

/**
 * softplus(l) = log(1 + e^l), computed as relu(l) - log σ(|l|) (σ(|l|) ≥ 1/2: nothing under-
 * or overflows). On the WebAssembly backend this is about three times faster than tf.softplus
 * (measured: 0.85 ms vs 2.5 ms over [1024, 100]), and its gradient is the exact σ(l).
 */
export function softplus<T extends tf.Tensor>(l: T): T {
  return softplusGrad(l) as T;
}

/**
 * Column sums of a matrix [rows, cols] → [cols], as the product 1ᵀx: the WebAssembly backend
 * reduces over the first axis by transposing first, about 20x slower (measured: 0.54 ms vs
 * 0.025 ms over [1024, 100]). No gradient is recorded for it (used in closed-form gradients).
 */
export function colSum(x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.reshape(tf.matMul(tf.ones([1, x.shape[0]]), x), [x.shape[1]]) as tf.Tensor1D);
}
