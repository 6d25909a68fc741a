import type { ClientResult, ClientTask } from '../lib/task.js';

/** The part of a client result a client implementation fills in. */
export type ClientOutput = Omit<ClientResult, 'client' | 'cpuMs' | 'wallMs'>;

/**
 * Entry of a bundled client process: reads the task (JSON, argv[2]), lets `prepare` do the
 * untimed setup, times `run` (process CPU and wall clock) and prints the result as JSON.
 *
 * @example
 * ```ts
 * runClient(async (task) => async () => ({ ok: task.n, failed: 0, digest: '', items: 0, errors: [] }));
 * ```
 */
export function runClient(prepare: (task: ClientTask) => Promise<() => Promise<ClientOutput>>): void {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('usage: node client.mjs <task JSON>');
  const task = JSON.parse(raw) as ClientTask;
  void (async () => {
    const run = await prepare(task);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const output = await run();
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const result: ClientResult = { client: task.client, ...output, cpuMs: (used.user + used.system) / 1000, wallMs };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  })().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

/**
 * Runs `count` jobs with at most `concurrency` at once (the naive pool users write).
 *
 * @example
 * ```ts
 * await pool(100, 8, async (index) => fetchOne(index));
 * ```
 */
export async function pool(count: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      await job(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
