import type { AppDetails } from '../../models/AppDetails.js';
import type { AppListItem } from '../../models/AppListItem.js';
import type { CategoryInfo } from '../../models/CategoryInfo.js';
import type { DataSafety } from '../../models/DataSafety.js';
import type { PermissionGroup } from '../../models/Permission.js';
import type { Review } from '../../models/Review.js';
import type { OutputSpec } from './OutputSpec.js';

/** A top-chart entry with the list it belongs to (what `playfast list` writes). */
export interface ListEntry extends AppListItem {
  readonly country: string;
  readonly lang: string;
  readonly category: string;
  readonly collection: string;
  readonly rank: number;
}

/** `playfast list`: one row per charted app. */
export const listEntrySpec: OutputSpec<ListEntry> = {
  columns: ['country', 'category', 'collection', 'rank', 'appId', 'title', 'developer', 'score', 'price', 'currency', 'free', 'url'],
};

/** `search`, `developer`, `similar`: one row per app. */
export const appItemSpec: OutputSpec<AppListItem> = {
  columns: ['appId', 'title', 'developer', 'score', 'price', 'currency', 'free', 'url'],
};

/** `playfast app`: one row per app; JSON is the full details. */
export const appDetailsSpec: OutputSpec<AppDetails> = {
  columns: ['appId', 'country', 'title', 'developer', 'score', 'ratings', 'installs', 'price', 'currency', 'free', 'genre', 'version', 'updated', 'url'],
  toRows: (details) => [{ ...details, country: details.request?.country, updated: details.updated === undefined ? undefined : new Date(details.updated).toISOString() }],
};

/** `playfast reviews`: one row per review, dates in ISO 8601. */
export const reviewSpec: OutputSpec<Review> = {
  columns: ['id', 'userName', 'score', 'date', 'thumbsUp', 'version', 'text'],
  toRows: (review) => [{ ...review, date: new Date(review.date).toISOString() }],
};

/** `playfast permissions`: one row per permission. */
export const permissionSpec: OutputSpec<PermissionGroup | string> = {
  columns: ['group', 'permission'],
  toRows: (value) => (typeof value === 'string' ? [{ permission: value }] : value.permissions.map((permission) => ({ group: value.group, permission }))),
};

/** `playfast datasafety`: one row per shared or collected data type, and per security practice. */
export const dataSafetySpec: OutputSpec<DataSafety> = {
  columns: ['section', 'data', 'type', 'purpose', 'optional'],
  toRows: (value) => [
    ...value.sharedData.map((entry) => ({ section: 'shared', ...entry })),
    ...value.collectedData.map((entry) => ({ section: 'collected', ...entry })),
    ...value.securityPractices.map((practice) => ({ section: 'security', data: practice.practice, purpose: practice.description })),
  ],
};

/** `playfast suggest`: one row per suggestion. */
export const suggestionSpec: OutputSpec<string> = {
  columns: ['suggestion'],
  toRows: (suggestion) => [{ suggestion }],
};

/** `playfast categories`: one row per category. */
export const categorySpec: OutputSpec<CategoryInfo> = {
  columns: ['id', 'name'],
};
