// Feed dates: RFC 822 and its mistakes, ISO 8601 / W3C-DTF, naive times in the feed's zone, epochs.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/feeds/dates';

describe('parseDate', () => {
  it.each([
    ['Thu, 01 Jan 2004 19:48:21 GMT', Date.UTC(2004, 0, 1, 19, 48, 21)],
    ['Thu,  5 Apr 2012 10:00:00 GMT', Date.UTC(2012, 3, 5, 10)],
    ['Fri,24 Nov 2023 18:28:36 -0000', Date.UTC(2023, 10, 24, 18, 28, 36)],
    ['Mon, 13 Feb, 2012 06:28:00 UTC', Date.UTC(2012, 1, 13, 6, 28)],
    ['Mon, 26 January 2004 16:31:00 PT', Date.UTC(2004, 0, 27, 0, 31)],
    ['Thu, 01 Jan 04 19:48:21 GMT', Date.UTC(2004, 0, 1, 19, 48, 21)],
    ['Wed, 19 Feb 2012 22:40:00 GMT-01:01', Date.UTC(2012, 1, 19, 23, 41)],
    ['Thu, 01 Jan 2004', Date.UTC(2004, 0, 1)],
    ['Sun Jan  4 16:29:06 2004', Date.UTC(2004, 0, 4, 16, 29, 6)],
    ['2003-12-31T10:14:55Z', Date.UTC(2003, 11, 31, 10, 14, 55)],
    ['2003-12-31T18:14:55+08:00', Date.UTC(2003, 11, 31, 10, 14, 55)],
    ['2007-04-23T23:25:47.538+10:00', Date.UTC(2007, 3, 23, 13, 25, 47)],
    ['2003-12', Date.UTC(2003, 11, 1)],
    ['2003', Date.UTC(2003, 0, 1)],
    ['2004-07-08 23:56:58 -00:20', Date.UTC(2004, 6, 9, 0, 16, 58)],
    ['1602570146442', 1602570146442],
  ])('reads %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['', 'not a date', 'Sun, 99 Jun 2009 12:00:00 GMT', '2003-12-31T25:14:55Z', '2013-01-28T11:30:00-06:00Textra', 'Sun, 16 Dec 2012 11:47:32 +zz:00', 'x'.repeat(500)])(
    'gives undefined, never NaN or now, for %j',
    (input) => {
      expect(parseDate(input)).toBeUndefined();
    },
  );

  it('reads naive "YYYY-MM-DD HH:mm[:ss]" in the given zone (offset or IANA, DST included)', () => {
    expect(parseDate('2020-10-13 14:22:26', '+08:00')).toBe(Date.UTC(2020, 9, 13, 6, 22, 26));
    expect(parseDate('2020-10-13 14:22', 'Asia/Shanghai')).toBe(Date.UTC(2020, 9, 13, 6, 22));
    expect(parseDate('2021-07-01 12:00', 'Europe/Berlin')).toBe(Date.UTC(2021, 6, 1, 10));
    expect(parseDate('2021-01-01 12:00', 'Europe/Berlin')).toBe(Date.UTC(2021, 0, 1, 11));
    expect(parseDate('2020-10-13 14:22:26')).toBe(Date.UTC(2020, 9, 13, 14, 22, 26));
  });

  it('keeps an explicit zone over the feed setting, and reads CJK dates', () => {
    expect(parseDate('2020-10-13T14:22:26Z', '+08:00')).toBe(Date.UTC(2020, 9, 13, 14, 22, 26));
    expect(parseDate('2021年11月30日 10:52', '+08:00')).toBe(Date.UTC(2021, 10, 30, 2, 52));
    expect(parseDate('2004년 05월 28일  01:31:15')).toBe(Date.UTC(2004, 4, 27, 16, 31, 15));
  });

  it('ignores an unknown zone setting rather than guessing', () => {
    expect(parseDate('2020-10-13 14:22', 'Mars/Olympus')).toBeUndefined();
  });
});
