/**
 * Where a category's levels sit in its group of bits. Up to `MAX_LEVEL_SLOTS` modelled levels
 * (and in every spec before version 3) each level has its own softmax slot. Beyond that (spec
 * version 3) the compact level code, like a number's quantile code: levels ordered by
 * frequency, in groups of 2^`fineBits` consecutive levels — one softmax slot per group, at most
 * `MAX_LEVEL_GROUPS` of them, and `fineBits` Bernoulli bits for the level inside its group (most
 * significant first). A pattern beyond the last group's size folds back onto it (pattern mod
 * its size), so every pattern is a level. "Other" and "missing" keep a slot after the groups.
 */
import type { ColumnEncoding } from './spec.js';

export type LevelsEncoding = Extract<ColumnEncoding, { kind: 'levels' }>;

/** At most this many modelled levels get one slot each; more get the compact level code. */
export const MAX_LEVEL_SLOTS = 64;
/** The compact level code has at most this many groups (the fewest fine bits that keep to it). */
export const MAX_LEVEL_GROUPS = 32;

export interface LevelLayout {
  /** Bits for the level inside its group (0: one slot per level). */
  fineBits: number;
  /** Groups of 2^fineBits levels (the last one may be shorter); one slot each. */
  groups: number;
  /** Slot of "other", of "missing" (−1: none). */
  other: number;
  missing: number;
  /** Softmax slots: groups, "other", "missing". */
  slots: number;
}

export function levelLayout(c: LevelsEncoding): LevelLayout {
  const fineBits = c.fineBits ?? 0;
  const groups = Math.ceil(c.levels.length / 2 ** fineBits);
  let slots = groups;
  const other = c.other ? slots++ : -1;
  const missing = c.missing ? slots++ : -1;
  return { fineBits, groups, other, missing, slots };
}

/**
 * Fine bits of the level code of `n` modelled levels: none (one slot each) up to
 * `MAX_LEVEL_SLOTS`, else the fewest that keep the groups within `MAX_LEVEL_GROUPS`.
 */
export function levelFineBits(n: number): number {
  if (n <= MAX_LEVEL_SLOTS) return 0;
  let fineBits = 1;
  while (Math.ceil(n / 2 ** fineBits) > MAX_LEVEL_GROUPS) fineBits++;
  return fineBits;
}

/** The slot and the fine pattern of level `index`. */
export function levelCode(layout: LevelLayout, index: number): { slot: number; low: number } {
  return { slot: index >> layout.fineBits, low: index & (2 ** layout.fineBits - 1) };
}

/** The level of a slot and fine pattern (folded back in a short last group); −1 for "other" or "missing". */
export function levelAt(layout: LevelLayout, levels: number, slot: number, low: number): number {
  if (slot >= layout.groups) return -1;
  const first = slot * 2 ** layout.fineBits;
  return first + (low % Math.min(2 ** layout.fineBits, levels - first));
}
