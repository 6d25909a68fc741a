/**
 * Polls `probe` every few milliseconds until it returns `true`; rejects after `timeoutMs`, naming
 * `what`. For waiting on a counter without guessing a delay.
 *
 * @example
 * ```ts
 * await waitUntil(() => server.stats().inFlight === 4, 'four requests in flight');
 * ```
 */
export async function waitUntil(probe: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
