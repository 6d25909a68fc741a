import { startReplayServerProcess } from '../../src/testing/index.js';
import { bundled } from '../lib/bundle.js';
import type { ScenarioReport } from '../lib/report.js';
import { spawnScript } from '../lib/spawnScript.js';
import { markdownTable } from '../lib/table.js';
import type { ClientResult, TaskKind } from '../lib/task.js';

/**
 * Scenario 7: wire bytes of a playfast collection with the server's compression on vs off
 * (playfast asks for `gzip, br`; `client.stats.wireBytes` and the server's `bytesSent`).
 *
 * @example
 * ```ts
 * const report = await wireScenario({ n: 50 });
 * ```
 */
export async function wireScenario(plan: { readonly n: number }): Promise<ScenarioReport> {
  const kinds = ['list', 'details'] as const satisfies readonly TaskKind[];
  const measured = new Map<string, { row: string[]; data: unknown }>();
  // One server per compression setting, its counters zeroed before each page kind.
  for (const compression of [true, false]) {
    const replay = await startReplayServerProcess({ compression });
    try {
      for (const kind of kinds) {
        await replay.resetStats();
        const result = await spawnScript<ClientResult>(bundled('clients/playfast.ts'), { client: 'playfast', kind, baseUrl: replay.url, n: plan.n, concurrency: 8 });
        const stats = await replay.stats();
        const perRequest = (result.wireBytes ?? Number.NaN) / plan.n;
        measured.set(`${kind} ${String(compression)}`, {
          row: [kind, compression ? 'on (br/gzip)' : 'off', `${(perRequest / 1024).toFixed(1)} KiB`, `${(stats.bytesSent / plan.n / 1024).toFixed(1)} KiB`, `${(stats.bytesBeforeCompression / Math.max(1, stats.bytesSent)).toFixed(1)}×`],
          data: { kind, compression, clientWireBytes: result.wireBytes, serverBytesSent: stats.bytesSent, bytesBeforeCompression: stats.bytesBeforeCompression, n: plan.n },
        });
      }
    } finally {
      await replay.close();
    }
  }
  const ordered = kinds.flatMap((kind) => [true, false].map((compression) => measured.get(`${kind} ${String(compression)}`))).filter((entry) => entry !== undefined);
  const table = markdownTable(['page', 'compression', 'client wire bytes / request', 'server bytes sent / request', 'size before ÷ on the wire'], ordered.map((entry) => entry.row));
  return { id: 7, title: `Wire bytes (N = ${plan.n} per row)`, markdown: table, data: ordered.map((entry) => entry.data), targets: [] };
}
