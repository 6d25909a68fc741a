/**
 * Constants and validators: countries (with Play Store groups), languages, categories,
 * collections, review sort orders, search price filters, and the parameter checks that throw
 * {@link ValidationError}.
 */
export {
  COUNTRIES,
  UNIQUE_STORE_COUNTRIES,
  getCountriesInStore,
  getCountry,
  getRepresentativeCountry,
  getStoreGroup,
  isCountryCode,
  isStoreRepresentative,
  validateCountry,
} from './countries.js';
export type { Country, CountryCode, StoreGroup } from './countries.js';
export { GOOGLE_EXTRA_LANGUAGES, ISO_639_1_LANGUAGES, isLanguageCode, validateLanguage } from './languages.js';
export type { LanguageCode } from './languages.js';
export {
  CATEGORIES,
  COMMON_CATEGORIES,
  DEFAULT_CATEGORY,
  FO_ONLY_CATEGORIES,
  PF_ONLY_CATEGORIES,
  isCategory,
  validateCategory,
} from './categories.js';
export type { Category } from './categories.js';
export {
  COLLECTION,
  CURRENT_COLLECTIONS,
  DEFAULT_COLLECTION,
  LEGACY_COLLECTIONS,
  isCollection,
  validateCollection,
} from './collections.js';
export type { Collection } from './collections.js';
export { DEFAULT_REVIEW_SORT, REVIEW_SORT, validateReviewSort } from './reviewSort.js';
export type { ReviewSortName } from './reviewSort.js';
export { DEFAULT_SEARCH_PRICE, SEARCH_PRICE, validateSearchPrice } from './searchPrice.js';
export type { SearchPriceName } from './searchPrice.js';
export { MAX_APP_ID_LENGTH, validateAppId } from './validateAppId.js';
export { validateNum } from './validateNum.js';
export type { NumRange } from './validateNum.js';
export { MAX_TOKEN_LENGTH, validateToken } from './validateToken.js';
export { MAX_QUERY_LENGTH, validateQuery } from './validateQuery.js';
export { MAX_DEVELOPER_ID_LENGTH, validateDeveloperId } from './validateDeveloperId.js';
export type { DeveloperId } from './validateDeveloperId.js';
