import { runParseBench } from '../scenarios/parse.js';

/** Scenario 8 in its own process: argv[2] = `{ rounds, batchMs }`; prints the figures as JSON. */
const options = JSON.parse(process.argv[2] ?? '{}') as { rounds?: number; batchMs?: number };
const figures = runParseBench({ rounds: options.rounds ?? 7, batchMs: options.batchMs ?? 40 });
process.stdout.write(`${JSON.stringify(figures)}\n`);
