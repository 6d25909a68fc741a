import type { ScenarioReport } from '../lib/report.js';
import { runExternal } from '../lib/runExternal.js';

/**
 * Scenario 6: the daily collection, measured by `bench/daily.ts` (written by the CLI helper),
 * included when present.
 *
 * @example
 * ```ts
 * const report = await dailyScenario({ args: ['--requests=50'] });
 * ```
 */
export async function dailyScenario(plan: { readonly args: readonly string[] }): Promise<ScenarioReport> {
  // daily.ts samples the live heap after a full GC: it needs --expose-gc.
  const output = await runExternal('bench/daily.ts', plan.args, ['--expose-gc']);
  const markdown = output.ran
    ? `\`bench/daily.ts ${plan.args.join(' ')}\` (exit ${String(output.exitCode)}):\n\n\`\`\`text\n${output.stdout}${output.note === undefined ? '' : `\n${output.note}`}\n\`\`\``
    : '`bench/daily.ts` is not present yet.';
  return { id: 6, title: 'Daily scenario', markdown, data: output, targets: [] };
}
