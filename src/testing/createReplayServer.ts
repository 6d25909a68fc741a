import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { BATCH_TYPE, HTML_TYPE, type ReplayAnswer, type ReplayRoute } from './answer.js';
import type { AnswerContext } from './answerContext.js';
import { captchaAnswer, emptyPayloadAnswer, gatewayErrorAnswer } from './answers/errorAnswers.js';
import { createFaultPlan, type FaultPlan } from './faults.js';
import { createFixtureSource } from './fixtureSource.js';
import { createRandom, hashString } from './random.js';
import { normalizeReplayServerOptions, type FaultKind, type IdSet, type NormalizedReplayServerOptions, type ReplayServerOptions } from './replayServerOptions.js';
import { createStatsRecorder, type ReplayStats } from './replayStats.js';
import { routeRequest, type RoutedRequest } from './router.js';
import { createThrottle, type Throttle } from './throttle.js';

/** A running (or startable) replay server. */
export interface ReplayServer {
  /** Starts listening; resolves to the base URL, e.g. `http://127.0.0.1:41234`. */
  start(): Promise<string>;
  /** Stops listening and closes every socket (idle, busy and stalled). */
  close(): Promise<void>;
  /** The base URL once started. */
  readonly url: string | undefined;
  /** A snapshot of the counters. */
  stats(): ReplayStats;
  /** Zeroes the counters and forgets throttle and fault state. */
  resetStats(): void;
}

const MAX_BODY = 5 * 1024 * 1024;

function inSet(set: Required<IdSet>, id: string): boolean {
  return set.ids.includes(id) || set.prefixes.some((prefix) => id.startsWith(prefix));
}

function plainError(status: number, text: string): ReplayAnswer {
  // SYNTHETIC: a short Google-style error page (Google's 4xx/5xx pages carry no data).
  const body = `<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error ${status} (${text})!!1</title><p><b>${status}.</b> <ins>That’s an error.</ins></p></html>`;
  return { status, contentType: HTML_TYPE, body, synthetic: true };
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function chooseEncoding(header: string | undefined, options: NormalizedReplayServerOptions): 'br' | 'gzip' | undefined {
  if (header === undefined) return undefined;
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const zero = params.some((param) => /^\s*q=0(?:\.0{0,3})?\s*$/.test(param));
    if (!zero) accepted.add(name.trim());
  }
  if (options.compression.br && accepted.has('br')) return 'br';
  if (options.compression.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return undefined;
}

/**
 * Compresses a body. Captures (compressed once, then cached) use brotli quality 4; one-off bodies
 * (synthetic answers) quality 3: on a 1.7 MB list 3–4× faster, for 5–15 % more bytes.
 */
function compress(body: Buffer, encoding: 'br' | 'gzip', cached: boolean): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: cached ? 4 : 3 } }) : gzipSync(body);
}

/**
 * The encoded bytes of one capture, made once: UTF-8 encoding an 0.8–1.6 MB capture costs about a
 * millisecond and compressing it tens of ms, on every request otherwise. `text` is the string the
 * bytes were made from: an answer reuses the entry only when its body is that same text.
 */
interface EncodedCapture {
  readonly text: string;
  readonly plain: Buffer;
  readonly compressed: Map<'br' | 'gzip', Buffer>;
}

/**
 * Creates the replay server: a local `node:http` server that answers like play.google.com from the
 * real captures in `test/fixtures/` (and deterministic synthetic variants of them), with knobs for
 * latency, compression, connection limits, throttling and faults, and counters in `stats()`.
 *
 * @example
 * ```ts
 * const server = createReplayServer({ throttle: true, seed: 7 });
 * const baseUrl = await server.start();
 * const response = await fetch(`${baseUrl}/store/apps/details?id=com.mojang.minecraftpe&hl=en&gl=us`);
 * await server.close();
 * ```
 */
export function createReplayServer(options: ReplayServerOptions = {}): ReplayServer {
  const config = normalizeReplayServerOptions(options);
  const fixtures = createFixtureSource(config.fixturesDir);
  const memo = new Map<string, unknown>();
  const encodedCaptures = new Map<string, EncodedCapture>();
  const stats = createStatsRecorder();
  const throttle: Throttle | undefined = config.throttle === undefined ? undefined : createThrottle(config.throttle);
  const faults: FaultPlan | undefined = config.faults === undefined ? undefined : createFaultPlan(config.faults, config.seed);
  const latencyRandom = createRandom(hashString('latency', config.seed));
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  /** Responses whose socket the server destroyed itself (faults): not counted as client aborts. */
  const killedByServer = new WeakSet<ServerResponse>();
  let url: string | undefined;

  const baseContext = {
    fixtures,
    memo<T>(key: string, make: () => T): T {
      if (memo.has(key)) return memo.get(key) as T;
      const value = make();
      memo.set(key, value);
      return value;
    },
    secret: config.seed,
    pages: config.pages,
    maxListSize: config.maxListSize,
  };

  const server = createServer({ keepAlive: true }, (request, response) => {
    void handle(request, response);
  });
  server.keepAliveTimeout = config.keepAliveTimeout;
  if (Number.isFinite(config.maxConnections)) server.maxConnections = config.maxConnections;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    stats.connection(true);
    socket.on('close', () => {
      sockets.delete(socket);
      stats.connection(false);
    });
  });

  function later(ms: number, action: () => void): void {
    if (ms <= 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  }

  function latencyOf(route: ReplayRoute): number {
    const spec = config.latency.routes?.[route] ?? config.latency;
    const jitter = spec.jitter ?? 0;
    return (spec.ms ?? 0) + (jitter > 0 ? latencyRandom.next() * jitter : 0);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let finished = false;
    response.on('close', () => {
      if (!finished) {
        finished = true;
        stats.finish(!response.writableFinished && !killedByServer.has(response));
      }
    });
    const method = request.method ?? 'GET';
    const target = request.url ?? '/';
    let body: string | undefined;
    try {
      body = await readBody(request);
    } catch {
      body = undefined;
    }
    const key = hashString(`${method} ${target}\n${body ?? ''}`);
    stats.arrive(key, performance.now());
    if (body === undefined) {
      send(response, 'unknown', plainError(413, 'Request Entity Too Large'), undefined, method);
      return;
    }
    const routed = routeRequest(method, new URL(target, 'http://replay.local'), body);
    const decision = throttle?.check(request.socket.remoteAddress ?? 'unknown');
    later(latencyOf(routed.route), () => {
      if (response.destroyed) {
        stats.respond(routed.route, 'none');
        return;
      }
      if (decision?.kind === 'refuse') {
        stats.throttled();
        send(response, routed.route, { ...plainError(429, 'Too Many Requests'), headers: { 'Retry-After': String(decision.retryAfter) } }, undefined, method);
        return;
      }
      if (decision?.kind === 'captcha') {
        stats.captcha();
        send(response, routed.route, captchaAnswer(decision.status), undefined, method);
        return;
      }
      answer(request, response, routed, key, method);
    });
  }

  function answer(request: IncomingMessage, response: ServerResponse, routed: RoutedRequest, key: number, method: string): void {
    const permanent = routed.appId === undefined ? undefined : faults?.permanent(key);
    if (permanent !== undefined) stats.fault(permanent);
    const appId = routed.appId;
    const context: AnswerContext = {
      ...baseContext,
      seed: hashString(String(key), config.seed),
      isMissing: (id) => inSet(config.missing, id) || (permanent !== undefined && id === appId && (permanent === 'notFound' || routed.route !== 'details')),
      isUnavailable: (id) => inSet(config.unavailable, id) || (permanent === 'notAvailable' && id === appId),
    };
    const fault = faults?.transient(routed.route, key);
    if (fault !== undefined) stats.fault(fault);
    switch (fault) {
      case 'reset':
        stats.respond(routed.route, 'none');
        killedByServer.add(response);
        request.socket.destroy();
        return;
      case 'stall':
        stats.respond(routed.route, 'none');
        later(config.faults?.stallMs ?? 60_000, () => {
          killedByServer.add(response);
          request.socket.destroy();
        });
        return;
      case undefined:
        break;
      default: {
        const replaced = faultAnswer(fault, routed, context);
        if (replaced !== undefined) {
          send(response, routed.route, replaced, request.headers['accept-encoding'], method);
          return;
        }
      }
    }
    const result = routed.respond(context);
    if (fault === 'truncate') {
      truncate(response, routed.route, result);
      return;
    }
    if (fault === 'malformed') {
      // No captureKey: the damaged body is not the capture (its cached bytes must not be served).
      const damaged: ReplayAnswer = { status: result.status, contentType: result.contentType, body: result.body.slice(0, Math.floor(result.body.length * 0.6)), synthetic: true, ...(result.headers === undefined ? {} : { headers: result.headers }) };
      send(response, routed.route, damaged, request.headers['accept-encoding'], method);
      return;
    }
    send(response, routed.route, result, request.headers['accept-encoding'], method);
  }

  function faultAnswer(fault: FaultKind, routed: RoutedRequest, context: AnswerContext): ReplayAnswer | undefined {
    const batch = routed.rpcId !== undefined;
    switch (fault) {
      case 'status429':
        return { ...plainError(429, 'Too Many Requests'), headers: { 'Retry-After': '1' } };
      case 'status500':
        return plainError(500, 'Server Error');
      case 'status503':
        return plainError(503, 'Service Unavailable');
      case 'captcha200':
        return captchaAnswer(200);
      case 'gatewayError':
        return batch ? gatewayErrorAnswer(context, routed.rpcId ?? '', routed.tag) : captchaAnswer(503);
      case 'emptyPayload':
        // SYNTHETIC: for pages, a 200 page without any data block (Google's throttle shape).
        return batch
          ? emptyPayloadAnswer(context, routed.rpcId ?? '', routed.tag)
          : { status: 200, contentType: HTML_TYPE, body: '<!doctype html><html><head><title>Google Play</title></head><body></body></html>', synthetic: true };
      default:
        return undefined;
    }
  }

  function truncate(response: ServerResponse, route: ReplayRoute, result: ReplayAnswer): void {
    const bytes = result.bytes ?? Buffer.from(result.body, 'utf8');
    const part = bytes.subarray(0, Math.floor(bytes.length / 2));
    stats.respond(route, result.status);
    stats.sent(part.length, bytes.length, false);
    response.writeHead(result.status, { 'Content-Type': result.contentType, 'Content-Length': String(bytes.length) });
    killedByServer.add(response);
    response.write(part, () => {
      response.socket?.destroy();
    });
  }

  /** The capture's cached bytes when `result` is an unmodified capture, else undefined. */
  function encodedCapture(result: ReplayAnswer): EncodedCapture | undefined {
    if (result.captureKey === undefined) return undefined;
    const cached = encodedCaptures.get(result.captureKey);
    if (cached !== undefined) return cached.text === result.body ? cached : undefined;
    const entry: EncodedCapture = { text: result.body, plain: Buffer.from(result.body, 'utf8'), compressed: new Map() };
    encodedCaptures.set(result.captureKey, entry);
    return entry;
  }

  function send(response: ServerResponse, route: ReplayRoute, result: ReplayAnswer, acceptEncoding: string | undefined, method: string): void {
    if (result.synthetic) stats.synthetic();
    const capture = encodedCapture(result);
    const plain = capture?.plain ?? result.bytes ?? Buffer.from(result.body, 'utf8');
    const encoding = plain.length > 256 ? chooseEncoding(acceptEncoding, config) : undefined;
    let payload: Buffer = plain;
    if (encoding !== undefined) {
      const cached = capture?.compressed.get(encoding);
      payload = cached ?? compress(plain, encoding, capture !== undefined);
      if (capture !== undefined && cached === undefined) capture.compressed.set(encoding, payload);
    }
    const headers: Record<string, string> = {
      'Content-Type': result.contentType,
      'Content-Length': String(payload.length),
      ...result.headers,
    };
    if (encoding !== undefined) headers['Content-Encoding'] = encoding;
    if (result.contentType === BATCH_TYPE) headers['X-Content-Type-Options'] = 'nosniff';
    stats.respond(route, result.status);
    response.writeHead(result.status, headers);
    if (method === 'HEAD') {
      response.end();
      return;
    }
    stats.sent(payload.length, plain.length, encoding !== undefined);
    response.end(payload);
  }

  return {
    get url() {
      return url;
    },
    start() {
      if (url !== undefined) return Promise.resolve(url);
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          const address = server.address();
          const port = typeof address === 'object' && address !== null ? address.port : config.port;
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          url = `http://${host}:${port}`;
          resolve(url);
        });
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        url = undefined;
      });
    },
    stats: () => stats.snapshot(),
    resetStats() {
      stats.reset();
      throttle?.reset();
      faults?.reset();
    },
  };
}

