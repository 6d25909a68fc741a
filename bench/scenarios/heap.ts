import { startReplayServerProcess } from '../../src/testing/index.js';
import { bundled } from '../lib/bundle.js';
import { atMost, type ScenarioReport } from '../lib/report.js';
import { runExternal } from '../lib/runExternal.js';
import { spawnScript } from '../lib/spawnScript.js';
import { markdownTable } from '../lib/table.js';

/** What the memory worker reports. */
interface MemoryFigures {
  readonly retained: { readonly bytesPerItem: number; readonly items: number };
  readonly collections: readonly { readonly size: number; readonly peakBytes: number; readonly baseBytes: number; readonly ok: number }[];
}

const MB = 1024 * 1024;

/**
 * Scenario 4: retained bytes per parsed list item, and the live-heap peak of a chunked collection
 * of `small` vs `large` list requests (target: peak(large) / peak(small) ≤ 1.2, peaks measured as
 * growth over the heap before the run plus that base). Includes `bench/memory.ts` when present.
 *
 * @example
 * ```ts
 * const report = await memoryScenario({ small: 500, large: 5000, lists: 50, memoryArgs: ['--requests=20000', '--json'] });
 * ```
 */
export async function memoryScenario(plan: { readonly small: number; readonly large: number; readonly lists: number; readonly memoryArgs: readonly string[] }): Promise<ScenarioReport> {
  const replay = await startReplayServerProcess({ compression: false });
  let figures: MemoryFigures;
  try {
    figures = await spawnScript<MemoryFigures>(bundled('workers/memoryWorker.ts'), { baseUrl: replay.url, sizes: [plan.small, plan.large], lists: plan.lists }, ['--expose-gc']);
  } finally {
    await replay.close();
  }
  const external = await runExternal('bench/memory.ts', plan.memoryArgs, ['--expose-gc']);
  const [small, large] = figures.collections;
  const peakRatio = small === undefined || large === undefined ? Number.NaN : large.peakBytes / small.peakBytes;
  const table = markdownTable(
    ['measure', 'value'],
    [
      ['retained bytes per parsed list item (parsed charts kept)', `${figures.retained.bytesPerItem.toFixed(0)} B (${figures.retained.items} items)`],
      ...figures.collections.map((collection) => [`live-heap peak, chunked collection of ${collection.size} list requests`, `${(collection.peakBytes / MB).toFixed(1)} MB (base before the run ${(collection.baseBytes / MB).toFixed(1)} MB)`]),
      [`peak ${plan.large} / peak ${plan.small}`, peakRatio.toFixed(2)],
    ],
  );
  const externalText = external.ran ? `\n\n\`bench/memory.ts ${plan.memoryArgs.join(' ')}\` (exit ${String(external.exitCode)}):\n\n\`\`\`text\n${external.stdout}\n\`\`\`` : '\n\n`bench/memory.ts` is not present.';
  return {
    id: 4,
    title: 'Memory (--expose-gc, heapUsed after a full GC)',
    markdown: table + externalText,
    data: { ...figures, peakRatio, external },
    targets: [atMost(4, `peak heap ${plan.large} / ${plan.small} requests ≤ 1.2`, peakRatio, 1.2, true)],
  };
}
