/**
 * Polls `probe` every few milliseconds until it returns `true`; rejects after `timeoutMs` with
 * `what` in the message. For waiting on a server counter without guessing a delay.
 *
 * @example
 * ```ts
 * await waitFor(() => server.stats().inFlight === 4, 'four requests in flight');
 * ```
 */
export async function waitFor(probe: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

/**
 * Resolves after `ms` milliseconds.
 *
 * @example
 * ```ts
 * await sleep(300);
 * ```
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
