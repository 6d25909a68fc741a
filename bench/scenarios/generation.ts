import { bundled } from '../lib/bundle.js';
import type { ScenarioReport } from '../lib/report.js';
import { spawnScript } from '../lib/spawnScript.js';
import { formatSummary, summarize } from '../lib/stats.js';
import { markdownTable } from '../lib/table.js';

interface GenerationRow {
  readonly plan: string;
  readonly method: string;
  readonly ms: readonly number[];
  readonly count: number;
}

/**
 * Scenario 5: time to build 15 and 100,000 app requests with `BatchRequestBuilder` vs a plain
 * loop, interning on and off (the seed's comparison table).
 *
 * @example
 * ```ts
 * const report = await generationScenario({ rounds: 5 });
 * ```
 */
export async function generationScenario(plan: { readonly rounds: number }): Promise<ScenarioReport> {
  const rows = await spawnScript<GenerationRow[]>(bundled('workers/generationWorker.ts'), { rounds: plan.rounds }, ['--expose-gc']);
  const table = markdownTable(
    ['requests', 'method', 'ms, median (min–max)', 'per request'],
    rows.map((row) => {
      const time = summarize(row.ms);
      return [row.plan, row.method, formatSummary(time, 2), `${((time.median * 1e6) / row.count).toFixed(0)} ns`];
    }),
  );
  return { id: 5, title: `Request generation (${plan.rounds} rounds; builder output materialised)`, markdown: table, data: rows, targets: [] };
}
