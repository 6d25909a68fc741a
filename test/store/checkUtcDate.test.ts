import { describe, expect, it } from 'vitest';
import { checkUtcDate } from '../../src/store/checkUtcDate.js';

describe('checkUtcDate', () => {
  it('accepts real days written YYYY-MM-DD', () => {
    expect(checkUtcDate('2025-01-31', 'snapshotDate')).toBe('2025-01-31');
    expect(checkUtcDate('2024-02-29', 'snapshotDate')).toBe('2024-02-29');
  });

  it('rejects other forms and days that do not exist', () => {
    for (const value of ['2025-02-29', '2025-02-30', '2025-1-31', '2025-01-31T00:00:00Z', '31/01/2025', '']) {
      expect(() => checkUtcDate(value, 'snapshotDate')).toThrow(/Invalid snapshotDate/);
    }
  });
});
