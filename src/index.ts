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

export {
  COUNTRIES,
  UNIQUE_STORE_COUNTRIES,
  getCountry,
  getCountriesInStore,
  getRepresentativeCountry,
  getStoreGroup,
  isCountryCode,
  isStoreRepresentative,
  validateCountry,
  ISO_639_1_LANGUAGES,
  GOOGLE_EXTRA_LANGUAGES,
  isLanguageCode,
  validateLanguage,
  CATEGORIES,
  COMMON_CATEGORIES,
  FO_ONLY_CATEGORIES,
  PF_ONLY_CATEGORIES,
  DEFAULT_CATEGORY,
  isCategory,
  validateCategory,
  COLLECTION,
  CURRENT_COLLECTIONS,
  LEGACY_COLLECTIONS,
  DEFAULT_COLLECTION,
  isCollection,
  validateCollection,
  REVIEW_SORT,
  DEFAULT_REVIEW_SORT,
  validateReviewSort,
  SEARCH_PRICE,
  DEFAULT_SEARCH_PRICE,
  validateSearchPrice,
  validateAppId,
  MAX_APP_ID_LENGTH,
  validateNum,
  validateToken,
  MAX_TOKEN_LENGTH,
  validateQuery,
  MAX_QUERY_LENGTH,
  validateDeveloperId,
  MAX_DEVELOPER_ID_LENGTH,
} from './constants/index.js';
export type {
  Country,
  CountryCode,
  StoreGroup,
  LanguageCode,
  Category,
  Collection,
  ReviewSortName,
  SearchPriceName,
  NumRange,
  DeveloperId,
} from './constants/index.js';
export { DEFAULT_BASE_URL, resolveUrl, validateBaseUrl } from './protocol/urls.js';
export {
  encodeAppRequest,
  encodeListRequest,
  encodeSearchRequest,
  encodeClusterRequest,
  encodeReviewsRequest,
  encodeLegacyReviewsRequest,
  encodePermissionsRequest,
  encodeDataSafetyRequest,
  encodeSuggestRequest,
  encodeDeveloperRequest,
  encodeSimilarRequest,
  encodeCategoriesRequest,
  RPC_IDS,
  LIST_AT_TOKEN,
  MAX_LIST_NUM,
  DEFAULT_REVIEWS_PAGE_SIZE,
  MAX_REVIEWS_PAGE_SIZE,
} from './protocol/requests/index.js';
export type {
  AppParams,
  ListParams,
  SearchParams,
  ClusterParams,
  ReviewsParams,
  PermissionsParams,
  DataSafetyParams,
  SuggestParams,
  DeveloperParams,
  SimilarParams,
  RpcId,
} from './protocol/requests/index.js';
export { parseList, parseListPayload } from './parsers/list.js';
export type { ParseListOptions } from './parsers/list.js';
export { parseSearchPage } from './parsers/search.js';
export { parseClusterPage, parseClusterContinuation, parseClusterPayload } from './parsers/cluster.js';
export { parseDeveloperPage } from './parsers/developer.js';
export { parseSimilarLink } from './parsers/similar.js';
export { parseCategories } from './parsers/categories.js';
export type { AppListParseOptions } from './parsers/appListOptions.js';
export type { AppListItem } from './models/AppListItem.js';
export type { AppList, RankedAppListItem } from './models/AppList.js';
export type { SearchPage } from './models/SearchPage.js';
export type { ClusterPage, ClusterLink } from './models/ClusterPage.js';
export type { CategoryInfo } from './models/CategoryInfo.js';
export { PlayClient } from './client/PlayClient.js';
export { defaultPlayClientOptions, normalizePlayClientOptions, DEFAULT_USER_AGENT } from './client/PlayClientOptions.js';
export type { PlayClientOptions, NormalizedPlayClientOptions } from './client/PlayClientOptions.js';
export type { PlayResponse, PlayRequestInit, PlayClientStats } from './client/PlayResponse.js';
export { parseRetryAfter } from './client/parseRetryAfter.js';
export { RequestStream, isPullable, isRequestStream } from './builder/RequestStream.js';
export { TokenBucketLimiter } from './limiter/TokenBucketLimiter.js';
export type { TokenBucketLimiterOptions } from './limiter/TokenBucketLimiter.js';
export { AdaptiveLimiter, defaultAdaptiveLimiterOptions } from './limiter/AdaptiveLimiter.js';
export type { AdaptiveLimiterOptions } from './limiter/AdaptiveLimiter.js';
export type { RateLimiter } from './limiter/RateLimiter.js';
export { BatchRequestBuilder, defaultBatchRequestBuilderOptions } from './builder/BatchRequestBuilder.js';
export type {
  BatchRequestBuilderOptions,
  BuilderMemoryStats,
  ListRequestParams,
  AppRequestParams,
  SearchRequestParams,
  ReviewRequestParams,
} from './builder/BatchRequestBuilder.js';
export { buildMultiCountryRequests, buildAppCountryMatrix } from './builder/convenience.js';
export type { MultiCountryRequestParams, AppCountryMatrixParams } from './builder/convenience.js';
export { InternPool } from './builder/InternPool.js';
export { openSqliteStore } from './store/sqlite/openSqliteStore.js';
export type { SqliteStoreOptions } from './store/sqlite/openSqliteStore.js';
export { StoreLockedError, isStoreLockedError } from './store/StoreLockedError.js';
export type { StoreLockHolder } from './store/StoreLockedError.js';
export { StoreDriverMissingError, isStoreDriverMissingError } from './store/StoreDriverMissingError.js';
export { LATEST_SCHEMA_VERSION } from './store/migrations.js';
export type {
  Store,
  StoreChunk,
  PlanState,
  ListRunsOptions,
  SnapshotFilter,
  AppFilter,
  ReviewFilter,
  AppsFreshnessQuery,
} from './store/Store.js';
export type {
  RunId,
  RunRef,
  RunStatus,
  RunStart,
  RunSummary,
  RunCounts,
  RunRow,
  CheckpointRow,
  SnapshotRow,
  StoredSnapshotRow,
  AppRow,
  ReviewRow,
  ReviewCursorRow,
  ReviewCursorKey,
} from './store/rows.js';
export { fetchAndParseListBatch } from './batch/fetchAndParseListBatch.js';
export { fetchAndParseAppsBatch } from './batch/fetchAndParseAppsBatch.js';
export { fetchCategoryLists, fetchApps, fetchMultiCountryApps, fetchTopApps } from './batch/highLevel.js';
export type { CategoryListsParams, TopAppsByCountry } from './batch/highLevel.js';
export { toAsyncIterable, collect } from './batch/consume.js';
export { defaultBatchOptions } from './batch/BatchOptions.js';
export type { BatchOptions, SettledBatchOptions } from './batch/BatchOptions.js';
export { requestSpec } from './batch/requestSpec.js';
export {
  app,
  list,
  search,
  reviews,
  reviewPages,
  permissions,
  dataSafety,
  suggest,
  developer,
  similar,
  categories,
  LruCache,
  DEFAULT_DETAILS_CACHE_SIZE,
  MAX_SEARCH_NUM,
  DEFAULT_SEARCH_NUM,
  MAX_REVIEWS_NUM,
  DEFAULT_REVIEWS_NUM,
  DEFAULT_SEEN_REVIEW_IDS,
  MAX_DEVELOPER_NUM,
  DEFAULT_DEVELOPER_NUM,
  MAX_SIMILAR_NUM,
  SEEN_APP_IDS_LIMIT,
} from './operations/index.js';
export type {
  AppQuery,
  ListQuery,
  ListOptions,
  DetailedAppList,
  DetailedAppListItem,
  SearchQuery,
  ReviewsQuery,
  ReviewsOptions,
  ReviewsPageEvent,
  ReviewsEndReason,
  PermissionsQuery,
  DataSafetyQuery,
  SuggestQuery,
  DeveloperQuery,
  SimilarQuery,
  CategoriesQuery,
  KeyValueStore,
} from './operations/index.js';
export { openPostgresStore, isPostgresUrl, defaultPostgresStoreOptions } from './store/postgres/openPostgresStore.js';
export type { PostgresStoreOptions } from './store/postgres/openPostgresStore.js';
export type { PostgresStore, SharedRun } from './store/postgres/PostgresStore.js';
export { openStore } from './store/postgres/openStore.js';
export { runProducer, defaultProducerOptions } from './cluster/runProducer.js';
export type { ProducerOptions, ProducerResult } from './cluster/runProducer.js';
export { startWorker, runWorker, defaultWorkerOptions } from './cluster/startWorker.js';
export type { WorkerOptions, WorkerSummary, WorkerEvent, ClusterWorker } from './cluster/startWorker.js';
export { readQueueStatus } from './cluster/readQueueStatus.js';
export type { QueueStatusOptions, QueueStatus, JobFailure } from './cluster/readQueueStatus.js';
export { limiterForRate } from './cluster/rateLimiter.js';
export type { QueueLimiter } from './cluster/rateLimiter.js';
export { requestKeyOf, jobIdOf } from './cluster/requestKey.js';
export type { ClusterRequest } from './cluster/requestKey.js';
export type { CollectPlan } from './cluster/CollectPlan.js';
export type { ClusterJobData } from './cluster/ClusterJobData.js';
export type { JobError } from './cluster/describeError.js';
