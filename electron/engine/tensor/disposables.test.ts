/** The owner of disposables: releases everything once, last first, and nothing after a hand-over. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Disposables } from './disposables.js';

describe('Disposables', () => {
  it('releases owned tensors and deferred clean-ups once, the last taken first', () => {
    const before = tf.memory().numTensors;
    const order: string[] = [];
    const owner = new Disposables();
    const a = owner.own(tf.zeros([2]));
    owner.ownAll([tf.ones([3]), tf.ones([1])]);
    owner.defer(() => order.push('first'));
    owner.own({ dispose: () => order.push('second') });
    owner.own(null);
    expect(a.shape).toEqual([2]);
    expect(tf.memory().numTensors).toBe(before + 3);
    owner.dispose();
    owner.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(order).toEqual(['second', 'first']);
  });

  it('after a hand-over releases nothing: the caller owns the items', () => {
    const owner = new Disposables();
    const t = owner.own(tf.zeros([4]));
    owner.handOver();
    owner.dispose();
    expect(t.isDisposed).toBe(false);
    t.dispose();
  });
});
