import type { PlayClientStats } from '../../client/PlayResponse.js';
import type { RunRow } from '../../store/rows.js';

/** What the end-of-run summary reports. */
export interface CollectSummaryInput {
  readonly run: RunRow;
  /** How the session ended. */
  readonly outcome: 'completed' | 'interrupted' | 'failed';
  /** Duration of this session (milliseconds). */
  readonly durationMs: number;
  /** The client's counters for this session. */
  readonly client: PlayClientStats;
  /** Where the store is. */
  readonly location: string;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

function tally(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  return entries.length === 0 ? 'none' : entries.map(([name, count]) => `${name} ×${count}`).join(', ');
}

/**
 * The summary printed on stderr at the end of `collect` (completed, failed or interrupted).
 *
 * @example
 * ```ts
 * io.stderr.write(collectSummary({ run, outcome: 'completed', durationMs: 12_000, client: client.stats, location: 'playfast.db' }));
 * ```
 */
export function collectSummary(input: CollectSummaryInput): string {
  const { run, client } = input;
  const seconds = input.durationMs / 1000;
  const planned = run.counts.plannedRequests === undefined ? '' : ` of ${run.counts.plannedRequests} planned`;
  const lines = [
    `playfast: run #${run.id} ${input.outcome === 'completed' && run.counts.failed > 0 ? `finished with ${run.counts.failed} failed requests` : input.outcome} in ${seconds.toFixed(1)}s (${input.location})`,
    `  requests:    ${run.counts.done} done, ${run.counts.failed} failed${planned}; this session ${client.requests} HTTP requests, ${(client.requests / Math.max(seconds, 0.001)).toFixed(1)} req/s`,
    `  stored:      ${run.counts.lists} lists, ${run.counts.snapshots} snapshot rows, ${run.counts.apps} apps`,
    `  failures:    ${tally(run.failuresByType)}`,
    `  diagnostics: ${tally(run.diagnostics)}`,
    `  bytes:       ${megabytes(client.wireBytes)} on the wire (${megabytes(client.decodedBytes)} decoded) this session; ${megabytes(run.counts.bytes)} in the run`,
  ];
  if (input.outcome !== 'completed' || run.counts.failed > 0) lines.push('  resume with: playfast collect --resume' + (input.location === 'playfast.db' ? '' : ` --db ${input.location}`));
  return `${lines.join('\n')}\n`;
}
