// How dates, countries and languages are written on screen (UTC days, so the timeline agrees with the date filter).

const dayFmt = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

const valid = (d: Date): boolean => !Number.isNaN(d.getTime());

/** The UTC day (YYYY-MM-DD) of an ISO date; the string's first ten characters when it does not parse. */
export function dayKey(iso: string): string {
  const d = new Date(iso);
  return valid(d) ? d.toISOString().slice(0, 10) : iso.slice(0, 10);
}

/** "Fri, 9 February 2024" for a YYYY-MM-DD day. */
export function dayLabel(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return valid(d) ? dayFmt.format(d) : day;
}

export function timeLabel(iso: string): string {
  const d = new Date(iso);
  return valid(d) ? `${timeFmt.format(d)} UTC` : '';
}

export function dateTimeLabel(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return valid(d) ? `${dateTimeFmt.format(d)} UTC` : iso;
}

/** "in 5 min", "3 h ago": for feed health. */
export function relativeLabel(iso: string | null, now: number = Date.now()): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const diff = Math.round((t - now) / 60000);
  const abs = Math.abs(diff);
  const text = abs < 1 ? 'now' : abs < 60 ? `${abs} min` : abs < 48 * 60 ? `${Math.round(abs / 60)} h` : `${Math.round(abs / 1440)} d`;
  if (text === 'now') return 'just now';
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

let regionNames: Intl.DisplayNames | null = null;
let languageNames: Intl.DisplayNames | null = null;
try {
  regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
  languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
} catch {
  regionNames = null;
  languageNames = null;
}

/** "Pakistan" for "PK"; the code itself when unknown. */
export function countryName(code: string | null): string {
  if (!code) return '';
  try {
    return (/^[A-Z]{2}$/i.test(code) && regionNames?.of(code.toUpperCase())) || code;
  } catch {
    return code;
  }
}

export function languageName(code: string): string {
  if (!code || code === 'und') return 'unknown';
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
