/**
 * Request encoders: one pure function per operation, each returning an {@link HttpRequestSpec}
 * (method, path with query, form body). Every encoder validates its parameters first.
 */
export { encodeAppRequest } from './encodeAppRequest.js';
export type { AppParams } from './encodeAppRequest.js';
export { LIST_AT_TOKEN, MAX_LIST_NUM, encodeListRequest } from './encodeListRequest.js';
export type { ListParams } from './encodeListRequest.js';
export { encodeSearchRequest } from './encodeSearchRequest.js';
export type { SearchParams } from './encodeSearchRequest.js';
export { encodeClusterRequest } from './encodeClusterRequest.js';
export type { ClusterParams } from './encodeClusterRequest.js';
export { DEFAULT_REVIEWS_PAGE_SIZE, MAX_REVIEWS_PAGE_SIZE, encodeReviewsRequest } from './encodeReviewsRequest.js';
export type { ReviewsParams } from './encodeReviewsRequest.js';
export { encodeLegacyReviewsRequest } from './encodeLegacyReviewsRequest.js';
export { encodePermissionsRequest } from './encodePermissionsRequest.js';
export type { PermissionsParams } from './encodePermissionsRequest.js';
export { encodeDataSafetyRequest } from './encodeDataSafetyRequest.js';
export type { DataSafetyParams } from './encodeDataSafetyRequest.js';
export { encodeSuggestRequest } from './encodeSuggestRequest.js';
export type { SuggestParams } from './encodeSuggestRequest.js';
export { encodeDeveloperRequest } from './encodeDeveloperRequest.js';
export type { DeveloperParams } from './encodeDeveloperRequest.js';
export { encodeSimilarRequest } from './encodeSimilarRequest.js';
export type { SimilarParams } from './encodeSimilarRequest.js';
export { encodeCategoriesRequest } from './encodeCategoriesRequest.js';
export { RPC_IDS } from './rpcIds.js';
export type { RpcId } from './rpcIds.js';
export { defaultLocale } from './normalizeLocale.js';
export type { LocaleParams, NormalizedLocale } from './normalizeLocale.js';
export type { BatchExecuteParamSet } from './batchExecutePath.js';
