/**
 * Where the tests' real Redis is: 127.0.0.1:6379 unless `TEST_REDIS_PORT` says otherwise, so that
 * several work trees on one machine can each run the suite against a Redis of their own.
 */
export const TEST_REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6379);

/** `redis://127.0.0.1:<port>/<db>` for the tests' Redis. */
export function testRedisUrl(db: number): string {
  return `redis://127.0.0.1:${TEST_REDIS_PORT}/${db}`;
}
