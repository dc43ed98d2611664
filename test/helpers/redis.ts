/**
 * Where the tests' real Redis is: 127.0.0.1:6379 unless `TEST_REDIS_PORT` says otherwise, so that
 * several work trees on one machine can each run the suite against a Redis of their own.
 */
export const TEST_REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6379);

/**
 * `redis://127.0.0.1:<port>/<db>` for the tests' Redis. Test files run side by side, and several flush
 * their database, so each file that flushes has a database of its own: 4 Slack kills, 5 unread messages, 6 report,
 * 7 reminders on two instances, 8 the durable inbox, 9 the reminder store, 10 rate limits on two instances,
 * 11 the rate limiter, 12 the multi-instance runs, 13 the Redis store, 14 the PII search, 15 tallies.
 */
export function testRedisUrl(db: number): string {
  return `redis://127.0.0.1:${TEST_REDIS_PORT}/${db}`;
}
