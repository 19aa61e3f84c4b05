/**
 * Method `blm-exact` (METHOD.md §2.1, k <= 16): alternates EM steps on the best latent
 * marginal Q with gradient steps on θ along E_x E_{h~Q(h|x)} grad log P(x|h) (prior frozen
 * at the current Q). A rich inference network is fitted to the exact posterior on the way,
 * so the layer can also be used where an inference model is needed (estimates, encoding).
 */
import * as tf from '@tensorflow/tfjs';
import { makeVariable, stopGradient } from '../tensor/ops.js';
import { AppError } from '../../../shared/domain/errors.js';
import { BLM_MAX_UNITS } from '../eval/blm.js';
import { allStates, groupLayout, logProbTable, type GroupLayout } from '../tensor/groups.js';
import { chunks } from '../training/loop-control.js';
import { logQ } from './ae-criterion.js';
import { richWidth } from './autoencoder.js';
import type { LayerMethod, LayerTrainInput } from './layer-method.js';
import { Disposables } from '../tensor/disposables.js';
import { runEpochs } from '../training/epoch-loop.js';
import {
  disposeVars,
  genLogits,
  genVarList,
  inferLogits,
  infVarList,
  initGen,
  initInf,
  snapshotGen,
  snapshotInf,
  type GenVars,
  type InfVars,
} from '../tensor/variables.js';

export interface TrainedBlmLayer {
  gen: GenVars;
  inf: InfVars;
  /** log Q over the 2^k codes at the end of training. */
  logPrior: tf.Tensor1D;
  states: tf.Tensor2D;
  epochs: number;
}

/** Exact posterior Q(h|x) ∝ P(x|h) Q(h) as logits over the 2^k states, [B, K]. */
export function posteriorLogits(
  layout: GroupLayout,
  gen: GenVars,
  states: tf.Tensor2D,
  logPrior: tf.Tensor1D,
  x: tf.Tensor2D,
): tf.Tensor2D {
  return tf.tidy(() => tf.add(logProbTable(layout, genLogits(gen, states), x), logPrior) as tf.Tensor2D);
}

/** Codes drawn from the exact posterior, [B, k]. */
export function samplePosterior(
  layout: GroupLayout,
  layer: Pick<TrainedBlmLayer, 'gen' | 'states' | 'logPrior'>,
  x: tf.Tensor2D,
  seed: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const out: tf.Tensor2D[] = [];
    for (const [a, b] of chunks(x.shape[0], 256)) {
      const logits = posteriorLogits(
        layout,
        layer.gen,
        layer.states,
        layer.logPrior,
        tf.slice(x, [a, 0], [b - a, -1]) as tf.Tensor2D,
      );
      const pick = tf.reshape(tf.multinomial(logits, 1, seed + a), [-1]) as tf.Tensor1D;
      out.push(tf.gather(layer.states, pick) as tf.Tensor2D);
    }
    return out.length === 1 ? out[0] : (tf.concat(out, 0) as tf.Tensor2D);
  });
}

export async function trainBlmExact(input: LayerTrainInput): Promise<TrainedBlmLayer> {
  const { groups, k, config } = input;
  if (k > BLM_MAX_UNITS) throw new AppError('engine.blmTooLarge', { k, max: BLM_MAX_UNITS });
  const layout = groupLayout(groups);
  const seed = input.loop.rng.nextUint32() & 0x7fffffff;
  const gen = initGen(k, layout.bits, seed, input.baseRates);
  const inf = initInf('rich', layout.bits, k, richWidth(config, k), seed + 1);
  const K = 1 << k;
  const genVars = genVarList(gen);
  const infVars = infVarList(inf);
  const onFailure = new Disposables();
  onFailure.ownAll([...genVars, ...infVars]);
  const states = onFailure.own(allStates(k));
  const logPrior = onFailure.own(makeVariable(() => tf.fill([K], -Math.log(K))) as tf.Variable<tf.Rank.R1>);
  const scratch = new Disposables();
  let posteriorSum = tf.zeros([K]) as tf.Tensor1D;
  scratch.defer(() => posteriorSum.dispose());
  let rowsSeen = 0;
  const optimizer = scratch.own(tf.train.adam(config.learningRate));
  const infOptimizer = scratch.own(tf.train.adam(config.learningRate));
  try {
    const result = await runEpochs({
      ...input.loop,
      epochs: config.epochs,
      batchSize: config.batchSize,
      variables: [...genVars, ...infVars],
      rowsFor(epoch) {
        if (rowsSeen > 0) {
          // EM step: Q <- average posterior of the previous epoch.
          tf.tidy(() => logPrior.assign(tf.log(tf.maximum(tf.div(posteriorSum, rowsSeen), 1e-30)) as tf.Tensor1D));
          posteriorSum.dispose();
          posteriorSum = tf.zeros([K]);
          rowsSeen = 0;
        }
        return input.loop.rowsFor(epoch);
      },
      step(x, s) {
        let value: tf.Scalar | null = null;
        let post: tf.Tensor2D | null = null;
        optimizer.minimize(
          () => {
            const table = logProbTable(layout, genLogits(gen, states), x);
            const joint = tf.add(table, logPrior);
            const p = stopGradient(tf.softmax(joint)) as tf.Tensor2D;
            post = tf.keep(p);
            value = tf.keep(stopGradient(tf.sum(tf.logSumExp(joint, 1))) as tf.Scalar);
            return tf.neg(tf.div(tf.sum(tf.mul(p, table)), x.shape[0])) as tf.Scalar;
          },
          false,
          genVars,
        );
        const p = post as unknown as tf.Tensor2D;
        infOptimizer.minimize(
          () => {
            const pick = tf.reshape(
              tf.multinomial(tf.log(tf.maximum(p, 1e-30)) as tf.Tensor2D, 1, s),
              [-1],
            ) as tf.Tensor1D;
            const h = tf.gather(states, pick) as tf.Tensor2D;
            return tf.neg(tf.mean(logQ(inferLogits(inf, x), h))) as tf.Scalar;
          },
          false,
          infVars,
        );
        const next = tf.tidy(() => tf.add(posteriorSum, tf.sum(p, 0)) as tf.Tensor1D);
        posteriorSum.dispose();
        posteriorSum = next;
        rowsSeen += x.shape[0];
        p.dispose();
        return value ?? tf.scalar(0);
      },
      validate() {
        const v = input.valid;
        if (!v) return null;
        let total = 0;
        for (const [a, b] of chunks(v.shape[0], 256)) {
          total += tf.tidy(
            () =>
              tf
                .sum(
                  tf.logSumExp(
                    posteriorLogits(layout, gen, states, logPrior, tf.slice(v, [a, 0], [b - a, -1]) as tf.Tensor2D),
                    1,
                  ),
                )
                .dataSync()[0],
          );
        }
        return total / v.shape[0];
      },
    });
    onFailure.handOver();
    return { gen, inf, logPrior, states, epochs: result.epochs };
  } finally {
    onFailure.dispose();
    scratch.dispose();
  }
}

/** Method `blm-exact` as a layer method: codes for the layer above from the exact posterior. */
export const blmExactMethod: LayerMethod = {
  async train(input) {
    const trained = await trainBlmExact(input);
    const layout = groupLayout(input.groups);
    return {
      gen: snapshotGen(trained.gen, input.groups),
      inf: snapshotInf(trained.inf),
      epochs: trained.epochs,
      encoderLogPrior: Float32Array.from(trained.logPrior.dataSync()),
      encode: (x, seed) => samplePosterior(layout, trained, x, seed),
      dispose: () => {
        disposeVars([...genVarList(trained.gen), ...infVarList(trained.inf)]);
        trained.logPrior.dispose();
        trained.states.dispose();
      },
    };
  },
};
