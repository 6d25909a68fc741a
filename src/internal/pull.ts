/**
 * The pull protocol behind demand-driven streams (docs/ARCHITECTURE.md, "Demand-driven
 * concurrency").
 *
 * A pullable stream is an ordinary cold Observable that also carries an `open` function under
 * {@link pullSymbol}. `open(wake)` returns a {@link Cursor}: each `pull()` asks for exactly one
 * value. The cursor answers at once, or returns {@link PENDING} and later calls `wake()` once;
 * the caller then pulls again. Nothing is produced that was not asked for, so a chain of
 * pull-aware operators (chunk → rateLimit → fetchConcurrent → …) only materialises the values
 * that a free slot downstream asked for.
 *
 * Subscribing to a pullable stream drives its cursor: pull, hand the value over synchronously
 * with `subscriber.next`, pull again. The next value is asked for only after `next` returned,
 * and never after the subscriber closed.
 */
import { Observable } from 'rxjs';
import type { ObservableInput, Subscriber, Subscription } from 'rxjs';
import { from } from 'rxjs';
import { Fifo } from './Fifo.js';

/** Brand under which a pullable stream carries its cursor factory (shared across module copies). */
export const pullSymbol: unique symbol = Symbol.for('playfast.pull') as never;

/** Answer of {@link Cursor.pull} when nothing is ready yet: wait for `wake()`, then pull again. */
export const PENDING: unique symbol = Symbol('playfast.pull.pending') as never;

/** One answer of a cursor: a value, the end of the stream, or its failure. */
export type Pulled<T> =
  | { readonly kind: 'next'; readonly value: T }
  | { readonly kind: 'complete' }
  | { readonly kind: 'error'; readonly error: unknown };

/** A subscription-like reader over a pullable stream; see the module comment for the contract. */
export interface Cursor<T> {
  /**
   * Asks for one value. Returns the answer when it is ready now, else {@link PENDING}: the cursor
   * then calls its `wake` callback once (never from inside `pull`) and the caller pulls again.
   * Must not be called again before that `wake`, nor after a `complete` or `error` answer.
   */
  pull(): Pulled<T> | typeof PENDING;
  /** Cancels: releases inner subscriptions, timers and upstream cursors. Idempotent. */
  close(): void;
}

/** Opens an independent cursor (each call is a fresh, cold run of the stream). */
export type OpenCursor<T> = (wake: () => void) => Cursor<T>;

/** Something that carries {@link pullSymbol}. */
export interface Pullable<T> {
  readonly [pullSymbol]: OpenCursor<T>;
}

/** A shared `complete` answer. */
export const COMPLETE: Pulled<never> = { kind: 'complete' };

/**
 * @internal Tells whether `source` carries the pull protocol.
 *
 * @example
 * ```ts
 * if (isPullableSource(source)) source[pullSymbol](wake);
 * ```
 */
export function isPullableSource<T>(source: unknown): source is Observable<T> & Pullable<T> {
  return (
    typeof source === 'object' &&
    source !== null &&
    typeof (source as Partial<Record<typeof pullSymbol, unknown>>)[pullSymbol] === 'function'
  );
}

/**
 * A cold Observable that is also pullable: subscribing drives a fresh cursor, and pull-aware
 * operators open cursors directly to produce values on demand only.
 *
 * @example
 * ```ts
 * const numbers$ = new PullStream<number>(() => { let i = 0; return { pull: () => (i < 3 ? { kind: 'next', value: i++ } : COMPLETE), close: () => {} }; });
 * numbers$.subscribe(console.log); // 0 1 2
 * ```
 */
export class PullStream<T> extends Observable<T> implements Pullable<T> {
  readonly [pullSymbol]: OpenCursor<T>;

  constructor(open: OpenCursor<T>) {
    super((subscriber) => drive(open, subscriber));
    this[pullSymbol] = open;
  }
}

/**
 * @internal A plain (not pullable) Observable that drives a fresh cursor per subscription; for
 * results whose source was a push Observable, so that `isPullable` stays honest.
 *
 * @example
 * ```ts
 * const result$ = pushFrom(open); // subscribes like any Observable
 * ```
 */
export function pushFrom<T>(open: OpenCursor<T>): Observable<T> {
  return new Observable<T>((subscriber) => drive(open, subscriber));
}

/**
 * @internal A cursor that maps each upstream value with `project`; a throw becomes an `error`
 * answer.
 *
 * @example
 * ```ts
 * const open = mapCursor(source[pullSymbol], (html: string) => parse(html));
 * ```
 */
export function mapCursor<T, R>(open: OpenCursor<T>, project: (value: T) => R): OpenCursor<R> {
  return (wake) => {
    const upstream = open(wake);
    return {
      pull() {
        const answer = upstream.pull();
        if (answer === PENDING || answer.kind !== 'next') return answer;
        try {
          return { kind: 'next', value: project(answer.value) };
        } catch (error: unknown) {
          return { kind: 'error', error };
        }
      },
      close() {
        upstream.close();
      },
    };
  };
}

/** Pulls from a fresh cursor and hands every value to `subscriber`, as fast as it asks. */
function drive<T>(open: OpenCursor<T>, subscriber: Subscriber<T>): () => void {
  let running = false;
  let woken = false;
  let cursor: Cursor<T> | undefined;
  /** Read through a function: `woken` is set by a re-entrant call TS's narrowing cannot see. */
  const wasWoken = (): boolean => woken;
  const run = (): void => {
    if (running) {
      woken = true;
      return;
    }
    running = true;
    try {
      while (cursor !== undefined && !subscriber.closed) {
        woken = false;
        const answer = cursor.pull();
        if (answer === PENDING) {
          if (wasWoken()) continue;
          return;
        }
        if (answer.kind === 'next') subscriber.next(answer.value);
        else if (answer.kind === 'complete') subscriber.complete();
        else subscriber.error(answer.error);
      }
    } catch (error: unknown) {
      subscriber.error(error);
    } finally {
      running = false;
    }
  };
  try {
    cursor = open(run);
  } catch (error: unknown) {
    subscriber.error(error);
    return () => undefined;
  }
  const opened = cursor;
  run();
  return () => {
    opened.close();
  };
}

/**
 * @internal A cursor over any source. A pullable source is pulled on demand; a plain Observable
 * is subscribed at the first pull and **buffers** what it pushes until it is pulled (the same
 * buffering as `mergeMap` over a fast source: the documented fallback).
 *
 * @example
 * ```ts
 * const cursor = openCursor(of(1, 2), () => {}); cursor.pull(); // { kind: 'next', value: 1 }
 * ```
 */
export function openCursor<T>(source: ObservableInput<T>, wake: () => void): Cursor<T> {
  if (isPullableSource<T>(source)) return source[pullSymbol](wake);
  return bufferedCursor(source, wake);
}

function bufferedCursor<T>(source: ObservableInput<T>, wake: () => void): Cursor<T> {
  const queue = new Fifo<T>();
  let end: Pulled<never> | undefined;
  let subscription: Subscription | undefined;
  let waiting = false;
  let inPull = false;
  let closed = false;
  const notify = (): void => {
    if (waiting && !inPull && !closed) {
      waiting = false;
      wake();
    }
  };
  return {
    pull() {
      inPull = true;
      try {
        subscription ??= from(source).subscribe({
          next: (value) => {
            queue.push(value);
            notify();
          },
          error: (error: unknown) => {
            end = { kind: 'error', error };
            notify();
          },
          complete: () => {
            end = COMPLETE;
            notify();
          },
        });
        const box = queue.shift();
        if (box !== undefined) return { kind: 'next', value: box.value };
        if (end !== undefined) return end;
        waiting = true;
        return PENDING;
      } finally {
        inPull = false;
      }
    },
    close() {
      closed = true;
      subscription?.unsubscribe();
      queue.clear();
    },
  };
}

/**
 * @internal Like `defer` + `finalize` around a per-run resource (an HTTP client, a limiter), but
 * keeps the result pullable when `pullable` is true: each cursor (each run) acquires the resource
 * when opened and releases it when it ends, fails or is closed.
 *
 * @example
 * ```ts
 * const results$ = usingResource(() => new PlayClient(), (client) => fetchAll(client), (client) => void client.close(), true);
 * ```
 */
export function usingResource<R, T>(
  acquire: () => R,
  build: (resource: R) => Observable<T>,
  release: (resource: R) => void,
  pullable: boolean,
): Observable<T> {
  const open: OpenCursor<T> = (wake) => {
    const resource = acquire();
    let released = false;
    const releaseOnce = (): void => {
      if (released) return;
      released = true;
      release(resource);
    };
    let inner: Cursor<T>;
    try {
      inner = openCursor(build(resource), wake);
    } catch (error: unknown) {
      releaseOnce();
      throw error;
    }
    return {
      pull() {
        const answer = inner.pull();
        if (answer !== PENDING && answer.kind !== 'next') releaseOnce();
        return answer;
      },
      close() {
        inner.close();
        releaseOnce();
      },
    };
  };
  return pullable ? new PullStream(open) : pushFrom(open);
}
