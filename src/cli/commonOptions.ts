import { Option, type Command } from 'commander';
import { integerOption, positiveNumberOption, repeatable } from './parseValues.js';
import { OUTPUT_FORMATS, type OutputFormat } from './output/OutputFormat.js';

/** The options every command that talks to Google Play shares (as commander parses them). */
export interface NetworkOptions {
  /** Requests in flight. */
  readonly concurrency: number;
  /** Fixed rate in requests per second (token bucket); adaptive when absent. */
  readonly rate?: number;
  /** Retries per request. */
  readonly retries: number;
  /** Headers and body timeout per request, in ms. */
  readonly timeout?: number;
  /** Proxies, used in rotation. */
  readonly proxy: readonly string[];
  /** Base URL instead of https://play.google.com. */
  readonly baseUrl?: string;
  /** Start the bundled replay server in-process and use it (offline). */
  readonly replay: boolean;
}

/** {@link NetworkOptions} plus locale and output format. */
export interface CommonOptions extends NetworkOptions {
  readonly country: string;
  readonly lang: string;
  readonly format?: OutputFormat;
}

/**
 * Adds the network options (`--concurrency`, `--rate`, `--retries`, `--timeout`, `--proxy`,
 * `--base-url`, `--replay`) to a command.
 *
 * @example
 * ```ts
 * addNetworkOptions(program.command('collect'));
 * ```
 */
export function addNetworkOptions(command: Command, defaults: { readonly concurrency?: number } = {}): Command {
  return command
    .option('--concurrency <n>', 'requests in flight at once', integerOption('--concurrency', 1, 1024), defaults.concurrency ?? 8)
    .option('--rate <n>', 'fixed rate limit in requests/s (token bucket); default: adaptive (starts at 10/s, grows while the server answers, backs off to the sustained rate on throttling)', positiveNumberOption('--rate'))
    .option('--retries <n>', 'retries per request (429, 5xx, resets, timeouts)', integerOption('--retries', 0, 100), 3)
    .option('--timeout <ms>', 'headers and body timeout per request, in ms', integerOption('--timeout', 1))
    .option('--proxy <url>', 'HTTP(S) proxy; repeat for round-robin rotation', repeatable, [])
    .option('--base-url <url>', 'send requests to this origin instead of https://play.google.com (e.g. a replay server)')
    .option('--replay', 'start the bundled replay server in-process and use it: offline, reproducible data', false);
}

/**
 * Adds the network options plus `--country`, `--lang` and `--format` to an operation command.
 *
 * @example
 * ```ts
 * addCommonOptions(program.command('app').argument('<appId>'));
 * ```
 */
export function addCommonOptions(command: Command): Command {
  command
    .option('--country <code>', 'store country (ISO 3166-1 alpha-2)', 'us')
    .option('--lang <code>', 'language of the texts', 'en')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, ndjson otherwise)').choices(OUTPUT_FORMATS));
  return addNetworkOptions(command);
}
