import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from './UsageError.js';

function readJson(path: string): Readonly<Record<string, unknown>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--config: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config: ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`--config: ${path} must hold a JSON object`);
  return parsed as Readonly<Record<string, unknown>>;
}

/**
 * Fills a command's options from a JSON config file: each key is an option's name in camelCase
 * (`countries`, `detailsTtl`, `chunkSize`, …). Options given on the command line win. Values go
 * through the option's own parser, so a config file is checked exactly like the flags.
 *
 * @throws {UsageError} for an unreadable file, invalid JSON, an unknown key or a bad value type.
 * @example
 * ```ts
 * command.hook('preAction', (cmd) => { const path = cmd.opts()['config']; if (typeof path === 'string') applyConfigFile(cmd, path); });
 * ```
 */
export function applyConfigFile(command: Command, path: string): void {
  const config = readJson(path);
  for (const [key, value] of Object.entries(config)) {
    const option = command.options.find((candidate) => candidate.attributeName() === key);
    if (option === undefined || key === 'config') throw new UsageError(`--config: unknown key "${key}" in ${path}`);
    if (command.getOptionValueSource(key) === 'cli') continue;
    if (option.isBoolean()) {
      if (typeof value !== 'boolean') throw new UsageError(`--config: "${key}" must be true or false in ${path}`);
      command.setOptionValueWithSource(key, value, 'config');
      continue;
    }
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    let parsed: unknown = undefined;
    for (const item of items) {
      if (typeof item !== 'string' && typeof item !== 'number') throw new UsageError(`--config: "${key}" must be a string, a number or a list of them in ${path}`);
      const text = String(item);
      try {
        parsed = option.parseArg === undefined ? text : option.parseArg(text, parsed);
      } catch (error) {
        throw new UsageError(`--config: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    command.setOptionValueWithSource(key, parsed, 'config');
  }
}
