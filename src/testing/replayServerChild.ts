import { createReplayServer, type ReplayServer } from './createReplayServer.js';
import type { ReplayServerOptions } from './replayServerOptions.js';

/**
 * Entry of the child process started by `startReplayServerProcess`: runs one replay server and
 * answers the parent's IPC messages (`start`, `stats`, `cpuUsage`, `resetStats`, `close`).
 */

/** Messages from the parent. */
export type ParentMessage =
  | { readonly type: 'start'; readonly options: ReplayServerOptions }
  | { readonly type: 'stats'; readonly id: number }
  | { readonly type: 'resetStats'; readonly id: number }
  | { readonly type: 'cpuUsage'; readonly id: number }
  | { readonly type: 'close'; readonly id: number };

let server: ReplayServer | undefined;

function reply(message: unknown): void {
  process.send?.(message);
}

async function onMessage(message: ParentMessage): Promise<void> {
  switch (message.type) {
    case 'start':
      try {
        server = createReplayServer(message.options);
        reply({ type: 'started', url: await server.start() });
      } catch (error) {
        reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
      return;
    case 'stats':
      reply({ type: 'reply', id: message.id, stats: server?.stats() });
      return;
    case 'cpuUsage':
      reply({ type: 'reply', id: message.id, cpuUsage: process.cpuUsage() });
      return;
    case 'resetStats':
      server?.resetStats();
      reply({ type: 'reply', id: message.id });
      return;
    case 'close':
      await server?.close();
      reply({ type: 'reply', id: message.id });
      process.disconnect();
      return;
  }
}

if (process.send !== undefined) {
  process.on('message', (message: ParentMessage) => {
    void onMessage(message);
  });
  process.on('disconnect', () => {
    void server?.close().finally(() => process.exit(0));
  });
}
