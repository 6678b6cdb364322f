// The schedule with literal expected times: minutes and hours written out, never computed by the code under test.
import { describe, expect, it } from 'vitest';
import { intervalMinutes, jittered, nextBackoffPoll, nextErrorPoll, nextSuccessPoll, retryAfterLimit } from '../../../src/background/schedule-policy';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const middle = () => 0.5;
const lowest = () => 0;
const high = () => 0.75;

describe('intervalMinutes', () => {
  it('takes the feed\'s own interval, else the global one, never under 5 minutes', () => {
    expect(intervalMinutes(undefined, 30)).toBe(30);
    expect(intervalMinutes(undefined, 90)).toBe(90);
    expect(intervalMinutes(120, 30)).toBe(120);
    expect(intervalMinutes(1, 30)).toBe(5);
    expect(intervalMinutes(undefined, 2)).toBe(5);
    expect(intervalMinutes(Number.NaN, 30)).toBe(30);
  });
});

describe('jitter', () => {
  it('spreads a delay by ±10% (0 → 90%, 0.5 → 100%, 0.75 → 105%)', () => {
    expect(jittered(30 * MIN, lowest)).toBe(27 * MIN);
    expect(jittered(30 * MIN, middle)).toBe(30 * MIN);
    expect(jittered(30 * MIN, high)).toBe(31.5 * MIN);
  });
});

describe('nextSuccessPoll', () => {
  it('waits the interval, jittered', () => {
    expect(nextSuccessPoll(1000, 30, middle)).toBe(1000 + 30 * MIN);
    expect(nextSuccessPoll(1000, 5, lowest)).toBe(1000 + 4.5 * MIN);
  });
});

describe('nextBackoffPoll', () => {
  it('doubles the wait after each failure in a row: 1 h, 2 h, 4 h… for a 30-minute feed, capped at a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 40].map((count) => nextBackoffPoll(0, count, 30, middle))).toEqual([1 * HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR, DAY, DAY, DAY]);
  });

  it('starts from the feed\'s own interval', () => {
    expect([1, 2, 3].map((count) => nextBackoffPoll(0, count, 5, middle))).toEqual([10 * MIN, 20 * MIN, 40 * MIN]);
  });

  it('never passes the cap, even jittered upwards', () => {
    expect(nextBackoffPoll(0, 6, 30, lowest)).toBe(DAY);
    expect(nextBackoffPoll(0, 5, 30, high)).toBe(16.8 * HOUR);
  });
});

describe('Retry-After', () => {
  it('waits at least until the server asked, when that is later than the backoff', () => {
    expect(nextErrorPoll(0, 1, 30, 3 * HOUR, middle)).toBe(3 * HOUR);
    expect(nextErrorPoll(0, 3, 30, 10 * MIN, middle)).toBe(4 * HOUR);
    expect(nextErrorPoll(0, 1, 30, undefined, middle)).toBe(1 * HOUR);
  });

  it('honours a Retry-After for at most a week', () => {
    expect(retryAfterLimit(0, 30 * DAY)).toBe(7 * DAY);
    expect(retryAfterLimit(0, 2 * DAY)).toBe(2 * DAY);
    expect(retryAfterLimit(0, undefined)).toBeUndefined();
    expect(nextErrorPoll(0, 1, 30, 30 * DAY, middle)).toBe(7 * DAY);
  });
});
