import { PlayfastError, hasCode } from '../errors/PlayfastError.js';

/**
 * The optional database driver of a store (`better-sqlite3` for the SQLite store) is not
 * installed, or its native binding does not load on this Node.js. playfast itself never needs
 * it: only opening a store does.
 *
 * Branded like every `PlayfastError`, so {@link isStoreDriverMissingError} works across module
 * copies.
 *
 * @example
 * ```ts
 * try { await openSqliteStore('playfast.db'); }
 * catch (error) { if (isStoreDriverMissingError(error)) console.error(error.message); }
 * ```
 */
export class StoreDriverMissingError extends PlayfastError {
  override readonly name = 'StoreDriverMissingError' as const;
  readonly code = 'PLAYFAST_ERR_STORE_DRIVER_MISSING' as const;
  readonly retryable = false;
  /** The npm package to install, e.g. `better-sqlite3`. */
  readonly driver: string;

  constructor(driver: string, problem: 'missing' | 'binding', options?: ErrorOptions) {
    super(
      problem === 'missing'
        ? `The store needs the optional package ${driver}, which is not installed: run \`npm install ${driver}\``
        : `The native binding of ${driver} does not load on Node.js ${process.versions.node}: run \`npm rebuild ${driver}\` (or reinstall it)`,
      options,
    );
    this.driver = driver;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isStoreDriverMissingError(value);
  }
}

/**
 * Tells whether `value` is a {@link StoreDriverMissingError}, across module copies.
 *
 * @example
 * ```ts
 * if (isStoreDriverMissingError(error)) console.error(`install ${error.driver} to use --store`);
 * ```
 */
export function isStoreDriverMissingError(value: unknown): value is StoreDriverMissingError {
  return hasCode(value, 'PLAYFAST_ERR_STORE_DRIVER_MISSING');
}
