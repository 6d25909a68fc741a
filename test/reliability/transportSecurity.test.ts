import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayClient, isHttpStatusError, isNetworkError, isPlayfastError, isThrottledError } from 'playfast';
import { waitUntil } from './waitUntil.js';

// Transport security: redirects stay on the configured origin, TLS verification stays on, and
// proxy credentials never show in errors, causes, stacks or debug output.

const SPEC = { method: 'GET', path: '/store/apps/details?id=com.example.app&hl=en&gl=us' } as const;

interface TestServer {
  readonly origin: string;
  readonly hits: string[];
  readonly close: () => Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https', hits: string[]): Promise<TestServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => { resolve(); });
      }),
  };
}

/** Every string an error exposes: message, stack, causes (recursively), and util.inspect. */
function everythingIn(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: 10, showHidden: true })];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++) {
    parts.push(current.message, current.stack ?? '', JSON.stringify(current, Object.getOwnPropertyNames(current)));
    current = current.cause;
  }
  return parts.join('\n');
}

async function failureOf(client: PlayClient, spec: typeof SPEC = SPEC): Promise<unknown> {
  try {
    await firstValueFrom(client.fetchText(spec));
  } catch (error) {
    return error;
  }
  throw new Error('the request succeeded');
}

describe('redirects never leave the configured origin', () => {
  let elsewhere: TestServer;
  let origin: TestServer;

  beforeAll(async () => {
    const elsewhereHits: string[] = [];
    elsewhere = await listen(
      createHttpServer((request, response) => {
        elsewhereHits.push(request.url ?? '');
        response.end('elsewhere');
      }),
      'http',
      elsewhereHits,
    );
    const originHits: string[] = [];
    origin = await listen(
      createHttpServer((request, response) => {
        const url = request.url ?? '';
        originHits.push(url);
        const target = new URL(url, 'http://x').searchParams.get('to');
        if (target !== null) {
          response.writeHead(302, { location: target.replace('ELSEWHERE', elsewhere.origin) });
          response.end();
          return;
        }
        response.end('<html>same origin page</html>');
      }),
      'http',
      originHits,
    );
  });

  afterAll(async () => {
    await origin.close();
    await elsewhere.close();
  });

  const redirectTo = (target: string) => ({ method: 'GET', path: `/r?to=${encodeURIComponent(target)}` }) as unknown as typeof SPEC;

  it.each([
    ['another origin', 'ELSEWHERE/store/apps/details?id=x'],
    ['a protocol-relative URL', `//127.0.0.2:1/store`],
    ['credentials on another origin', 'http://user:pass@127.0.0.3:1/store'],
    ['https of the same host and port', 'https://127.0.0.1:1/store'],
  ])('a redirect to %s is refused, and nothing is sent there', async (_name, target) => {
    const client = new PlayClient({ baseUrl: origin.origin });
    const before = elsewhere.hits.length;
    const error = await failureOf(client, redirectTo(target));
    await client.close();
    expect(isHttpStatusError(error)).toBe(true);
    expect(isHttpStatusError(error) && error.retryable).toBe(false);
    expect(everythingIn(error)).toContain('Refused redirect to another origin');
    expect(everythingIn(error)).not.toContain('pass@');
    expect(elsewhere.hits.length).toBe(before);
  });

  it("a redirect to Google's /sorry/ page is a ThrottledError, not followed", async () => {
    const client = new PlayClient({ baseUrl: origin.origin });
    const error = await failureOf(client, redirectTo('ELSEWHERE/sorry/index?continue=x'));
    await client.close();
    expect(isThrottledError(error)).toBe(true);
    expect(elsewhere.hits).toEqual([]);
  });

  it('a same-origin redirect is followed', async () => {
    const client = new PlayClient({ baseUrl: origin.origin });
    const body = await firstValueFrom(client.fetchText(redirectTo('/landing')));
    await client.close();
    expect(body).toBe('<html>same origin page</html>');
    expect(origin.hits.at(-1)).toBe('/landing');
  });
});

describe('TLS verification stays on', () => {
  let tls: TestServer;
  let handshakeFailures = 0;

  beforeAll(async () => {
    const here = (name: string): string => fileURLToPath(new URL(`./tls/${name}`, import.meta.url));
    const hits: string[] = [];
    const server = createHttpsServer({ key: readFileSync(here('self-signed.key.pem')), cert: readFileSync(here('self-signed.cert.pem')) }, (request, response) => {
      hits.push(request.url ?? '');
      response.end('<html>served over an unverified certificate</html>');
    });
    server.on('tlsClientError', () => {
      handshakeFailures++;
    });
    tls = await listen(server, 'https', hits);
  });

  afterAll(async () => {
    await tls.close();
  });

  it('a server with a self-signed certificate is refused with a typed NetworkError, and gets no request', async () => {
    const client = new PlayClient({ baseUrl: tls.origin });
    const error = await failureOf(client);
    await client.close();
    expect(isNetworkError(error)).toBe(true);
    expect(everythingIn(error)).toMatch(/SELF_SIGNED|self[- ]signed|certificate/i);
    expect(tls.hits).toEqual([]);
    await waitUntil(() => handshakeFailures > 0, 'the server to see the refused handshake', 3000);
    expect(handshakeFailures).toBeGreaterThan(0);
  });

  it('no source file turns certificate verification off', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|checkServerIdentity/.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    for (const dir of ['src', 'operators']) walk(join(root, dir));
    expect(offenders).toEqual([]);
  });
});

describe('proxy credentials never leak', () => {
  const SECRET = 'pr0xy-s3cret';
  let refusing: TestServer;

  beforeAll(async () => {
    // A proxy that demands other credentials: 407 to every CONNECT and every plain request.
    const hits: string[] = [];
    const server = createHttpServer((request, response) => {
      hits.push(request.headers['proxy-authorization'] ?? '');
      response.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"' });
      response.end();
    });
    server.on('connect', (request, socket: Socket) => {
      hits.push(request.headers['proxy-authorization'] ?? '');
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\n\r\n');
    });
    refusing = await listen(server, 'http', hits);
  });

  afterAll(async () => {
    await refusing.close();
  });

  async function withDebugOutput<T>(run: () => Promise<T>): Promise<{ readonly result: T; readonly output: string }> {
    const previous = process.env['PLAYFAST_DEBUG'];
    process.env['PLAYFAST_DEBUG'] = '*';
    const write = process.stderr.write.bind(process.stderr);
    let output = '';
    process.stderr.write = ((chunk: string | Uint8Array): boolean => {
      output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    });
    try {
      return { result: await run(), output };
    } finally {
      process.stderr.write = write;
      if (previous === undefined) delete process.env['PLAYFAST_DEBUG'];
      else process.env['PLAYFAST_DEBUG'] = previous;
    }
  }

  it.each([
    ['a proxy that answers 407', () => refusing.origin.replace('http://', `http://user:${SECRET}@`)],
    ['an unreachable proxy', () => `http://user:${SECRET}@127.0.0.1:1`],
  ])('%s: a typed error and debug output without the password', async (_name, proxy) => {
    const { result: error, output } = await withDebugOutput(async () => {
      const client = new PlayClient({ baseUrl: 'http://127.0.0.1:9', proxies: [proxy()] });
      const failure = await failureOf(client);
      await client.close();
      return failure;
    });
    expect(isPlayfastError(error)).toBe(true);
    expect(isNetworkError(error)).toBe(true);
    expect(everythingIn(error)).not.toContain(SECRET);
    expect(output).toContain('[playfast:client]');
    expect(output).toContain('***@');
    expect(output).not.toContain(SECRET);
  });

  it.each([['ftp://user:SECRET@proxy:21'], ['http://user:SECRET@[::1'], ['not a url user:SECRET@x']])('a malformed proxy URL (%s) is refused without echoing it', (proxy) => {
    const value = proxy.replace('SECRET', SECRET);
    let error: unknown;
    try {
      new PlayClient({ proxies: [value] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(everythingIn(error)).toContain('proxies[0]');
    expect(everythingIn(error)).not.toContain(SECRET);
  });
});
