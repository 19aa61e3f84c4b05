/**
 * Joint fine-tuning (METHOD.md §5, a *choice*): reweighted wake-sleep updates of every layer
 * with the inference chain as proposal. For each row, S chains h ~ q(.|v) give importance
 * weights w ∝ P(v, h) / q(h | v); generative layers ascend Σ w grad log P(h_{l-1} | h_l) and
 * inference models ascend Σ w grad log q(h_l | h_{l-1}). The top prior is kept as fitted.
 */
import * as tf from '@tensorflow/tfjs';
import { stopGradient } from '../tensor/ops.js';
import type { EpochProgress, TrainConfig } from '../../../shared/domain/model.js';
import { logQ } from '../methods/ae-criterion.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { groupLayout, logProbRows, sampleBernoulli } from '../tensor/groups.js';
import { toTensor, type LoopControl } from './loop-control.js';
import type { DeepModelParams } from '../model/params.js';
import { priorDensity } from '../model/top-prior.js';
import type { Rng } from '../../base/random.js';
import { runEpochs } from './epoch-loop.js';
import { Disposables } from '../tensor/disposables.js';
import {
  genFromParams,
  genLogits,
  genVarList,
  infFromParams,
  inferLogits,
  infVarList,
  snapshotGen,
  snapshotInf,
} from '../tensor/variables.js';

const SAMPLES = 8;

export async function fineTune(
  model: DeepModelParams,
  data: EncodedData,
  config: TrainConfig,
  control: LoopControl,
  rng: Rng,
  progress: (p: Omit<EpochProgress, 'layer' | 'layers' | 'stage'>) => void,
): Promise<DeepModelParams> {
  const L = model.sizes.length;
  const gens = model.generative.map(genFromParams);
  const infs = model.inference.map(infFromParams);
  const layouts = model.generative.map((g) => groupLayout(g.groups));
  const prior = priorDensity(model.top);
  const owner = new Disposables();
  const variables = owner.ownAll([...gens.flatMap(genVarList), ...infs.flatMap(infVarList)]);
  const optimizer = owner.own(tf.train.adam(config.layers[0].learningRate * 0.3));
  const X = owner.own(toTensor(data.data, data.rows, data.bits));
  try {
    await runEpochs({
      epochs: config.fineTuneEpochs,
      batchSize: config.layers[0].batchSize,
      patience: 0,
      rng,
      control,
      rowsAfter: 0,
      progress,
      variables,
      rowsFor: () => tf.clone(X),
      validate: () => null,
      step(x, seed) {
        const B = x.shape[0];
        // Sample the chains and their top-prior terms outside the gradient.
        const codes: tf.Tensor2D[] = [];
        const tiled = tf.tile(x, [SAMPLES, 1]) as tf.Tensor2D;
        let below = tiled;
        for (let l = 0; l < L; l++) {
          const h = tf.tidy(() => sampleBernoulli(inferLogits(infs[l], below), seed + l) as tf.Tensor2D);
          codes.push(h);
          below = h;
        }
        tiled.dispose();
        const topRows = codes[L - 1].arraySync();
        const topLog = tf.tensor1d(topRows.map((h) => prior.logProb(h)));
        let value: tf.Scalar | null = null;
        optimizer.minimize(
          () => {
            const xS = tf.tile(x, [SAMPLES, 1]) as tf.Tensor2D;
            let logP: tf.Tensor1D = topLog;
            let logQsum: tf.Tensor1D = tf.zeros([SAMPLES * B]);
            for (let l = 0; l < L; l++) {
              const lower = l === 0 ? xS : codes[l - 1];
              logP = tf.add(logP, logProbRows(layouts[l], genLogits(gens[l], codes[l]), lower)) as tf.Tensor1D;
              logQsum = tf.add(logQsum, logQ(inferLogits(infs[l], lower), codes[l])) as tf.Tensor1D;
            }
            const logW = tf.reshape(tf.sub(logP, logQsum), [SAMPLES, B]);
            const w = stopGradient(tf.softmax(tf.transpose(logW))); // [B, S]
            value = tf.keep(stopGradient(tf.sum(tf.sub(tf.logSumExp(logW, 0), Math.log(SAMPLES)))) as tf.Scalar);
            const wT = tf.transpose(w);
            const genTerm = tf.sum(tf.mul(wT, tf.reshape(logP, [SAMPLES, B])));
            const infTerm = tf.sum(tf.mul(wT, tf.reshape(logQsum, [SAMPLES, B])));
            return tf.neg(tf.div(tf.add(genTerm, infTerm), B)) as tf.Scalar;
          },
          false,
          variables,
        );
        codes.forEach((c) => c.dispose());
        topLog.dispose();
        return value ?? tf.scalar(0);
      },
    });
    return {
      ...model,
      generative: gens.map((g, l) => snapshotGen(g, model.generative[l].groups)),
      inference: infs.map((q) => snapshotInf(q)),
    };
  } finally {
    owner.dispose();
  }
}
