import type { Review, ReviewCriterion } from '../../models/Review.js';
import { at, type FieldTable } from './fieldTable.js';

/**
 * Field table of a review record `R` (PROTOCOL.md §4.4): `P[0][*]` of a reviews payload, or a
 * review embedded in a details page. `url` is not in the record; the parser builds it from the
 * app id.
 */

/** The fields of {@link Review} that are read from the record itself (all but `url`). */
export type ReviewRecordFields = Omit<Review, 'url'>;

/**
 * How each {@link ReviewRecordFields} field is read from root `R` (the review record).
 *
 * @example
 * ```ts
 * const fields = readFields('Review', reviewTable, { R: record }, diagnostics);
 * ```
 */
export const reviewTable: FieldTable<ReviewRecordFields> = {
  id: { required: true, sources: [at('R', 0)], transform: nonEmptyString, doc: 'Review id (UUID text).' },
  userName: { required: true, sources: [at('R', 1, 0)], transform: string, doc: "Reviewer's display name." },
  userImage: {
    required: false,
    sources: [at('R', 1, 1, 3, 2), at('R', 9, 3, 0, 3, 2)],
    transform: nonEmptyString,
    doc: "Reviewer's avatar URL.",
  },
  score: { required: true, sources: [at('R', 2)], transform: starScore, doc: 'Star rating, integer 1–5.' },
  text: { required: true, sources: [at('R', 4)], transform: string, doc: 'Review text (may be empty).' },
  date: {
    required: true,
    sources: [at('R', 5)],
    transform: timestampMs,
    doc: 'Written/edited at: epoch ms UTC, from [seconds, nanos] as seconds*1000 + floor(nanos/1e6).',
  },
  thumbsUp: {
    required: false,
    sources: [at('R', 6)],
    transform: count,
    fallback: 0,
    doc: 'Helpful votes (count); 0 when absent.',
  },
  replyText: {
    required: false,
    sources: [at('R', 7, 1)],
    transform: nonEmptyString,
    whenAbsent: 'omit',
    doc: "Developer's reply text; absent when the developer has not replied.",
  },
  replyDate: {
    required: false,
    whenAbsent: 'omit',
    sources: [at('R', 7, 2)],
    transform: timestampMs,
    doc: 'Developer replied at: epoch ms UTC (same rule as date).',
  },
  version: {
    required: false,
    whenAbsent: 'omit',
    sources: [at('R', 10)],
    transform: nonEmptyString,
    doc: 'Version name of the app the reviewer had installed.',
  },
  criterias: {
    required: false,
    sources: [at('R', 12, 0)],
    transform: criterias,
    fallback: [],
    doc: 'Per-aspect answers [key, [code]]; empty when absent.',
  },
};

function string(raw: unknown): string | undefined {
  return typeof raw === 'string' ? raw : undefined;
}

function nonEmptyString(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

function starScore(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 5 ? raw : undefined;
}

function count(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : undefined;
}

/**
 * Google's protobuf-style timestamp `[seconds, nanos]` → epoch milliseconds. `nanos` may be absent
 * or `null` (counts as 0). The FO rule (string-concatenating the fraction) is wrong for nanos < 1e8.
 */
function timestampMs(raw: unknown): number | undefined {
  if (!Array.isArray(raw)) return undefined;
  const seconds: unknown = raw[0];
  const nanos: unknown = raw[1] ?? 0;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  if (typeof nanos !== 'number' || !Number.isFinite(nanos) || nanos < 0) return undefined;
  return Math.trunc(seconds) * 1000 + Math.floor(nanos / 1e6);
}

function criterias(raw: unknown): readonly ReviewCriterion[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const result: ReviewCriterion[] = [];
  for (const entry of raw as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const key: unknown = entry[0];
    if (typeof key !== 'string') continue;
    const answer: unknown = entry[1];
    const rating: unknown = Array.isArray(answer) ? answer[0] : undefined;
    result.push(typeof rating === 'number' ? { criteria: key, rating } : { criteria: key });
  }
  return result;
}
