import { expect } from 'vitest';
import { isValidationError } from '../../src/errors/ValidationError.js';
import type { ValidationError } from '../../src/errors/ValidationError.js';

/** Runs `run`, asserts it threw a ValidationError for `field` carrying `value`, and returns the error. */
export function expectValidationError(run: () => unknown, field: string, value: unknown): ValidationError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  if (!isValidationError(caught)) throw new Error(`expected a ValidationError, got ${String(caught)}`);
  expect(caught.field).toBe(field);
  expect(Object.is(caught.value, value)).toBe(true);
  expect(caught.retryable).toBe(false);
  expect(caught.message).toContain(`Invalid ${field}:`);
  expect(caught.message).toContain(caught.allowed);
  return caught;
}

/** Runs `run` and tells whether it threw a ValidationError (anything else is rethrown). */
export function throwsValidationError(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (isValidationError(error)) return true;
    throw error;
  }
}
