import { ValidationError } from '../errors/ValidationError.js';
import type { RunId } from '../store/rows.js';
import type { JobError } from './describeError.js';
import type { ClusterRequest } from './requestKey.js';

/**
 * The data of one job: one request of one run.
 *
 * @example
 * ```ts
 * const data: ClusterJobData = { runId: 3, key: 'app:us:en:com.whatsapp', date: '2025-01-31',
 *   request: { kind: 'app', appId: 'com.whatsapp', country: 'us', lang: 'en' } };
 * ```
 */
export interface ClusterJobData {
  /** The shared run the results belong to. */
  readonly runId: RunId;
  /** The request's key (the store's checkpoint key). */
  readonly key: string;
  /** The snapshot day of chart rows (`YYYY-MM-DD`). */
  readonly date: string;
  /** The request. */
  readonly request: ClusterRequest;
  /** Set when the job failed for good: its typed error. */
  readonly error?: JobError;
}

/** The fields read from untrusted job data. */
interface LooseRecord {
  readonly [field: string]: unknown;
  readonly kind?: unknown;
  readonly appId?: unknown;
  readonly collection?: unknown;
  readonly category?: unknown;
  readonly country?: unknown;
  readonly lang?: unknown;
  readonly num?: unknown;
  readonly attributedTo?: unknown;
  readonly runId?: unknown;
  readonly key?: unknown;
  readonly date?: unknown;
  readonly request?: unknown;
}

function isRecord(value: unknown): value is LooseRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRequest(value: unknown): value is ClusterRequest {
  if (!isRecord(value)) return false;
  const text = (name: string): boolean => typeof value[name] === 'string';
  if (value.kind === 'app') return text('appId') && text('country') && text('lang');
  return (
    value.kind === 'list' &&
    text('collection') &&
    (value.category === null || text('category')) &&
    text('country') &&
    text('lang') &&
    typeof value.num === 'number' &&
    (value.attributedTo === undefined || (Array.isArray(value.attributedTo) && value.attributedTo.every((country) => typeof country === 'string')))
  );
}

/**
 * @internal Checks a job's data as read back from Redis (the parse boundary of the worker).
 *
 * @example
 * ```ts
 * const data = parseJobData(job.data);
 * ```
 * @throws ValidationError when the data is not a playfast job's.
 */
export function parseJobData(value: unknown): ClusterJobData {
  if (
    isRecord(value) &&
    typeof value.runId === 'number' &&
    Number.isSafeInteger(value.runId) &&
    typeof value.key === 'string' &&
    typeof value.date === 'string' &&
    isRequest(value.request)
  ) {
    return { runId: value.runId, key: value.key, date: value.date, request: value.request };
  }
  throw new ValidationError('job.data', value, 'the data of a playfast job: { runId, key, date, request }');
}
