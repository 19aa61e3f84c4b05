/**
 * One owner of what must be released together: tensors, variables, optimizers, or a clean-up
 * function. Code that allocates several of them registers each with an owner and releases
 * the owner once, in a `finally` (always) or a `catch` (on failure only, when the caller
 * takes the results), instead of disposing each one by hand on every path.
 */
export interface Disposable {
  dispose(): void;
}

export class Disposables implements Disposable {
  private items: (Disposable | (() => void))[] = [];

  /** Takes `item` (if any) and returns it, so allocation and registration are one expression. */
  own<T extends Disposable | null | undefined>(item: T): T {
    if (item) this.items.push(item);
    return item;
  }

  /** Takes every item of a list and returns the list. */
  ownAll<T extends Disposable>(items: T[]): T[] {
    for (const item of items) this.items.push(item);
    return items;
  }

  /** Runs `release` when the owner is disposed (for a value that is replaced as it goes). */
  defer(release: () => void): void {
    this.items.push(release);
  }

  /** Gives everything up without releasing it: from now on the caller owns it. */
  handOver(): void {
    this.items = [];
  }

  /** Releases everything, the last taken first; a second call does nothing. */
  dispose(): void {
    const items = this.items;
    this.items = [];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (typeof item === 'function') item();
      else item.dispose();
    }
  }
}
