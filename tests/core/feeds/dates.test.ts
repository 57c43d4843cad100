// Feed dates become UTC instants whatever the machine's zone; unparsable dates become null, never a made-up date.
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../electron/core/feeds/dates.js';

const cases: Array<[string, string | null]> = [
  // RFC 822 and its variants
  ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21Z'],
  ['Thu, 01 Jan 04 19:48:21 GMT', '2004-01-01T19:48:21Z'],
  ['Thu,  5 Apr 2012 10:00:00 GMT', '2012-04-05T10:00:00Z'],
  ['Thu, 01 Jan 2004 00:00 GMT', '2004-01-01T00:00:00Z'],
  ['Thu, 01 Jan 2004', '2004-01-01T00:00:00Z'],
  ['Fri,24 Nov 2023 18:28:36 -0000', '2023-11-24T18:28:36Z'],
  ['Mon, 13 Feb, 2012 06:28:00 UTC', '2012-02-13T06:28:00Z'],
  ['Wed, 19 Aug 2009 18:28:00 Etc/GMT', '2009-08-19T18:28:00Z'],
  ['Wed, 19 Feb 2012 22:40:00 GMT-01:01', '2012-02-19T23:41:00Z'],
  ['Wed, 19 Feb 2012 22:40:00 -01:01', '2012-02-19T23:41:00Z'],
  ['Thu, 30 Apr 2015 08:57:00 MET', '2015-04-30T07:57:00Z'],
  ['Thu, 30 Apr 2015 08:57:00 MEST', '2015-04-30T06:57:00Z'],
  ['Mon, 26 January 2004 16:31:00 AT', '2004-01-26T20:31:00Z'],
  ['Mon, 26 January 2004 16:31:00 ET', '2004-01-26T21:31:00Z'],
  ['Mon, 26 January 2004 16:31:00 PT', '2004-01-27T00:31:00Z'],
  ['Tue, 10 Jun 2003 04:00:00 EST', '2003-06-10T09:00:00Z'],
  ['Mon, 02 Jan 2006 15:04:05 -0700 (MST)', '2006-01-02T22:04:05Z'],
  ['Thu Aug 30 2012 17:26:16 +0200', '2012-08-30T15:26:16Z'],
  ['Sun Jan  4 16:29:06 2004', '2004-01-04T16:29:06Z'],
  ['Sun Jul 15 01:16:00 +0000 2012', '2012-07-15T01:16:00Z'],
  ['Fri, 2006/09/15 08:19:53 EDT', '2006-09-15T12:19:53Z'],
  // W3C-DTF / ISO 8601
  ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55Z'],
  ['2003-12-31T10:14:55-08:00', '2003-12-31T18:14:55Z'],
  ['2007-04-23T23:25:47.538+10:00', '2007-04-23T13:25:47Z'],
  ['2003-12-31', '2003-12-31T00:00:00Z'],
  ['2003-12', '2003-12-01T00:00:00Z'],
  ['2003', '2003-01-01T00:00:00Z'],
  ['2004-02-28T18:14:55-08:00', '2004-02-29T02:14:55Z'],
  ['2004-07-08 23:56:58', '2004-07-08T23:56:58Z'],
  ['2004-07-08 23:56:58 -00:20', '2004-07-09T00:16:58Z'],
  ['2004-07-08 23:56:58.0', '2004-07-08T23:56:58Z'],
  ['2003-012-31T10:14:55+00:00', '2003-12-31T10:14:55Z'],
  ['20040105T101010Z', '2004-01-05T10:10:10Z'],
  ['03335', '2003-12-01T00:00:00Z'],
  ['031231', '2003-12-31T00:00:00Z'],
  ['-0312', '2003-12-01T00:00:00Z'],
  ['2004-W01-1', '2003-12-29T00:00:00Z'],
  // national formats
  ['Κυρ, 11 Ιούλ 2004 12:00:00 EST', '2004-07-11T17:00:00Z'],
  ['2004-július-13T9:15-05:00', '2004-07-13T14:15:00Z'],
  ['2004-05-25 오후 11:23:17', '2004-05-25T14:23:17Z'],
  ['2004년 05월 28일  01:31:15', '2004-05-27T16:31:15Z'],
  // invalid
  ['', null],
  ['not a date', null],
  ['Sun, 16 Dec 2012 1:2:3:4 GMT', null],
  ['Sun, 16 zzz 2012 11:47:32 GMT', null],
  ['Sun, 99 Jun 2009 12:00:00 GMT', null],
  ['Sun, 16 Dec 2012 11:47:32 +00:zz', null],
  ['2003-12-31T25:14:55Z', null],
  ['2003-12-31T10:61:55Z', null],
  ['2013-01-28T11:30:00-06:00Textra', null],
  ['9999-12-31T23:59:59-99:99', null],
  ['Sun, 31 Dec 9999 23:59:59 -9999', null],
];

describe('parseFeedDate', () => {
  it.each(cases)('reads %j as %j', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it('reads a date without a zone as UTC even when the process runs in another zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(parseFeedDate('2004-07-08 23:56:58')).toBe('2004-07-08T23:56:58Z');
      expect(parseFeedDate('Thu, 01 Jan 2004')).toBe('2004-01-01T00:00:00Z');
    } finally {
      if (before === undefined) delete process.env.TZ; else process.env.TZ = before;
    }
  });

  it('returns null for null and undefined', () => {
    expect(parseFeedDate(null)).toBeNull();
    expect(parseFeedDate(undefined)).toBeNull();
  });
});
