import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayClient, isBodyTooLargeError } from 'playfast';
import { createReplayServer, type ReplayServer } from 'playfast/testing';

// The body size cap (PlayClient maxBodyBytes) holds on the wire and after decoding: a declared
// length over the cap, a chunked body that grows past it, and a gzip bomb all end in
// BodyTooLargeError, without the process holding the decoded bytes.

const CAP = 256 * 1024;
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MB of zeros in ~64 KB

let hostile: Server;
let hostileUrl: string;
let replay: ReplayServer;
let replayUrl: string;

beforeAll(async () => {
  hostile = createServer((request, response) => {
    switch (request.url) {
      case '/declared':
        response.writeHead(200, { 'content-length': String(CAP * 4) });
        response.end(Buffer.alloc(CAP * 4, 0x61));
        return;
      case '/chunked': {
        response.writeHead(200, { 'content-type': 'text/html' });
        let sent = 0;
        const push = (): void => {
          if (sent > CAP * 8 || response.destroyed) {
            response.end();
            return;
          }
          sent += 16 * 1024;
          response.write(Buffer.alloc(16 * 1024, 0x62), push);
        };
        push();
        return;
      }
      default:
        response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(BOMB.length) });
        response.end(BOMB);
    }
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
  replay = createReplayServer();
  replayUrl = await replay.start();
});

afterAll(async () => {
  hostile.closeAllConnections();
  await new Promise<void>((resolve) => hostile.close(() => { resolve(); }));
  await replay.close();
});

async function failureOf(baseUrl: string, path: string): Promise<unknown> {
  const client = new PlayClient({ baseUrl, maxBodyBytes: CAP });
  try {
    await firstValueFrom(client.fetchText({ method: 'GET', path }));
  } catch (error) {
    return error;
  } finally {
    await client.close();
  }
  throw new Error('the body was accepted');
}

describe('maxBodyBytes', () => {
  it.each([
    ['a declared content-length over the cap', '/declared'],
    ['a chunked body that grows past the cap', '/chunked'],
    ['a gzip bomb (64 MB from 64 KB)', '/bomb'],
  ])('%s → BodyTooLargeError', async (_name, path) => {
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await failureOf(hostileUrl, path);
    expect(isBodyTooLargeError(error)).toBe(true);
    expect(isBodyTooLargeError(error) && error.retryable).toBe(false);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
  });

  it('a real details page larger than the cap once decompressed → BodyTooLargeError', async () => {
    const error = await failureOf(replayUrl, '/store/apps/details?id=com.mojang.minecraftpe&hl=en&gl=us');
    expect(isBodyTooLargeError(error)).toBe(true);
    expect(replay.stats().bytesBeforeCompression).toBeGreaterThan(CAP);
  });
});
