/** Small tensor helpers tfjs does not have. */
import * as tf from '@tensorflow/tfjs';

const stop = tf.customGrad((...inputs) => {
  const x = inputs[0] as tf.Tensor;
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor | tf.Tensor[]) => tf.zerosLike(Array.isArray(dy) ? dy[0] : dy) };
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
