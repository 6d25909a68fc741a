import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { isThrottlePage } from '../../src/parsers/pageGuards.js';
import { createReplayServer, DEFAULT_THROTTLE, FAULT_KINDS, type ReplayServer, type ReplayServerOptions } from '../../src/testing/index.js';
import { createThrottle } from '../../src/testing/throttle.js';
import { loadFixture } from '../helpers/fixtures.js';
import { batchBody, get, listInner, post } from './replayClient.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: ReplayServerOptions): Promise<string> {
  server = createReplayServer(options);
  return server.start();
}

const DETAILS = '/store/apps/details?id=com.mojang.minecraftpe&hl=en&gl=us';

describe('latency', () => {
  it('delays answers by the fixed latency, per route', async () => {
    const base = await start({ latency: { ms: 0, routes: { details: { ms: 150, jitter: 20 } } } });
    let started = performance.now();
    await get(base, '/store/apps');
    const fast = performance.now() - started;
    started = performance.now();
    await get(base, DETAILS);
    const slow = performance.now() - started;
    expect(slow).toBeGreaterThanOrEqual(148);
    expect(fast).toBeLessThan(slow);
  });
});

describe('compression', () => {
  it('sends gzip or br when asked, decoding to the same bytes', async () => {
    const base = await start({});
    const plain = await get(base, DETAILS);
    const gzip = await get(base, DETAILS, { 'accept-encoding': 'gzip' });
    const br = await get(base, DETAILS, { 'accept-encoding': 'br, gzip' });
    const refused = await get(base, DETAILS, { 'accept-encoding': 'br;q=0, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gzip.raw).equals(plain.raw)).toBe(true);
    expect(brotliDecompressSync(br.raw).equals(plain.raw)).toBe(true);
    expect(plain.body).toBe(loadFixture('details/com.mojang.minecraftpe.en-us.html'));
    const stats = server?.stats();
    expect(stats?.bytesSentCompressed).toBe(gzip.raw.length + br.raw.length);
    expect(stats?.bytesSentUncompressed).toBe(plain.raw.length * 2);
    expect(stats?.bytesBeforeCompression).toBe(plain.raw.length * 4);
  });

  it('can be switched off', async () => {
    const base = await start({ compression: false });
    expect((await get(base, DETAILS, { 'accept-encoding': 'gzip, br' })).headers['content-encoding']).toBeUndefined();
  });
});

describe('connections', () => {
  it('keeps connections alive and counts them; maxConnections drops the surplus', async () => {
    const base = await start({ maxConnections: 1 });
    const agent = new Agent({ connections: 1 });
    for (let index = 0; index < 3; index++) await (await request(`${base}/store/apps`, { dispatcher: agent })).body.text();
    expect(server?.stats().totalConnections).toBe(1);
    expect(server?.stats().openConnections).toBe(1);
    const second = new Agent({ connections: 1 });
    await expect(request(`${base}/store/apps`, { dispatcher: second }).then((reply) => reply.body.text())).rejects.toThrow();
    await agent.close();
    await second.close();
  });
});

describe('throttle', () => {
  it('refuses past the burst with 429 and Retry-After: 1', async () => {
    // A slow refill (0.5/s) so that a loaded machine spreading the 15 arrivals cannot refill the bucket.
    const base = await start({ throttle: { rate: 0.5, captchaFactor: 1000 } });
    const statuses: number[] = [];
    const retryAfter: unknown[] = [];
    const replies = await Promise.all(Array.from({ length: 15 }, () => get(base, '/store/apps')));
    for (const reply of replies) {
      statuses.push(reply.status);
      if (reply.status === 429) retryAfter.push(reply.headers['retry-after']);
    }
    expect(statuses.filter((status) => status === 200).length).toBe(DEFAULT_THROTTLE.burst);
    expect(retryAfter).toHaveLength(5);
    expect(new Set(retryAfter)).toEqual(new Set(['1']));
    expect(server?.stats().throttled).toBe(5);
  });

  // Real time on a shared machine: retried if the client's own timers run late, assertions unchanged.
  it('admits 20 ± 2 per second from a client sending 40 req/s, then starts the captcha cooldown', { retry: 2, timeout: 20_000 }, async () => {
    const base = await start({ throttle: true });
    // Warm connections first (then forget them), so that connection setup does not skew arrival times.
    const agent = new Agent({ connections: 8 });
    const send = async (): Promise<{ status: number; body: string }> => {
      const reply = await request(`${base}/store/apps`, { dispatcher: agent });
      return { status: reply.statusCode, body: await reply.body.text() };
    };
    await Promise.all(Array.from({ length: 8 }, send));
    server?.resetStats();
    const outcomes: { readonly sentAt: number; readonly kind: 'admitted' | 'refused' | 'captcha' | 'other' }[] = [];
    const started = performance.now();
    const pending: Promise<void>[] = [];
    for (let index = 0; index < 200; index++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + index * 25 - performance.now())));
      const sentAt = performance.now() - started;
      pending.push(
        send().then((reply) => {
          const kind = reply.status === 200 ? 'admitted' : reply.status === 429 ? 'refused' : reply.status === 503 && isThrottlePage(reply.body) ? 'captcha' : 'other';
          outcomes.push({ sentAt, kind });
        }),
      );
    }
    await Promise.all(pending);
    await agent.close();
    outcomes.sort((left, right) => left.sentAt - right.sentAt);
    const admittedIn = (from: number, to: number): number => outcomes.filter((outcome) => outcome.kind === 'admitted' && outcome.sentAt >= from && outcome.sentAt < to).length;
    // Second 0 spends the burst too; seconds 1 and 2 are the sustained rate.
    expect(admittedIn(0, 1000)).toBeLessThanOrEqual(DEFAULT_THROTTLE.burst + 20 + 2);
    expect(admittedIn(1000, 2000)).toBeGreaterThanOrEqual(18);
    expect(admittedIn(1000, 2000)).toBeLessThanOrEqual(22);
    expect(admittedIn(2000, 3000)).toBeGreaterThanOrEqual(18);
    expect(admittedIn(2000, 3000)).toBeLessThanOrEqual(22);
    // The 61st refusal within 5 s (past 3 × 20) starts the cooldown, which then answers everything.
    const firstCaptcha = outcomes.findIndex((outcome) => outcome.kind === 'captcha');
    expect(firstCaptcha).toBeGreaterThan(0);
    expect(outcomes.slice(0, firstCaptcha).filter((outcome) => outcome.kind === 'refused')).toHaveLength(3 * 20);
    expect(outcomes.slice(firstCaptcha).every((outcome) => outcome.kind === 'captcha')).toBe(true);
    expect(outcomes.some((outcome) => outcome.kind === 'other')).toBe(false);
    expect(server?.stats().captchas).toBe(200 - firstCaptcha);
  });

  it('holds the cooldown for 30 s, then starts again with a full bucket (fake clock)', () => {
    let now = 0;
    const throttle = createThrottle({ ...DEFAULT_THROTTLE }, () => now);
    const kinds: string[] = [];
    for (let index = 0; index < 200; index++) {
      now = index * 25;
      kinds.push(throttle.check('a').kind);
    }
    const firstCaptcha = kinds.indexOf('captcha');
    expect(firstCaptcha).toBeGreaterThan(0);
    expect(kinds.slice(firstCaptcha).every((kind) => kind === 'captcha')).toBe(true);
    expect(throttle.check('b').kind).toBe('admit');
    now = firstCaptcha * 25 + 29_999;
    expect(throttle.check('a')).toEqual({ kind: 'captcha', status: 503 });
    now = firstCaptcha * 25 + 30_000;
    expect(throttle.check('a').kind).toBe('admit');
    const status200 = createThrottle({ ...DEFAULT_THROTTLE, captchaMode: 'status200', cooldownMs: 10 }, () => now);
    let decision = status200.check('c');
    for (let index = 0; index < 100 && decision.kind !== 'captcha'; index++) decision = status200.check('c');
    expect(decision).toEqual({ kind: 'captcha', status: 200 });
  });
});

describe('faults', () => {
  it('injects each kind as its observable failure (scripted sequence)', async () => {
    const base = await start({ faults: { sequence: [...FAULT_KINDS], stallMs: 300 } });
    const list = batchBody('vyAe2', listInner(3));
    const observed: string[] = [];
    for (const kind of FAULT_KINDS) {
      try {
        const reply = kind === 'gatewayError' || kind === 'emptyPayload' || kind === 'malformed' ? await post(base, list) : await get(base, DETAILS);
        if (reply.status !== 200) observed.push(`status${reply.status}`);
        else if (kind === 'malformed') observed.push(throwsName(() => decodeBatchExecute(reply.body, 'vyAe2')));
        else if (kind === 'gatewayError') observed.push(throwsName(() => decodeBatchExecute(reply.body, 'vyAe2')));
        else if (kind === 'emptyPayload') observed.push(String(decodeBatchExecute(reply.body, 'vyAe2')));
        else observed.push(isThrottlePage(reply.body) ? 'captcha200' : 'ok');
      } catch (error) {
        observed.push(error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : 'error');
      }
    }
    expect(observed[0]).toBe('status429');
    expect(observed[1]).toBe('status500');
    expect(observed[2]).toBe('status503');
    expect(observed[3]).toMatch(/other side closed|socket|reset|closed/i);
    expect(observed[4]).toMatch(/other side closed|socket|closed/i);
    expect(observed[5]).toMatch(/closed|terminated|aborted|socket/i);
    expect(observed[6]).toBe('NetworkError');
    expect(observed[7]).toBe('captcha200');
    expect(observed[8]).toBe('ThrottledError');
    expect(observed[9]).toBe('null');
    expect(server?.stats().faults).toEqual(Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 1])));
    const after = await get(base, DETAILS);
    expect(after.status).toBe(200);
  });

  it('never gives one request more than maxPerRequest faults', async () => {
    const base = await start({ seed: 3, faults: { probability: 0.7, kinds: ['status500', 'status503', 'status429'], maxPerRequest: 2 } });
    const faultsByRequest = new Map<string, number>();
    for (let round = 0; round < 6; round++) {
      for (let index = 0; index < 20; index++) {
        const path = `/store/apps/details?id=com.example.app${index}`;
        const reply = await get(base, path);
        if (reply.status !== 200) faultsByRequest.set(path, (faultsByRequest.get(path) ?? 0) + 1);
      }
    }
    expect(Math.max(...faultsByRequest.values())).toBe(2);
    expect([...faultsByRequest.values()].every((count) => count <= 2)).toBe(true);
  });

  it('gives permanent faults the same answer on every attempt', async () => {
    const base = await start({ seed: 9, faults: { permanent: { probability: 0.5, kinds: ['notFound'] } } });
    const first: number[] = [];
    const second: number[] = [];
    for (let index = 0; index < 20; index++) first.push((await get(base, `/store/apps/details?id=com.example.p${index}`)).status);
    for (let index = 0; index < 20; index++) second.push((await get(base, `/store/apps/details?id=com.example.p${index}`)).status);
    expect(second).toEqual(first);
    expect(first.filter((status) => status === 404).length).toBeGreaterThan(3);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(3);
  });

  it('a reset really resets the connection, a stall outlasts the client timeout', async () => {
    const base = await start({ faults: { sequence: ['reset', 'stall'], stallMs: 5000 } });
    const resetError = await get(base, DETAILS).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(errorCode(resetError)).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    await expect(request(`${base}${DETAILS}`, { headersTimeout: 200 })).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The reset was the server's doing; the stall was given up by the client.
    expect(server?.stats().aborted).toBe(1);
    expect(server?.stats().byStatus).toEqual({ none: 2 });
  });

  it('is reproducible from the seed', async () => {
    const run = async (): Promise<number[]> => {
      const base = await start({ seed: 4, faults: { probability: 0.4, kinds: ['status500'] } });
      const statuses: number[] = [];
      for (let index = 0; index < 30; index++) statuses.push((await get(base, `/store/apps/details?id=com.example.r${index % 10}`)).status);
      await server?.close();
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((status) => status === 500).length).toBeGreaterThan(0);
  });
});

describe('stats', () => {
  it('match the client-side counts exactly, and resetStats zeroes them', async () => {
    const base = await start({ latency: 30, throttle: { rate: 0.001, burst: 5, captchaFactor: 100_000 }, faults: { sequence: [null, null, 'status500'] } });
    const client = { requests: 0, byStatus: new Map<number, number>(), bytes: 0 };
    const paths = [DETAILS, '/store/apps/details?id=missing.x', DETAILS, '/store/apps', '/store/search?q=go', '/store/apps', '/store/apps', '/store/apps'];
    const replies = await Promise.all(paths.map((path) => get(base, path)));
    for (const reply of replies) {
      client.requests++;
      client.byStatus.set(reply.status, (client.byStatus.get(reply.status) ?? 0) + 1);
      client.bytes += reply.raw.length;
    }
    const stats = server?.stats();
    expect(stats?.requests).toBe(client.requests);
    expect(stats?.byStatus).toEqual(Object.fromEntries([...client.byStatus].map(([status, count]) => [String(status), count])));
    expect(stats?.bytesSent).toBe(client.bytes);
    expect(stats?.distinctRequests).toBe(new Set(paths).size);
    expect(stats?.maxRequestsPerSecond).toBe(paths.length);
    expect(stats?.maxInFlight).toBeGreaterThan(1);
    expect(stats?.inFlight).toBe(0);
    expect(stats?.byRoute.details?.total).toBe(3);
    expect(stats?.byRoute.categories?.total).toBe(4);
    expect(stats?.throttled).toBe(3);
    server?.resetStats();
    expect(server?.stats()).toMatchObject({ requests: 0, distinctRequests: 0, bytesSent: 0, throttled: 0, byStatus: {} });
  });
});

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'no code';
}

function throwsName(action: () => unknown): string {
  try {
    action();
    return 'no error';
  } catch (error) {
    return error instanceof Error ? error.name : 'unknown';
  }
}
