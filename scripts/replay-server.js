#!/usr/bin/env node
// Runs the playfast replay server standalone: a local HTTP server that answers like
// play.google.com from the captures in test/fixtures/ (see docs/testing.md).
//
//   node scripts/replay-server.js --port 8080 [--seed 1] [--pages 3] [--throttle] [--latency 50]
//
// Uses the build (dist/testing) when present, else the TypeScript sources through the source hooks.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8080' },
    seed: { type: 'string', default: '1' },
    pages: { type: 'string', default: '3' },
    latency: { type: 'string', default: '0' },
    throttle: { type: 'boolean', default: false },
    'no-compression': { type: 'boolean', default: false },
  },
});

async function loadTesting() {
  try {
    return await import('../dist/testing/index.js');
  } catch {
    await import('../src/testing/registerSourceHooks.js');
    return import('../src/testing/index.ts');
  }
}

const { createReplayServer } = await loadTesting();
const server = createReplayServer({
  host: values.host,
  port: Number(values.port),
  seed: Number(values.seed),
  pages: Number(values.pages),
  latency: Number(values.latency),
  throttle: values.throttle,
  compression: !values['no-compression'],
});
const url = await server.start();
process.stdout.write(`playfast replay server listening on ${url}\n`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
