import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createReplayServer, type ReplayServer, type ReplayServerOptions } from 'playfast/testing';

/** The replay server of a test file, readable once the file's `beforeAll` has run. */
export interface FileReplayServer {
  /** The running server (its `stats()` are zeroed before each test). */
  readonly server: ReplayServer;
  /** Its base URL, e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
}

/**
 * Gives a test file one replay server: started before the file's tests, its counters zeroed
 * before each test, closed after the last one. Call it at the top level of the file.
 *
 * @example
 * ```ts
 * const replay = useReplayServer({ pages: 3 });
 * it('pages', async () => {
 *   await collect(search({ query: 'chess', num: 75 }, { baseUrl: replay.baseUrl }));
 *   expect(replay.server.stats().byRoute['continuation']?.total).toBe(1);
 * });
 * ```
 */
export function useReplayServer(options: ReplayServerOptions = {}): FileReplayServer {
  let server: ReplayServer | undefined;
  let baseUrl: string | undefined;
  beforeAll(async () => {
    server = createReplayServer(options);
    baseUrl = await server.start();
  });
  beforeEach(() => {
    server?.resetStats();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server(): ReplayServer {
      if (server === undefined) throw new Error('useReplayServer: the server starts in beforeAll; read it inside a test');
      return server;
    },
    get baseUrl(): string {
      if (baseUrl === undefined) throw new Error('useReplayServer: the server starts in beforeAll; read it inside a test');
      return baseUrl;
    },
  };
}
