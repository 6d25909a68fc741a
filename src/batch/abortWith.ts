import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/**
 * Ends the stream with the signal's reason when `signal` aborts (unsubscribing from the source,
 * which aborts in-flight requests).
 *
 * @example
 * ```ts
 * results$.pipe(abortWith(AbortSignal.timeout(60_000)));
 * ```
 */
export function abortWith<T>(signal: AbortSignal): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      if (signal.aborted) {
        subscriber.error(signal.reason);
        return undefined;
      }
      const onAbort = (): void => {
        subscriber.error(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const subscription = source.subscribe(subscriber);
      return () => {
        signal.removeEventListener('abort', onAbort);
        subscription.unsubscribe();
      };
    });
}
