/** Waiting in tests for what a server does after it has answered (calls to a fake API, log lines). */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll until `pick()` holds at least `count` items (5 s at most). */
export async function until<T>(pick: () => T[], count = 1, timeoutMs = 5_000): Promise<T[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = pick();
    if (found.length >= count) return found;
    if (Date.now() > end) throw new Error(`waited for ${count} item(s), got ${found.length}`);
    await sleep(10);
  }
}
