import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../src/ui/time';

const NOW = Date.UTC(2024, 0, 15, 12);

describe('relativeTime', () => {
  it('picks the largest whole unit', () => {
    expect(relativeTime(NOW - 5 * 60_000, NOW, 'en')).toBe('5 minutes ago');
    expect(relativeTime(NOW - 3 * 3600_000, NOW, 'en')).toBe('3 hours ago');
    expect(relativeTime(NOW - 24 * 3600_000, NOW, 'en')).toBe('yesterday');
    expect(relativeTime(NOW - 400 * 24 * 3600_000, NOW, 'en')).toBe('last year');
  });

  it('says "now" under a minute and handles the future', () => {
    expect(relativeTime(NOW - 10_000, NOW, 'en')).toBe('now');
    expect(relativeTime(NOW + 2 * 3600_000, NOW, 'en')).toBe('in 2 hours');
  });

  it('speaks Simplified Chinese', () => {
    expect(relativeTime(NOW - 3 * 3600_000, NOW, 'zh-CN')).toBe('3小时前');
  });
});
