/**
 * `npm run bench` (all scenarios) and `npm run bench:parse` (scenario 8 only).
 *
 *   node --import ./src/testing/registerSourceHooks.js bench/run.ts [--quick] [--only=1,3,8]
 *
 * Clients and workers are bundled from the sources with esbuild into bench/.tmp/ and each runs in
 * its own process; replay servers run in child processes. Prints the tables, writes
 * bench/results.json and the figures section of bench/README.md. Exit code 1 when a blocking
 * target is missed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { bundleScripts } from './lib/bundle.js';
import { machineInfo, type MachineInfo } from './lib/machine.js';
import type { ScenarioReport, Target } from './lib/report.js';
import { markdownTable } from './lib/table.js';
import { clientOverhead, latencyBound } from './scenarios/clients.js';
import { dailyScenario } from './scenarios/daily.js';
import { generationScenario } from './scenarios/generation.js';
import { memoryScenario } from './scenarios/heap.js';
import { parseScenario } from './scenarios/parseReport.js';
import { throttledServer } from './scenarios/throttled.js';
import { wireScenario } from './scenarios/wire.js';

const README = 'bench/README.md';
const RESULTS = 'bench/results.json';
const START = '<!-- figures:start -->';
const END = '<!-- figures:end -->';

const quick = process.argv.includes('--quick');
const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='));
const only = onlyArgument === undefined ? undefined : new Set(onlyArgument.slice('--only='.length).split(',').map(Number));

const PLANS = {
  quick: {
    overhead: { n: 16, runs: 3 },
    latency: { n: 16, runs: 2 },
    throttled: { n: 300, runs: 1, variants: 'default' },
    memory: { small: 20, large: 200, lists: 20, memoryArgs: ['--requests=300', '--json', '--no-bytes'] },
    generation: { rounds: 3 },
    daily: { args: ['--requests=20'] },
    wire: { n: 4 },
    parse: { rounds: 5, batchMs: 20 },
  },
  full: {
    overhead: { n: 300, runs: 5 },
    latency: { n: 300, runs: 5 },
    throttled: { n: 500, runs: 5, variants: 'all' },
    memory: { small: 500, large: 5000, lists: 50, memoryArgs: ['--requests=20000', '--json'] },
    generation: { rounds: 7 },
    daily: { args: [] },
    wire: { n: 50 },
    parse: { rounds: 9, batchMs: 50 },
  },
} as const;

interface Results {
  readonly machine: MachineInfo;
  readonly mode: 'quick' | 'full';
  readonly seconds: number;
  readonly scenarios: readonly ScenarioReport[];
  readonly targets: readonly Target[];
}

function wanted(id: number): boolean {
  return only === undefined || only.has(id);
}

function renderFigures(results: Results): string {
  const { machine } = results;
  const head = [
    `Run of ${machine.date} (\`npm run bench${results.mode === 'quick' ? ' -- --quick' : ''}\`, ${results.seconds.toFixed(0)} s): ${machine.cpuModel} × ${machine.cpuCount}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}.`,
    `Load average at start: ${machine.loadAverage} on ${machine.cpuCount} cores. Absolute figures move with the machine's load and speed (a shared virtual machine); ratios measured side by side in one run are the meaningful part.`,
  ].join('\n');
  const targets = markdownTable(
    ['scenario', 'target', 'measured', 'limit', 'result'],
    results.targets.map((target) => [String(target.scenario), target.name, target.value.toFixed(3), target.limit.toFixed(3), `${target.pass ? 'pass' : '**MISS**'}${target.blocking ? '' : ' (not blocking)'}`]),
  );
  const sections = results.scenarios.map((scenario) => `### ${scenario.id}. ${scenario.title}\n\n${scenario.markdown}`);
  return [head, '### Targets', targets, ...sections].join('\n\n');
}

function updateReadme(figures: string): void {
  let text: string;
  try {
    text = readFileSync(README, 'utf8');
  } catch {
    return;
  }
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1) return;
  writeFileSync(README, `${text.slice(0, start + START.length)}\n\n${figures}\n\n${text.slice(end)}`);
}

async function main(): Promise<void> {
  const plan = quick ? PLANS.quick : PLANS.full;
  const machine = machineInfo();
  const started = performance.now();
  await bundleScripts();
  const steps: [number, () => Promise<ScenarioReport>][] = [
    [8, () => parseScenario(plan.parse)],
    [1, () => clientOverhead(plan.overhead)],
    [2, () => latencyBound(plan.latency)],
    [3, () => throttledServer(plan.throttled)],
    [4, () => memoryScenario(plan.memory)],
    [5, () => generationScenario(plan.generation)],
    [6, () => dailyScenario(plan.daily)],
    [7, () => wireScenario(plan.wire)],
  ];
  const scenarios: ScenarioReport[] = [];
  for (const [id, step] of steps) {
    if (!wanted(id)) continue;
    const stepStart = performance.now();
    const report = await step();
    scenarios.push(report);
    process.stdout.write(`\n## ${report.id}. ${report.title}  (${((performance.now() - stepStart) / 1000).toFixed(1)} s)\n\n${report.markdown}\n`);
  }
  scenarios.sort((a, b) => a.id - b.id);
  const results: Results = {
    machine,
    mode: quick ? 'quick' : 'full',
    seconds: (performance.now() - started) / 1000,
    scenarios,
    targets: scenarios.flatMap((scenario) => scenario.targets),
  };
  const figures = renderFigures(results);
  process.stdout.write(`\n## Targets\n\n${figures.slice(figures.indexOf('### Targets') + '### Targets'.length, figures.indexOf('\n\n###', figures.indexOf('### Targets') + 12))}\n\nTotal ${results.seconds.toFixed(1)} s\n`);
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  if (only === undefined || only.size > 1) updateReadme(figures);
  if (results.targets.some((target) => target.blocking && !target.pass)) process.exitCode = 1;
}

await main();
