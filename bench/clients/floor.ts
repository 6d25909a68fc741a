import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import { request } from 'undici';
import { encodeAppRequest, encodeListRequest, type HttpRequestSpec } from '../../src/index.js';
import { digestOf } from '../lib/digest.js';
import { floorHtmlBlocks, floorRpcPayload } from '../lib/floor.js';
import { detailsId, listParams } from '../lib/task.js';
import { pool, runClient, type ClientOutput } from './runClient.js';

/**
 * The FLOOR: raw undici `request`, the same `Accept-Encoding` as the other clients (so the same
 * bytes on the wire) and their decompression, then only: locate the data block and `JSON.parse`
 * it, read `id` and `title`. Requests are encoded before the clock starts (they are free here).
 * No retries, no validation, no typed errors.
 */

const inflate = { gzip: promisify(gunzip), br: promisify(brotliDecompress) } as const;
const DETAILS_BLOCK = new Set(['ds:5']);
const HEADERS = { 'accept-encoding': 'gzip, br' } as const;

async function fetchBody(baseUrl: string, spec: HttpRequestSpec): Promise<string> {
  const response = await request(baseUrl + spec.path, {
    method: spec.method,
    headers: spec.body === undefined ? HEADERS : { ...HEADERS, 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    ...(spec.body === undefined ? {} : { body: spec.body }),
  });
  const raw = Buffer.from(await response.body.arrayBuffer());
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
  const encoding = response.headers['content-encoding'];
  const decoded = encoding === 'br' ? await inflate.br(raw) : encoding === 'gzip' ? await inflate.gzip(raw) : raw;
  return decoded.toString('utf8');
}

/** `A[0][0]` of the app record at `ds:5[1][2]`. */
function detailsTitle(block: unknown): string {
  const record = (block as unknown[][][][] | undefined)?.[1]?.[2];
  return String(record?.[0]?.[0]);
}

/** Cards at `P[0][1][0][28][0]`; a card's id at `[0][0][0]`, its title at `[0][3]`. */
function listEntries(payload: unknown): { id: string; title: string }[] {
  const cards = (payload as unknown[][][][][][] | undefined)?.[0]?.[1]?.[0]?.[28]?.[0] as unknown[][][] | undefined;
  return (cards ?? []).map((card) => {
    const app = card[0] as unknown[];
    return { id: String((app[0] as unknown[])[0]), title: String(app[3]) };
  });
}

runClient(async (task) => {
  const specs: HttpRequestSpec[] = Array.from({ length: task.n }, (_, index) => {
    if (task.kind === 'details') return encodeAppRequest({ appId: detailsId(index), country: 'us', lang: 'en' });
    const params = listParams();
    return encodeListRequest({ collection: params.collection, category: params.category, country: params.country, lang: 'en', num: params.num });
  });
  const entries: { id: string; title: string }[] = [];
  const errors: string[] = [];
  let ok = 0;
  let failed = 0;
  await Promise.resolve();
  return async (): Promise<ClientOutput> => {
    await pool(task.n, task.concurrency, async (index) => {
      const spec = specs[index];
      if (spec === undefined) return;
      try {
        const body = await fetchBody(task.baseUrl, spec);
        if (task.kind === 'details') entries.push({ id: detailsId(index), title: detailsTitle(floorHtmlBlocks(body, DETAILS_BLOCK)[0]) });
        else entries.push(...listEntries(floorRpcPayload(body)));
        ok += 1;
      } catch (error) {
        failed += 1;
        if (errors.length < 3) errors.push(error instanceof Error ? error.message : String(error));
      }
    });
    return { ok, failed, digest: digestOf(entries), items: entries.length, errors };
  };
});
