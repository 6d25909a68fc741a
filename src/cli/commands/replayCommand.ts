import type { Command } from 'commander';
import { createReplayServer } from '../../testing/createReplayServer.js';
import type { CliIo } from '../CliIo.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { integerOption } from '../parseValues.js';

interface ReplayFlags {
  readonly host: string;
  readonly port: number;
  readonly seed: number;
  readonly pages: number;
  readonly latency: number;
  readonly throttle: boolean;
  readonly compression: boolean;
  readonly faults: number;
}

const EXAMPLES = `
Examples:
  $ playfast replay --port 8080
  $ playfast replay --port 8080 --latency 200 --throttle     # slow, and 429s past 20 req/s
  $ playfast list --base-url http://127.0.0.1:8080 --num 5    # in another terminal

Stops on Ctrl-C (exit code 0).`;

/**
 * Registers `playfast replay`: the bundled replay server, standalone, until SIGINT / SIGTERM.
 * Prints its URL on stdout.
 *
 * @example
 * ```ts
 * registerReplay(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerReplay(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('replay')
    .description('run the bundled replay server (answers like play.google.com from real captures) until Ctrl-C')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0: a free one)', integerOption('--port', 0, 65_535), 8080)
    .option('--seed <n>', 'seed of the synthetic answers and knobs', integerOption('--seed', 0), 1)
    .option('--pages <n>', 'pages served by paging routes', integerOption('--pages', 1), 3)
    .option('--latency <ms>', 'delay before each answer, in ms', integerOption('--latency', 0), 0)
    .option('--throttle', 'per-client throttle: 429 past 20 req/s, captcha page for clients that keep pushing', false)
    .option('--no-compression', 'never compress answers')
    .option('--faults <percent>', 'transient faults (429, 5xx, resets, truncated bodies…) on this percentage of requests', integerOption('--faults', 0, 100), 0)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ReplayFlags) => {
      const server = createReplayServer({
        host: flags.host,
        port: flags.port,
        seed: flags.seed,
        pages: flags.pages,
        latency: flags.latency,
        throttle: flags.throttle,
        compression: flags.compression,
        ...(flags.faults === 0 ? {} : { faults: { probability: flags.faults / 100 } }),
      });
      const url = await server.start();
      io.stdout.write(`${url}\n`);
      io.stderr.write(`playfast: replay server listening on ${url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        if (io.signal.aborted) resolve();
        else io.signal.addEventListener('abort', () => { resolve(); }, { once: true });
      });
      const stats = server.stats();
      await server.close();
      io.stderr.write(`playfast: replay server stopped after ${stats.requests} requests (${stats.distinctRequests} distinct)\n`);
      done(EXIT.OK);
    });
}
