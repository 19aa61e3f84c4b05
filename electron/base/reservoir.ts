/**
 * Reservoir sampling (Vitter's algorithm R): a uniform sample of at most `capacity` items of a
 * stream of unknown length, in one pass. The first items fill the reservoir; item n after that
 * replaces a uniformly chosen kept one with probability capacity / n. So every item of the
 * stream ends up kept with the same probability, capacity / seen. Seeded: the draws come from
 * the caller's generator, one per item once the reservoir is full.
 *
 * Made for streams of rows that cost something to keep: `offer` only says where an item goes,
 * and the caller builds the item (splits a CSV row, copies it) only when it is kept. No
 * allocation per item offered.
 */
import type { Rng } from './random.js';

export class Reservoir<T> {
  /** The items kept; once the reservoir is full, a kept item is replaced in its slot. */
  readonly items: T[] = [];
  /** Items offered so far. */
  seen = 0;
  private cap: number;

  /** `capacity` may be Infinity: everything is kept until `limit` is called. */
  constructor(
    capacity: number,
    private readonly rng: Rng,
  ) {
    this.cap = capacity;
  }

  get capacity(): number {
    return this.cap;
  }

  /**
   * Counts the next item of the stream and says where it goes: a slot of `items` (put it there
   * with `put`: `items.length` while the reservoir fills, else the slot of the item it replaces),
   * or -1 when it is left out.
   */
  offer(): number {
    const n = ++this.seen;
    const kept = this.items.length;
    if (kept < this.cap) return kept;
    if (this.cap === 0) return -1;
    const j = this.rng.int(n);
    return j < this.cap ? j : -1;
  }

  /** Puts an item in the slot `offer` gave. */
  put(slot: number, item: T): void {
    this.items[slot] = item;
  }

  /** Offers an item that costs nothing to build: kept or not, as `offer` says. */
  add(item: T): boolean {
    const slot = this.offer();
    if (slot < 0) return false;
    this.items[slot] = item;
    return true;
  }

  /**
   * Stops the reservoir growing: its capacity becomes the number of items kept so far (a memory
   * budget was reached while it filled). The items after are sampled into those slots.
   */
  limit(): void {
    this.cap = this.items.length;
  }

  /** Whether the capacity is bounded (set at construction, or by `limit`). */
  get limited(): boolean {
    return this.cap !== Infinity;
  }
}
