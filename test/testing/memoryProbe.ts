/**
 * Run by memory.test.ts in a child process started with `--expose-gc`: starts a replay server
 * in-process, sends 10,000 distinct requests, and prints heapUsed after the first 100 and after all
 * 10,000 (each after a full GC) as one JSON line.
 */
import { Agent } from 'undici';
import { BATCH_EXECUTE_PATH } from '../../src/protocol/batchexecute.js';
import { createReplayServer } from '../../src/testing/createReplayServer.js';
import { batchBody, listInner } from './replayClient.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const server = createReplayServer({ seed: 2, faults: { probability: 0.05, kinds: ['status500'], maxPerRequest: 1 } });
const base = await server.start();
const agent = new Agent({ connections: 4 });

function body(index: number): string {
  switch (index % 3) {
    case 0:
      return batchBody('vyAe2', listInner(1, 'topselling_free', `CATEGORY_${index}`));
    case 1:
      return batchBody('IJ4APc', [[null, [`term ${index}`], [10], [2], 4]], undefined);
    default:
      return batchBody('xdSrCf', [[null, [`com.example.app${index}`, 7], []]], '1');
  }
}

async function send(from: number, to: number): Promise<void> {
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < to) {
      const index = next++;
      const response = await agent.request({ origin: base, path: `${BATCH_EXECUTE_PATH}?rt=c&hl=en&gl=us`, method: 'POST', body: body(index), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      await response.body.text();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

function heapAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

await send(0, 100);
const after100 = heapAfterGc();
await send(100, 10_000);
const after10000 = heapAfterGc();
const stats = server.stats();
await agent.close();
await server.close();
process.stdout.write(`${JSON.stringify({ after100, after10000, requests: stats.requests, distinct: stats.distinctRequests })}\n`);
