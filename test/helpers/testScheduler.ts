import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';

/**
 * A fresh `TestScheduler` that compares marbles with vitest's deep equality; build one per
 * test (`const scheduler = createTestScheduler();` in `beforeEach` or in the `it`).
 */
export function createTestScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => {
    expect(actual).toEqual(expected);
  });
}
