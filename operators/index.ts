// playfast/operators: one operator per file; this entry point only re-exports.
export { chunk } from './chunk.js';
export { fetchConcurrent, defaultFetchConcurrentOptions } from './fetchConcurrent.js';
export { parseWith } from './parseWith.js';
export { ProgressTracker } from './ProgressTracker.js';
export { rateLimit } from './rateLimit.js';
export { reportTo, isThrottling } from './reportTo.js';
export { retryBackoff, isRetryable, defaultRetryBackoffOptions } from './retryBackoff.js';
export { settle, isFailed } from './settle.js';
export { withProgress } from './withProgress.js';

export type { FetchConcurrentOptions } from './fetchConcurrent.js';
export type { Progress } from './ProgressTracker.js';
export type { RetryBackoffOptions } from './retryBackoff.js';
export type { Failed, Fulfilled, Settled } from './settle.js';
export type { WithProgressOptions } from './withProgress.js';
export { parseList } from './parseList.js';
export { parseApp } from './parseApp.js';
export { parseReviews } from './parseReviews.js';
export type { FetchedBody } from './parseBody.js';
