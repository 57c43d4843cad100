// Exported files of the current filter: CSV that spreadsheets read safely, JSON, and a readable Markdown report.
import { describe, expect, it } from 'vitest';
import type { StatementView } from '../../../electron/contract/api.js';
import { csvField, escapeMarkdown, exportStatements } from '../../../electron/core/query/export.js';
import { statement } from './statements.js';

const now = new Date('2024-03-05T08:00:00Z');

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('CSV export', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.75)).toBe('0.75');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes a header and one row per statement that read back to the same values', () => {
    const list = [
      statement({ quote: 'We said, "the vote\nwas stolen"', speaker: '=cmd|calc', topics: ['fraud', 'turnout'] }),
      statement({ quote: 'Fine', speaker: null, direct: false, note: 'checked' }),
    ];
    const r = exportStatements(list, 'csv', 'country:PK', now);
    expect(r.filename).toBe('pollwatch-statements-2024-03-05.csv');
    expect(r.mimeType).toMatch(/^text\/csv/);
    const rows = readCsv(r.content);
    expect(rows).toHaveLength(3);
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['id', 'date', 'country', 'speaker']);
    const col = (name: string) => header.indexOf(name);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    expect(rows[1]![col('quote')]).toBe('We said, "the vote\nwas stolen"');
    expect(rows[1]![col('speaker')]).toBe("'=cmd|calc");
    expect(rows[1]![col('topics')]).toBe('fraud; turnout');
    expect(rows[2]![col('speaker')]).toBe('');
    expect(rows[2]![col('type')]).toBe('reported');
    expect(rows[2]![col('note')]).toBe('checked');
  });
});

describe('JSON export', () => {
  it('is a pretty-printed array of the statements', () => {
    const list = [statement({ quote: 'A' }), statement({ quote: 'B' })];
    const r = exportStatements(list, 'json', '', now);
    expect(r.filename).toBe('pollwatch-statements-2024-03-05.json');
    expect(r.mimeType).toMatch(/^application\/json/);
    expect(JSON.parse(r.content)).toEqual(list);
    expect(r.content).toContain('\n  {');
  });
});

describe('Markdown report', () => {
  const list: StatementView[] = [
    statement({ aboutCountry: 'PK', date: '2024-02-09T10:00:00Z', quote: 'The elections were not fair', speaker: 'Matthew Miller', speakerRole: 'spokesman', speakerOrg: 'State Department', stance: 'critical', itemTitle: 'US questions vote', itemLink: 'https://news.example/a' }),
    statement({ aboutCountry: 'PK', date: '2024-02-10T10:00:00Z', quote: 'Shutdown was needed', speaker: 'Interior spokesman', speakerRole: null, speakerOrg: 'Interior Ministry', stance: 'defensive', direct: false }),
    statement({ aboutCountry: 'IN', date: '2024-02-09T10:00:00Z', quote: 'Results soon', stance: 'neutral' }),
    statement({ aboutCountry: null, date: '2024-02-09T10:00:00Z', quote: 'Unplaced', speaker: null }),
  ];
  const md = exportStatements(list, 'markdown', 'speaker:"Matthew Miller" country:PK', now);

  it('is named and typed as Markdown', () => {
    expect(md.filename).toBe('pollwatch-statements-2024-03-05.md');
    expect(md.mimeType).toMatch(/^text\/markdown/);
  });

  it('groups by country name, then by day, newest day first, with unplaced statements last', () => {
    const headings = md.content.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Pollwatch statements',
      '## India (IN)', '### 2024-02-09',
      '## Pakistan (PK)', '### 2024-02-10', '### 2024-02-09',
      '## Country not identified', '### 2024-02-09',
    ]);
  });

  it('quotes each statement with speaker, role, organisation, stance and a link to the item', () => {
    expect(md.content).toContain('> The elections were not fair');
    expect(md.content).toContain('— **Matthew Miller**, spokesman, State Department · stance: critical · direct quote · topics: fraud · [US questions vote](<https://news.example/a>)');
    expect(md.content).toContain('**Interior spokesman**, Interior Ministry · stance: defensive · reported speech');
    expect(md.content).toContain('*Unidentified speaker*');
    expect(md.content).toContain('Filter: speaker:"Matthew Miller" country:PK');
    expect(md.content).toContain('4 statements');
  });

  it('keeps untrusted text inert: no links, HTML, emphasis or headings from quotes', () => {
    const evil = statement({
      quote: '# Big [click](javascript:alert(1)) <img src=x onerror=alert(1)> *bold* _x_\n## not a heading',
      speaker: '[Bob](http://evil)', itemTitle: 'Title ](javascript:x)', itemLink: 'javascript:alert(1)',
    });
    const out = exportStatements([evil], 'markdown', '', now).content;
    expect(out).not.toMatch(/[^\\]\[click\]/);
    expect(out).not.toMatch(/[^\\]<img/);
    expect(out).toContain('\\<img');
    expect(out).not.toMatch(/(^|[^\\])\*bold/);
    expect(out).not.toMatch(/^#+ (Big|not a heading)/m);
    expect(out).not.toContain('](javascript');
    expect(out).not.toContain('(<javascript');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('a_b*c')).toBe('a\\_b\\*c');
  });

  it('encodes link characters that would break out of the link', () => {
    const s = statement({ itemLink: 'https://news.example/a b>(c)', itemTitle: 'T' });
    const out = exportStatements([s], 'markdown', '', now).content;
    expect(out).toContain('[T](<https://news.example/a%20b%3E%28c%29>)');
  });
});
