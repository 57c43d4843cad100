// Feed dates → ISO-8601 UTC strings: RFC 822 and its sloppy variants (named zones, 2-digit years, no seconds, no
// time), W3C-DTF/ISO 8601 (fractions, offsets, year-only, ordinal), asctime, and a few national formats. A value
// without a zone is UTC, never local time; anything unparsable is null.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Greek abbreviations (lower-cased, accents as written by Greek feeds)
  'ιαν': 1, 'φεβ': 2, 'μάώ': 3, 'μαώ': 3, 'μάρ': 3, 'μαρ': 3, 'απρ': 4, 'μάι': 5, 'μαϊ': 5, 'μαι': 5, 'ιούν': 6,
  'ιον': 6, 'ιουν': 6, 'ιούλ': 7, 'ιολ': 7, 'ιουλ': 7, 'αύγ': 8, 'αυγ': 8, 'σεπ': 9, 'οκτ': 10, 'νοέ': 11, 'νοε': 11,
  'δεκ': 12,
};
const HUNGARIAN_MONTHS: Record<string, string> = {
  'január': '01', 'február': '02', 'március': '03', 'április': '04', 'május': '05', 'június': '06', 'július': '07',
  'augusztus': '08', 'szeptember': '09', 'október': '10', 'november': '11', 'december': '12',
};
const DAY_NAMES = /^(mon|tue|wed|thu|fri|sat|sun|κυρ|δευ|τρι|τετ|πεμ|παρ|σαβ)/;

// Zone names (hours east of UTC). Unknown names count as UTC, as in feedparser.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, 'etc/gmt': 0, 'etc/utc': 0, wet: 0,
  adt: -3, ast: -4, at: -4, edt: -4, est: -5, et: -5, cdt: -5, cst: -6, ct: -6, mdt: -6, mst: -7, mt: -7,
  pdt: -7, pst: -8, pt: -8, akdt: -8, akst: -9, hst: -10, hast: -10, hadt: -9, ndt: -2.5, nst: -3.5,
  a: -1, n: 1, m: -12, y: 12,
  met: 1, mest: 2, cet: 1, cest: 2, bst: 1, ist: 5.5, west: 1, eet: 2, eest: 3, msk: 3, msd: 4,
  jst: 9, kst: 9, hkt: 8, sgt: 8, awst: 8, acst: 9.5, acdt: 10.5, aest: 10, aedt: 11, nzst: 12, nzdt: 13,
};

function daysIn(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Builds the ISO string for a wall time at `offsetMin` minutes east of UTC, or null when a field is out of range. */
function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): string | null {
  if (![y, mo, d, h, mi, s, offsetMin].every(Number.isFinite)) return null;
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  if (h > 24 || mi > 59 || s > 60 || h < 0 || mi < 0 || s < 0 || (h === 24 && (mi > 0 || s > 0))) return null;
  const dt = new Date(Date.UTC(2000, 0, 1, h, mi, s));
  dt.setUTCFullYear(y, mo - 1, d);
  const ms = dt.getTime() - offsetMin * 60_000;
  const out = new Date(ms);
  const yy = out.getUTCFullYear();
  if (!Number.isFinite(ms) || yy < 1 || yy > 9999) return null;
  return out.toISOString().replace('.000Z', 'Z');
}

/** Offset in minutes east of UTC for a zone token; undefined when it is malformed. Empty = UTC. */
function zoneOffset(tok: string): number | undefined {
  let z = tok.trim().toLowerCase();
  if (!z) return 0;
  if (z.startsWith('(')) return 0;
  if (z === 'etc/gmt' || z === 'etc/utc') return 0;
  const named = /^(?:gmt|utc|ut)(?=[+-])/.exec(z);
  if (named) z = z.slice(named[0].length);
  const num = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (num) {
    const sign = num[1] === '-' ? -1 : 1;
    return sign * (Number(num[2]) * 60 + Number(num[3] ?? 0));
  }
  const num4 = /^([+-])(\d{2})(\d{2})$/.exec(z);
  if (num4) return (num4[1] === '-' ? -1 : 1) * (Number(num4[2]) * 60 + Number(num4[3]));
  if (/^[+-]/.test(z)) return undefined;
  if (/^[a-z/_]+$/.test(z)) return Math.round((ZONES[z] ?? 0) * 60);
  return undefined;
}

const ISO_TIME = String.raw`(?:(?:t|\s+)(?:(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?|(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?))?`;
const ISO_ZONE = String.raw`\s*(z|[+-]\d{1,2}(?::?\d{2})?|(?:gmt|utc|ut)(?:[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{2,5})?`;
const ISO_DATES: Array<{ re: RegExp; make: (m: RegExpExecArray) => [number, number, number] | null }> = [
  // YYYY-MM-DD, YYYYMMDD, and Google's YYYY-0MM-DD
  { re: /^(\d{4})-(0?\d{2})-(\d{1,2})/, make: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /^(\d{4})(\d{2})(\d{2})(?=t|$)/, make: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // YYYY-Www-D (ISO week)
  { re: /^(\d{4})-?w(\d{2})(?:-?([1-7]))?/, make: (m) => isoWeek(+m[1]!, +m[2]!, +(m[3] ?? 1)) },
  // YYYY-DDD (ordinal)
  { re: /^(\d{4})-?(\d{3})(?=t|\s|$)/, make: (m) => ordinal(+m[1]!, +m[2]!) },
  // YYYY-MM
  { re: /^(\d{4})-(\d{2})(?=t|\s|$)/, make: (m) => [+m[1]!, +m[2]!, 1] },
  // YY-MM-DD, YYMMDD
  { re: /^(\d{2})-?(\d{2})-?(\d{2})(?=t|\s|$)/, make: (m) => [2000 + +m[1]!, +m[2]!, +m[3]!] },
  // YYDDD (2-digit year, ordinal)
  { re: /^(\d{2})-?(\d{3})(?=t|\s|$)/, make: (m) => ordinal(2000 + +m[1]!, +m[2]!) },
  // YYYY
  { re: /^(\d{4})(?=t|\s|$)/, make: (m) => [+m[1]!, 1, 1] },
  // -YY-MM, -YYMM
  { re: /^-(\d{2})-?(\d{2})(?=t|\s|$)/, make: (m) => [2000 + +m[1]!, +m[2]!, 1] },
];

function ordinal(y: number, doy: number): [number, number, number] | null {
  if (doy < 1 || doy > (daysIn(y, 2) === 29 ? 366 : 365)) return null;
  const d = new Date(0);
  d.setUTCFullYear(y, 0, doy);
  return [y, d.getUTCMonth() + 1, d.getUTCDate()];
}

function isoWeek(y: number, w: number, dow: number): [number, number, number] | null {
  if (w < 1 || w > 53) return null;
  const jan4 = new Date(0);
  jan4.setUTCFullYear(y, 0, 4);
  const jan4Dow = jan4.getUTCDay() || 7;
  const ms = jan4.getTime() + ((w - 1) * 7 + (dow - jan4Dow)) * 86_400_000;
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

function parseIso(s: string): string | null {
  for (const { re, make } of ISO_DATES) {
    const m = re.exec(s);
    if (!m) continue;
    const rest = s.slice(m[0].length);
    const tm = new RegExp('^' + ISO_TIME + ISO_ZONE + '$').exec(rest);
    if (!tm) return null;
    const ymd = make(m);
    if (!ymd) return null;
    let h = 0, mi = 0, sec = 0;
    if (tm[1] !== undefined) { h = +tm[1]; mi = +(tm[2] ?? 0); sec = +(tm[3] ?? 0); }
    else if (tm[4] !== undefined) { h = +tm[4]; mi = +(tm[5] ?? 0); sec = +(tm[6] ?? 0); }
    else if (tm[7] !== undefined) return null; // a zone with no time
    const off = zoneOffset(tm[7] ?? '');
    if (off === undefined) return null;
    return build(ymd[0], ymd[1], ymd[2], h, mi, sec, off);
  }
  return null;
}

function parseTime(tok: string): [number, number, number] | null {
  const m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(tok);
  if (!m) return null;
  return [+m[1]!, +m[2]!, +(m[3] ?? 0)];
}

function monthOf(tok: string): number | undefined {
  const t = tok.replace(/\.$/, '');
  return MONTHS[t.slice(0, 3)] ?? MONTHS[t.slice(0, 4)] ?? MONTHS[t];
}

function yearOf(tok: string): number | null {
  if (!/^\d{2,4}$/.test(tok)) return null;
  const y = Number(tok);
  if (tok.length <= 2) return y + (y >= 90 ? 1900 : 2000);
  return y;
}

/** RFC 822 and relatives: "Thu, 01 Jan 2004 19:48:21 GMT", "Thu Aug 30 2012 17:26:16 +0200", asctime, Perforce. */
function parseRfc822(input: string): string | null {
  let toks = input.toLowerCase().replace(/,/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (toks.length && DAY_NAMES.test(toks[0]!) && !/^\d/.test(toks[0]!)) toks = toks.slice(1);
  if (!toks.length) return null;
  // Perforce: 2006/09/15 08:19:53 EDT
  const slash = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(toks[0]!);
  let y: number | null, mo: number | undefined, d: number;
  let rest: string[];
  if (slash) {
    y = +slash[1]!; mo = +slash[2]!; d = +slash[3]!; rest = toks.slice(1);
  } else if (/^\d{1,2}$/.test(toks[0]!) && toks.length >= 3) {
    // day month year
    d = +toks[0]!; mo = monthOf(toks[1]!); y = yearOf(toks[2]!); rest = toks.slice(3);
  } else if (toks.length >= 3 && monthOf(toks[0]!) !== undefined && /^\d{1,2}$/.test(toks[1]!)) {
    mo = monthOf(toks[0]!); d = +toks[1]!;
    if (/^\d{3,4}$/.test(toks[2]!)) { y = yearOf(toks[2]!); rest = toks.slice(3); }
    else {
      // asctime: Jan 4 16:29:06 [zone] 2004
      const yi = toks.findIndex((t, i) => i >= 3 && /^\d{4}$/.test(t));
      if (yi < 0) return null;
      y = yearOf(toks[yi]!);
      rest = [...toks.slice(2, yi), ...toks.slice(yi + 1)];
    }
  } else return null;
  if (mo === undefined || y === null) return null;
  let h = 0, mi = 0, s = 0;
  let zoneTok = '';
  if (rest.length) {
    let timeTok = rest[0]!;
    // a zone glued to the time: 17:26:16+0200
    const glued = /^(\d{1,2}:\d{1,2}(?::\d{1,2})?)([+-].+|z)$/.exec(timeTok);
    if (glued) { timeTok = glued[1]!; rest = [timeTok, glued[2]!, ...rest.slice(1)]; }
    const t = parseTime(timeTok);
    if (!t) return null;
    [h, mi, s] = t;
    zoneTok = rest[1] ?? '';
    // "GMT -0500", "GMT+1" written with a space
    if (/^(gmt|utc|ut)$/.test(zoneTok) && rest[2] && /^[+-]\d/.test(rest[2])) zoneTok += rest[2];
  }
  const off = zoneOffset(zoneTok);
  if (off === undefined) return null;
  return build(y, mo, d, h, mi, s, off);
}

/** Korean formats (OnBlog "2004년 05월 28일 01:31:15", Nate "2004-05-25 오후 11:23:17"), in Korea's zone. */
function parseKorean(s: string): string | null {
  let m = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s+(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, 540);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(오전|오후)\s+(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(s);
  if (m) {
    let h = +m[5]!;
    if (m[4] === '오후' && h < 12) h += 12;
    if (m[4] === '오전' && h === 12) h = 0;
    return build(+m[1]!, +m[2]!, +m[3]!, h, +m[6]!, +m[7]!, 540);
  }
  return null;
}

/** Parses a feed date; returns an ISO-8601 UTC string ("2004-01-01T19:48:21Z") or null. */
export function parseFeedDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = value.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 100) return null;
  const lower = s.toLowerCase();
  let hu = lower;
  for (const [name, num] of Object.entries(HUNGARIAN_MONTHS)) if (hu.includes(name)) hu = hu.replace(name, num);
  if (/^-?\d/.test(hu)) {
    const iso = parseIso(hu);
    if (iso) return iso;
    const kr = parseKorean(s);
    if (kr) return kr;
  }
  return parseRfc822(s) ?? (/[년오]/.test(s) ? parseKorean(s) : null);
}
