/**
 * Child process of cancellation.test.ts: runs a batch against the replay server at `--url`,
 * unsubscribes after `--after` ms, closes what it opened, prints one JSON line, and then
 * simply returns: the process must end by itself (no `process.exit`), so no timer, socket or
 * pool may be left behind.
 *
 * `--mode=owned`: the batch makes (and closes) its own client from `baseUrl`;
 * `--mode=client`: the caller's `PlayClient`, closed after unsubscribing;
 * `--mode=signal`: the caller's client, cancelled through `options.signal` (AbortController).
 */
import { BatchRequestBuilder } from '../../../src/builder/BatchRequestBuilder.js';
import { fetchAndParseListBatch } from '../../../src/batch/fetchAndParseListBatch.js';
import { PlayClient } from '../../../src/client/PlayClient.js';

function argument(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const found = process.argv.find((value) => value.startsWith(prefix));
  return found === undefined ? fallback : found.slice(prefix.length);
}

const url = argument('url', '');
const mode = argument('mode', 'owned');
const after = Number(argument('after', '500'));
const retryDelay = Number(argument('retry-delay', '30000'));
const requests$ = new BatchRequestBuilder().buildListRequests({ countries: ['us', 'kr', 'jp', 'de', 'gb', 'fr'], categories: ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY'], num: 10 });
const client = mode === 'owned' ? undefined : new PlayClient({ baseUrl: url, connections: 4 });
const controller = new AbortController();
let values = 0;
let errors = 0;
const subscription = fetchAndParseListBatch(requests$, {
  ...(client === undefined ? { baseUrl: url } : { client }),
  concurrency: 4,
  limiter: false,
  retry: { maxRetries: 5, baseDelay: retryDelay, maxDelay: retryDelay, jitter: 0 },
  ...(mode === 'signal' ? { signal: controller.signal } : {}),
}).subscribe({
  next: () => {
    values++;
  },
  error: () => {
    errors++;
  },
});
setTimeout(() => {
  if (mode === 'signal') controller.abort();
  else subscription.unsubscribe();
  const stats = client?.stats;
  void (client?.close() ?? Promise.resolve()).then(() => {
    process.stdout.write(`${JSON.stringify({ cancelledAt: Date.now(), values, errors, pulled: requests$.pulled, clientAborted: stats?.aborted ?? null })}\n`);
  });
}, after);
