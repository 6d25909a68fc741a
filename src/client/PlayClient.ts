import { Observable, map } from 'rxjs';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { HttpStatusError } from '../errors/HttpStatusError.js';
import { ThrottledError } from '../errors/ThrottledError.js';
import { createDebug, isDebugEnabled, redactCredentials } from '../internal/debug.js';
import type { HttpRequestSpec } from '../models/requests.js';
import { classifyResponse } from './classifyResponse.js';
import { CookieJar } from './CookieJar.js';
import { normalizePlayClientOptions, type NormalizedPlayClientOptions, type PlayClientOptions } from './PlayClientOptions.js';
import type { PlayClientStats, PlayRequestInit, PlayResponse } from './PlayResponse.js';
import { BodyJoiner, decodeBody } from './decodeBody.js';
import { Exchange, firstHeader, type RawHeaders, type RawResponse } from './exchange.js';
import { redactError, toTransportError } from './toTransportError.js';

const debug = createDebug('client');

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

type MutableStats = { -readonly [K in keyof PlayClientStats]: PlayClientStats[K] };

/** One outgoing HTTP exchange. */
interface Hop {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly body: string | undefined;
}

function validateSpec(spec: unknown): asserts spec is HttpRequestSpec {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('Expected `spec` to be an HttpRequestSpec object');
  const { method, path, body } = spec as Record<string, unknown>;
  if (method !== 'GET' && method !== 'POST') {
    throw new TypeError(`Expected \`spec.method\` to be \`GET\` or \`POST\`, got \`${typeof method === 'string' ? method : typeof method}\``);
  }
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
    throw new TypeError('Expected `spec.path` to be a path starting with a single `/`, such as `/store/apps/details?id=…`');
  }
  if (body !== undefined && (method !== 'POST' || typeof body !== 'string')) {
    throw new TypeError('Expected `spec.body` to be a string, and only on a POST');
  }
}

function flattenHeaders(headers: RawHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    flat[key] = Array.isArray(value) ? value.join(key === 'set-cookie' ? '\n' : ', ') : value;
  }
  return flat;
}

function setCookies(headers: RawHeaders): readonly string[] {
  const value = headers['set-cookie'];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The reason a request aborted without one: what `AbortController#abort()` would give. */
function defaultAbortReason(): DOMException {
  return new DOMException('This operation was aborted', 'AbortError');
}

/**
 * The cancellation state of one request subscription: aborting reaches the exchange in flight,
 * and every later hop sees it (an `AbortController` and its listeners, without their cost).
 */
class Call {
  aborted = false;
  reason: unknown = undefined;
  exchange: Exchange | undefined = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? defaultAbortReason();
    this.exchange?.abort(this.reason);
  }
}

/**
 * The HTTP client of playfast, over undici: connection pools, timeouts, gzip/brotli decoding, a
 * per-client cookie jar, round-robin proxies, same-origin redirects, cancellation, and the mapping
 * of statuses and socket failures to typed errors. It is the only module that imports undici.
 *
 * Requests are **cold** Observables: nothing is sent until you subscribe, every subscription sends
 * its own request, and unsubscribing aborts it (add `share()` to send one request for several
 * subscribers). The client never retries; retry in the stream (`retryBackoff`).
 *
 * @example
 * ```ts
 * const client = new PlayClient({ connections: 4 });
 * const html = await firstValueFrom(client.fetchText({ method: 'GET', path: '/store/apps/details?id=com.mojang.minecraftpe&hl=en&gl=us' }));
 * await client.close();
 * ```
 */
export class PlayClient {
  readonly #options: NormalizedPlayClientOptions;
  /** Dispatchers the client created, and therefore closes. */
  readonly #owned: readonly Dispatcher[];
  /** Dispatchers requests rotate over (the injected one, the proxies, or the own agent). */
  readonly #rotation: readonly Dispatcher[];
  /** Redacted proxy labels, parallel to `#rotation` when proxies are used. */
  readonly #labels: readonly string[];
  readonly #jar: CookieJar | undefined;
  /** Joins the chunks of uncompressed bodies, in memory reused from one response to the next. */
  readonly #joiner = new BodyJoiner();
  readonly #stats: MutableStats = { requests: 0, responses: 0, aborted: 0, failed: 0, wireBytes: 0, decodedBytes: 0 };
  #next = 0;
  #closing: Promise<void> | undefined;

  /**
   * Creates a client. Options are validated here: a wrong option throws a `TypeError`.
   *
   * @example
   * ```ts
   * const client = new PlayClient({ proxies: ['http://user:pass@10.0.0.1:3128', 'http://10.0.0.2:3128'] });
   * ```
   */
  constructor(options: PlayClientOptions = {}) {
    const normalized = normalizePlayClientOptions(options);
    this.#options = normalized;
    const pool = {
      connections: normalized.connections,
      headersTimeout: normalized.headersTimeout,
      bodyTimeout: normalized.bodyTimeout,
    };
    if (normalized.dispatcher !== undefined) {
      this.#owned = [];
      this.#rotation = [normalized.dispatcher];
      this.#labels = ['injected dispatcher'];
    } else if (normalized.proxies.length > 0) {
      this.#owned = normalized.proxies.map((proxy) => new ProxyAgent({ ...pool, uri: proxy.href }));
      this.#rotation = this.#owned;
      this.#labels = normalized.proxies.map((proxy) => `proxy ${redactCredentials(proxy.href)}`);
    } else {
      this.#owned = [new Agent(pool)];
      this.#rotation = this.#owned;
      this.#labels = ['direct'];
    }
    this.#jar = normalized.cookies ? new CookieJar() : undefined;
  }

  /** The origin requests go to, e.g. `https://play.google.com`. */
  get origin(): string {
    return this.#options.origin;
  }

  /**
   * A snapshot of the client's counters.
   *
   * @example
   * ```ts
   * const { requests, wireBytes, decodedBytes } = client.stats;
   * ```
   */
  get stats(): PlayClientStats {
    return { ...this.#stats };
  }

  /**
   * Sends `spec` and emits the response, whatever its status, then completes. Cold: each
   * subscription sends one request; unsubscribing aborts it (the server sees the connection
   * close). `init.signal` is linked in: when it aborts, the Observable errors with its `reason`.
   * Fails with `TimeoutError`, `NetworkError`, `BodyTooLargeError`, or — for a redirect that
   * leaves the origin — `ThrottledError('captcha')` (Google's `/sorry/` page) or a non-retryable
   * `HttpStatusError`.
   *
   * @example
   * ```ts
   * client.request({ method: 'GET', path: '/store/apps/details?id=com.example' })
   *   .subscribe(({ status, body }) => console.log(status, body.length));
   * ```
   * @throws TypeError at call time for a malformed `spec`
   */
  request(spec: HttpRequestSpec, init: PlayRequestInit = {}): Observable<PlayResponse> {
    validateSpec(spec);
    const { signal: callerSignal, headers: extraHeaders } = init;
    return new Observable<PlayResponse>((subscriber) => {
      const call = new Call();
      let settled = false;
      const abort = (reason?: unknown): void => {
        if (settled || call.aborted) return;
        this.#stats.aborted += 1;
        call.abort(reason);
      };
      const onCallerAbort = (): void => {
        abort(callerSignal?.reason);
      };
      if (callerSignal !== undefined) {
        if (callerSignal.aborted) abort(callerSignal.reason);
        else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      }
      this.#send(spec, extraHeaders, call).then(
        (response) => {
          settled = true;
          subscriber.next(response);
          subscriber.complete();
        },
        (error: unknown) => {
          settled = true;
          if (!call.aborted) this.#stats.failed += 1;
          subscriber.error(error);
        },
      );
      return () => {
        callerSignal?.removeEventListener('abort', onCallerAbort);
        abort();
      };
    });
  }

  /**
   * Sends `spec` and emits the body text of a successful response, after status classification:
   * `429` → `ThrottledError('status-429')` with `retryAfter` in ms; a captcha / "unusual traffic"
   * HTML page (any status) → `ThrottledError('captcha')`; other non-2xx → `HttpStatusError`
   * (retryable for 5xx; `404` is not retryable: operations that know the app id turn it into
   * `AppNotFoundError`). Cold and cancellable like {@link PlayClient.request}.
   *
   * @example
   * ```ts
   * const body$ = client.fetchText({ method: 'POST', path: '/_/PlayStoreUi/data/batchexecute?rpcids=vyAe2', body });
   * ```
   */
  fetchText(spec: HttpRequestSpec, init: PlayRequestInit = {}): Observable<string> {
    return this.request(spec, init).pipe(map((response) => classifyResponse(response, spec.method)));
  }

  /**
   * Closes the connection pools the client created (never an injected dispatcher), after the
   * requests in flight finish. Idempotent. Requests subscribed afterwards fail.
   *
   * @example
   * ```ts
   * await client.close();
   * ```
   */
  close(): Promise<void> {
    this.#closing ??= Promise.all(this.#owned.map((dispatcher) => dispatcher.close())).then(() => {
      this.#joiner.release();
      debug('closed');
    });
    return this.#closing;
  }

  #pick(): { readonly dispatcher: Dispatcher; readonly label: string } {
    const index = this.#next % this.#rotation.length;
    this.#next = index + 1;
    const dispatcher = this.#rotation[index];
    if (dispatcher === undefined) throw new Error('PlayClient has no dispatcher');
    return { dispatcher, label: this.#labels[index] ?? '' };
  }

  #headersFor(hop: Hop, extra: Readonly<Record<string, string>> | undefined): Record<string, string> {
    const headers: Record<string, string> = { ...this.#options.headers };
    if (extra !== undefined) for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
    if (hop.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = FORM_CONTENT_TYPE;
    const cookie = this.#jar?.header(hop.url.origin);
    if (cookie !== undefined) headers['cookie'] = headers['cookie'] === undefined ? cookie : `${headers['cookie']}; ${cookie}`;
    return headers;
  }

  /** Whether a response is a redirect the client follows (its body is then skipped). */
  readonly #isFollowedRedirect = (status: number, headers: RawHeaders): boolean =>
    this.#options.followRedirects && REDIRECTS.has(status) && firstHeader(headers, 'location') !== undefined;

  async #send(spec: HttpRequestSpec, extra: Readonly<Record<string, string>> | undefined, call: Call): Promise<PlayResponse> {
    if (this.#closing !== undefined) throw new Error('PlayClient is closed');
    // Read once per request: the environment lookup behind `debug` costs more than the rest of its bookkeeping.
    const verbose = isDebugEnabled('client');
    let hop: Hop = { url: new URL(spec.path, this.#options.origin), method: spec.method, body: spec.body };
    for (let redirects = 0; ; redirects += 1) {
      const href = hop.url.href;
      const started = Date.now();
      const { status, headers, chunks, size } = await this.#exchange(hop, extra, call, verbose);
      this.#jar?.store(hop.url.origin, setCookies(headers));
      const location = firstHeader(headers, 'location');
      if (location !== undefined && this.#isFollowedRedirect(status, headers)) {
        if (verbose) debug(`↪ ${status} ${href} → ${location}`);
        hop = this.#redirect(hop, status, location, redirects);
        continue;
      }
      try {
        const limits = { contentEncoding: firstHeader(headers, 'content-encoding'), limit: this.#options.maxBodyBytes, url: href };
        const body = await decodeBody(chunks, size, limits, this.#joiner);
        this.#stats.responses += 1;
        this.#stats.wireBytes += body.wire;
        this.#stats.decodedBytes += body.decoded;
        if (verbose) debug(`← ${status} ${href} ${body.wire}/${body.decoded} B in ${Date.now() - started} ms`);
        return { status, headers: flattenHeaders(headers), body: body.text, url: href, bytes: { wire: body.wire, decoded: body.decoded } };
      } catch (error) {
        throw this.#fail(error, call, href, verbose);
      }
    }
  }

  /** Sends one hop and reads its response (body not decoded yet), through the next dispatcher of the rotation. */
  async #exchange(hop: Hop, extra: Readonly<Record<string, string>> | undefined, call: Call, verbose: boolean): Promise<RawResponse> {
    const options = this.#options;
    const href = hop.url.href;
    const { dispatcher, label } = this.#pick();
    const request: Dispatcher.DispatchOptions = {
      origin: hop.url.origin,
      path: `${hop.url.pathname}${hop.url.search}`,
      method: hop.method,
      headers: this.#headersFor(hop, extra),
      body: hop.body ?? null,
      headersTimeout: options.headersTimeout,
      bodyTimeout: options.bodyTimeout,
    };
    this.#stats.requests += 1;
    if (verbose) debug(`→ ${hop.method} ${href} via ${label}`);
    const exchange = new Exchange({ maxBodyBytes: options.maxBodyBytes, url: href, skipBody: this.#isFollowedRedirect });
    call.exchange = exchange;
    if (call.aborted) exchange.abort(call.reason);
    try {
      return await exchange.send(dispatcher, request);
    } catch (error) {
      throw this.#fail(error, call, href, verbose);
    }
  }

  /** The error to reject with: the abort reason when aborted, else the mapped transport error. */
  #fail(error: unknown, call: Call, href: string, verbose: boolean): unknown {
    if (call.aborted) {
      if (verbose) debug(`✕ aborted ${href}`);
      return call.reason;
    }
    const mapped = toTransportError(error, href, this.#options);
    if (verbose) debug(`✕ ${href}: ${mapped.message}`);
    return mapped;
  }

  #redirect(hop: Hop, status: number, location: string, redirects: number): Hop {
    const href = hop.url.href;
    let next: URL;
    try {
      next = new URL(location, hop.url);
    } catch (error) {
      throw new HttpStatusError(status, hop.method, href, undefined, { cause: redactError(error) });
    }
    next.username = '';
    next.password = '';
    next.hash = '';
    if (next.origin !== this.#options.origin) {
      const cause = new Error(`Refused redirect to another origin: ${redactCredentials(next.origin)}${next.pathname}`);
      if (next.pathname.includes('/sorry/')) throw new ThrottledError('captcha', href, undefined, { cause });
      throw new HttpStatusError(status, hop.method, href, undefined, { cause });
    }
    if (redirects >= this.#options.maxRedirects) {
      throw new HttpStatusError(status, hop.method, href, undefined, {
        cause: new Error(`More than ${this.#options.maxRedirects} redirects`),
      });
    }
    const keepsMethod = status === 307 || status === 308 || (hop.method === 'GET' && status !== 303);
    return keepsMethod ? { url: next, method: hop.method, body: hop.body } : { url: next, method: 'GET', body: undefined };
  }
}
