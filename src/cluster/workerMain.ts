/**
 * Entry script of a worker process: `node workerMain.js '<options JSON>'` (or the JSON in
 * `PLAYFAST_WORKER_OPTIONS`). Runs {@link runWorker} until SIGTERM or SIGINT, then finishes the
 * jobs in flight and exits 0. Prints one JSON line per event on stdout (`{"type":"ready",…}` first,
 * `{"type":"stopped",…}` last). The cluster tests bundle it with esbuild and spawn it; the CLI's
 * `playfast worker` does the same through {@link runWorker}.
 *
 * @example
 * ```ts
 * // node dist/cluster/workerMain.js '{"queue":"redis://127.0.0.1:6379","db":"postgres://127.0.0.1/playfast","rate":10}'
 * ```
 * @module
 */
import { runWorker } from './startWorker.js';
import type { WorkerOptions } from './startWorker.js';

function readOptions(): WorkerOptions {
  const text = process.argv[2] ?? process.env['PLAYFAST_WORKER_OPTIONS'];
  if (text === undefined) throw new TypeError('Expected the worker options as JSON: the first argument or PLAYFAST_WORKER_OPTIONS');
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) throw new TypeError(`Expected the worker options to be a JSON object, got ${text}`);
  return parsed as WorkerOptions;
}

const print = (value: object): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

const stop = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    print({ type: 'stopping', signal });
    stop.abort();
  });
}

try {
  const summary = await runWorker({ ...readOptions(), signal: stop.signal, onEvent: print });
  print({ type: 'stopped', ...summary });
  process.exitCode = 0;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
