import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../src/errors/ValidationError.js';
import { toUtcTimestamp } from '../../src/store/toUtcTimestamp.js';

describe('toUtcTimestamp', () => {
  it('normalises ISO 8601 timestamps with a zone to UTC with milliseconds', () => {
    expect(toUtcTimestamp('2025-01-31T15:00:00+09:00', 'at')).toBe('2025-01-31T06:00:00.000Z');
    expect(toUtcTimestamp('2025-01-31T06:00Z', 'at')).toBe('2025-01-31T06:00:00.000Z');
    expect(toUtcTimestamp('2025-01-31T06:00:00.123456Z', 'at')).toBe('2025-01-31T06:00:00.123Z');
    expect(toUtcTimestamp('2025-01-31', 'at')).toBe('2025-01-31T00:00:00.000Z');
  });

  it('rejects local times, other formats and impossible dates, naming the field', () => {
    for (const value of ['2025-01-31T06:00:00', 'Fri, 31 Jan 2025 06:00:00 GMT', 'yesterday', '', '2025-13-01T00:00:00Z']) {
      let error: unknown;
      try {
        toUtcTimestamp(value, 'fetchedAt');
      } catch (caught) {
        error = caught;
      }
      expect(isValidationError(error) && [error.field, error.value]).toEqual(['fetchedAt', value]);
    }
  });
});
