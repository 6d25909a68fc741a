import { ParseError, isParseError } from '../errors/ParseError.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import type { PermissionGroup } from '../models/Permission.js';
import { decodeBatchExecute } from '../protocol/batchexecute.js';
import { at, readFields, type FieldTable } from './fields/fieldTable.js';

/**
 * Parser for the permissions RPC `xdSrCf` (PROTOCOL.md §3.6, §4.5).
 *
 * Payload layout: a list of sections. `P[0]` holds the "common" (sensitive) groups and `P[1]` the
 * "other" groups, each group `[label, icon, entries, [iconId]]` with entries `[null, text]`. A
 * section may be `null` (no common permissions). A later section can be *flat*, a list of entries
 * without a group (e.g. `[[null, "receive data from Internet"]]`); it becomes one group named
 * {@link UNCATEGORIZED_PERMISSION_GROUP}. The 2019 storefront used the same layout (without the
 * icon id, and with empty `[]` placeholders), so it parses too.
 */

/** Group name given to permissions Google lists without a group (a flat section). */
export const UNCATEGORIZED_PERMISSION_GROUP = 'Uncategorized';

/** Field table of a permission group `G` (`P[section][*]`). */
const permissionGroupTable: FieldTable<PermissionGroup> = {
  group: {
    required: true,
    sources: [at('G', 0)],
    transform: (raw) => (typeof raw === 'string' && raw !== '' ? raw : undefined),
    doc: 'Group label, in the request language.',
  },
  permissions: {
    required: false,
    sources: [at('G', 2)],
    transform: (raw) => (Array.isArray(raw) ? entryTexts(raw) : undefined),
    fallback: [],
    doc: 'Entry texts e[1] of the entries g[2], in order; a group without entries is dropped.',
  },
};

/** Options of {@link parsePermissions}. */
export interface PermissionsContext {
  /** The request URL, for error messages. */
  readonly url?: string;
}

/**
 * Parses an `xdSrCf` batchexecute body into the app's permission groups, in Google's order
 * (common groups, then other groups, then uncategorized entries). Groups without entries are left
 * out; a `null` or empty payload gives `[]`.
 *
 * @throws {ParseError} when the payload is not a list, or a group with entries has no label.
 * @throws {PlayRpcError | ThrottledError | NetworkError} from the envelope decoder.
 *
 * @example
 * ```ts
 * const { value } = parsePermissions(body);
 * // [{ group: 'Camera', permissions: ['take pictures and videos'] }, …]
 * ```
 */
export function parsePermissions(body: string, context: PermissionsContext = {}): ParseResult<PermissionGroup[]> {
  const payload = decodeBatchExecute(body, 'xdSrCf', context.url);
  const diagnostics: ParseDiagnostic[] = [];
  if (payload === null) return { value: [], diagnostics };
  if (!Array.isArray(payload)) throw new ParseError('PermissionGroup[]', 'P');
  const groups: PermissionGroup[] = [];
  for (let sectionIndex = 0; sectionIndex < payload.length; sectionIndex++) {
    const section: unknown = payload[sectionIndex];
    if (!Array.isArray(section)) {
      // A null section is Google's "none of these"; anything else is format drift, not "no permissions".
      if (section !== null) diagnostics.push({ field: 'PermissionGroup[]', path: `P[${sectionIndex}]`, reason: 'invalid' });
      continue;
    }
    readSection(section, sectionIndex, groups, diagnostics);
  }
  return { value: groups, diagnostics };
}

/** Adds the groups of section `P[sectionIndex]` that have entries to `groups`. */
function readSection(section: readonly unknown[], sectionIndex: number, groups: PermissionGroup[], diagnostics: ParseDiagnostic[]): void {
  if (isFlatSection(section)) {
    const permissions = entryTexts(section);
    if (permissions.length > 0) groups.push({ group: UNCATEGORIZED_PERMISSION_GROUP, permissions });
    return;
  }
  for (let groupIndex = 0; groupIndex < section.length; groupIndex++) {
    const group: unknown = section[groupIndex];
    if (!Array.isArray(group) || group.length === 0) continue;
    const parsed = readGroup(group, sectionIndex, groupIndex, diagnostics);
    if (parsed.permissions.length > 0) groups.push(parsed);
  }
}

/**
 * The short projection of parsed permissions: the group labels only, in order, without repeats.
 *
 * @example
 * ```ts
 * permissionGroupNames(parsePermissions(body).value); // ['Identity', 'Contacts', …, 'Other', 'Uncategorized']
 * ```
 */
export function permissionGroupNames(groups: readonly PermissionGroup[]): string[] {
  return [...new Set(groups.map((group) => group.group))];
}

function readGroup(group: unknown, sectionIndex: number, groupIndex: number, diagnostics: ParseDiagnostic[]): PermissionGroup {
  try {
    return readFields('PermissionGroup', permissionGroupTable, { G: group }, diagnostics);
  } catch (error) {
    if (isParseError(error)) {
      throw new ParseError(error.field, error.path.replaceAll('G[', `P[${sectionIndex}][${groupIndex}][`), { cause: error });
    }
    throw error;
  }
}

/** A flat section's first element is an entry `[null|number, text]`, not a group `[label, …]`. */
function isFlatSection(section: readonly unknown[]): boolean {
  const first = section[0];
  return Array.isArray(first) && first.length === 2 && typeof first[0] !== 'string' && typeof first[1] === 'string';
}

/** The texts `e[1]` of a list of entries; entries without text are skipped. */
function entryTexts(entries: readonly unknown[]): string[] {
  const texts: string[] = [];
  for (const entry of entries) {
    const text: unknown = Array.isArray(entry) ? entry[1] : undefined;
    if (typeof text === 'string' && text !== '') texts.push(text);
  }
  return texts;
}
