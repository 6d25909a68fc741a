import { defer, finalize, type Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { closeRequestContext, openRequestContext, type RequestContext } from '../batch/RequestContext.js';
import { abortWith } from '../batch/abortWith.js';

/**
 * @internal Runs one operation with its own request context: opened at subscription (the
 * caller's client and limiter, or new ones), closed when the stream completes, fails or is
 * unsubscribed (a client made here is closed then), and ended by `options.signal`.
 *
 * @example
 * ```ts
 * withRequestContext(options, (context) => fetchParsed(context, request, spec, parse));
 * ```
 */
export function withRequestContext<T>(options: BatchOptions, run: (context: RequestContext) => Observable<T>): Observable<T> {
  const run$ = defer(() => {
    const context = openRequestContext(options);
    try {
      return run(context).pipe(
        finalize(() => {
          closeRequestContext(context);
        }),
      );
    } catch (error: unknown) {
      closeRequestContext(context);
      throw error;
    }
  });
  return options.signal === undefined ? run$ : run$.pipe(abortWith(options.signal));
}
