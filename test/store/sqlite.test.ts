import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { StoreClosedError } from "../../src/store/codec.ts";
import { SqliteStore } from "../../src/store/sqlite.ts";
import { runStoreContract } from "./contract.ts";
import { envelope } from "./helpers.ts";
import { runWorkersTogether } from "./fixtures/spawn.ts";

const dir = mkdtempSync(join(tmpdir(), "mcr-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One file for the whole contract: every test reopens it, as a restarted process would.
runStoreContract("sqlite", async () => new SqliteStore(join(dir, "contract", "sessions.db")));

describe("SqliteStore", () => {
  it("creates the parent directories and uses WAL mode", async () => {
    const file = join(dir, "a", "b", "c", "sessions.db");
    const store = new SqliteStore(file);
    expect(store.path).toBe(file);
    expect(existsSync(file)).toBe(true);
    const probe = new DatabaseSync(file);
    expect(probe.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    expect(
      probe
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => row.name),
    ).toEqual(["conversations", "dedupe_keys", "inbox", "kv", "sqlite_sequence"]);
    probe.close();
    await store.close();
  });

  it("keeps conversations, claims and values across a restart", async () => {
    const file = join(dir, "restart.db");
    const first = new SqliteStore(file);
    await first.save("c1", envelope(7, { meta: { handoff: true } }), 60_000);
    await first.claimEvent("evt-1", 60_000);
    await first.setValue("thread-1", "c1", 60_000);
    await first.save("short", envelope(1), 50);
    await first.close();

    await sleep(80);
    const second = new SqliteStore(file);
    expect(await second.get("c1")).toMatchObject({ snapshot: { count: 7 }, meta: { handoff: true } });
    expect(await second.claimEvent("evt-1", 60_000)).toBe(false);
    expect(await second.getValue("thread-1")).toBe("c1");
    expect(await second.get("short")).toBeUndefined();
    await second.close();
  });

  it("stores the envelope as compact JSON with an expiry", async () => {
    const file = join(dir, "compact.db");
    const store = new SqliteStore(file);
    const before = Date.now();
    await store.save("c", envelope(1, { updatedAt: 1 }), 60_000);
    await store.close();
    const probe = new DatabaseSync(file);
    const row = probe.prepare("SELECT json, expires_at FROM conversations WHERE id = 'c'").get();
    probe.close();
    expect(row?.json).toBe('{"machineId":"counter","version":1,"snapshot":{"count":1},"updatedAt":1}');
    expect(Number(row?.expires_at)).toBeGreaterThanOrEqual(before + 60_000);
  });

  it("sweep() deletes expired rows; the timer sweeps by itself", async () => {
    const file = join(dir, "sweep.db");
    const store = new SqliteStore(file, { sweepIntervalMs: 30 });
    await store.save("c", envelope(1), 10);
    await store.claimEvent("e", 10);
    await store.setValue("k", "v", 10);
    await store.save("live", envelope(1), 60_000);
    expect(store.sweep(Date.now() + 20)).toBe(3);
    await store.save("c2", envelope(1), 10);
    await sleep(100);
    expect(store.sweep()).toBe(0);
    expect(await store.get("live")).toBeDefined();
    await store.close();
  });

  it("checkpoints in a worker thread after every walCheckpointCommits commits, never inline", async () => {
    // The database file's own header (page count, bytes 28–31), not the WAL's view: it grows only
    // when a checkpoint copies pages into the file.
    const pageCount = (file: string) => readFileSync(file).readUInt32BE(28);
    const saves = async (store: SqliteStore) => {
      for (let i = 0; i < 2_000; i++) {
        await store.save(`c${i}`, envelope(i), 60_000);
        // Let the worker's answers in now and then, as a server's event loop does between requests.
        if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const unchecked = join(dir, "no-checkpoints.db");
    const quiet = new SqliteStore(unchecked, { walCheckpointCommits: 1_000_000 });
    const before = pageCount(unchecked);
    await saves(quiet);
    // Far more than SQLite's own 1,000-page threshold went to the WAL, and no commit checkpointed it.
    const uncheckedWal = statSync(`${unchecked}-wal`).size;
    expect(uncheckedWal).toBeGreaterThan(1_000 * 4096);
    expect(pageCount(unchecked)).toBe(before);
    await quiet.close();

    const file = join(dir, "checkpointed.db");
    const store = new SqliteStore(file, { walCheckpointCommits: 50 });
    const start = pageCount(file);
    await saves(store);
    for (let waited = 0; pageCount(file) === start && waited < 5_000; waited += 20) await sleep(20);
    expect(pageCount(file)).toBeGreaterThan(start);
    // The WAL starts over after the checkpoints instead of growing with every commit.
    expect(statSync(`${file}-wal`).size).toBeLessThan(uncheckedWal / 4);
    expect(await store.get("c1999")).toMatchObject({ snapshot: { count: 1999 } });
    await store.close();
    const reopened = new SqliteStore(file);
    expect(await reopened.get("c0")).toMatchObject({ snapshot: { count: 0 } });
    await reopened.close();
  });

  it("opens a file another connection is writing to in rollback mode, once that write ends", async () => {
    // SQLite answers "database is locked" at once, without its busy handler, when switching to WAL would
    // deadlock with another connection's open write (two instances starting on one new file). The store
    // waits for it like any other lock, within its busy timeout.
    const file = join(dir, "opening.db");
    const holder = new Worker(
      `const { DatabaseSync } = require("node:sqlite");
       const { parentPort, workerData } = require("node:worker_threads");
       const db = new DatabaseSync(workerData);
       db.exec("CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)");
       parentPort.postMessage("writing");
       setTimeout(() => { db.exec("COMMIT"); db.close(); parentPort.postMessage("done"); }, 300);`,
      { eval: true, workerData: file },
    );
    const messages: string[] = [];
    holder.on("message", (m) => messages.push(m));
    await new Promise<void>((ok) => holder.once("message", () => ok()));

    const started = Date.now();
    const store = new SqliteStore(file, { busyTimeoutMs: 5_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await store.save("c", envelope(1), 60_000);
    expect(await store.get("c")).toMatchObject({ snapshot: { count: 1 } });
    await store.close();
    await holder.terminate();
    const probe = new DatabaseSync(file);
    expect(probe.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    expect(probe.prepare("SELECT x FROM t").all()).toEqual([{ x: 1 }]);
    probe.close();
  });

  it("gives up with SQLite's own error when the other write outlasts the busy timeout", async () => {
    const file = join(dir, "opening-timeout.db");
    const holder = new DatabaseSync(file);
    holder.exec("CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)");
    const started = Date.now();
    expect(() => new SqliteStore(file, { busyTimeoutMs: 150 })).toThrow(/database is locked/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    holder.exec("ROLLBACK");
    holder.close();
  });

  it("rejects every call after close()", async () => {
    const store = new SqliteStore(join(dir, "closed.db"));
    await store.close();
    await store.close();
    await expect(store.get("c")).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.ping()).rejects.toBeInstanceOf(StoreClosedError);
  });

  it("two processes sharing the file: every write lands, each claim is won exactly once", async () => {
    const file = join(dir, "shared.db");
    const count = 500;
    const workers = await runWorkersTogether("./sqlite-worker.ts", [
      [file, "a", String(count)],
      [file, "b", String(count)],
    ]);
    for (const worker of workers) expect(worker, worker.stderr).toMatchObject({ code: 0 });
    const claims = workers.map((worker) => (JSON.parse(worker.stdout) as { claimed: number }).claimed);
    expect(claims[0]! + claims[1]!).toBe(count);

    const store = new SqliteStore(file);
    for (let i = 0; i < count; i++) {
      expect(["a", "b"]).toContain((await store.get(`conversation-${i}`))?.machineId);
      expect(["a", "b"]).toContain(await store.getValue(`value-${i}`));
    }
    await store.close();
  });
});
