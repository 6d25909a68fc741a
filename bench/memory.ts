/**
 * Memory benchmark of the demand-driven pipeline (not run in CI at full scale).
 *
 * 1. Streaming proof: N review requests built by `BatchRequestBuilder` over a lazy generator of N
 *    app ids, fetched with bounded concurrency from a replay server in a child process (so the
 *    server's own counters are not on this heap), parsed, chunked and consumed by a pull-aware
 *    writer. Reports the heap growth (heapUsed after a full GC, sampled during the run, against a
 *    baseline taken after warm-up) and two counters: requests materialised but not yet started
 *    (`RequestStream.pulled − started`) and requests materialised but not yet consumed.
 * 2. Bytes per materialised request: 10,000 list requests kept in an array, against a bare
 *    5-field object, with runtime-made strings, string interning on and off.
 *
 * Run (Node 20, from the repository root):
 *   node --expose-gc --import ./src/testing/registerSourceHooks.js bench/memory.ts
 *   node --expose-gc --import ./src/testing/registerSourceHooks.js bench/memory.ts --requests=20000 --json --no-bytes
 * test/integration/memory.test.ts runs the second line (reduced scale) and checks the figures.
 */
import { pathToFileURL } from 'node:url';
import { lastValueFrom, map, type Observable } from 'rxjs';
import { BatchRequestBuilder, CATEGORIES, COUNTRIES, PlayClient, parseReviews, requestSpec } from '../src/index.js';
import type { ListRequest, ReviewsPage, ReviewsRequest } from '../src/index.js';
import { chunk, fetchConcurrent } from '../operators/index.js';
import { startReplayServerProcess } from '../src/testing/index.js';

/** Options of {@link measureStreaming}. */
export interface StreamingOptions {
  /** Requests to stream. */
  readonly requests: number;
  /** Requests in flight. @default 8 */
  readonly concurrency?: number;
  /** Results per consumer chunk. @default 100 */
  readonly chunkSize?: number;
  /** Replay server URL. */
  readonly baseUrl: string;
}

/** What {@link measureStreaming} reports; heap figures in bytes. */
export interface StreamingReport {
  readonly requests: number;
  readonly concurrency: number;
  readonly chunkSize: number;
  /** Requests the builder materialised (`RequestStream.pulled`). */
  readonly pulled: number;
  /** Requests whose result the consumer finished. */
  readonly consumed: number;
  /** Reviews parsed in all. */
  readonly reviews: number;
  /** Largest `pulled − started` seen, sampled whenever a request starts or a chunk is written. */
  readonly maxNotStarted: number;
  /** Largest `pulled − consumed` seen at the same moments. */
  readonly maxNotConsumed: number;
  /** heapUsed after a full GC once warm (after the first `warmup` results). */
  readonly baselineHeap: number;
  /** Largest heapUsed (after a full GC) of the samples taken during the run. */
  readonly maxHeap: number;
  /** `maxHeap − baselineHeap`. */
  readonly growth: number;
  readonly samples: number;
  readonly seconds: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapAfterGc(): number {
  if (gc === undefined) throw new Error('run node with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Streams `requests` built review requests through fetch → parse → chunk → pull-aware writer and
 * measures the heap and the demand counters.
 *
 * @example
 * ```ts
 * const report = await measureStreaming({ requests: 20_000, baseUrl });
 * console.log(report.growth < 5 * 1024 * 1024);
 * ```
 */
export async function measureStreaming(options: StreamingOptions): Promise<StreamingReport> {
  const { requests, baseUrl } = options;
  const concurrency = options.concurrency ?? 8;
  const chunkSize = options.chunkSize ?? 100;
  const warmup = Math.min(5000, Math.max(chunkSize * 5, Math.floor(requests / 20)));
  const sampleEvery = Math.max(chunkSize, Math.floor(requests / 20));
  const appIds: Iterable<string> = {
    *[Symbol.iterator]() {
      for (let index = 0; index < requests; index++) yield `com.example.app${index}`;
    },
  };
  const requests$ = new BatchRequestBuilder().buildReviewRequests({ appIds, countries: ['us'], num: 1 });
  const client = new PlayClient({ baseUrl, connections: concurrency });
  const counts = { started: 0, consumed: 0, reviews: 0, maxNotStarted: 0, maxNotConsumed: 0, nextSample: warmup, samples: 0 };
  let baselineHeap = 0;
  let maxHeap = 0;
  const sample = (): void => {
    counts.maxNotStarted = Math.max(counts.maxNotStarted, requests$.pulled - counts.started);
    counts.maxNotConsumed = Math.max(counts.maxNotConsumed, requests$.pulled - counts.consumed);
  };
  const fetchOne = (request: ReviewsRequest): Observable<ReviewsPage> => {
    sample();
    counts.started += 1;
    return client.fetchText(requestSpec(request)).pipe(map((body) => parseReviews(body, { rpcId: 'oCPfdb', appId: request.appId }).value));
  };
  const write = async (pages: ReviewsPage[]): Promise<number> => {
    await Promise.resolve();
    sample();
    counts.consumed += pages.length;
    for (const page of pages) counts.reviews += page.reviews.length;
    if (counts.consumed >= counts.nextSample) {
      counts.nextSample += sampleEvery;
      const heap = heapAfterGc();
      if (baselineHeap === 0) baselineHeap = heap;
      else {
        maxHeap = Math.max(maxHeap, heap);
        counts.samples += 1;
      }
    }
    return pages.length;
  };
  const started = performance.now();
  await lastValueFrom(requests$.pipe(fetchConcurrent(fetchOne, { concurrency }), chunk(chunkSize), fetchConcurrent(write, { concurrency: 1 })), { defaultValue: 0 });
  maxHeap = Math.max(maxHeap, heapAfterGc());
  counts.samples += 1;
  const seconds = (performance.now() - started) / 1000;
  await client.close();
  return {
    requests,
    concurrency,
    chunkSize,
    pulled: requests$.pulled,
    consumed: counts.consumed,
    reviews: counts.reviews,
    maxNotStarted: counts.maxNotStarted,
    maxNotConsumed: counts.maxNotConsumed,
    baselineHeap,
    maxHeap,
    growth: maxHeap - baselineHeap,
    samples: counts.samples,
    seconds,
  };
}

/** Bytes per kept request of each way of making 10,000 list requests. */
export interface BytesReport {
  readonly count: number;
  readonly bareSharedStrings: number;
  readonly bareRuntimeStrings: number;
  readonly builderOnePlanInternOn: number;
  readonly builderOnePlanInternOff: number;
  readonly builderPerRequestInternOn: number;
  readonly builderPerRequestInternOff: number;
}

/** A copy of `value` made at run time (a new string instance, as from a config file). */
function runtime(value: string): string {
  return value.split('').join('');
}

function bytesPerItem(count: number, make: () => readonly unknown[]): number {
  const before = heapAfterGc();
  const kept = make();
  const after = heapAfterGc();
  if (kept.length !== count) throw new Error(`made ${kept.length} items, expected ${count}`);
  return (after - before) / count;
}

/**
 * Measures the heap cost of one kept request: bare objects vs builder requests, interning on and
 * off, from runtime-made strings. Each figure includes the array slot (8 bytes).
 *
 * @example
 * ```ts
 * const bytes = measureBytesPerRequest(); console.log(bytes.builderPerRequestInternOn);
 * ```
 */
export function measureBytesPerRequest(count = 10_000): BytesReport {
  const countries = COUNTRIES.slice(0, 200).map((country) => country.code);
  const categories = [...CATEGORIES].slice(0, Math.ceil(count / 200));
  const pick = (index: number): { readonly country: string; readonly category: string } => ({
    country: countries[index % countries.length] ?? 'us',
    category: categories[Math.floor(index / countries.length) % categories.length] ?? 'SOCIAL',
  });
  const bareShared = (): unknown[] =>
    Array.from({ length: count }, (_, index) => {
      const { country, category } = pick(index);
      return { collection: 'topselling_free', category, country, lang: 'en', num: 100 };
    });
  const bareRuntime = (): unknown[] =>
    Array.from({ length: count }, (_, index) => {
      const { country, category } = pick(index);
      return { collection: runtime('topselling_free'), category: runtime(category), country: runtime(country), lang: runtime('en'), num: 100 };
    });
  const onePlan = (internStrings: boolean) => (): ListRequest[] =>
    [...new BatchRequestBuilder({ internStrings }).buildListRequests({ countries: countries.map(runtime), categories: categories.map(runtime) })].slice(0, count);
  const perRequest = (internStrings: boolean) => (): ListRequest[] => {
    const builder = new BatchRequestBuilder({ internStrings });
    return Array.from({ length: count }, (_, index) => {
      const { country, category } = pick(index);
      const [request] = builder.buildListRequests({ countries: [runtime(country)], categories: [runtime(category)], collection: runtime('topselling_free'), lang: runtime('en') });
      if (request === undefined) throw new Error('no request built');
      return request;
    });
  };
  return {
    count,
    bareSharedStrings: bytesPerItem(count, bareShared),
    bareRuntimeStrings: bytesPerItem(count, bareRuntime),
    builderOnePlanInternOn: bytesPerItem(count, onePlan(true)),
    builderOnePlanInternOff: bytesPerItem(count, onePlan(false)),
    builderPerRequestInternOn: bytesPerItem(count, perRequest(true)),
    builderPerRequestInternOff: bytesPerItem(count, perRequest(false)),
  };
}

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((argument) => argument.startsWith(prefix))?.slice(prefix.length);
}

/**
 * Runs the benchmark with the command-line flags `--requests=N`, `--concurrency=N`, `--chunk=N`,
 * `--json` (one JSON line on stdout) and `--no-bytes` (skip the bytes-per-request part).
 *
 * @example
 * ```ts
 * await main(); // prints the figures
 * ```
 */
export async function main(): Promise<void> {
  const requests = Number(flag('requests') ?? 1_000_000);
  const concurrency = Number(flag('concurrency') ?? 8);
  const chunkSize = Number(flag('chunk') ?? 100);
  const json = process.argv.includes('--json');
  const bytes = process.argv.includes('--no-bytes') ? undefined : measureBytesPerRequest();
  const server = await startReplayServerProcess();
  try {
    const streaming = await measureStreaming({ requests, concurrency, chunkSize, baseUrl: server.url });
    const serverRequests = (await server.stats()).requests;
    if (json) {
      process.stdout.write(`${JSON.stringify({ streaming, serverRequests, bytes })}\n`);
      return;
    }
    const mb = (value: number): string => `${(value / 1024 / 1024).toFixed(2)} MB`;
    console.log(`streamed ${streaming.consumed.toLocaleString('en')} requests (${streaming.reviews.toLocaleString('en')} reviews) in ${streaming.seconds.toFixed(1)} s; server saw ${serverRequests.toLocaleString('en')}`);
    console.log(`heap: baseline ${mb(streaming.baselineHeap)}, max ${mb(streaming.maxHeap)} over ${streaming.samples} samples, growth ${mb(streaming.growth)}`);
    console.log(`materialised but not started ≤ ${streaming.maxNotStarted}; materialised but not consumed ≤ ${streaming.maxNotConsumed} (concurrency ${concurrency} + chunk ${chunkSize} = ${concurrency + chunkSize})`);
    if (bytes !== undefined) {
      console.log(`bytes per kept request (${bytes.count.toLocaleString('en')} each, array slot included):`);
      const rows: readonly (readonly [string, number])[] = [
        ['bare object, shared strings', bytes.bareSharedStrings],
        ['bare object, runtime strings', bytes.bareRuntimeStrings],
        ['builder, one plan, intern on', bytes.builderOnePlanInternOn],
        ['builder, one plan, intern off', bytes.builderOnePlanInternOff],
        ['builder, per request, intern on', bytes.builderPerRequestInternOn],
        ['builder, per request, intern off', bytes.builderPerRequestInternOff],
      ];
      for (const [name, value] of rows) console.log(`  ${name.padEnd(34)} ${value.toFixed(1)}`);
    }
  } finally {
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
