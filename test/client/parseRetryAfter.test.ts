import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/client/parseRetryAfter.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2026 07:27:30 GMT');

  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the delay from now', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(30_000);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
  });

  it.each([undefined, '', 'soon', '1.5', '-3'])('gives undefined for %o', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
