import { startReplayServerProcess } from '../../src/testing/index.js';
import { bundled } from '../lib/bundle.js';
import { atMost, type ScenarioReport, type Target } from '../lib/report.js';
import { spawnScript } from '../lib/spawnScript.js';
import { formatSummary, summarize, type Summary } from '../lib/stats.js';
import { markdownTable } from '../lib/table.js';
import type { ClientName, ClientResult, ClientTask, TaskKind } from '../lib/task.js';

/**
 * Scenarios 1 and 2: the same requests through playfast, google-play-scraper and the floor, each
 * client in its own process, against one replay server in another process. Runs are interleaved
 * (floor, playfast, gps, floor, …) so load from other processes hits every client alike.
 */

const CLIENTS: readonly ClientName[] = ['floor', 'playfast', 'gps'];
const SCRIPTS = { floor: 'clients/floor.ts', playfast: 'clients/playfast.ts', gps: 'clients/gps.ts' } as const;

/** Figures of one client on one page kind. */
export interface ClientFigures {
  readonly client: ClientName;
  readonly kind: TaskKind;
  readonly cpuMsPerRequest: Summary;
  readonly requestsPerSecond: Summary;
  readonly failed: number;
  /** Whether every run produced the floor's ids and titles. */
  readonly correct: boolean;
}

/**
 * Runs every client `runs` times on `n` requests of each kind and checks each output against the floor's.
 *
 * @example
 * ```ts
 * await measureClients({ latency: 0 }, { n: 300, runs: 5, concurrency: 8 });
 * ```
 */
export async function measureClients(server: { readonly latency: number }, plan: { readonly n: number; readonly runs: number; readonly concurrency: number }): Promise<ClientFigures[]> {
  const replay = await startReplayServerProcess({ latency: server.latency, compression: false });
  const figures: ClientFigures[] = [];
  try {
    for (const kind of ['details', 'list'] as const) {
      const results = new Map<ClientName, ClientResult[]>(CLIENTS.map((client) => [client, []]));
      for (let run = 0; run < plan.runs; run++) {
        for (const client of CLIENTS) {
          const task: ClientTask = { client, kind, baseUrl: replay.url, n: plan.n, concurrency: plan.concurrency };
          results.get(client)?.push(await spawnScript<ClientResult>(bundled(SCRIPTS[client]), task));
        }
      }
      const reference = results.get('floor')?.[0]?.digest;
      for (const client of CLIENTS) {
        const runs = results.get(client) ?? [];
        figures.push({
          client,
          kind,
          cpuMsPerRequest: summarize(runs.map((result) => result.cpuMs / plan.n)),
          requestsPerSecond: summarize(runs.map((result) => (result.ok * 1000) / result.wallMs)),
          failed: runs.reduce((sum, result) => sum + result.failed, 0),
          correct: runs.every((result) => result.digest === reference && result.ok === plan.n),
        });
      }
    }
  } finally {
    await replay.close();
  }
  return figures;
}

function find(figures: readonly ClientFigures[], client: ClientName, kind: TaskKind): ClientFigures | undefined {
  return figures.find((figure) => figure.client === client && figure.kind === kind);
}

function figureRows(figures: readonly ClientFigures[], extra: (figure: ClientFigures) => string): string[][] {
  return figures.map((figure) => {
    const floor = find(figures, 'floor', figure.kind);
    const cpuRatio = floor === undefined ? Number.NaN : figure.cpuMsPerRequest.median / floor.cpuMsPerRequest.median;
    return [
      figure.kind,
      figure.client,
      figure.correct ? 'yes' : '**NO**',
      formatSummary(figure.cpuMsPerRequest, 2),
      `${cpuRatio.toFixed(2)}×`,
      formatSummary(figure.requestsPerSecond, 0),
      extra(figure),
    ];
  });
}

/**
 * Scenario 1: client overhead, latency 0.
 *
 * @example
 * ```ts
 * const report = await clientOverhead({ n: 300, runs: 5 });
 * ```
 */
export async function clientOverhead(plan: { readonly n: number; readonly runs: number }): Promise<ScenarioReport> {
  const figures = await measureClients({ latency: 0 }, { ...plan, concurrency: 8 });
  const targets: Target[] = [];
  for (const kind of ['details', 'list'] as const) {
    const playfast = find(figures, 'playfast', kind);
    const gps = find(figures, 'gps', kind);
    const floor = find(figures, 'floor', kind);
    if (playfast === undefined || gps === undefined || floor === undefined) continue;
    targets.push(atMost(1, `${kind}: playfast CPU/request ÷ gps CPU/request ≤ 1/1.5`, playfast.cpuMsPerRequest.median / gps.cpuMsPerRequest.median, 1 / 1.5, true));
    targets.push(atMost(1, `${kind}: playfast CPU/request ÷ floor CPU/request ≤ 1.2`, playfast.cpuMsPerRequest.median / floor.cpuMsPerRequest.median, 1.2, true));
    targets.push(atMost(1, `${kind}: playfast output = floor output`, playfast.correct && gps.correct ? 0 : 1, 0, true));
  }
  const table = markdownTable(
    ['page', 'client', 'same output as floor', 'CPU ms/request, median (min–max)', 'CPU vs floor', 'requests/s, median (min–max)', 'failed'],
    figureRows(figures, (figure) => String(figure.failed)),
  );
  return {
    id: 1,
    title: `Client overhead (latency 0, concurrency 8, N = ${plan.n}, ${plan.runs} runs)`,
    markdown: table,
    data: figures,
    targets,
  };
}

/**
 * Scenario 2: latency-bound (50 ms per answer, concurrency 8): requests/s vs the floor and vs the
 * ideal `concurrency / latency`.
 *
 * @example
 * ```ts
 * const report = await latencyBound({ n: 300, runs: 5 });
 * ```
 */
export async function latencyBound(plan: { readonly n: number; readonly runs: number }): Promise<ScenarioReport> {
  const latency = 50;
  const concurrency = 8;
  const ideal = concurrency / (latency / 1000);
  const figures = await measureClients({ latency }, { ...plan, concurrency });
  const table = markdownTable(
    ['page', 'client', 'same output as floor', 'CPU ms/request, median (min–max)', 'CPU vs floor', 'requests/s, median (min–max)', 'req/s vs floor · vs ideal'],
    figureRows(figures, (figure) => {
      const floor = find(figures, 'floor', figure.kind);
      const rate = figure.requestsPerSecond.median;
      return `${floor === undefined ? '?' : (rate / floor.requestsPerSecond.median).toFixed(2)} · ${(rate / ideal).toFixed(2)}`;
    }),
  );
  return {
    id: 2,
    title: `Latency-bound (latency ${latency} ms, concurrency ${concurrency}, ideal ${ideal} req/s, N = ${plan.n}, ${plan.runs} runs)`,
    markdown: table,
    data: { ideal, figures },
    targets: [],
  };
}
