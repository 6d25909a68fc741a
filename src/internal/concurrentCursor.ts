/**
 * The engine of `fetchConcurrent` over a cursor: at most `concurrency` slots, each running one
 * inner subscription. A slot is held from the moment its value is pulled from upstream until its
 * inner completed **and** every value it produced was taken downstream, so a slow consumer
 * stops the pulling: fetched-but-untaken results never exceed `concurrency` (for inners that
 * emit one value each).
 */
import { from } from 'rxjs';
import type { ObservableInput, Subscription } from 'rxjs';
import { Fifo } from './Fifo.js';
import { COMPLETE, PENDING, openCursor } from './pull.js';
import type { Cursor, OpenCursor, Pulled } from './pull.js';

/** @internal Settings of {@link concurrentCursor}. */
export interface ConcurrentCursorOptions<T, R> {
  readonly project: (value: T, index: number) => ObservableInput<R>;
  readonly concurrency: number;
  readonly order: 'completion' | 'input';
  /** Called when an inner subscription starts. */
  readonly onStart?: () => void;
  /** Called once when an inner subscription ends (completed, failed or cancelled). */
  readonly onEnd?: () => void;
}

interface Slot<R> {
  readonly values: Fifo<R>;
  subscription: Subscription | undefined;
  /** The inner completed. */
  complete: boolean;
  /** The inner is subscribed and not yet ended. */
  running: boolean;
}

/**
 * @internal Opens cursors that run `project` over `source` with bounded concurrency; see the
 * module comment. A pullable source is pulled only when a slot is free; a push source is
 * buffered by {@link openCursor}.
 *
 * @example
 * ```ts
 * const result$ = new PullStream(concurrentCursor(requests$, { project: fetchOne, concurrency: 8, order: 'completion' }));
 * ```
 */
export function concurrentCursor<T, R>(source: ObservableInput<T>, options: ConcurrentCursorOptions<T, R>): OpenCursor<R> {
  const { project, concurrency, order, onStart, onEnd } = options;
  return (wake): Cursor<R> => {
    let slots: Slot<R>[] = [];
    /** Completion order: one entry per produced value, naming the slot that holds it. */
    const ready = new Fifo<Slot<R>>();
    let failure: { readonly error: unknown } | undefined;
    let index = 0;
    let upstreamDone = false;
    let upstreamWaiting = false;
    let upstreamClosed = false;
    let filling = false;
    let inPull = false;
    let waiting = false;
    let closed = false;

    const hasAnswer = (): boolean =>
      failure !== undefined ||
      (order === 'completion' ? ready.size > 0 : (slots[0]?.values.size ?? 0) > 0) ||
      (upstreamDone && slots.length === 0);

    const notify = (): void => {
      if (waiting && !inPull && !closed && hasAnswer()) {
        waiting = false;
        wake();
      }
    };

    const end = (slot: Slot<R>): void => {
      if (!slot.running) return;
      slot.running = false;
      onEnd?.();
    };

    const closeUpstream = (): void => {
      if (upstreamClosed) return;
      upstreamClosed = true;
      upstream.close();
    };

    const cancelAll = (): void => {
      const running = slots;
      slots = [];
      ready.clear();
      for (const slot of running) {
        slot.subscription?.unsubscribe();
        end(slot);
      }
    };

    const fail = (error: unknown): void => {
      if (failure !== undefined || closed) return;
      failure = { error };
      cancelAll();
      closeUpstream();
      notify();
    };

    /** Frees `slot` once it is complete and drained; in input order only the head may leave with values taken. */
    const release = (slot: Slot<R>): void => {
      if (!slot.complete || slot.values.size > 0) return;
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
    };

    const start = (value: T): void => {
      const slot: Slot<R> = { values: new Fifo<R>(), subscription: undefined, complete: false, running: false };
      slots.push(slot);
      const i = index;
      index += 1;
      let input: ObservableInput<R>;
      try {
        input = project(value, i);
        slot.running = true;
        onStart?.();
        slot.subscription = from(input).subscribe({
          next: (result) => {
            slot.values.push(result);
            if (order === 'completion') ready.push(slot);
            notify();
          },
          error: (error: unknown) => {
            end(slot);
            fail(error);
          },
          complete: () => {
            end(slot);
            slot.complete = true;
            release(slot);
            fill();
            notify();
          },
        });
      } catch (error: unknown) {
        end(slot);
        fail(error);
      }
    };

    const fill = (): void => {
      if (filling) return;
      filling = true;
      try {
        while (!closed && failure === undefined && !upstreamDone && !upstreamWaiting && slots.length < concurrency) {
          const answer = upstream.pull();
          if (answer === PENDING) upstreamWaiting = true;
          else if (answer.kind === 'complete') upstreamDone = true;
          else if (answer.kind === 'error') fail(answer.error);
          else start(answer.value);
        }
      } finally {
        filling = false;
      }
    };

    const take = (): { readonly value: R } | undefined => {
      const slot = order === 'completion' ? ready.shift()?.value : slots[0];
      if (slot === undefined) return undefined;
      const box = slot.values.shift();
      release(slot);
      return box;
    };

    const upstream = openCursor(source, () => {
      upstreamWaiting = false;
      fill();
      notify();
    });

    return {
      pull(): Pulled<R> | typeof PENDING {
        inPull = true;
        try {
          if (failure === undefined) fill();
          if (failure !== undefined) return { kind: 'error', error: failure.error };
          const box = take();
          if (box !== undefined) {
            fill();
            return { kind: 'next', value: box.value };
          }
          if (upstreamDone && slots.length === 0) return COMPLETE;
          waiting = true;
          return PENDING;
        } finally {
          inPull = false;
        }
      },
      close() {
        if (closed) return;
        closed = true;
        cancelAll();
        closeUpstream();
      },
    };
  };
}
