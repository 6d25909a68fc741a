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

/**
 * Admits one send into a sliding window, atomically on the Redis clock: `KEYS[1]` is a sorted set
 * of the send times of the last `ARGV[2]` ms; with fewer than `ARGV[1]` of them, the send is
 * recorded (member `ARGV[3]`) and 0 returned; otherwise the ms until the oldest leaves the window.
 */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < max then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, math.ceil(tonumber(oldest[2]) + window - now + 1))
`;

const COMMAND = 'playfastReserveSendSlot';
const ADMIT_COMMAND = 'playfastAdmitSend';

/** At most `max` sends in any `durationMs` (the queue's limiter, e.g. `{ max: 10, durationMs: 1000 }`). */
export interface SendWindow {
  readonly max: number;
  readonly durationMs: number;
}

let sends = 0;

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
  readonly #window: SendWindow;
  readonly #member = `${String(process.pid)}:${Math.random().toString(36).slice(2)}`;

  constructor(redis: RedisClient, key: string, rate: number, window: SendWindow = { max: Math.max(1, Math.floor(rate)), durationMs: 1000 }) {
    if (!Number.isFinite(rate) || rate <= 0) throw new TypeError(`Expected \`rate\` to be a number above 0, got \`${String(rate)}\` (${typeof rate})`);
    this.#redis = redis;
    this.#redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: RESERVE });
    this.#redis.defineCommand(ADMIT_COMMAND, { numberOfKeys: 1, lua: ADMIT });
    this.#key = key;
    this.#intervalMs = 1000 / rate;
    this.#window = window;
  }

  /**
   * Waits for the next spaced slot, then for room in the sliding window at the moment of sending:
   * a worker delayed between its slot and its send (a busy event loop, a slow machine) cannot
   * bunch its request with the others' and exceed the budget.
   */
  acquire(): Observable<void> {
    return defer(() => this.#reserve(0)).pipe(
      concatMap((waitMs) => (waitMs > 0 ? timer(waitMs) : of(0))),
      concatMap(() => this.#admit()),
      map(() => undefined),
    );
  }

  #admit(): Observable<number> {
    return defer(async () => {
      sends += 1;
      const member = `${this.#member}:${String(sends)}`;
      const result: unknown = await this.#redis.runCommand(ADMIT_COMMAND, [`${this.#key}:window`, String(this.#window.max), String(this.#window.durationMs), member]);
      return typeof result === 'number' ? result : Number(result);
    }).pipe(concatMap((waitMs) => (waitMs > 0 ? timer(waitMs).pipe(concatMap(() => this.#admit())) : of(0))));
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

