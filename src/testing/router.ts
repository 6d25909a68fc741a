import { BATCH_EXECUTE_PATH, decodeFreq } from '../protocol/batchexecute.js';
import type { ReplayAnswer, ReplayRoute } from './answer.js';
import type { AnswerContext } from './answerContext.js';
import { clusterAnswer, continuationAnswer, developerAnswer, searchAnswer } from './answers/clusterAnswers.js';
import { detailsAnswer } from './answers/detailsAnswer.js';
import { badRequestAnswer, notFoundAnswer, unknownRpcAnswer } from './answers/errorAnswers.js';
import { listAnswer } from './answers/listAnswer.js';
import { categoriesAnswer, dataSafetyAnswer } from './answers/pageAnswers.js';
import { reviewsAnswer } from './answers/reviewsAnswer.js';
import { permissionsAnswer, suggestAnswer } from './answers/smallRpcAnswers.js';

/**
 * The replay server's router: method + path + (for batchexecute) the rpcid inside the `f.req`
 * body → the route and the answer source. Google picks the RPC from the body, not from the URL's
 * `rpcids` (PROTOCOL.md §2.3), and so does this router.
 */

/** A routed request: its route, its rpc (for batchexecute) and how to answer it. */
export interface RoutedRequest {
  readonly route: ReplayRoute;
  /** The rpcid from `f.req`, for batchexecute requests. */
  readonly rpcId?: string;
  /** The envelope tag from `f.req` (`generic`, `1`, or absent for suggest). */
  readonly tag?: unknown;
  /** The app id the request is about, when it has one (details, data safety, reviews, permissions). */
  readonly appId?: string;
  /** Computes the answer. */
  respond(context: AnswerContext): ReplayAnswer;
}

/**
 * Routes one request.
 *
 * @example
 * ```ts
 * routeRequest('GET', new URL('http://x/store/apps/details?id=com.example'), '').route; // 'details'
 * ```
 */
export function routeRequest(method: string, url: URL, body: string): RoutedRequest {
  const query = url.searchParams;
  const id = query.get('id') ?? '';
  if (method === 'POST' && url.pathname === BATCH_EXECUTE_PATH) return routeBatch(url, body);
  if (method !== 'GET' && method !== 'HEAD') return { route: 'unknown', respond: notFoundAnswer };
  switch (url.pathname) {
    case '/store/apps/details':
      return { route: 'details', appId: id, respond: (context) => detailsAnswer(context, id, url.searchParams.has('gl')) };
    case '/store/search':
    case '/work/search':
      return { route: 'search', respond: (context) => searchAnswer(context, query.get('q') ?? '') };
    case '/store/apps/developer':
      return { route: 'developer', respond: (context) => developerAnswer(context, id, 'name') };
    case '/store/apps/dev':
      return { route: 'developer', respond: (context) => developerAnswer(context, id, 'number') };
    case '/store/apps/collection/cluster':
      return { route: 'cluster', respond: (context) => clusterAnswer(context, query.get('gsr') ?? '') };
    case '/store/apps/datasafety':
      return { route: 'datasafety', appId: id, respond: (context) => dataSafetyAnswer(context, id) };
    case '/store/apps':
      return { route: 'categories', respond: categoriesAnswer };
    default:
      return { route: 'unknown', respond: notFoundAnswer };
  }
}

function routeBatch(url: URL, body: string): RoutedRequest {
  const freq = new URLSearchParams(body).get('f.req');
  const call = freq === null ? undefined : decodeFreq(freq)?.[0];
  if (call === undefined) return { route: 'batchexecute', respond: badRequestAnswer };
  const { rpcId, inner, tag } = call;
  const hl = url.searchParams.get('hl') ?? 'en';
  const gl = url.searchParams.get('gl') ?? 'us';
  const base = { rpcId, tag };
  switch (rpcId) {
    case 'vyAe2':
      return { ...base, route: 'list', respond: (context) => listAnswer(context, inner, { hl, gl }) };
    case 'UsvDTd':
    case 'oCPfdb':
      return { ...base, route: 'reviews', respond: (context) => reviewsAnswer(context, rpcId, inner, tag) };
    case 'qnKhOb':
      return { ...base, route: 'continuation', respond: (context) => continuationAnswer(context, inner, tag) };
    case 'xdSrCf':
      return { ...base, route: 'permissions', respond: (context) => permissionsAnswer(context, inner, hl, tag) };
    case 'IJ4APc':
      return { ...base, route: 'suggest', respond: (context) => suggestAnswer(context, inner) };
    default:
      return { ...base, route: 'batchexecute', respond: (context) => unknownRpcAnswer(context, rpcId) };
  }
}
