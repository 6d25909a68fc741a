import { request } from 'undici';
import { BATCH_EXECUTE_PATH, encodeForm, encodeFreq } from '../../src/protocol/batchexecute.js';

/** Test client for the replay server: plain undici requests, no automatic decompression. */

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  readonly raw: Buffer;
}

export async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await request(base + path, { headers });
  const raw = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, body: raw.toString('utf8'), raw };
}

export function batchBody(rpcId: string, inner: unknown, tag: string | undefined = 'generic'): string {
  return encodeForm({ 'f.req': encodeFreq(rpcId, inner, tag) });
}

export async function post(base: string, body: string, query = 'hl=en&gl=us', headers: Record<string, string> = {}): Promise<Reply> {
  const response = await request(`${base}${BATCH_EXECUTE_PATH}?${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', ...headers },
  });
  const raw = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, body: raw.toString('utf8'), raw };
}

/** A `vyAe2` inner request in the PROTOCOL.md §3.2 layout (page spec and category triple only). */
export function listInner(num: number, collection = 'topselling_free', category = 'GAME'): unknown {
  return [[null, [[8, [20, num]], true, null, [64, 1, 195]], [2, collection, category]]];
}

export function reviewsInner(rpcId: 'UsvDTd' | 'oCPfdb', appId: string, count: number, token?: string): unknown {
  const triple = token === undefined ? [count, null, null] : [count, null, token];
  return rpcId === 'UsvDTd' ? [null, null, [2, 2, triple, null, []], [appId, 7]] : [null, [2, 2, triple, null, [null, null]], [appId, 7]];
}

export function continuationInner(token: string, count = 100): unknown {
  return [[null, [[10, [10, count]], true, null, [96, 27, 4]], null, token]];
}
