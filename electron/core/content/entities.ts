// Character references in feed and page HTML: XML's predefined entities, numeric references (with the windows-1252 repair of
// 128–159) and the HTML named entities that real feeds use without declaring them. Unknown names stay as written.

// HTML 4 named entities plus &apos; (name → code point), the set feeds use in practice.
const NAMES =
  'AElig 198 Aacute 193 Acirc 194 Agrave 192 Alpha 913 Aring 197 Atilde 195 Auml 196 Beta 914 Ccedil 199 Chi 935 ' +
  'Dagger 8225 Delta 916 ETH 208 Eacute 201 Ecirc 202 Egrave 200 Epsilon 917 Eta 919 Euml 203 Gamma 915 Iacute 205 ' +
  'Icirc 206 Igrave 204 Iota 921 Iuml 207 Kappa 922 Lambda 923 Mu 924 Ntilde 209 Nu 925 OElig 338 Oacute 211 ' +
  'Ocirc 212 Ograve 210 Omega 937 Omicron 927 Oslash 216 Otilde 213 Ouml 214 Phi 934 Pi 928 Prime 8243 Psi 936 ' +
  'Rho 929 Scaron 352 Sigma 931 THORN 222 Tau 932 Theta 920 Uacute 218 Ucirc 219 Ugrave 217 Upsilon 933 Uuml 220 ' +
  'Xi 926 Yacute 221 Yuml 376 Zeta 918 aacute 225 acirc 226 acute 180 aelig 230 agrave 224 alefsym 8501 alpha 945 ' +
  'amp 38 and 8743 ang 8736 apos 39 aring 229 asymp 8776 atilde 227 auml 228 bdquo 8222 beta 946 brvbar 166 ' +
  'bull 8226 cap 8745 ccedil 231 cedil 184 cent 162 chi 967 circ 710 clubs 9827 cong 8773 copy 169 crarr 8629 ' +
  'cup 8746 curren 164 dArr 8659 dagger 8224 darr 8595 deg 176 delta 948 diams 9830 divide 247 eacute 233 ' +
  'ecirc 234 egrave 232 empty 8709 emsp 8195 ensp 8194 epsilon 949 equiv 8801 eta 951 eth 240 euml 235 euro 8364 ' +
  'exist 8707 fnof 402 forall 8704 frac12 189 frac14 188 frac34 190 frasl 8260 gamma 947 ge 8805 gt 62 hArr 8660 ' +
  'harr 8596 hearts 9829 hellip 8230 iacute 237 icirc 238 iexcl 161 igrave 236 image 8465 infin 8734 int 8747 ' +
  'iota 953 iquest 191 isin 8712 iuml 239 kappa 954 lArr 8656 lambda 955 lang 9001 laquo 171 larr 8592 ' +
  'lceil 8968 ldquo 8220 le 8804 lfloor 8970 lowast 8727 loz 9674 lrm 8206 lsaquo 8249 lsquo 8216 lt 60 macr 175 ' +
  'mdash 8212 micro 181 middot 183 minus 8722 mu 956 nabla 8711 nbsp 160 ndash 8211 ne 8800 ni 8715 not 172 ' +
  'notin 8713 nsub 8836 ntilde 241 nu 957 oacute 243 ocirc 244 oelig 339 ograve 242 oline 8254 omega 969 ' +
  'omicron 959 oplus 8853 or 8744 ordf 170 ordm 186 oslash 248 otilde 245 otimes 8855 ouml 246 para 182 ' +
  'part 8706 permil 8240 perp 8869 phi 966 pi 960 piv 982 plusmn 177 pound 163 prime 8242 prod 8719 prop 8733 ' +
  'psi 968 quot 34 rArr 8658 radic 8730 rang 9002 raquo 187 rarr 8594 rceil 8969 rdquo 8221 real 8476 reg 174 ' +
  'rfloor 8971 rho 961 rlm 8207 rsaquo 8250 rsquo 8217 sbquo 8218 scaron 353 sdot 8901 sect 167 shy 173 sigma 963 ' +
  'sigmaf 962 sim 8764 spades 9824 sub 8834 sube 8838 sum 8721 sup 8835 sup1 185 sup2 178 sup3 179 supe 8839 ' +
  'szlig 223 tau 964 there4 8756 theta 952 thetasym 977 thinsp 8201 thorn 254 tilde 732 times 215 trade 8482 ' +
  'uArr 8657 uacute 250 uarr 8593 ucirc 251 ugrave 249 uml 168 upsih 978 upsilon 965 uuml 252 weierp 8472 xi 958 ' +
  'yacute 253 yen 165 yuml 255 zeta 950 zwj 8205 zwnj 8204';

export const HTML_ENTITIES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const parts = NAMES.split(' ');
  for (let i = 0; i < parts.length; i += 2) m.set(parts[i]!, String.fromCodePoint(Number(parts[i + 1])));
  return m;
})();

// windows-1252 meanings of 128–159: feeds written in that charset often emit &#146; for ’.
const CP1252: Record<number, number> = {
  128: 8364, 130: 8218, 131: 402, 132: 8222, 133: 8230, 134: 8224, 135: 8225, 136: 710, 137: 8240, 138: 352,
  139: 8249, 140: 338, 142: 381, 145: 8216, 146: 8217, 147: 8220, 148: 8221, 149: 8226, 150: 8211, 151: 8212,
  152: 732, 153: 8482, 154: 353, 155: 8250, 156: 339, 158: 382, 159: 376,
};

/** The character a numeric reference stands for; NUL, surrogates and out-of-range values become U+FFFD. */
export function charFromCode(n: number): string {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  const mapped = CP1252[n];
  return String.fromCodePoint(mapped ?? n);
}

const REF = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{0,31});/g;
const LOOSE_REF = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{0,31})(;?)/g;

/** Named references that browsers also decode without the closing semicolon ("&amp" in sloppy HTML). */
const LEGACY_NO_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

function numeric(body: string): string {
  const hex = body[1] === 'x' || body[1] === 'X';
  return charFromCode(hex ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
}

/**
 * Decodes numeric and HTML named references (HTML text → plain text); unknown names are left as written.
 * `loose`: also what browsers accept without the semicolon (numeric references and the legacy names), for HTML
 * as found in the wild rather than feed XML.
 */
export function decodeHtmlEntities(s: string, opts: { loose?: boolean } = {}): string {
  if (s.indexOf('&') < 0) return s;
  if (!opts.loose) {
    return s.replace(REF, (m, body: string) => (body.charCodeAt(0) === 35 /* # */ ? numeric(body) : HTML_ENTITIES.get(body) ?? m));
  }
  return s.replace(LOOSE_REF, (m, body: string, semi: string) => {
    if (body.charCodeAt(0) === 35) return numeric(body);
    if (semi || LEGACY_NO_SEMICOLON.has(body)) return HTML_ENTITIES.get(body) ?? m;
    return m;
  });
}

/** Escapes text so that HTML shows it literally. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value for a double-quoted HTML attribute. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
