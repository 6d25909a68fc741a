import { bundled } from '../lib/bundle.js';
import { atMost, type ScenarioReport } from '../lib/report.js';
import { spawnScript } from '../lib/spawnScript.js';
import { formatSummary } from '../lib/stats.js';
import { markdownTable } from '../lib/table.js';
import type { ParseFigure } from './parse.js';

/**
 * Scenario 8 (`npm run bench:parse`): runs the parse bench in its own process (bundled like the
 * clients) and checks every page type against ≤ 1.5× the floor.
 *
 * @example
 * ```ts
 * const report = await parseScenario({ rounds: 7, batchMs: 40 });
 * ```
 */
export async function parseScenario(plan: { readonly rounds: number; readonly batchMs: number }): Promise<ScenarioReport> {
  const figures = await spawnScript<ParseFigure[]>(bundled('workers/parseWorker.ts'), plan);
  const table = markdownTable(
    ['page type', 'capture', 'size', 'playfast µs, median (min–max)', 'floor µs, median (min–max)', 'ratio', 'blocks the floor decodes'],
    figures.map((figure) => [
      figure.name,
      figure.fixture,
      `${(figure.bytes / 1024).toFixed(0)} KiB`,
      formatSummary(figure.playfastUs, 0),
      formatSummary(figure.floorUs, 0),
      `${figure.ratio.toFixed(2)}×`,
      figure.blocks.length === 0 ? 'envelope + payload' : figure.blocks.join(', '),
    ]),
  );
  return {
    id: 8,
    title: `Parse time per page type (every field mapped) vs the floor (${plan.rounds} rounds, CPU time)`,
    markdown: table,
    data: figures,
    targets: figures.map((figure) => atMost(8, `parse ${figure.name} ≤ 1.5× floor`, figure.ratio, 1.5, true)),
  };
}
