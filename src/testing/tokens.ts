import { hashString } from './random.js';

/**
 * Continuation tokens the replay server issues. They look opaque (base64url) but carry what the
 * server needs to answer the next page without keeping state: the paging kind, the page number
 * and the seed of the first request, signed with a hash of the server seed so that a token the
 * server never issued is recognised (and answered with Google's PlayDataError envelope).
 */

/** What a token stands for. */
export interface TokenClaims {
  /** `reviews` pages or cluster (`qnKhOb`) pages. */
  readonly kind: 'reviews' | 'cluster';
  /** The page number the token fetches (the first page is 1). */
  readonly page: number;
  /** The seed of the request that started the paging. */
  readonly root: number;
}

/**
 * Issues a token for `claims`, signed with `secret`.
 *
 * @example
 * ```ts
 * const token = issueToken({ kind: 'reviews', page: 2, root: 123 }, 1);
 * readToken(token, 1)?.page; // 2
 * ```
 */
export function issueToken(claims: TokenClaims, secret: number): string {
  const body = `${claims.kind === 'reviews' ? 'r' : 'c'}.${claims.page}.${claims.root.toString(36)}`;
  const check = hashString(body, secret).toString(36);
  return Buffer.from(`${body}.${check}`, 'utf8').toString('base64url');
}

/**
 * Reads a token issued by {@link issueToken} with the same `secret`; `undefined` for any other token.
 *
 * @example
 * ```ts
 * readToken('not-a-token', 1); // undefined
 * ```
 */
export function readToken(token: string, secret: number): TokenClaims | undefined {
  if (token.length > 120 || !/^[\w-]{1,120}$/.test(token)) return undefined;
  const parts = Buffer.from(token, 'base64url').toString('utf8').split('.');
  if (parts.length !== 4) return undefined;
  const [kind, page, root, check] = parts;
  if (kind === undefined || page === undefined || root === undefined || check === undefined) return undefined;
  if (hashString(`${kind}.${page}.${root}`, secret).toString(36) !== check) return undefined;
  if ((kind !== 'r' && kind !== 'c') || !/^\d{1,4}$/.test(page)) return undefined;
  return { kind: kind === 'r' ? 'reviews' : 'cluster', page: Number(page), root: Number.parseInt(root, 36) };
}
