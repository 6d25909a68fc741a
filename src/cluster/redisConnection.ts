import type { ConnectionOptions } from 'bullmq';
import { ValidationError } from '../errors/ValidationError.js';

/**
 * @internal Turns a Redis URL (`redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS)
 * into the connection options BullMQ gives ioredis.
 *
 * @example
 * ```ts
 * redisConnection('redis://127.0.0.1:6379/2'); // { host: '127.0.0.1', port: 6379, db: 2 }
 * ```
 * @throws ValidationError when the URL is not a redis:// or rediss:// URL.
 */
export function redisConnection(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new ValidationError('queue', url, 'a Redis URL such as redis://127.0.0.1:6379', { cause: error });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new ValidationError('queue', url, 'a redis:// or rediss:// URL');
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new ValidationError('queue', url, 'a Redis URL whose path is a database number, e.g. redis://host:6379/0');
  return {
    host: parsed.hostname === '' ? '127.0.0.1' : parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    ...(db === '' ? {} : { db: Number(db) }),
    ...(parsed.username === '' ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
