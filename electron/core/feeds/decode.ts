// Feed bytes → text: the byte-order mark, then the HTTP charset, then the XML declaration, then UTF-8 (RFC 7303),
// with the repairs real feeds need (a prolog that names the wrong single-byte charset, undeclared windows-1252).
import iconv from 'iconv-lite';
import { decodeEbcdic, ebcdicPage, looksEbcdic } from './ebcdic.js';

export interface DecodedText {
  text: string;
  /** The encoding actually used, lower-case. */
  encoding: string;
}

// Labels that mean a superset in practice (as browsers read them).
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', 'iso_8859-1': 'windows-1252', latin1: 'windows-1252',
  'latin-1': 'windows-1252', 'l1': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252',
  'cp1252': 'windows-1252', 'x-cp1252': 'windows-1252', 'iso-8859-15': 'iso-8859-15',
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', 'gb_2312-80': 'gb18030', 'euc-cn': 'gb18030', cp936: 'gb18030',
  'euc-kr': 'cp949', 'ks_c_5601-1987': 'cp949', 'ks_c_5601': 'cp949', 'korean': 'cp949',
  'shift-jis': 'shift_jis', 'x-sjis': 'shift_jis', sjis: 'shift_jis', 'ms_kanji': 'shift_jis', 'windows-31j': 'shift_jis',
  big5: 'big5hkscs', 'x-x-big5': 'big5hkscs', 'big5-hkscs': 'big5hkscs', cp950: 'big5hkscs',
  'tis-620': 'windows-874', 'iso-8859-11': 'windows-874', 'x-mac-roman': 'macintosh', 'mac-roman': 'macintosh',
  utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'utf-16': 'utf-16', unicode: 'utf-16', 'ucs-2': 'utf-16',
  'utf-32': 'utf-32', 'ucs-4': 'utf-32', 'cp-is': 'cp861', 'mac-latin2': 'maccenteuro', maclatin2: 'maccenteuro',
  maccentraleurope: 'maccenteuro', 'x-mac-ce': 'maccenteuro', 'x-mac-cyrillic': 'maccyrillic', 'x-mac-greek': 'macgreek',
  'x-mac-turkish': 'macturkish', 'x-mac-icelandic': 'maciceland', 'x-user-defined': 'windows-1252',
};

function canonical(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase().replace(/_/g, '-');
  if (!l) return null;
  return ALIASES[l] ?? l;
}

/** The charset parameter of an HTTP Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

/** The encoding named by the XML declaration (read as ASCII from the first bytes), if any. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 2048));
  const m = /<\?xml[^>]*?\sencoding\s*=\s*["']\s*([A-Za-z0-9._:()-]+)\s*["']/.exec(head);
  return m ? m[1]! : null;
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

function tryUtf8(b: Uint8Array): string | null {
  try {
    return utf8Fatal.decode(b);
  } catch {
    return null;
  }
}

/** UTF-16/32 guessed from the first bytes when there is no byte-order mark ('<' or whitespace with zero bytes). */
function sniffWide(b: Uint8Array): string | null {
  if (b.length >= 4) {
    if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return 'utf-32be';
    if (b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'utf-32le';
  }
  const n = Math.min(b.length, 256) & ~1;
  if (n < 4) return null;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  return null;
}

// windows-1252's meanings of 0x80–0x9F; the five bytes it leaves undefined stay as the same code points (WHATWG).
const CP1252_HIGH = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

function decodeWindows1252(b: Uint8Array): string {
  const latin1 = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Counts valid multi-byte UTF-8 sequences and bytes that are not valid UTF-8. */
function utf8Counts(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0, invalid = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < b.length;
    for (let k = 1; ok && k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) { valid++; i += need; } else invalid++;
  }
  return { valid, invalid };
}

function decodeWith(b: Uint8Array, enc: string): string {
  if (enc === 'utf-8') return utf8Lenient.decode(b);
  if (enc === 'windows-1252') return decodeWindows1252(b);
  const ebcdic = ebcdicPage(enc);
  if (ebcdic) return decodeEbcdic(b, ebcdic);
  return iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), enc, { stripBOM: true });
}

const XML_MEDIA = /^\s*application\/([\w.-]+\+)?xml\b/i;
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|windows-874|cp\d{3,4})$/;
const WIDE = /^utf-(16|32)/;

function isUsable(enc: string): boolean {
  return enc === 'utf-8' || ebcdicPage(enc) !== null || iconv.encodingExists(enc);
}


/** Decodes a feed body following BOM → HTTP charset → XML declaration → UTF-8, then windows-1252 as a last resort. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const b = bytes;
  // 1. Byte-order mark.
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: utf8Lenient.decode(b.subarray(3)), encoding: 'utf-8' };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { text: decodeWith(b.subarray(4), 'utf-32be'), encoding: 'utf-32be' };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { text: decodeWith(b.subarray(4), 'utf-32le'), encoding: 'utf-32le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: decodeWith(b.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: decodeWith(b.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  // 2. UTF-16/32 without a mark: the zero bytes give it away, whatever the labels say.
  const wide = sniffWide(b);
  if (wide) return { text: decodeWith(b, wide), encoding: wide };
  // EBCDIC: "<?xm" in code page 037; the declaration (read in 037) names the exact page.
  if (looksEbcdic(b)) {
    const head = decodeEbcdic(b.subarray(0, 512), 'cp037');
    const m = /<\?xml[^>]*?\sencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)/.exec(head);
    const page = (m && ebcdicPage(canonical(m[1]) ?? '')) ?? 'cp037';
    return { text: decodeEbcdic(b, page), encoding: page };
  }

  // 3. Declared charsets, HTTP first. A wide label on ASCII-compatible bytes is wrong: skip it.
  const http = canonical(charsetFromContentType(contentType));
  const declared = canonical(declaredEncoding(b));
  let utf8: string | null | undefined; // computed lazily
  const asUtf8 = (): string | null => (utf8 === undefined ? (utf8 = tryUtf8(b)) : utf8);
  const candidates: Array<{ enc: string; fromProlog: boolean }> = [];
  if (http) candidates.push({ enc: http, fromProlog: false });
  if (declared) candidates.push({ enc: declared, fromProlog: true });
  // The server vouches for UTF-8: its charset says so, or it sent an XML media type and the prolog says so.
  const httpVouches = http === 'utf-8' || (!http && !!contentType && XML_MEDIA.test(contentType) && declared === 'utf-8');
  for (const { enc, fromProlog } of candidates) {
    if (WIDE.test(enc)) continue;
    if (enc === 'utf-8') {
      const t = asUtf8();
      if (t !== null) return { text: t, encoding: 'utf-8' };
      // UTF-8 with a few broken bytes: keep it and replace those bytes — when the server vouches for UTF-8 and most
      // non-ASCII is valid, or when nearly all of it is. Otherwise the label is wrong: the next label, or the
      // fallback, decides.
      const { valid, invalid } = utf8Counts(b);
      if ((httpVouches && valid > invalid) || (valid >= 8 && valid >= 8 * invalid)) return { text: utf8Lenient.decode(b), encoding: 'utf-8' };
      continue;
    }
    if (!isUsable(enc)) continue;
    // A prolog naming a single-byte charset over bytes that are valid, non-ASCII UTF-8 is a mislabel.
    if (fromProlog && SINGLE_BYTE.test(enc)) {
      const t = asUtf8();
      if (t !== null && /[^\x00-\x7f]/.test(t)) return { text: t, encoding: 'utf-8' };
    }
    return { text: decodeWith(b, enc), encoding: enc };
  }
  // 4. No usable label: UTF-8 when valid, else windows-1252 (the usual undeclared legacy charset).
  const t = asUtf8();
  if (t !== null) return { text: t, encoding: 'utf-8' };
  return { text: decodeWith(b, 'windows-1252'), encoding: 'windows-1252' };
}
