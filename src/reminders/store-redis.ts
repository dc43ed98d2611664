/**
 * {@link ReminderStore} in Redis, for several instances. Keys (prefix `mcr:`):
 * - `mcr:reminders:due`: a sorted set of reminder ids by the time they are next available (the due
 *   time, or the end of a claim's lease), expiring with the latest reminder in it;
 * - `mcr:reminder:<kind>:<userId>` (`mcr:reminder:<id>`): a hash with the user id, kind, date, locale and due time, expiring 30 days
 *   after the due time;
 * - `mcr:reminders:user:<userId>`: the set of a user's reminder ids (for 「通知を止める」 and unfollow).
 *
 * A claim is one Lua script: it takes the ids due now and moves their score past the lease in the
 * same atomic step, so no other instance can claim them before the lease ends.
 */
import type { Redis } from "ioredis";
import { connectRedis } from "../store/redis.ts";
import { REMINDER_RETENTION_MS, type Reminder, type ReminderKind, type ReminderLocale, type ReminderStore } from "./types.ts";

/** KEYS[1] the due set; ARGV: now, lease end, limit. Returns the claimed ids. */
const CLAIM = `
local ids = redis.call("ZRANGEBYSCORE", KEYS[1], "-inf", ARGV[1], "LIMIT", 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  redis.call("ZADD", KEYS[1], "XX", ARGV[2], id)
end
return ids`;

export class RedisReminderStore implements ReminderStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(url: string, opts: { keyPrefix?: string; onError?: (error: unknown) => void } = {}) {
    this.#prefix = opts.keyPrefix ?? "mcr:";
    this.#redis = connectRedis(url, opts.onError ?? (() => {}));
  }

  get #due(): string {
    return `${this.#prefix}reminders:due`;
  }
  #item(id: string): string {
    return `${this.#prefix}reminder:${id}`;
  }
  #user(userId: string): string {
    return `${this.#prefix}reminders:user:${userId}`;
  }

  async schedule(reminders: readonly Reminder[]): Promise<void> {
    const multi = this.#redis.multi();
    for (const r of reminders) {
      const expiresAt = r.dueAt + REMINDER_RETENTION_MS;
      multi.hset(this.#item(r.id), { userId: r.userId, kind: r.kind, date: r.date, locale: r.locale, dueAt: String(r.dueAt) });
      multi.pexpireat(this.#item(r.id), expiresAt);
      multi.zadd(this.#due, r.dueAt, r.id);
      multi.pexpireat(this.#due, expiresAt, "GT");
      multi.pexpireat(this.#due, expiresAt, "NX");
      multi.sadd(this.#user(r.userId), r.id);
      multi.pexpireat(this.#user(r.userId), expiresAt, "GT");
      multi.pexpireat(this.#user(r.userId), expiresAt, "NX");
    }
    await multi.exec();
  }

  async cancelUser(userId: string): Promise<number> {
    const ids = await this.#redis.smembers(this.#user(userId));
    if (ids.length === 0) return 0;
    const multi = this.#redis.multi();
    for (const id of ids) multi.del(this.#item(id));
    multi.zrem(this.#due, ...ids);
    multi.del(this.#user(userId));
    const results = (await multi.exec()) ?? [];
    return results.slice(0, ids.length).filter(([, n]) => Number(n) === 1).length;
  }

  async countUser(userId: string): Promise<number> {
    const ids = await this.#redis.smembers(this.#user(userId));
    if (ids.length === 0) return 0;
    return this.#redis.exists(...ids.map((id) => this.#item(id)));
  }

  async claimDue(now: number, leaseMs: number, limit: number): Promise<Reminder[]> {
    const ids = (await this.#redis.eval(CLAIM, 1, this.#due, String(now), String(now + leaseMs), String(limit))) as string[];
    if (ids.length === 0) return [];
    const pipeline = this.#redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.#item(id));
    const hashes = (await pipeline.exec()) ?? [];
    const claimed: Reminder[] = [];
    for (const [i, id] of ids.entries()) {
      const h = (hashes[i]?.[1] ?? {}) as Record<string, string>;
      if (!h.userId || !h.kind || !h.date || !h.dueAt) {
        // Its hash expired (30 days after its date): nothing left to send.
        await this.#redis.zrem(this.#due, id);
        continue;
      }
      claimed.push({ id, userId: h.userId, kind: h.kind as ReminderKind, date: h.date, locale: (h.locale ?? "ja") as ReminderLocale, dueAt: Number(h.dueAt) });
    }
    return claimed;
  }

  async complete(id: string): Promise<void> {
    const userId = await this.#redis.hget(this.#item(id), "userId");
    const multi = this.#redis.multi().zrem(this.#due, id).del(this.#item(id));
    if (userId) multi.srem(this.#user(userId), id);
    await multi.exec();
  }

  async release(id: string, at: number): Promise<void> {
    await this.#redis.zadd(this.#due, "XX", at, id);
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }
}
