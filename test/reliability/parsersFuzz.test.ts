import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCall, type FuzzOutcome } from './fuzz/classify.js';
import { byteMutations, jsonMutations, mutateBytes, mutateEnvelopePayload, mutateHtmlBlock, mutateJson } from './fuzz/mutate.js';
import { FUZZ_TARGETS, type FuzzTarget } from './fuzz/targets.js';

// Every parser and decoder on mutated real captures: a value or a typed error (ParseError,
// UnsupportedFormatError, and the decoders' NetworkError / PlayRpcError / ThrottledError /
// AppNotFoundError), never a TypeError or RangeError; and each input is parsed within a bound
// (a watchdog per input: hangs and super-linear blow-ups fail the property).
// FUZZ_RUNS scales the number of inputs per property (the soak script runs more).

const RUNS = Number(process.env['FUZZ_RUNS'] ?? '40');
const SEED = Number(process.env['FUZZ_SEED'] ?? '20260511');
/**
 * Most time one input may take, in ms: 3 s plus 250 ms per MB of input (a 1.2 MB page parses in
 * ~20 ms; mutations can grow an input to tens of MB, and the machine is shared).
 */
function watchdogMs(input: unknown): number {
  return 3000 + (typeof input === 'string' ? (input.length / 1_048_576) * 250 : 0);
}
/** Time allowed for one property: generous per input, for loaded machines. */
const PROPERTY_TIMEOUT_MS = Math.max(60_000, RUNS * 1500);

interface Tally {
  values: number;
  typed: number;
  slowest: number;
}

function check(target: FuzzTarget, input: unknown, tally: Tally): void {
  const started = performance.now();
  const outcome: FuzzOutcome = classifyCall(() => target.run(input));
  const took = performance.now() - started;
  tally.slowest = Math.max(tally.slowest, took);
  if (outcome.kind === 'untyped') {
    const error = outcome.error;
    throw new Error(`${target.name} threw an untyped ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}`);
  }
  const bound = watchdogMs(input);
  if (took > bound) throw new Error(`${target.name} took ${Math.round(took)} ms on one input (watchdog: ${Math.round(bound)} ms)`);
  if (outcome.kind === 'value') tally.values++;
  else tally.typed++;
}

describe.each(FUZZ_TARGETS.map((target) => [target.name, target] as const))('%s under fuzzing', (_name, target) => {
  const inputs = target.inputs();

  it('accepts every real capture it is given', () => {
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) expect(classifyCall(() => target.run(input)).kind).not.toBe('untyped');
  });

  it('mutated decoded JSON (type swaps, nulls, truncated arrays, deep nesting, huge strings) → a value or a typed error', () => {
    const tally: Tally = { values: 0, typed: 0, slowest: 0 };
    fc.assert(
      fc.property(fc.nat(), fc.nat(), jsonMutations(), (inputPick, blockPick, mutations) => {
        const original = inputs[inputPick % inputs.length];
        const mutated =
          target.kind === 'value'
            ? mutateJson(original, mutations)
            : target.kind === 'html'
              ? mutateHtmlBlock(String(original), blockPick, mutations)
              : mutateEnvelopePayload(String(original), mutations);
        check(target, mutated, tally);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(tally.values + tally.typed).toBeGreaterThanOrEqual(RUNS);
  }, PROPERTY_TIMEOUT_MS);

  // Parsers of decoded values have no bytes to damage.
  if (target.kind === 'value') return;

  it('raw byte mutations of the whole body → a value or a typed error', () => {
    const tally: Tally = { values: 0, typed: 0, slowest: 0 };
    fc.assert(
      fc.property(fc.nat(), byteMutations(), (inputPick, mutations) => {
        check(target, mutateBytes(String(inputs[inputPick % inputs.length]), mutations), tally);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(tally.values + tally.typed).toBeGreaterThanOrEqual(RUNS);
  }, PROPERTY_TIMEOUT_MS);
});
