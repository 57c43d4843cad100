// EBCDIC feeds (IBM code pages iconv-lite lacks) are recognised from their first bytes and decoded.
import { describe, expect, it } from 'vitest';
import { decodeEbcdic, ebcdicPage, looksEbcdic } from '../../../electron/core/feeds/ebcdic.js';

// "<?xml" then "Ø" (0x80 in code page 037) and "€" (0x9F in 1140)
const CP037_HEAD = Uint8Array.from([0x4c, 0x6f, 0xa7, 0x94, 0x93]);

describe('ebcdic', () => {
  it('recognises "<?xm" in EBCDIC', () => {
    expect(looksEbcdic(CP037_HEAD)).toBe(true);
    expect(looksEbcdic(new TextEncoder().encode('<?xml'))).toBe(false);
  });
  it('decodes code pages 037 and 1140', () => {
    expect(decodeEbcdic(CP037_HEAD, 'cp037')).toBe('<?xml');
    expect(decodeEbcdic(Uint8Array.from([0x80]), 'cp037')).toBe('\u00d8');
    expect(decodeEbcdic(Uint8Array.from([0x9f]), 'cp1140')).toBe('\u20ac');
  });
  it('maps labels to code pages', () => {
    expect(ebcdicPage('ebcdic-cp-be')).toBe('cp500');
    expect(ebcdicPage('IBM037')).toBe('cp037');
    expect(ebcdicPage('utf-8')).toBeNull();
  });
});
