import type { AppRequest, ListRequest } from '../models/requests.js';
import { BatchRequestBuilder, type BatchRequestBuilderOptions } from './BatchRequestBuilder.js';

/** Parameters of {@link buildMultiCountryRequests}. */
export interface MultiCountryRequestParams extends BatchRequestBuilderOptions {
  readonly countries: Iterable<string>;
  readonly categories: Iterable<string | null>;
}

/** Parameters of {@link buildAppCountryMatrix}. */
export interface AppCountryMatrixParams {
  readonly appIds: Iterable<string>;
  readonly countries: Iterable<string>;
  /** @default 'en' */
  readonly lang?: string;
}

/**
 * The seed's quick helper: every country × category list request, as an array.
 *
 * @example
 * ```ts
 * const requests = buildMultiCountryRequests({ countries: ['us', 'kr', 'jp'], categories: ['GAME_ACTION', 'SOCIAL'], numResults: 50 });
 * requests.length; // 6
 * ```
 */
export function buildMultiCountryRequests(params: MultiCountryRequestParams): ListRequest[] {
  const { countries, categories, ...options } = params;
  return [...new BatchRequestBuilder(options).buildListRequests({ countries, categories })];
}

/**
 * The seed's app × country matrix: details requests for the same apps in several countries, as an
 * array.
 *
 * @example
 * ```ts
 * buildAppCountryMatrix({ appIds: ['com.spotify.music', 'com.whatsapp'], countries: ['us', 'kr'] }).length; // 4
 * ```
 */
export function buildAppCountryMatrix(params: AppCountryMatrixParams): AppRequest[] {
  const builder = new BatchRequestBuilder(params.lang === undefined ? {} : { lang: params.lang });
  return [...builder.buildAppRequests({ appIds: params.appIds, countries: params.countries })];
}
