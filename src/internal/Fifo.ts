/**
 * @internal A first-in first-out queue with O(1) `shift`, for operator buffers. Values are boxed
 * so that `undefined` is a valid value and no cast is needed when reading.
 *
 * @example
 * ```ts
 * const queue = new Fifo<number>(); queue.push(1); queue.shift(); // { value: 1 }
 * ```
 */
export class Fifo<T> {
  #items: ({ readonly value: T } | undefined)[] = [];
  #head = 0;

  /** Number of queued values. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Appends `value`. */
  push(value: T): void {
    this.#items.push({ value });
  }

  /** Returns the oldest value, boxed, without removing it, or `undefined` when empty. */
  peek(): { readonly value: T } | undefined {
    return this.#items[this.#head];
  }

  /** Removes and returns the oldest value, boxed, or `undefined` when empty. */
  shift(): { readonly value: T } | undefined {
    const box = this.#items[this.#head];
    if (box === undefined) return undefined;
    this.#items[this.#head] = undefined;
    this.#head += 1;
    if (this.#head === this.#items.length) this.clear();
    else if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items.splice(0, this.#head);
      this.#head = 0;
    }
    return box;
  }

  /** Drops every value. */
  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}
