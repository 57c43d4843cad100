// Country names for facet labels and report headings: ISO 3166 alpha-2 code → short English name.
import countries from 'i18n-iso-countries';

/** Shorter forms where the library's official English name is not what a reader expects. */
const SHORT: Record<string, string> = {
  RU: 'Russia', IR: 'Iran', SY: 'Syria', TW: 'Taiwan', US: 'United States', BO: 'Bolivia', VE: 'Venezuela',
  TZ: 'Tanzania', MD: 'Moldova', LA: 'Laos', KP: 'North Korea', KR: 'South Korea', VN: 'Vietnam', XK: 'Kosovo',
  CD: 'DR Congo', CG: 'Republic of the Congo', FM: 'Micronesia', PS: 'Palestine', BN: 'Brunei',
};

/** The country's name, or the code itself when unknown. */
export function countryName(code: string): string {
  const c = code.toUpperCase();
  return SHORT[c] ?? countries.getName(c, 'en') ?? c;
}
