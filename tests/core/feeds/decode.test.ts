// Feed bytes decode as the spec orders it — BOM, then the HTTP charset, then the XML declaration, then UTF-8 —
// with the repairs real feeds need, so titles in any language arrive intact.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeedBytes, declaredEncoding } from '../../../electron/core/feeds/decode.js';

const TITLE = 'Iñtërnâtiônàlizætiøn – 日本語 – Ελληνικά';
const doc = (decl: string, title: string): string => `${decl}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;
const enc = (s: string, e: string): Uint8Array => new Uint8Array(iconv.encode(s, e));
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeFeedBytes', () => {
  it('uses a UTF-8 byte-order mark and drops it', () => {
    const r = decodeFeedBytes(cat(Uint8Array.from([0xef, 0xbb, 0xbf]), enc(doc('<?xml version="1.0" encoding="iso-8859-1"?>', TITLE), 'utf8')));
    expect(r.encoding).toBe('utf-8');
    expect(r.text.startsWith('<?xml')).toBe(true);
    expect(r.text).toContain(TITLE);
  });

  it('decodes UTF-16 LE and BE with a BOM, and without one', () => {
    const s = doc('<?xml version="1.0" encoding="utf-16"?>', TITLE);
    expect(decodeFeedBytes(cat(Uint8Array.from([0xff, 0xfe]), enc(s, 'utf16le'))).text).toContain(TITLE);
    expect(decodeFeedBytes(cat(Uint8Array.from([0xfe, 0xff]), enc(s, 'utf16be'))).text).toContain(TITLE);
    expect(decodeFeedBytes(enc(s, 'utf16le')).text).toContain(TITLE);
    expect(decodeFeedBytes(enc(s, 'utf16be')).text).toContain(TITLE);
  });

  it('decodes UTF-32 with a BOM', () => {
    const s = doc('<?xml version="1.0" encoding="utf-32"?>', TITLE);
    expect(decodeFeedBytes(cat(Uint8Array.from([0, 0, 0xfe, 0xff]), enc(s, 'utf32be'))).text).toContain(TITLE);
  });

  it('follows the XML declaration for legacy charsets (windows-1252, KOI8-R, GB2312 as GB18030)', () => {
    expect(decodeFeedBytes(enc(doc('<?xml version="1.0" encoding="windows-1252"?>', 'Euro € “quoted”'), 'win1252')).text).toContain('Euro € “quoted”');
    expect(decodeFeedBytes(enc(doc('<?xml version="1.0" encoding="koi8-r"?>', 'Выборы'), 'koi8-r')).text).toContain('Выборы');
    expect(decodeFeedBytes(enc(doc('<?xml version="1.0" encoding="gb2312"?>', '选举新闻'), 'gb18030')).text).toContain('选举新闻');
  });

  it('lets the HTTP charset outrank the XML declaration', () => {
    const bytes = enc(doc('<?xml version="1.0" encoding="utf-8"?>', 'Café'), 'latin1');
    const r = decodeFeedBytes(bytes, 'text/xml; charset=iso-8859-1');
    expect(r.text).toContain('Café');
  });

  it('reads ISO-8859-1 served with a wrong "utf-8" header from its declaration', () => {
    const bytes = enc(doc('<?xml version="1.0" encoding="iso-8859-1"?>', 'Jornal de Notícias – Últimas'.replace('–', '-')), 'latin1');
    expect(decodeFeedBytes(bytes, 'application/rss+xml; charset=utf-8').text).toContain('Jornal de Notícias - Últimas');
  });

  it('keeps UTF-8 when a prolog names a single-byte charset over valid UTF-8 (mislabeled prolog)', () => {
    const bytes = enc(doc('<?xml version="1.0" encoding="windows-1252"?>', 'Euro €'), 'utf8');
    expect(decodeFeedBytes(bytes).text).toContain('Euro €');
  });

  it('replaces a few broken bytes in a document declared UTF-8 instead of re-reading it as another charset', () => {
    const good = enc(doc('<?xml version="1.0"?>', '日本語 ok '), 'utf8');
    const bytes = cat(good.subarray(0, 40), Uint8Array.from([0xff]), good.subarray(40));
    const r = decodeFeedBytes(bytes, 'text/xml; charset="utf-8"');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('日本語');
  });

  it('keeps a UTF-8 feed with one stray byte as UTF-8 instead of garbling all of it', () => {
    const good = enc(doc('<?xml version="1.0" encoding="utf-8"?>', 'Wahlen in Österreich – Ergebnisse für Zürich, Genève, Málaga, Kraków, Łódź, São Paulo'), 'utf8');
    const bytes = cat(good.subarray(0, 60), Uint8Array.from([0xe9]), good.subarray(60));
    const r = decodeFeedBytes(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('Ergebnisse für Zürich, Genève, Málaga');
  });

  it('falls back to windows-1252 (undefined bytes kept as code points) when a prolog wrongly claims UTF-8', () => {
    const bytes = cat(enc('<?xml version="1.0" encoding="utf-8"?><rss><d>', 'utf8'), Uint8Array.from([0xe2, 0x80, 0x99, 0x9d, 0x8a]), enc('</d></rss>', 'utf8'));
    const r = decodeFeedBytes(bytes);
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('\u00e2\u20ac\u2122\u009d\u0160');
  });

  it('decodes an EBCDIC document from the code page its declaration names', () => {
    // "<?xml version='1.0' encoding='cp037'?><rss><channel><title>Ø</title></channel></rss>" in code page 037
    const ascii = "<?xml version='1.0' encoding='cp037'?><rss><channel><title>X</title></channel></rss>";
    const toEbcdic: Record<string, number> = {};
    for (let byte = 0; byte < 256; byte++) {
      const ch = decodeFeedBytes(Uint8Array.from([0x4c, 0x6f, 0xa7, 0x94, byte])).text.slice(4);
      if (ch.length === 1 && !(ch in toEbcdic)) toEbcdic[ch] = byte;
    }
    const bytes = Uint8Array.from([...ascii].map((c) => (c === 'X' ? 0x80 : toEbcdic[c]!)));
    expect(decodeFeedBytes(bytes).text).toBe(ascii.replace('X', '\u00d8'));
  });

  it('falls back to windows-1252 for undeclared non-UTF-8 bytes', () => {
    const bytes = enc(doc('', 'don’t'), 'win1252');
    expect(decodeFeedBytes(bytes).text).toContain('don’t');
  });

  it('reads the charset parameter and the XML declaration', () => {
    expect(charsetFromContentType('text/xml; charset="Windows-1251"')).toBe('Windows-1251');
    expect(charsetFromContentType('application/xml')).toBeNull();
    expect(declaredEncoding(new TextEncoder().encode('\n\n<?xml version="1.0" encoding=\'KOI8-R\'?><rss/>'))).toBe('KOI8-R');
  });
});
