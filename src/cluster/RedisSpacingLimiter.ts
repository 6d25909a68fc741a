import type { RedisClient } from 'bullmq';
import { concatMap, defer, map, of, timer } from 'rxjs';
import type { Observable } from 'rxjs';
import type { RateLimiter } from '../limiter/RateLimiter.js';

/**
 * Reserves the next send slot: `KEYS[1]` holds the time (ms, Redis clock) from which the next
 * request may go; the caller gets its wait, and the slot moves one interval on. `ARGV[2]` > 0 pushes
 * the slot to at least now + `ARGV[2]` instead (throttling: the whole cluster pauses).
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local pause = tonumber(ARGV[2])
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
if next < now then next = now end
if pause > 0 then
  if next < now + pause then next = now + pause end
  redis.call('SET', KEYS[1], tostring(next), 'PX', math.ceil(next - now + 60000))
  return 0
end
redis.call('SET', KEYS[1], tostring(next + interval), 'PX', math.ceil(next - now + interval + 60000))
return math.ceil(next - now)
`;

const COMMAND = 'playfastReserveSendSlot';

/**
 * @internal The send side of the global rate budget: a `RateLimiter` (the batch layer's
 * interface) whose slots live in Redis, so every worker of a queue draws from one budget right
 * before each HTTP request. Slots are `1000 / rate` ms apart on the Redis clock; a caller reserves
 * the next free slot atomically and waits for it. Throttling (`onThrottle`) moves the next slot
 * past the server's `Retry-After` for every worker.
 *
 * BullMQ's queue-level limiter spaces job starts the same way; this one keeps the spacing at the
 * moment the request leaves, whatever delay a busy worker adds between taking a job and sending.
 *
 * @example
 * ```ts
 * const limiter = new RedisSpacingLimiter(await queue.client, queue.toKey('playfast-send'), 10);
 * const context = openRequestContext({ client, limiter, retry: false });
 * ```
 */
export class RedisSpacingLimiter implements RateLimiter {
  readonly #redis: RedisClient;
  readonly #key: string;
  readonly #intervalMs: number;

  constructor(redis: RedisClient, key: string, rate: number) {
    if (!Number.isFinite(rate) || rate <= 0) throw new TypeError(`Expected \`rate\` to be a number above 0, got \`${String(rate)}\` (${typeof rate})`);
    this.#redis = redis;
    this.#redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: RESERVE });
    this.#key = key;
    this.#intervalMs = 1000 / rate;
  }

  acquire(): Observable<void> {
    return defer(() => this.#reserve(0)).pipe(
      concatMap((waitMs) => (waitMs > 0 ? timer(waitMs) : of(0))),
      map(() => undefined),
    );
  }

  onSuccess(): void {
    // A fixed budget: success changes nothing.
  }

  onThrottle(retryAfterMs?: number): void {
    this.#reserve(Math.max(1, retryAfterMs ?? 1000)).catch(() => undefined);
  }

  async #reserve(pauseMs: number): Promise<number> {
    const result: unknown = await this.#redis.runCommand(COMMAND, [this.#key, String(this.#intervalMs), String(pauseMs)]);
    return typeof result === 'number' ? result : Number(result);
  }
}

