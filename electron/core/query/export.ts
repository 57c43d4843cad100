// Export of the statements under the current filter: CSV (spreadsheet-safe), JSON, and a Markdown report by country and day.
import type { ExportFormat, ExportResult, StatementView } from '../../contract/api.js';
import { countryName } from './country-names.js';

const CSV_COLUMNS: [string, (s: StatementView) => string | number | boolean | null][] = [
  ['id', (s) => s.id],
  ['date', (s) => s.date],
  ['country', (s) => s.aboutCountry],
  ['speaker', (s) => s.speaker],
  ['role', (s) => s.speakerRole],
  ['organisation', (s) => s.speakerOrg],
  ['speaker_country', (s) => s.speakerCountry],
  ['stance', (s) => s.stance],
  ['type', (s) => (s.direct ? 'direct' : 'reported')],
  ['quote', (s) => s.quote],
  ['context', (s) => s.context],
  ['topics', (s) => s.topics.join('; ')],
  ['language', (s) => s.language],
  ['feed', (s) => s.feedTitle],
  ['item_title', (s) => s.itemTitle],
  ['link', (s) => s.itemLink],
  ['confidence', (s) => s.confidence],
  ['reviewed', (s) => s.reviewed],
  ['starred', (s) => s.starred],
  ['corrected', (s) => s.corrected],
  ['note', (s) => s.note],
];

/** One CSV field: formula-looking text is defused with a leading quote; quoted when it holds , " or a line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  let v = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(list: readonly StatementView[]): string {
  const rows = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const s of list) rows.push(CSV_COLUMNS.map(([, get]) => csvField(get(s))).join(','));
  return rows.join('\r\n') + '\r\n';
}

/** Untrusted text as inert Markdown on one line: no links, emphasis, HTML, headings or list markers. */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const escaped = oneLine.replace(/[\\`*_{}[\]()<>#!|~&]/g, '\\$&');
  // A line starting with -, +, = or "1." would become a list or heading.
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An http(s) link safe to put in Markdown link syntax, or null. */
function safeLink(link: string | null): string | null {
  if (!link) return null;
  try {
    const u = new URL(link);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href.replace(/[<>\s]/g, encodeURIComponent).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  } catch { return null; }
}

function dayOf(s: StatementView): string {
  const t = Date.parse(s.date);
  return Number.isNaN(t) ? String(s.date).slice(0, 10) || 'undated' : new Date(t).toISOString().slice(0, 10);
}

export function toMarkdown(list: readonly StatementView[], filterDescription: string, now: Date): string {
  const byCountry = new Map<string, Map<string, StatementView[]>>();
  for (const s of list) {
    const c = s.aboutCountry ? s.aboutCountry.toUpperCase() : '';
    const days = byCountry.get(c) ?? new Map<string, StatementView[]>();
    byCountry.set(c, days);
    const d = dayOf(s);
    const l = days.get(d) ?? [];
    l.push(s);
    days.set(d, l);
  }
  const countries = [...byCountry.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : countryName(a).localeCompare(countryName(b))));
  const out: string[] = ['# Pollwatch statements', ''];
  out.push(`Filter: ${filterDescription.trim() ? escapeMarkdown(filterDescription) : 'all statements'}  `);
  out.push(`Exported ${now.toISOString().slice(0, 10)} · ${list.length} statement${list.length === 1 ? '' : 's'}`, '');
  for (const c of countries) {
    out.push(c ? `## ${escapeMarkdown(countryName(c))} (${c})` : '## Country not identified', '');
    const days = byCountry.get(c)!;
    for (const day of [...days.keys()].sort().reverse()) {
      out.push(`### ${day}`, '');
      for (const s of days.get(day)!) {
        out.push(`> ${escapeMarkdown(s.quote)}`, '');
        const who = s.speaker ? `**${escapeMarkdown(s.speaker)}**` : '*Unidentified speaker*';
        const about = [s.speakerRole, s.speakerOrg].filter((x): x is string => !!x && !!x.trim()).map(escapeMarkdown).join(', ');
        const bits = [`${who}${about ? `, ${about}` : ''}`, `stance: ${s.stance}`, s.direct ? 'direct quote' : 'reported speech'];
        if (s.topics.length) bits.push(`topics: ${s.topics.map(escapeMarkdown).join(', ')}`);
        const href = safeLink(s.itemLink);
        const title = escapeMarkdown(s.itemTitle || s.feedTitle || 'source') || 'source';
        bits.push(href ? `[${title}](<${href}>)` : title);
        out.push(`— ${bits.join(' · ')}`, '');
      }
    }
  }
  return out.join('\n');
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
};
const EXT: Record<ExportFormat, string> = { csv: 'csv', json: 'json', markdown: 'md' };

/** The file to save for the statements: pollwatch-statements-YYYY-MM-DD.csv|json|md. */
export function exportStatements(list: readonly StatementView[], format: ExportFormat, filterDescription: string, now: Date = new Date()): ExportResult {
  const content = format === 'csv' ? toCsv(list)
    : format === 'json' ? `${JSON.stringify(list, null, 2)}\n`
      : toMarkdown(list, filterDescription, now);
  return { filename: `pollwatch-statements-${now.toISOString().slice(0, 10)}.${EXT[format]}`, mimeType: MIME[format], content };
}
