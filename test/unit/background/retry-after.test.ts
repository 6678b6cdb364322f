import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/background/retry-after';

const NOW = Date.UTC(2025, 0, 6, 10, 0, 0);

describe('parseRetryAfter', () => {
  it('reads a number of seconds', () => {
    expect(parseRetryAfter('3600', NOW)).toBe(Date.UTC(2025, 0, 6, 11, 0, 0));
    expect(parseRetryAfter(' 120 ', NOW)).toBe(Date.UTC(2025, 0, 6, 10, 2, 0));
    expect(parseRetryAfter('0', NOW)).toBe(NOW);
  });

  it('reads the three HTTP-date forms', () => {
    expect(parseRetryAfter('Mon, 06 Jan 2025 12:30:00 GMT', NOW)).toBe(Date.UTC(2025, 0, 6, 12, 30, 0));
    expect(parseRetryAfter('Monday, 06-Jan-25 12:30:00 GMT', NOW)).toBe(Date.UTC(2025, 0, 6, 12, 30, 0));
    expect(parseRetryAfter('Mon Jan  6 12:30:00 2025', NOW)).toBe(Date.UTC(2025, 0, 6, 12, 30, 0));
  });

  it('never answers a time before now: a date in the past means "now"', () => {
    expect(parseRetryAfter('Mon, 06 Jan 2025 09:00:00 GMT', NOW)).toBe(NOW);
  });

  it('ignores what is neither form', () => {
    for (const value of [null, undefined, '', '  ', '-5', '1.5', '10 minutes', 'soon', '2025-13-45']) expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
