import { ValidationError } from '../errors/ValidationError.js';
import { isAsciiLetters } from './textChecks.js';

/**
 * The countries (`gl` values) Google Play serves, and the regional store each one shares.
 *
 * Data transcribed from mixL1nk/playfast `python/playfast/constants.py` (PROTOCOL.md §5.5):
 * 247 countries "verified 2025-10-13" (North Korea and Syria excluded), grouped by region as in
 * the source. The store groups are an empirical snapshot made by PF (countries whose scraped top
 * charts had identical scores were judged to share one store), not an API fact: `gl` still selects
 * price, currency and availability per country.
 */

/** [code, English name, ISO 4217 currency code] rows, grouped by region. */
const COUNTRY_TABLE = [
  // North America
  ['us', 'United States', 'USD'],
  ['ca', 'Canada', 'CAD'],
  ['mx', 'Mexico', 'MXN'],
  // Central America
  ['gt', 'Guatemala', 'GTQ'],
  ['hn', 'Honduras', 'HNL'],
  ['sv', 'El Salvador', 'USD'],
  ['ni', 'Nicaragua', 'NIO'],
  ['cr', 'Costa Rica', 'CRC'],
  ['pa', 'Panama', 'PAB'],
  ['bz', 'Belize', 'BZD'],
  // Caribbean
  ['cu', 'Cuba', 'CUP'],
  ['jm', 'Jamaica', 'JMD'],
  ['do', 'Dominican Republic', 'DOP'],
  ['ht', 'Haiti', 'HTG'],
  ['tt', 'Trinidad and Tobago', 'TTD'],
  ['bb', 'Barbados', 'BBD'],
  ['bs', 'Bahamas', 'BSD'],
  ['pr', 'Puerto Rico', 'USD'],
  ['ai', 'Anguilla', 'XCD'],
  ['ag', 'Antigua and Barbuda', 'XCD'],
  ['aw', 'Aruba', 'AWG'],
  ['bm', 'Bermuda', 'BMD'],
  ['bq', 'Caribbean Netherlands', 'USD'],
  ['ky', 'Cayman Islands', 'KYD'],
  ['cw', 'Curaçao', 'ANG'],
  ['dm', 'Dominica', 'XCD'],
  ['gd', 'Grenada', 'XCD'],
  ['gp', 'Guadeloupe', 'EUR'],
  ['mq', 'Martinique', 'EUR'],
  ['ms', 'Montserrat', 'XCD'],
  ['bl', 'Saint Barthélemy', 'EUR'],
  ['kn', 'Saint Kitts and Nevis', 'XCD'],
  ['lc', 'Saint Lucia', 'XCD'],
  ['mf', 'Saint Martin', 'EUR'],
  ['pm', 'Saint Pierre and Miquelon', 'EUR'],
  ['vc', 'Saint Vincent and the Grenadines', 'XCD'],
  ['sx', 'Sint Maarten', 'ANG'],
  ['tc', 'Turks and Caicos Islands', 'USD'],
  ['vg', 'British Virgin Islands', 'USD'],
  ['vi', 'U.S. Virgin Islands', 'USD'],
  // South America
  ['br', 'Brazil', 'BRL'],
  ['ar', 'Argentina', 'ARS'],
  ['cl', 'Chile', 'CLP'],
  ['co', 'Colombia', 'COP'],
  ['pe', 'Peru', 'PEN'],
  ['ve', 'Venezuela', 'VES'],
  ['ec', 'Ecuador', 'USD'],
  ['bo', 'Bolivia', 'BOB'],
  ['py', 'Paraguay', 'PYG'],
  ['uy', 'Uruguay', 'UYU'],
  ['gy', 'Guyana', 'GYD'],
  ['sr', 'Suriname', 'SRD'],
  ['gf', 'French Guiana', 'EUR'],
  ['fk', 'Falkland Islands', 'FKP'],
  // Western Europe
  ['gb', 'United Kingdom', 'GBP'],
  ['de', 'Germany', 'EUR'],
  ['fr', 'France', 'EUR'],
  ['es', 'Spain', 'EUR'],
  ['it', 'Italy', 'EUR'],
  ['nl', 'Netherlands', 'EUR'],
  ['be', 'Belgium', 'EUR'],
  ['at', 'Austria', 'EUR'],
  ['ch', 'Switzerland', 'CHF'],
  ['ie', 'Ireland', 'EUR'],
  ['pt', 'Portugal', 'EUR'],
  ['lu', 'Luxembourg', 'EUR'],
  ['mc', 'Monaco', 'EUR'],
  ['li', 'Liechtenstein', 'CHF'],
  ['ad', 'Andorra', 'EUR'],
  ['sm', 'San Marino', 'EUR'],
  ['va', 'Vatican City', 'EUR'],
  ['gi', 'Gibraltar', 'GIP'],
  // Northern Europe
  ['se', 'Sweden', 'SEK'],
  ['no', 'Norway', 'NOK'],
  ['dk', 'Denmark', 'DKK'],
  ['fi', 'Finland', 'EUR'],
  ['is', 'Iceland', 'ISK'],
  ['fo', 'Faroe Islands', 'DKK'],
  ['ax', 'Åland Islands', 'EUR'],
  // Eastern Europe
  ['pl', 'Poland', 'PLN'],
  ['cz', 'Czech Republic', 'CZK'],
  ['hu', 'Hungary', 'HUF'],
  ['ro', 'Romania', 'RON'],
  ['bg', 'Bulgaria', 'BGN'],
  ['sk', 'Slovakia', 'EUR'],
  ['si', 'Slovenia', 'EUR'],
  ['hr', 'Croatia', 'EUR'],
  ['ee', 'Estonia', 'EUR'],
  ['lv', 'Latvia', 'EUR'],
  ['lt', 'Lithuania', 'EUR'],
  ['rs', 'Serbia', 'RSD'],
  ['ua', 'Ukraine', 'UAH'],
  ['by', 'Belarus', 'BYN'],
  ['md', 'Moldova', 'MDL'],
  // Southern Europe
  ['gr', 'Greece', 'EUR'],
  ['cy', 'Cyprus', 'EUR'],
  ['mt', 'Malta', 'EUR'],
  ['al', 'Albania', 'ALL'],
  ['mk', 'North Macedonia', 'MKD'],
  ['ba', 'Bosnia and Herzegovina', 'BAM'],
  ['me', 'Montenegro', 'EUR'],
  ['xk', 'Kosovo', 'EUR'],
  // British Isles
  ['im', 'Isle of Man', 'GBP'],
  ['je', 'Jersey', 'GBP'],
  ['gg', 'Guernsey', 'GBP'],
  // East Asia
  ['jp', 'Japan', 'JPY'],
  ['kr', 'South Korea', 'KRW'],
  ['cn', 'China', 'CNY'],
  ['hk', 'Hong Kong', 'HKD'],
  ['tw', 'Taiwan', 'TWD'],
  ['mo', 'Macao', 'MOP'],
  ['mn', 'Mongolia', 'MNT'],
  // Southeast Asia
  ['sg', 'Singapore', 'SGD'],
  ['my', 'Malaysia', 'MYR'],
  ['th', 'Thailand', 'THB'],
  ['id', 'Indonesia', 'IDR'],
  ['ph', 'Philippines', 'PHP'],
  ['vn', 'Vietnam', 'VND'],
  ['mm', 'Myanmar', 'MMK'],
  ['kh', 'Cambodia', 'KHR'],
  ['la', 'Laos', 'LAK'],
  ['bn', 'Brunei', 'BND'],
  ['tl', 'Timor-Leste', 'USD'],
  // South Asia
  ['in', 'India', 'INR'],
  ['pk', 'Pakistan', 'PKR'],
  ['bd', 'Bangladesh', 'BDT'],
  ['lk', 'Sri Lanka', 'LKR'],
  ['np', 'Nepal', 'NPR'],
  ['bt', 'Bhutan', 'BTN'],
  ['mv', 'Maldives', 'MVR'],
  // Central Asia
  ['kz', 'Kazakhstan', 'KZT'],
  ['uz', 'Uzbekistan', 'UZS'],
  ['kg', 'Kyrgyzstan', 'KGS'],
  ['tj', 'Tajikistan', 'TJS'],
  ['tm', 'Turkmenistan', 'TMT'],
  // Middle East
  ['af', 'Afghanistan', 'AFN'],
  ['tr', 'Turkey', 'TRY'],
  ['il', 'Israel', 'ILS'],
  ['sa', 'Saudi Arabia', 'SAR'],
  ['ae', 'United Arab Emirates', 'AED'],
  ['qa', 'Qatar', 'QAR'],
  ['kw', 'Kuwait', 'KWD'],
  ['bh', 'Bahrain', 'BHD'],
  ['om', 'Oman', 'OMR'],
  ['jo', 'Jordan', 'JOD'],
  ['lb', 'Lebanon', 'LBP'],
  ['iq', 'Iraq', 'IQD'],
  ['ye', 'Yemen', 'YER'],
  ['ps', 'Palestine', 'ILS'],
  ['ir', 'Iran', 'IRR'],
  // Caucasus
  ['ge', 'Georgia', 'GEL'],
  ['am', 'Armenia', 'AMD'],
  ['az', 'Azerbaijan', 'AZN'],
  // Russia
  ['ru', 'Russia', 'RUB'],
  // North Africa
  ['eg', 'Egypt', 'EGP'],
  ['ma', 'Morocco', 'MAD'],
  ['dz', 'Algeria', 'DZD'],
  ['tn', 'Tunisia', 'TND'],
  ['ly', 'Libya', 'LYD'],
  ['sd', 'Sudan', 'SDG'],
  ['ss', 'South Sudan', 'SSP'],
  // West Africa
  ['ng', 'Nigeria', 'NGN'],
  ['gh', 'Ghana', 'GHS'],
  ['ci', "Côte d'Ivoire", 'XOF'],
  ['sn', 'Senegal', 'XOF'],
  ['ml', 'Mali', 'XOF'],
  ['bf', 'Burkina Faso', 'XOF'],
  ['ne', 'Niger', 'XOF'],
  ['gn', 'Guinea', 'GNF'],
  ['sl', 'Sierra Leone', 'SLE'],
  ['lr', 'Liberia', 'LRD'],
  ['gm', 'Gambia', 'GMD'],
  ['bj', 'Benin', 'XOF'],
  ['tg', 'Togo', 'XOF'],
  ['mr', 'Mauritania', 'MRU'],
  ['gw', 'Guinea-Bissau', 'XOF'],
  ['cv', 'Cape Verde', 'CVE'],
  ['st', 'São Tomé and Príncipe', 'STN'],
  ['gq', 'Equatorial Guinea', 'XAF'],
  // East Africa
  ['ke', 'Kenya', 'KES'],
  ['tz', 'Tanzania', 'TZS'],
  ['ug', 'Uganda', 'UGX'],
  ['et', 'Ethiopia', 'ETB'],
  ['so', 'Somalia', 'SOS'],
  ['rw', 'Rwanda', 'RWF'],
  ['bi', 'Burundi', 'BIF'],
  ['dj', 'Djibouti', 'DJF'],
  ['er', 'Eritrea', 'ERN'],
  // Southern Africa
  ['za', 'South Africa', 'ZAR'],
  ['zw', 'Zimbabwe', 'ZWL'],
  ['bw', 'Botswana', 'BWP'],
  ['na', 'Namibia', 'NAD'],
  ['mz', 'Mozambique', 'MZN'],
  ['zm', 'Zambia', 'ZMW'],
  ['mw', 'Malawi', 'MWK'],
  ['ls', 'Lesotho', 'LSL'],
  ['sz', 'Eswatini', 'SZL'],
  ['ao', 'Angola', 'AOA'],
  // Central Africa
  ['cm', 'Cameroon', 'XAF'],
  ['cd', 'DR Congo', 'CDF'],
  ['cg', 'Congo', 'XAF'],
  ['ga', 'Gabon', 'XAF'],
  ['cf', 'Central African Republic', 'XAF'],
  ['td', 'Chad', 'XAF'],
  // Indian Ocean
  ['mu', 'Mauritius', 'MUR'],
  ['sc', 'Seychelles', 'SCR'],
  ['yt', 'Mayotte', 'EUR'],
  ['re', 'Réunion', 'EUR'],
  ['km', 'Comoros', 'KMF'],
  ['mg', 'Madagascar', 'MGA'],
  // Australia & New Zealand
  ['au', 'Australia', 'AUD'],
  ['nz', 'New Zealand', 'NZD'],
  // Pacific Islands
  ['fj', 'Fiji', 'FJD'],
  ['pg', 'Papua New Guinea', 'PGK'],
  ['nc', 'New Caledonia', 'XPF'],
  ['pf', 'French Polynesia', 'XPF'],
  ['vu', 'Vanuatu', 'VUV'],
  ['ws', 'Samoa', 'WST'],
  ['to', 'Tonga', 'TOP'],
  ['sb', 'Solomon Islands', 'SBD'],
  ['gu', 'Guam', 'USD'],
  ['as', 'American Samoa', 'USD'],
  ['mp', 'Northern Mariana Islands', 'USD'],
  ['pw', 'Palau', 'USD'],
  ['fm', 'Micronesia', 'USD'],
  ['mh', 'Marshall Islands', 'USD'],
  ['ki', 'Kiribati', 'AUD'],
  ['nr', 'Nauru', 'AUD'],
  ['tv', 'Tuvalu', 'AUD'],
  ['ck', 'Cook Islands', 'NZD'],
  ['nu', 'Niue', 'NZD'],
  ['tk', 'Tokelau', 'NZD'],
  ['pn', 'Pitcairn Islands', 'NZD'],
  ['nf', 'Norfolk Island', 'AUD'],
  ['wf', 'Wallis and Futuna', 'XPF'],
  ['um', 'U.S. Minor Outlying Islands', 'USD'],
  // Greenland
  ['gl', 'Greenland', 'DKK'],
  // Antarctica
  ['aq', 'Antarctica', 'USD'],
  // Remote Territories
  ['bv', 'Bouvet Island', 'NOK'],
  ['tf', 'French Southern Territories', 'EUR'],
  ['hm', 'Heard Island and McDonald Islands', 'AUD'],
  ['gs', 'South Georgia and South Sandwich Islands', 'GBP'],
  ['io', 'British Indian Ocean Territory', 'USD'],
  ['cc', 'Cocos Islands', 'AUD'],
  ['cx', 'Christmas Island', 'AUD'],
  ['sh', 'Saint Helena', 'SHP'],
  ['ta', 'Tristan da Cunha', 'GBP'],
] as const;

/** A lower-case two-letter country code Google Play accepts as `gl` (one of {@link COUNTRIES}). */
export type CountryCode = (typeof COUNTRY_TABLE)[number][0];

/**
 * The shared store groups (PF `REGION_MAPPING`): representative → members, representative first.
 * Every country not listed here is its own store (89 singletons).
 */
const SHARED_STORES: Readonly<Record<'vu' | 'cf' | 'sz' | 'fm', readonly CountryCode[]>> = {
  // 138 countries
  vu: [
    'vu', 'md', 'mq', 'gp', 'bm', 'nc', 'gd', 'pg', 'dm', 'fj', 'lt', 'cw', 'am', 'lv', 'ms', 'ee', 'ky', 'mg',
    'hr', 'pm', 'tt', 'km', 'si', 'bq', 're', 'sk', 'yt', 'sc', 'mu', 'td', 'bh', 'ax', 'cg', 'kw', 'fo', 'cd',
    'qa', 'is', 'cm', 'fi', 'ao', 'dk', 'ls', 'af', 'gi', 'bz', 'mw', 'tm', 'va', 'zm', 'tj', 'sm', 'mz', 'na',
    'jm', 'bw', 'mc', 'zw', 'lu', 'bt', 'er', 'dj', 'bi', 'rw', 'tl', 'ug', 'tz', 'gq', 'st', 'fk', 'tf', 'cv',
    'gf', 'gw', 'sr', 'mr', 'gy', 'gl', 'tg', 'bj', 'mn', 'bs', 'nf', 'gm', 'lr', 'bb', 'nu', 'sl', 'cn', 'ck',
    'gn', 'nr', 'bf', 'ml', 'je', 'vi', 'mh', 'im', 'ci', 'me', 'sx', 'ba', 'ai', 'aw', 'mf', 'as', 'mk', 'sd',
    'al', 'lc', 'pr', 'ag', 'mt', 'kn', 'bl', 'to', 'cy', 'pf', 'ga', 'tv', 'ws', 'mp', 'pw', 'sb', 'aq', 'um',
    'io', 'cx', 'wf', 'gs', 'tk', 'bv', 'sh', 'ta', 'gu', 'cc', 'hm', 'pn',
  ],
  // 12 countries
  cf: ['cf', 'li', 'cu', 'so', 'et', 'bn', 'mo', 'gg', 'xk', 'tc', 'vc', 'ss'],
  // 6 countries
  sz: ['sz', 'ad', 'mv', 'ht', 'ne', 'vg'],
  // 2 countries
  fm: ['fm', 'ki'],
};

/** One Google Play country. */
export interface Country {
  /** Two-letter lower-case code, sent as `gl`. */
  readonly code: CountryCode;
  /** English name. */
  readonly name: string;
  /** ISO 4217 currency code listed for the country (PF's table; Google Play may bill in another). */
  readonly currency: string;
  /**
   * Code of the representative country of the Play Store group this country belongs to (PROTOCOL.md
   * §5.5); equal to `code` for a country with its own store.
   */
  readonly store: CountryCode;
}

const storeOf = new Map<CountryCode, CountryCode>();
for (const [representative, members] of Object.entries(SHARED_STORES)) {
  for (const member of members) storeOf.set(member, representative as CountryCode);
}

/**
 * The 247 Google Play countries, in PF's regional order, each with its store group.
 *
 * @example
 * ```ts
 * COUNTRIES.find((c) => c.code === 'kr'); // { code: 'kr', name: 'South Korea', currency: 'KRW', store: 'kr' }
 * ```
 */
export const COUNTRIES: readonly Country[] = Object.freeze(
  COUNTRY_TABLE.map(([code, name, currency]): Country =>
    Object.freeze({ code, name, currency, store: storeOf.get(code) ?? code }),
  ),
);

const byCode: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((country) => [country.code, country]));

/**
 * The 93 representative countries, one per distinct Play Store (PF `UNIQUE_REGION_CODES`), in
 * {@link COUNTRIES} order. Scraping these covers every store group once.
 *
 * @example
 * ```ts
 * UNIQUE_STORE_COUNTRIES.length; // 93
 * ```
 */
export const UNIQUE_STORE_COUNTRIES: readonly CountryCode[] = Object.freeze(
  COUNTRIES.filter((country) => country.store === country.code).map((country) => country.code),
);

const ALLOWED_COUNTRY = `a Google Play country code: 2 letters such as us, kr or jp (${COUNTRY_TABLE.length} codes, see COUNTRIES)`;

/**
 * Tells whether `value` is a lower-case Google Play country code.
 *
 * @example
 * ```ts
 * isCountryCode('kr'); // true
 * isCountryCode('KR'); // false: use validateCountry to normalise case
 * ```
 */
export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && byCode.has(value);
}

/**
 * Checks a country code and returns it in lower case; upper or mixed case is accepted.
 *
 * @param value - The code given by the caller, e.g. `'US'`.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} when `value` is not one of the 247 codes of {@link COUNTRIES}.
 *
 * @example
 * ```ts
 * validateCountry('GB'); // 'gb'
 * validateCountry('usa'); // throws ValidationError (field 'country')
 * ```
 */
export function validateCountry(value: unknown, field = 'country'): CountryCode {
  if (typeof value === 'string' && value.length === 2 && isAsciiLetters(value)) {
    const code = value.toLowerCase();
    if (isCountryCode(code)) return code;
  }
  throw new ValidationError(field, value, ALLOWED_COUNTRY);
}

/**
 * Returns the full record of a country; the code is validated as by {@link validateCountry}.
 *
 * @throws {ValidationError} for an unknown code.
 *
 * @example
 * ```ts
 * getCountry('jp').currency; // 'JPY'
 * ```
 */
export function getCountry(code: string): Country {
  const country = byCode.get(validateCountry(code));
  if (country === undefined) throw new ValidationError('country', code, ALLOWED_COUNTRY);
  return country;
}

/**
 * Returns the representative country of the Play Store group `code` belongs to (PF
 * `get_representative_country`); a country with its own store maps to itself.
 *
 * @throws {ValidationError} for an unknown code.
 *
 * @example
 * ```ts
 * getRepresentativeCountry('fi'); // 'vu'
 * getRepresentativeCountry('us'); // 'us'
 * ```
 */
export function getRepresentativeCountry(code: string): CountryCode {
  return getCountry(code).store;
}

/** A Play Store group: the countries that were found to share one regional store. */
export interface StoreGroup {
  /** The representative country code (the one to scrape). */
  readonly representative: CountryCode;
  /** Every member code, the representative included, in {@link COUNTRIES} order. */
  readonly countries: readonly CountryCode[];
}

/**
 * Returns the store group `code` belongs to: its representative and all its members.
 *
 * @throws {ValidationError} for an unknown code.
 *
 * @example
 * ```ts
 * getStoreGroup('ki'); // { representative: 'fm', countries: ['fm', 'ki'] }
 * ```
 */
export function getStoreGroup(code: string): StoreGroup {
  const representative = getRepresentativeCountry(code);
  return { representative, countries: getCountriesInStore(representative).map((country) => country.code) };
}

/**
 * Tells whether `code` is the representative of its store group (PF `is_unique_region`).
 *
 * @throws {ValidationError} for an unknown code.
 *
 * @example
 * ```ts
 * isStoreRepresentative('us'); // true
 * isStoreRepresentative('fi'); // false (its store is represented by vu)
 * ```
 */
export function isStoreRepresentative(code: string): boolean {
  const country = getCountry(code);
  return country.store === country.code;
}

/**
 * Returns the countries that share the store of representative `representative` (PF
 * `get_countries_in_region`), in {@link COUNTRIES} order.
 *
 * @param representative - A code from {@link UNIQUE_STORE_COUNTRIES}, any case.
 * @throws {ValidationError} (field `store`) when the code is not a representative, e.g. `fi`.
 *
 * @example
 * ```ts
 * getCountriesInStore('vu').length; // 138
 * getCountriesInStore('us').map((c) => c.code); // ['us']
 * ```
 */
export function getCountriesInStore(representative: string): readonly Country[] {
  const country = getCountry(representative);
  if (country.store !== country.code) {
    throw new ValidationError(
      'store',
      representative,
      `a store representative code (one of UNIQUE_STORE_COUNTRIES); ${country.code} belongs to the store of ${country.store}`,
    );
  }
  return COUNTRIES.filter((member) => member.store === country.code);
}
