#!/usr/bin/env node
// The `playfast` executable: runs the CLI on process.argv, turns SIGINT / SIGTERM into an abort
// (commands unsubscribe: requests in flight are aborted, the current chunk is committed or rolled
// back), and exits with the CLI's code once stdout is flushed. A second signal exits at once.
import { runCli } from './runCli.js';
import { EXIT } from './exitCodes.js';

const controller = new AbortController();
let signalled = false;
const onSignal = (signal: NodeJS.Signals): void => {
  if (signalled) process.exit(EXIT.INTERRUPTED);
  signalled = true;
  process.stderr.write(`\nplayfast: ${signal}: stopping (again to force)\n`);
  controller.abort(new Error(`interrupted by ${signal}`));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then((code) => {
  process.stdout.write('', () => {
    process.exit(code);
  });
});
