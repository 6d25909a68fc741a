import { StoreDriverMissingError } from '../store/StoreDriverMissingError.js';

/**
 * @internal The `bullmq` module.
 *
 * @example
 * ```ts
 * const { Queue }: Bullmq = await loadBullmq();
 * ```
 */
export type Bullmq = typeof import('bullmq');

/**
 * @internal Loads `bullmq` on demand: the only place that imports it, so that importing playfast
 * never loads it (nor ioredis). A missing package becomes a `StoreDriverMissingError` naming it.
 *
 * @example
 * ```ts
 * const { Queue } = await loadBullmq();
 * const queue = new Queue('playfast', { connection: { host: '127.0.0.1', port: 6379 } });
 * ```
 */
export async function loadBullmq(importer: () => Promise<Bullmq> = () => import('bullmq')): Promise<Bullmq> {
  try {
    return await importer();
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    const message = error instanceof Error ? error.message : '';
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes("'bullmq'")) {
      throw new StoreDriverMissingError('bullmq', 'missing', { cause: error });
    }
    throw error;
  }
}
