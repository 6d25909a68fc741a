import { Observable, type Subscription } from 'rxjs';

/**
 * @internal Fetches pages one after another: page 1 with `fetchPage(undefined, 1)`, then page
 * `n + 1` with the token `next(result)` returned for page `n`, until `next` returns `undefined`.
 * A page is asked for only after the previous one was handed downstream, so a consumer that
 * unsubscribes (or a `next` that says stop) never causes an extra request. Errors are passed on;
 * unsubscribing aborts the page in flight.
 *
 * @example
 * ```ts
 * walkPages((token, page) => fetchPage(token), (result) => result.nextToken);
 * ```
 */
export function walkPages<R>(
  fetchPage: (token: string | undefined, page: number) => Observable<R>,
  next: (result: R) => string | undefined,
  firstToken?: string,
): Observable<R> {
  return new Observable<R>((subscriber) => {
    let current: Subscription | undefined;
    const fetch = (token: string | undefined, page: number): void => {
      let following: string | undefined;
      let page$: Observable<R>;
      try {
        page$ = fetchPage(token, page);
      } catch (error: unknown) {
        subscriber.error(error);
        return;
      }
      current = page$.subscribe({
        next: (result) => {
          following = next(result);
          subscriber.next(result);
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          if (subscriber.closed) return;
          if (following === undefined) subscriber.complete();
          else fetch(following, page + 1);
        },
      });
    };
    fetch(firstToken, 1);
    return () => {
      current?.unsubscribe();
    };
  });
}
