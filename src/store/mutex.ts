/**
 * An in-process, per-key FIFO mutex: the building block of every store's `withLock`.
 *
 * Waiters queue in arrival order and are woken one at a time by the holder's release (no polling).
 * A waiter may give up after a timeout; it then leaves the queue and the order of the others is kept.
 * Not re-entrant: calling `run` for a key from inside `run` for the same key deadlocks until the
 * inner call times out.
 */

import { LockTimeoutError } from "./types.ts";

/** Releases a held key; calling it more than once is harmless. */
export type Release = () => void;

interface Waiter {
  grant: () => void;
}

/** Per-key FIFO mutex. Memory use is proportional to the keys currently held or waited on. */
export class KeyedMutex {
  /** A key is present while held; its array holds the waiters in arrival order. */
  readonly #queues = new Map<string, Waiter[]>();

  /**
   * Wait for `key` and hold it. Rejects with {@link LockTimeoutError} when `timeoutMs` passes first
   * (`Infinity` waits for ever).
   */
  acquire(key: string, timeoutMs = Infinity): Promise<Release> {
    const queue = this.#queues.get(key);
    if (queue === undefined) {
      this.#queues.set(key, []);
      return Promise.resolve(this.#releaser(key));
    }
    return new Promise<Release>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        grant: () => {
          if (timer !== undefined) clearTimeout(timer);
          resolve(this.#releaser(key));
        },
      };
      queue.push(waiter);
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(
          () => {
            const at = queue.indexOf(waiter);
            if (at !== -1) queue.splice(at, 1);
            reject(new LockTimeoutError(key));
          },
          Math.max(0, timeoutMs),
        );
      }
    });
  }

  /** Run `fn` while holding `key`; the key is released however `fn` ends. */
  async run<T>(key: string, fn: () => Promise<T>, timeoutMs = Infinity): Promise<T> {
    const release = await this.acquire(key, timeoutMs);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Whether `key` is currently held (for tests and diagnostics). */
  isHeld(key: string): boolean {
    return this.#queues.has(key);
  }

  #releaser(key: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const queue = this.#queues.get(key);
      const next = queue?.shift();
      if (next === undefined) this.#queues.delete(key);
      else next.grant();
    };
  }
}
