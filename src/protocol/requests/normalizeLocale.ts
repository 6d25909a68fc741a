import type { CountryCode } from '../../constants/countries.js';
import { validateCountry } from '../../constants/countries.js';
import { validateLanguage } from '../../constants/languages.js';

/** The locale of a request: country (`gl`) and language (`hl`). */
export interface LocaleParams {
  /**
   * Country code sent as `gl`, any case.
   * @default 'us'
   */
  readonly country?: string;
  /**
   * Language code sent as `hl`, e.g. `en`, `pt_BR`.
   * @default 'en'
   */
  readonly lang?: string;
}

/** A checked locale. */
export interface NormalizedLocale {
  /** Lower-case country code. */
  readonly country: CountryCode;
  /** Normalised language code. */
  readonly lang: string;
}

/** Default locale of every request, as in all three reference scrapers. */
export const defaultLocale = { country: 'us', lang: 'en' } as const satisfies Required<LocaleParams>;

/**
 * @internal Validates `country` and `lang` (filling the defaults `us` and `en`).
 *
 * @throws {ValidationError} for an unknown country or language.
 *
 * @example
 * ```ts
 * normalizeLocale({ country: 'KR' }); // { country: 'kr', lang: 'en' }
 * ```
 */
export function normalizeLocale(params: LocaleParams): NormalizedLocale {
  return {
    country: validateCountry(params.country ?? defaultLocale.country),
    lang: validateLanguage(params.lang ?? defaultLocale.lang),
  };
}
