// playfast: Google Play data as typed RxJS streams. This entry point only re-exports.

export {
  PlayfastError,
  isPlayfastError,
  ValidationError,
  isValidationError,
  HttpStatusError,
  isHttpStatusError,
  ThrottledError,
  isThrottledError,
  AppNotFoundError,
  isAppNotFoundError,
  NotAvailableInCountryError,
  isNotAvailableInCountryError,
  InvalidTokenError,
  isInvalidTokenError,
  ParseError,
  isParseError,
  UnsupportedFormatError,
  isUnsupportedFormatError,
  BodyTooLargeError,
  isBodyTooLargeError,
  TimeoutError,
  isTimeoutError,
  NetworkError,
  isNetworkError,
  PlayRpcError,
  isPlayRpcError,
} from './errors/index.js';
export type { PlayfastErrorCode } from './errors/index.js';

export { locateDataBlocks } from './protocol/pageData.js';
export type { DataBlock, PageData } from './protocol/pageData.js';
export { decodeBatchExecute, decodeFreq, encodeFreq, encodeForm, BATCH_EXECUTE_PATH } from './protocol/batchexecute.js';
export type { DecodedFreq } from './protocol/batchexecute.js';

export type { ParseDiagnostic, ParseResult } from './models/ParseResult.js';
export type {
  ListRequest,
  AppRequest,
  SearchRequest,
  ReviewsRequest,
  PlayRequest,
  ReviewSort,
  SearchPrice,
  HttpRequestSpec,
} from './models/requests.js';

export { parseReviews, parseReviewRecord } from './parsers/reviews.js';
export type { ReviewsContext, ReviewsRpcId } from './parsers/reviews.js';
export { parsePermissions, permissionGroupNames, UNCATEGORIZED_PERMISSION_GROUP } from './parsers/permissions.js';
export type { PermissionsContext } from './parsers/permissions.js';
export { parseDataSafety } from './parsers/dataSafety.js';
export { parseSuggestions } from './parsers/suggest.js';
export type { SuggestionsContext } from './parsers/suggest.js';
export type { Review, ReviewCriterion, ReviewsPage } from './models/Review.js';
export type { PermissionGroup } from './models/Permission.js';
export type { DataSafety, DataEntry, SecurityPractice } from './models/DataSafety.js';
export type { Suggestion } from './models/Suggestion.js';
export { parseAppDetails, parseAppRecord } from './parsers/app.js';
export type { AppDetailsContext, AppRecordContext } from './parsers/app.js';
export { VARIES_WITH_DEVICE } from './parsers/fields/appDetails.js';
export { htmlToText } from './parsers/html/htmlToText.js';
export type { AppDetails, AppHistogram, AppCategory } from './models/AppDetails.js';
