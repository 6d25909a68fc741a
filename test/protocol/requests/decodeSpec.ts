import { expect } from 'vitest';
import { decodeFreq } from '../../../src/protocol/batchexecute.js';
import type { DecodedFreq } from '../../../src/protocol/batchexecute.js';
import type { HttpRequestSpec } from '../../../src/models/requests.js';

/** The path of a spec without its query. */
export function pathnameOf(spec: HttpRequestSpec): string {
  const at = spec.path.indexOf('?');
  return at === -1 ? spec.path : spec.path.slice(0, at);
}

/** The decoded query of a spec's path. */
export function queryOf(spec: HttpRequestSpec): URLSearchParams {
  const at = spec.path.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : spec.path.slice(at + 1));
}

/** The decoded form body of a spec. */
export function formOf(spec: HttpRequestSpec): URLSearchParams {
  expect(typeof spec.body).toBe('string');
  return new URLSearchParams(spec.body ?? '');
}

/** The single batchexecute call of a POST spec's `f.req` (asserts there is exactly one). */
export function callOf(spec: HttpRequestSpec): DecodedFreq {
  const freq = formOf(spec).get('f.req');
  expect(freq).not.toBeNull();
  const calls = decodeFreq(freq ?? '');
  expect(calls).toHaveLength(1);
  const call = calls?.[0];
  if (call === undefined) throw new Error('no call in f.req');
  return call;
}

/** The names of the fields of a query or form, in order. */
export function namesOf(params: URLSearchParams): string[] {
  return [...params.keys()];
}
