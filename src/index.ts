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
