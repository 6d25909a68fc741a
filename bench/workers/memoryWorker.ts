import { from } from 'rxjs';
import { fetchAndParseListBatch, parseList, PlayClient, type ListRequest } from '../../src/index.js';
import { loadFixture } from '../lib/fixtures.js';

/**
 * Scenario 4 in its own process (run with `--expose-gc`). argv[2] = `{ baseUrl, sizes, lists }`:
 * retained bytes per parsed list item (`lists` parsed charts held in memory), then the live-heap
 * peak of a chunked collection of each size in `sizes` (results dropped as they come; heap
 * measured after a GC every `size / 20` results, at least every 10, and at the end). Prints JSON.
 */

interface MemoryArgs {
  readonly baseUrl: string;
  readonly sizes: readonly number[];
  readonly lists: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const collect = gc;

function liveHeap(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

function retainedPerItem(lists: number): { bytesPerItem: number; items: number } {
  const body = loadFixture('list/topselling_free.GAME.num100.en-us.txt');
  const held: unknown[] = [];
  const before = liveHeap();
  let items = 0;
  for (let index = 0; index < lists; index++) {
    // A fresh copy of the body each time, as if it came from the network; the body is then dropped.
    const copy = `${body} `.slice(0, body.length);
    const list = parseList(copy, { url: 'bench' }).value;
    items += list.items.length;
    held.push(list);
  }
  const after = liveHeap();
  if (held.length !== lists) throw new Error('unreachable');
  return { bytesPerItem: (after - before) / items, items };
}

async function peakOfCollection(baseUrl: string, size: number): Promise<{ size: number; peakBytes: number; baseBytes: number; ok: number }> {
  const request: ListRequest = { kind: 'list', collection: 'topselling_free', category: 'GAME', country: 'us', lang: 'en', num: 100 };
  const requests = Array.from({ length: size }, () => request);
  const client = new PlayClient({ baseUrl });
  const baseBytes = liveHeap();
  let peakBytes = baseBytes;
  let ok = 0;
  const every = Math.max(1, Math.min(10, Math.floor(size / 20)));
  await new Promise<void>((resolve, reject) => {
    fetchAndParseListBatch(from(requests), { client, limiter: false, concurrency: 8 }).subscribe({
      next: () => {
        ok += 1;
        if (ok % every === 0) peakBytes = Math.max(peakBytes, liveHeap());
      },
      complete: resolve,
      error: reject,
    });
  });
  await client.close();
  return { size, peakBytes, baseBytes, ok };
}

const args = JSON.parse(process.argv[2] ?? '{}') as MemoryArgs;
void (async () => {
  const retained = retainedPerItem(args.lists);
  const collections = [];
  for (const size of args.sizes) collections.push(await peakOfCollection(args.baseUrl, size));
  process.stdout.write(`${JSON.stringify({ retained, collections })}\n`);
})();
