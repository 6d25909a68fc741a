import { DEFAULT_THROTTLE, startReplayServerProcess, type ReplayServerProcess } from '../../src/testing/index.js';
import { bundled } from '../lib/bundle.js';
import { atMost, type ScenarioReport, type Target } from '../lib/report.js';
import { spawnScript } from '../lib/spawnScript.js';
import { formatSummary, summarize, type Summary } from '../lib/stats.js';
import { markdownTable } from '../lib/table.js';
import type { ClientResult, ClientTask } from '../lib/task.js';

/**
 * Scenario 3: a throttled server (DEFAULT_THROTTLE: 20 req/s, burst 10, 429 + Retry-After 1,
 * captcha cooldown on abuse). One replay server process serves every variant, one after the other;
 * its throttle state and counters are reset before each (the throttle is per client address, and
 * each client is a new process). Sequential: servers or clients running side by side on a loaded
 * 2-core machine would compete for the CPU.
 */

interface Variant {
  readonly label: string;
  readonly client: 'playfast' | 'gps';
  readonly throttle?: number;
  readonly limiter?: 'default' | 'told';
}

const VARIANTS: readonly Variant[] = [
  { label: 'playfast (default BatchOptions: adaptive limiter + retry, not told the rate)', client: 'playfast', limiter: 'default' },
  { label: 'google-play-scraper, naive pool of 8', client: 'gps' },
  { label: 'reference: playfast told the rate (token bucket 20/s, burst 10)', client: 'playfast', limiter: 'told' },
  { label: 'google-play-scraper, pool of 8, throttle: 20', client: 'gps', throttle: 20 },
  { label: 'google-play-scraper, pool of 8, throttle: 10', client: 'gps', throttle: 10 },
];

/** Figures of one variant. */
export interface ThrottledFigures {
  readonly label: string;
  readonly seconds: Summary;
  readonly failed: Summary;
  readonly vsIdeal: number;
  readonly throttled: Summary;
  readonly captchas: Summary;
}

async function runVariant(replay: ReplayServerProcess, variant: Variant, n: number): Promise<{ result: ClientResult; throttled: number; captchas: number }> {
  await replay.resetStats();
  const task: ClientTask = {
    client: variant.client,
    kind: 'list',
    baseUrl: replay.url,
    n,
    concurrency: 8,
    ...(variant.limiter === undefined ? {} : { limiter: variant.limiter }),
    ...(variant.throttle === undefined ? {} : { throttle: variant.throttle }),
  };
  const result = await spawnScript<ClientResult>(bundled(variant.client === 'playfast' ? 'clients/playfast.ts' : 'clients/gps.ts'), task);
  const stats = await replay.stats();
  return { result, throttled: stats.throttled, captchas: stats.captchas };
}

/**
 * Runs scenario 3: every variant (`variants: 'all'`), or only playfast with the default
 * BatchOptions, whose figures are the targets (`'default'`, quick mode).
 *
 * @example
 * ```ts
 * const report = await throttledServer({ n: 500, runs: 5 });
 * ```
 */
export async function throttledServer(plan: { readonly n: number; readonly runs: number; readonly variants?: 'all' | 'default' }): Promise<ScenarioReport> {
  const idealSeconds = (plan.n - DEFAULT_THROTTLE.burst) / DEFAULT_THROTTLE.rate;
  const variants = plan.variants === 'default' ? VARIANTS.slice(0, 1) : VARIANTS;
  const byVariant = new Map<string, { result: ClientResult; throttled: number; captchas: number }[]>(VARIANTS.map((variant) => [variant.label, []]));
  const replay = await startReplayServerProcess({ throttle: true });
  try {
    for (let run = 0; run < plan.runs; run++) {
      for (const variant of variants) byVariant.get(variant.label)?.push(await runVariant(replay, variant, plan.n));
    }
  } finally {
    await replay.close();
  }
  const figures: ThrottledFigures[] = VARIANTS.filter((variant) => (byVariant.get(variant.label)?.length ?? 0) > 0).map((variant) => {
    const runs = byVariant.get(variant.label) ?? [];
    const seconds = summarize(runs.map((run) => run.result.wallMs / 1000));
    return {
      label: variant.label,
      seconds,
      failed: summarize(runs.map((run) => run.result.failed)),
      vsIdeal: seconds.median / idealSeconds,
      throttled: summarize(runs.map((run) => run.throttled)),
      captchas: summarize(runs.map((run) => run.captchas)),
    };
  });
  const playfast = figures[0];
  const targets: Target[] =
    playfast === undefined
      ? []
      : [
          atMost(3, 'playfast failed requests = 0 (worst run)', playfast.failed.max, 0, true),
          atMost(3, 'playfast completion ≤ 1.25× ideal (median)', playfast.vsIdeal, 1.25, true),
        ];
  const table = markdownTable(
    ['client', 'completion s, median (min–max)', 'vs ideal', 'failed of N, median (min–max)', '429s', 'captcha answers'],
    figures.map((figure) => [figure.label, formatSummary(figure.seconds, 1), `${figure.vsIdeal.toFixed(2)}×`, formatSummary(figure.failed, 0), formatSummary(figure.throttled, 0), formatSummary(figure.captchas, 0)]),
  );
  return {
    id: 3,
    title: `Throttled server (DEFAULT_THROTTLE, ${plan.n} list requests, ideal (N − burst)/rate = ${idealSeconds.toFixed(1)} s, ${plan.runs} runs)`,
    markdown: table,
    data: { idealSeconds, figures },
    targets,
  };
}
