/**
 * Opt-in diagnostic logging to stderr, switched on with the `PLAYFAST_DEBUG` environment variable.
 * Off by default. Every line passes through {@link redactCredentials}, so proxy passwords never
 * reach the log.
 *
 * `PLAYFAST_DEBUG` accepts `1`, `true` or `*` (every namespace), or a comma-separated list of
 * namespaces such as `client`. The variable is read on every call, so it can be toggled at run time.
 *
 * @internal
 */

const ENV_VARIABLE = 'PLAYFAST_DEBUG';
const ALL = new Set(['1', 'true', '*', 'all', 'yes', 'on']);
const REDACTED = '***';

/** Characters that end the authority part of a URL while scanning free text. */
function endsAuthority(char: string): boolean {
  return char === '/' || char === '?' || char === '#' || char === '"' || char === "'" || char === '`' || char === '<' || char === '>' || /\s/.test(char);
}

/**
 * Replaces the `user:password@` part of every URL in `text` with `***@`. Linear-time scan (no
 * regular expression over the whole text), safe on arbitrary error messages.
 *
 * @example
 * ```ts
 * redactCredentials('proxy http://bob:s3cret@10.0.0.1:8080 refused');
 * // 'proxy http://***@10.0.0.1:8080 refused'
 * ```
 * @internal
 */
export function redactCredentials(text: string): string {
  let result = '';
  let cursor = 0;
  let searchFrom = 0;
  for (;;) {
    const marker = text.indexOf('://', searchFrom);
    if (marker === -1) break;
    const authorityStart = marker + 3;
    let authorityEnd = authorityStart;
    let at = -1;
    while (authorityEnd < text.length && !endsAuthority(text.charAt(authorityEnd))) {
      if (text.charAt(authorityEnd) === '@') at = authorityEnd;
      authorityEnd += 1;
    }
    if (at !== -1) {
      result += `${text.slice(cursor, authorityStart)}${REDACTED}`;
      cursor = at;
    }
    searchFrom = Math.max(authorityEnd, authorityStart);
  }
  return result + text.slice(cursor);
}

/**
 * Tells whether debug output is switched on for `namespace`.
 *
 * @example
 * ```ts
 * if (isDebugEnabled('client')) { … }
 * ```
 * @internal
 */
export function isDebugEnabled(namespace: string): boolean {
  const raw = process.env[ENV_VARIABLE];
  if (raw === undefined) return false;
  const value = raw.trim().toLowerCase();
  if (value === '' || value === '0' || value === 'false' || value === 'off' || value === 'no') return false;
  if (ALL.has(value)) return true;
  return value.split(',').some((part) => {
    const name = part.trim();
    return name === namespace || name === `playfast:${namespace}` || name === 'playfast:*';
  });
}

/** A logger for one namespace; a no-op unless {@link isDebugEnabled} says otherwise. */
export type DebugLogger = (message: string) => void;

/**
 * Creates a logger for `namespace` that writes `[playfast:<namespace>] <message>` lines to stderr
 * when `PLAYFAST_DEBUG` enables it. Credentials in URLs are redacted.
 *
 * @example
 * ```ts
 * const debug = createDebug('client');
 * debug(`GET ${url}`); // printed only with PLAYFAST_DEBUG=client
 * ```
 * @internal
 */
export function createDebug(namespace: string): DebugLogger {
  return (message: string): void => {
    if (!isDebugEnabled(namespace)) return;
    process.stderr.write(`[playfast:${namespace}] ${redactCredentials(message)}\n`);
  };
}
