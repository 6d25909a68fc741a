import { ValidationError } from '../errors/ValidationError.js';
import { isAsciiLetters, isDigits } from './textChecks.js';

/**
 * Language codes for the `hl` parameter. None of the reference scrapers ships a list (PROTOCOL.md
 * §5.5); `hl` takes ISO 639-1 codes, optionally with a region as Google writes them (`en_US`,
 * `pt_BR`, `zh_TW`, `zh-CN`, `es-419`).
 */

/**
 * The 183 ISO 639-1 two-letter language codes, sorted.
 *
 * @example
 * ```ts
 * ISO_639_1_LANGUAGES.includes('ko'); // true
 * ```
 */
export const ISO_639_1_LANGUAGES = Object.freeze([
  'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn',
  'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el',
  'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv',
  'ha', 'he', 'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it',
  'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky',
  'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt',
  'my', 'na', 'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa',
  'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl',
  'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn',
  'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo',
  'za', 'zh', 'zu',
] as const);

/**
 * Codes Google uses besides ISO 639-1: `fil` (Filipino) and the withdrawn codes Google still
 * accepts, `iw` (Hebrew), `in` (Indonesian), `ji` (Yiddish) and `jw` (Javanese).
 *
 * @example
 * ```ts
 * GOOGLE_EXTRA_LANGUAGES.includes('iw'); // true
 * ```
 */
export const GOOGLE_EXTRA_LANGUAGES = Object.freeze(['fil', 'iw', 'in', 'ji', 'jw'] as const);

/** A base language code: ISO 639-1 or one of {@link GOOGLE_EXTRA_LANGUAGES}. */
export type LanguageCode = (typeof ISO_639_1_LANGUAGES)[number] | (typeof GOOGLE_EXTRA_LANGUAGES)[number];

const baseCodes: ReadonlySet<string> = new Set<string>([...ISO_639_1_LANGUAGES, ...GOOGLE_EXTRA_LANGUAGES]);

const ALLOWED_LANGUAGE =
  'an ISO 639-1 language code such as en, ko or ja, optionally with a region as Google writes it ' +
  '(en_US, pt_BR, zh_TW, zh-CN, es-419) or a script (zh-Hant)';

/**
 * Tells whether `value` is a base language code (ISO 639-1 or a Google extra), exactly as written.
 *
 * @example
 * ```ts
 * isLanguageCode('en'); // true
 * isLanguageCode('en_US'); // false: regional forms go through validateLanguage
 * ```
 */
export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && baseCodes.has(value);
}

/**
 * Checks an `hl` value and returns it normalised: language in lower case, a 2-letter region in
 * upper case, a 4-letter script in title case; the separator (`_` or `-`) is kept.
 *
 * Accepted forms: `ll` (ISO 639-1 or {@link GOOGLE_EXTRA_LANGUAGES}), `ll_RR` / `ll-RR` (region,
 * 2 letters), `ll-NNN` (UN M.49 area such as `419`), `ll-Ssss` (script such as `Hant`).
 *
 * @param value - The code given by the caller.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateLanguage('EN'); // 'en'
 * validateLanguage('pt_br'); // 'pt_BR'
 * validateLanguage('zh-cn'); // 'zh-CN'
 * validateLanguage('english'); // throws ValidationError (field 'lang')
 * ```
 */
export function validateLanguage(value: unknown, field = 'lang'): string {
  const normalised = typeof value === 'string' ? normaliseLanguage(value) : undefined;
  if (normalised === undefined) throw new ValidationError(field, value, ALLOWED_LANGUAGE);
  return normalised;
}

function normaliseLanguage(value: string): string | undefined {
  if (value.length > 12) return undefined;
  const separatorAt = Math.max(value.indexOf('_'), value.indexOf('-'));
  const base = separatorAt === -1 ? value : value.slice(0, separatorAt);
  if (!isAsciiLetters(base)) return undefined;
  const language = base.toLowerCase();
  if (!baseCodes.has(language)) return undefined;
  if (separatorAt === -1) return language;
  const separator = value.charAt(separatorAt);
  const suffix = value.slice(separatorAt + 1);
  if (suffix.length === 2 && isAsciiLetters(suffix)) return `${language}${separator}${suffix.toUpperCase()}`;
  if (suffix.length === 3 && isDigits(suffix)) return `${language}${separator}${suffix}`;
  if (suffix.length === 4 && isAsciiLetters(suffix)) {
    return `${language}${separator}${suffix.charAt(0).toUpperCase()}${suffix.slice(1).toLowerCase()}`;
  }
  return undefined;
}
