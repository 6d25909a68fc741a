import { lastValueFrom, toArray, type Observable } from 'rxjs';

/**
 * Consumes a stream with `for await`. Values are buffered only while the loop body is busy;
 * breaking out of the loop unsubscribes (which aborts in-flight requests).
 *
 * @example
 * ```ts
 * for await (const list of toAsyncIterable(fetchCategoryLists({ countries: ['us'], categories: ['SOCIAL'] }))) {
 *   console.log(list.items.length);
 * }
 * ```
 */
export async function* toAsyncIterable<T>(source$: Observable<T>): AsyncGenerator<T, void, undefined> {
  const queue: T[] = [];
  const state: { done: boolean; failure?: { readonly error: unknown } } = { done: false };
  let wake: (() => void) | undefined;
  const subscription = source$.subscribe({
    next: (value) => {
      queue.push(value);
      wake?.();
    },
    error: (error: unknown) => {
      state.failure = { error };
      wake?.();
    },
    complete: () => {
      state.done = true;
      wake?.();
    },
  });
  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.shift() as T;
        continue;
      }
      if (state.failure !== undefined) throw state.failure.error;
      if (state.done) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    subscription.unsubscribe();
  }
}

/**
 * Waits for a stream to complete and resolves to all its values (rejects with its error), for
 * callers who want an array.
 *
 * @example
 * ```ts
 * const lists = await collect(fetchCategoryLists({ countries: ['us'], categories: ['SOCIAL'] }));
 * ```
 */
export function collect<T>(source$: Observable<T>): Promise<T[]> {
  return lastValueFrom(source$.pipe(toArray()));
}
