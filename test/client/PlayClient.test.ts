import { brotliCompressSync, gzipSync } from 'node:zlib';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { MockAgent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PlayClient } from '../../src/client/PlayClient.js';
import { DEFAULT_USER_AGENT } from '../../src/client/PlayClientOptions.js';
import { isBodyTooLargeError } from '../../src/errors/BodyTooLargeError.js';
import { isHttpStatusError } from '../../src/errors/HttpStatusError.js';
import { isNetworkError } from '../../src/errors/NetworkError.js';
import { isThrottledError } from '../../src/errors/ThrottledError.js';
import { isTimeoutError } from '../../src/errors/TimeoutError.js';
import { loadFixture } from '../helpers/fixtures.js';
import { startProxy, startServer, type LocalServer } from './localServer.js';

const CAPTCHA_PAGE =
  '<html><head><title>Sorry...</title></head><body><div id="captcha-form">Our systems have detected unusual traffic from your computer network.</div></body></html>';
const MINECRAFT = loadFixture('details/com.mojang.minecraftpe.en-us.html');

async function errorOf(source$: Observable<unknown>): Promise<unknown> {
  try {
    await lastValueFrom(source$);
  } catch (error) {
    return error;
  }
  throw new Error('expected the Observable to error');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await delay(5);
  }
}

let server: LocalServer;
let other: LocalServer;
/** Responses the server held back (never answered), released in afterAll. */
const stalled = new Set<{ end: () => void }>();
/** Server-side observations of the abort test. */
const serverSaw = { closedBeforeFinish: 0 };

beforeAll(async () => {
  other = await startServer((_req, res) => {
    res.end('other origin');
  });
  server = await startServer((req, res, received) => {
    const url = new URL(received.url, 'http://localhost');
    switch (url.pathname) {
      case '/echo':
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.setHeader('x-multi', ['a', 'b']);
        res.end(`hello ${received.method} ${url.search}`);
        return;
      case '/set-cookies':
        res.setHeader('set-cookie', ['NID=511=abc; Path=/; HttpOnly', 'OTZ=123; Max-Age=3600; Path=/']);
        res.end('ok');
        return;
      case '/delete-cookie':
        res.setHeader('set-cookie', 'NID=; Max-Age=0; Path=/');
        res.end('ok');
        return;
      case '/gzip': {
        res.setHeader('content-encoding', 'gzip');
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(gzipSync(MINECRAFT));
        return;
      }
      case '/br':
        res.setHeader('content-encoding', 'br');
        res.end(brotliCompressSync(Buffer.from('brotli café ✓')));
        return;
      case '/damaged-gzip':
        res.setHeader('content-encoding', 'gzip');
        res.end(Buffer.from('this is not gzip at all'));
        return;
      case '/429-seconds':
        res.statusCode = 429;
        res.setHeader('retry-after', '120');
        res.end('slow down');
        return;
      case '/429-date':
        res.statusCode = 429;
        res.setHeader('retry-after', new Date(Date.now() + 60_000).toUTCString());
        res.end('slow down');
        return;
      case '/503':
        res.statusCode = 503;
        res.end('Service Unavailable');
        return;
      case '/503-captcha':
        res.statusCode = 503;
        res.setHeader('content-type', 'text/html');
        res.end(CAPTCHA_PAGE);
        return;
      case '/captcha':
        res.setHeader('content-type', 'text/html');
        res.end(CAPTCHA_PAGE);
        return;
      case '/404':
        res.statusCode = 404;
        res.end('<html><title>Not Found</title></html>');
        return;
      case '/big':
        res.end('x'.repeat(5_000));
        return;
      case '/big-chunked':
        res.write('y'.repeat(3_000));
        res.end('y'.repeat(3_000));
        return;
      case '/bomb':
        res.setHeader('content-encoding', 'gzip');
        res.end(gzipSync(Buffer.alloc(1_000_000)));
        return;
      case '/hang':
        stalled.add(res);
        res.on('close', () => {
          if (!res.writableFinished) serverSaw.closedBeforeFinish += 1;
          stalled.delete(res);
        });
        return;
      case '/stall-body':
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
        stalled.add(res);
        return;
      case '/reset':
        req.socket.destroy();
        return;
      case '/redirect-local':
        res.writeHead(302, { location: '/echo?via=redirect' });
        res.end();
        return;
      case '/redirect-303':
        res.writeHead(303, { location: '/echo?after=post' });
        res.end();
        return;
      case '/redirect-307':
        res.writeHead(307, { location: '/echo?kept=post' });
        res.end();
        return;
      case '/redirect-loop':
        res.writeHead(302, { location: '/redirect-loop' });
        res.end();
        return;
      case '/redirect-away':
        res.writeHead(302, { location: `${other.origin}/landing` });
        res.end();
        return;
      case '/redirect-sorry':
        res.writeHead(302, { location: `${other.origin}/sorry/index?continue=x` });
        res.end();
        return;
      case '/close':
        res.setHeader('connection', 'close');
        res.end('closing');
        return;
      default:
        res.statusCode = 500;
        res.end(`unknown route ${url.pathname}`);
    }
  });
});

afterAll(async () => {
  for (const res of stalled) res.end();
  await Promise.all([server.close(), other.close()]);
});

describe('PlayClient: what the server receives', () => {
  let client: PlayClient;
  beforeAll(() => {
    client = new PlayClient({ baseUrl: server.origin, headers: { 'X-Extra': 'from-options' } });
  });
  afterAll(() => client.close());

  it('sends a GET with the default user agent, accept-encoding and extra headers', async () => {
    const response = await firstValueFrom(
      client.request({ method: 'GET', path: '/echo?id=com.example&hl=en' }, { headers: { 'X-Per-Request': 'yes' } }),
    );
    const received = server.requests.at(-1);
    expect(received?.method).toBe('GET');
    expect(received?.url).toBe('/echo?id=com.example&hl=en');
    expect(received?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(received?.headers['accept-encoding']).toBe('gzip, br');
    expect(received?.headers['x-extra']).toBe('from-options');
    expect(received?.headers['x-per-request']).toBe('yes');
    expect(received?.headers['content-type']).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.body).toBe('hello GET ?id=com.example&hl=en');
    expect(response.url).toBe(`${server.origin}/echo?id=com.example&hl=en`);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['x-multi']).toBe('a, b');
    expect(response.bytes).toEqual({ wire: 31, decoded: 31 });
  });

  it('sends a POST with the form body and the batchexecute content type', async () => {
    const body = `f.req=${encodeURIComponent(JSON.stringify([[['vyAe2', '[null]', null, 'generic']]]))}`;
    const text = await firstValueFrom(client.fetchText({ method: 'POST', path: '/echo?rpcids=vyAe2', body }));
    const received = server.requests.at(-1);
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/echo?rpcids=vyAe2');
    expect(received?.body).toBe(body);
    expect(received?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(received?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(text).toBe('hello POST ?rpcids=vyAe2');
  });

  it('uses a custom user agent', async () => {
    const custom = new PlayClient({ baseUrl: server.origin, userAgent: 'playfast-test/1.0' });
    await firstValueFrom(custom.request({ method: 'GET', path: '/echo' }));
    await custom.close();
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('playfast-test/1.0');
  });

  it('rejects a malformed spec when the request is built', () => {
    expect(() => client.request({ method: 'GET', path: '//evil.example/x' })).toThrow(TypeError);
    expect(() => client.request({ method: 'GET', path: 'relative' })).toThrow(TypeError);
    expect(() => client.request({ method: 'GET', path: '/x', body: 'a=1' })).toThrow(/only on a POST/);
  });
});

describe('PlayClient: cookies', () => {
  it('stores Set-Cookie, sends it back, and deletes on Max-Age=0', async () => {
    const client = new PlayClient({ baseUrl: server.origin });
    await firstValueFrom(client.request({ method: 'GET', path: '/set-cookies' }));
    await firstValueFrom(client.request({ method: 'GET', path: '/echo' }));
    expect(server.requests.at(-1)?.headers.cookie).toBe('NID=511=abc; OTZ=123');
    await firstValueFrom(client.request({ method: 'GET', path: '/delete-cookie' }));
    await firstValueFrom(client.request({ method: 'GET', path: '/echo' }));
    expect(server.requests.at(-1)?.headers.cookie).toBe('OTZ=123');

    // The jar belongs to the client: a second client starts empty.
    const fresh = new PlayClient({ baseUrl: server.origin });
    await firstValueFrom(fresh.request({ method: 'GET', path: '/echo' }));
    expect(server.requests.at(-1)?.headers.cookie).toBeUndefined();
    await Promise.all([client.close(), fresh.close()]);
  });

  it('sends no cookies with cookies: false', async () => {
    const client = new PlayClient({ baseUrl: server.origin, cookies: false });
    await firstValueFrom(client.request({ method: 'GET', path: '/set-cookies' }));
    await firstValueFrom(client.request({ method: 'GET', path: '/echo' }));
    expect(server.requests.at(-1)?.headers.cookie).toBeUndefined();
    await client.close();
  });
});

describe('PlayClient: decompression and body limits', () => {
  let client: PlayClient;
  beforeAll(() => {
    client = new PlayClient({ baseUrl: server.origin, maxBodyBytes: 1_000 });
  });
  afterAll(() => client.close());

  it('decodes a gzip page (the captured Minecraft details page) and counts wire and decoded bytes', async () => {
    const big = new PlayClient({ baseUrl: server.origin });
    const response = await firstValueFrom(big.request({ method: 'GET', path: '/gzip' }));
    expect(response.body).toBe(MINECRAFT);
    expect(response.body).toContain('Minecraft');
    expect(response.bytes.decoded).toBe(Buffer.byteLength(MINECRAFT));
    expect(response.bytes.wire).toBe(gzipSync(MINECRAFT).byteLength);
    expect(response.bytes.wire).toBeLessThan(response.bytes.decoded / 3);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(big.stats).toMatchObject({ requests: 1, responses: 1, wireBytes: response.bytes.wire, decodedBytes: response.bytes.decoded });
    await big.close();
  });

  it('decodes a brotli body as UTF-8', async () => {
    const text = await firstValueFrom(client.fetchText({ method: 'GET', path: '/br' }));
    expect(text).toBe('brotli café ✓');
  });

  it('fails with a retryable NetworkError on a damaged gzip body', async () => {
    const error = await errorOf(client.request({ method: 'GET', path: '/damaged-gzip' }));
    expect(isNetworkError(error)).toBe(true);
    expect(isNetworkError(error) && error.reason).toBe('damaged gzip body');
  });

  it('fails with BodyTooLargeError when content-length exceeds maxBodyBytes', async () => {
    const error = await errorOf(client.request({ method: 'GET', path: '/big' }));
    expect(isBodyTooLargeError(error)).toBe(true);
    expect(isBodyTooLargeError(error) && error.limit).toBe(1_000);
  });

  it('fails with BodyTooLargeError on a chunked body that grows past the cap', async () => {
    const error = await errorOf(client.request({ method: 'GET', path: '/big-chunked' }));
    expect(isBodyTooLargeError(error)).toBe(true);
  });

  it('fails with BodyTooLargeError when the decoded body exceeds the cap (gzip bomb)', async () => {
    const bombClient = new PlayClient({ baseUrl: server.origin, maxBodyBytes: 100_000 });
    const error = await errorOf(bombClient.request({ method: 'GET', path: '/bomb' }));
    expect(isBodyTooLargeError(error)).toBe(true);
    await bombClient.close();
  });
});

describe('PlayClient.fetchText: status classification', () => {
  let client: PlayClient;
  beforeAll(() => {
    client = new PlayClient({ baseUrl: server.origin });
  });
  afterAll(() => client.close());

  it('429 with Retry-After in seconds → ThrottledError(status-429) with retryAfter in ms', async () => {
    const error = await errorOf(client.fetchText({ method: 'GET', path: '/429-seconds' }));
    expect(isThrottledError(error)).toBe(true);
    if (!isThrottledError(error)) return;
    expect(error.reason).toBe('status-429');
    expect(error.retryAfter).toBe(120_000);
    expect(error.retryable).toBe(true);
    expect(error.url).toBe(`${server.origin}/429-seconds`);
  });

  it('429 with Retry-After as an HTTP date → retryAfter is the delay in ms', async () => {
    const error = await errorOf(client.fetchText({ method: 'GET', path: '/429-date' }));
    expect(isThrottledError(error)).toBe(true);
    if (!isThrottledError(error)) return;
    // The date has one-second resolution: 60 s ahead, minus up to a second of truncation and test time.
    expect(error.retryAfter).toBeGreaterThan(57_000);
    expect(error.retryAfter).toBeLessThanOrEqual(60_000);
  });

  it('503 → retryable HttpStatusError', async () => {
    const error = await errorOf(client.fetchText({ method: 'GET', path: '/503' }));
    expect(isHttpStatusError(error)).toBe(true);
    if (!isHttpStatusError(error)) return;
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(`Request failed with status 503: GET ${server.origin}/503`);
  });

  it('503 with a captcha page → ThrottledError(captcha)', async () => {
    const error = await errorOf(client.fetchText({ method: 'GET', path: '/503-captcha' }));
    expect(isThrottledError(error) && error.reason).toBe('captcha');
  });

  it('a 200 captcha page → ThrottledError(captcha)', async () => {
    const error = await errorOf(client.fetchText({ method: 'GET', path: '/captcha' }));
    expect(isThrottledError(error) && error.reason).toBe('captcha');
  });

  it('404 → non-retryable HttpStatusError(404)', async () => {
    const error = await errorOf(client.fetchText({ method: 'GET', path: '/404' }));
    expect(isHttpStatusError(error) && error.status).toBe(404);
    expect(isHttpStatusError(error) && error.retryable).toBe(false);
  });

  it('request() itself emits non-2xx responses without failing', async () => {
    const response = await firstValueFrom(client.request({ method: 'GET', path: '/503' }));
    expect(response.status).toBe(503);
    expect(response.body).toBe('Service Unavailable');
  });
});

describe('PlayClient: transport failures', () => {
  it('a headers timeout → retryable TimeoutError', async () => {
    const client = new PlayClient({ baseUrl: server.origin, headersTimeout: 200 });
    const started = Date.now();
    const error = await errorOf(client.request({ method: 'GET', path: '/hang' }));
    expect(isTimeoutError(error)).toBe(true);
    expect(isTimeoutError(error) && error.timeout).toBe(200);
    expect(isTimeoutError(error) && error.retryable).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(client.stats.failed).toBe(1);
    await client.close();
  });

  it('a body timeout → TimeoutError carrying bodyTimeout', async () => {
    const client = new PlayClient({ baseUrl: server.origin, bodyTimeout: 200 });
    const error = await errorOf(client.request({ method: 'GET', path: '/stall-body' }));
    expect(isTimeoutError(error) && error.timeout).toBe(200);
    await client.close();
  });

  it('a connection reset by the server → retryable NetworkError', async () => {
    const client = new PlayClient({ baseUrl: server.origin });
    const error = await errorOf(client.request({ method: 'GET', path: '/reset' }));
    expect(isNetworkError(error)).toBe(true);
    expect(isNetworkError(error) && error.retryable).toBe(true);
    expect(isNetworkError(error) && error.url).toBe(`${server.origin}/reset`);
    await client.close();
  });

  it('a refused connection → NetworkError', async () => {
    const closed = await startServer((_req, res) => res.end());
    await closed.close();
    const client = new PlayClient({ baseUrl: closed.origin });
    const error = await errorOf(client.request({ method: 'GET', path: '/' }));
    expect(isNetworkError(error)).toBe(true);
    expect(isNetworkError(error) && error.reason).toContain('ECONNREFUSED');
    await client.close();
  });
});

describe('PlayClient: cancellation', () => {
  it('unsubscribing mid-request aborts it: the server sees the connection close', async () => {
    const client = new PlayClient({ baseUrl: server.origin });
    const before = serverSaw.closedBeforeFinish;
    const seen = server.requests.length;
    const events: string[] = [];
    const subscription = client.request({ method: 'GET', path: '/hang' }).subscribe({
      next: () => events.push('next'),
      error: () => events.push('error'),
      complete: () => events.push('complete'),
    });
    await until(() => server.requests.length > seen);
    subscription.unsubscribe();
    await until(() => serverSaw.closedBeforeFinish > before);
    expect(serverSaw.closedBeforeFinish).toBe(before + 1);
    expect(client.stats.aborted).toBe(1);
    await delay(20);
    expect(events).toEqual([]);
    expect(client.stats.failed).toBe(0);
    await client.close();
  });

  it("the caller's signal aborts the request and the Observable errors with its reason", async () => {
    const client = new PlayClient({ baseUrl: server.origin });
    const before = serverSaw.closedBeforeFinish;
    const seen = server.requests.length;
    const controller = new AbortController();
    const result = errorOf(client.request({ method: 'GET', path: '/hang' }, { signal: controller.signal }));
    await until(() => server.requests.length > seen);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    expect(await result).toBe(reason);
    await until(() => serverSaw.closedBeforeFinish > before);
    expect(client.stats.aborted).toBe(1);
    await client.close();
  });

  it('an already-aborted signal sends nothing', async () => {
    const client = new PlayClient({ baseUrl: server.origin });
    const seen = server.requests.length;
    const error = await errorOf(client.request({ method: 'GET', path: '/echo' }, { signal: AbortSignal.abort('no') }));
    expect(error).toBe('no');
    await delay(20);
    expect(server.requests.length).toBe(seen);
    await client.close();
  });

  it('is cold: nothing is sent before subscribe, and each subscription sends again', async () => {
    const client = new PlayClient({ baseUrl: server.origin });
    const seen = server.requests.length;
    const echo$ = client.fetchText({ method: 'GET', path: '/echo?cold=1' });
    await delay(20);
    expect(server.requests.length).toBe(seen);
    await firstValueFrom(echo$);
    await firstValueFrom(echo$);
    expect(server.requests.length).toBe(seen + 2);
    expect(client.stats.requests).toBe(2);
    await client.close();
  });
});

describe('PlayClient: redirects', () => {
  let client: PlayClient;
  beforeAll(() => {
    client = new PlayClient({ baseUrl: server.origin });
  });
  afterAll(() => client.close());

  it('follows a same-origin redirect', async () => {
    const response = await firstValueFrom(client.request({ method: 'GET', path: '/redirect-local' }));
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server.origin}/echo?via=redirect`);
    expect(response.body).toBe('hello GET ?via=redirect');
  });

  it('turns a POST into a GET on 303 and keeps it on 307', async () => {
    expect(await firstValueFrom(client.fetchText({ method: 'POST', path: '/redirect-303', body: 'a=1' }))).toBe('hello GET ?after=post');
    expect(await firstValueFrom(client.fetchText({ method: 'POST', path: '/redirect-307', body: 'a=1' }))).toBe('hello POST ?kept=post');
    expect(server.requests.at(-1)?.body).toBe('a=1');
  });

  it('refuses a redirect to another origin, without contacting it', async () => {
    const error = await errorOf(client.request({ method: 'GET', path: '/redirect-away' }));
    expect(isHttpStatusError(error)).toBe(true);
    if (!isHttpStatusError(error)) return;
    expect(error.status).toBe(302);
    expect(error.retryable).toBe(false);
    expect(error.cause instanceof Error && error.cause.message).toContain(other.origin);
    expect(other.requests).toEqual([]);
  });

  it("treats a redirect to Google's /sorry/ page as a captcha throttle", async () => {
    const error = await errorOf(client.request({ method: 'GET', path: '/redirect-sorry' }));
    expect(isThrottledError(error) && error.reason).toBe('captcha');
    expect(other.requests).toEqual([]);
  });

  it('stops after maxRedirects', async () => {
    const limited = new PlayClient({ baseUrl: server.origin, maxRedirects: 2 });
    const error = await errorOf(limited.request({ method: 'GET', path: '/redirect-loop' }));
    expect(isHttpStatusError(error) && error.status).toBe(302);
    expect(limited.stats.requests).toBe(3);
    await limited.close();
  });

  it('returns the redirect itself with followRedirects: false', async () => {
    const manual = new PlayClient({ baseUrl: server.origin, followRedirects: false });
    const response = await firstValueFrom(manual.request({ method: 'GET', path: '/redirect-away' }));
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe(`${other.origin}/landing`);
    await manual.close();
  });
});

describe('PlayClient: proxies', () => {
  it('rotates requests round-robin over the proxies, tunnelling with CONNECT', async () => {
    const first = await startProxy();
    const second = await startProxy();
    const client = new PlayClient({
      baseUrl: server.origin,
      proxies: [`http://alice:s3cret@127.0.0.1:${first.port}`, second.origin],
    });
    for (let i = 0; i < 4; i += 1) {
      // `/close` answers with `connection: close`, so every request needs a new tunnel.
      expect(await firstValueFrom(client.fetchText({ method: 'GET', path: '/close' }))).toBe('closing');
    }
    const target = `127.0.0.1:${server.port}`;
    expect(first.connects.map((c) => c.target)).toEqual([target, target]);
    expect(second.connects.map((c) => c.target)).toEqual([target, target]);
    expect(first.connects[0]?.proxyAuthorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
    expect(second.connects[0]?.proxyAuthorization).toBeUndefined();
    await client.close();
    await Promise.all([first.close(), second.close()]);
  });

  it('never puts proxy credentials in errors', async () => {
    const refusing = await startProxy(407);
    const dead = await startServer((_req, res) => res.end());
    await dead.close();
    for (const proxy of [`http://alice:s3cret@127.0.0.1:${refusing.port}`, `http://alice:s3cret@127.0.0.1:${dead.port}`]) {
      const client = new PlayClient({ baseUrl: server.origin, proxies: [proxy] });
      const error = await errorOf(client.request({ method: 'GET', path: '/echo' }));
      expect(isNetworkError(error)).toBe(true);
      let text = '';
      for (let e: unknown = error; e instanceof Error; e = e.cause) text += `${e.message}\n${e.stack ?? ''}\n`;
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain('alice');
      await client.close();
    }
    expect(refusing.connects).toHaveLength(1);
    await refusing.close();
  });
});

describe('PlayClient: debug output', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('logs requests to stderr with PLAYFAST_DEBUG, redacting proxy credentials', async () => {
    vi.stubEnv('PLAYFAST_DEBUG', 'client');
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const proxy = await startProxy();
    const client = new PlayClient({ baseUrl: server.origin, proxies: [`http://alice:s3cret@127.0.0.1:${proxy.port}`] });
    await firstValueFrom(client.request({ method: 'GET', path: '/echo?debug=1' }));
    await client.close();
    await proxy.close();
    const output = lines.join('');
    expect(output).toContain(`[playfast:client] → GET ${server.origin}/echo?debug=1 via proxy http://***@127.0.0.1:${proxy.port}/`);
    expect(output).toContain(`← 200 ${server.origin}/echo?debug=1`);
    expect(output).not.toContain('s3cret');
  });

  it('is silent without PLAYFAST_DEBUG', async () => {
    vi.stubEnv('PLAYFAST_DEBUG', undefined);
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const client = new PlayClient({ baseUrl: server.origin });
    await firstValueFrom(client.request({ method: 'GET', path: '/echo' }));
    await client.close();
    expect(write).not.toHaveBeenCalled();
  });
});

describe('PlayClient: lifecycle', () => {
  it('close() closes the keep-alive sockets it opened', async () => {
    const own = await startServer((_req, res) => res.end('kept alive'));
    const client = new PlayClient({ baseUrl: own.origin });
    await firstValueFrom(client.request({ method: 'GET', path: '/' }));
    await firstValueFrom(client.request({ method: 'GET', path: '/' }));
    await delay(50);
    // Idle keep-alive sockets stay open (undici keeps them about 4 s)…
    expect(own.openSockets.size).toBeGreaterThanOrEqual(1);
    const closing = Date.now();
    await client.close();
    await own.socketsClosed();
    // …until close() ends them, at once.
    expect(own.openSockets.size).toBe(0);
    expect(Date.now() - closing).toBeLessThan(1_000);
    const error = await errorOf(client.request({ method: 'GET', path: '/' }));
    expect(String(error)).toContain('PlayClient is closed');
    await own.close();
  });

  it('uses an injected dispatcher (MockAgent) and leaves it open on close()', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('https://play.google.com');
    pool.intercept({ path: '/store/apps/details?id=com.example', method: 'GET' }).reply(200, 'mocked page', {
      headers: { 'set-cookie': 'NID=1; Path=/' },
    });
    pool.intercept({ path: '/store/apps/details?id=com.example', method: 'GET', headers: { cookie: 'NID=1' } }).reply(200, 'cookie seen');
    pool.intercept({ path: '/store/apps/details?id=com.example', method: 'GET' }).reply(200, 'still open');
    const client = new PlayClient({ dispatcher: agent });
    const path = '/store/apps/details?id=com.example';
    expect(await firstValueFrom(client.fetchText({ method: 'GET', path }))).toBe('mocked page');
    expect(await firstValueFrom(client.fetchText({ method: 'GET', path }))).toBe('cookie seen');
    await client.close();
    // The client is closed but the injected agent is not: it still answers another client.
    const second = new PlayClient({ dispatcher: agent });
    expect(await firstValueFrom(second.fetchText({ method: 'GET', path }))).toBe('still open');
    await agent.close();
  });
});
