/** The runtime: snapshots, versions, expiry, stale buttons and the PII guard, against a real store. */
import { describe, expect, it } from "vitest";
import { MACHINE_ID, MACHINE_VERSION } from "../../flows/certificate-recovery/machine.ts";
import { MESSAGES } from "../../flows/certificate-recovery/messages.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { ConversationRuntime } from "../../src/core/runtime.ts";
import { certificateRecoveryFlow } from "../../flows/certificate-recovery/index.ts";
import { MemoryStore } from "../../src/store/memory.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const now = () => new Date("2026-11-21T10:00:00+09:00");

function setup(opts: Partial<ConstructorParameters<typeof ConversationRuntime>[0]> = {}) {
  const store = new MemoryStore();
  const runtime = new ConversationRuntime({ flow: certificateRecoveryFlow, store, city, now, idleTtlMs: 60_000, ...opts });
  return { store, runtime };
}

describe("ConversationRuntime", () => {
  it("a stale button (another question's) repeats the open question and loses nothing", async () => {
    const { runtime } = setup();
    const first = await runtime.handle("t:1", { kind: "text", text: "電子証明書が失効していると出ました" });
    expect(first.pendingSlot).toBe("basicInfoChanged");
    const stale = await runtime.handle("t:1", { kind: "choice", value: "self", slot: "applicant" });
    expect(stale.pendingSlot).toBe("basicInfoChanged");
    expect(stale.replies.at(-1)).toMatchObject({ type: "question", slot: "basicInfoChanged" });
    expect((stale.replies.at(-1) as { text: string }).text).not.toMatch(/すみません/);
    const ok = await runtime.handle("t:1", { kind: "choice", value: "yes", slot: "basicInfoChanged" });
    expect(ok.facts.basicInfoChanged).toBe("yes");
  });

  it("a conversation continues from its stored snapshot (a restart of the server)", async () => {
    const store = new MemoryStore();
    const a = new ConversationRuntime({ flow: certificateRecoveryFlow, store, city, now, idleTtlMs: 60_000 });
    await a.handle("t:2", { kind: "text", text: "署名用の暗証番号を忘れました" });
    const b = new ConversationRuntime({ flow: certificateRecoveryFlow, store, city, now, idleTtlMs: 60_000 });
    const turn = await b.handle("t:2", { kind: "choice", value: "no" });
    expect(turn.routeId).toBe("pin-reset-counter");
  });

  it("a route comes with decide()'s reasons (typed codes and the facts behind them), none while a question is open", async () => {
    const { runtime } = setup();
    const asking = await runtime.handle("t:r", { kind: "text", text: "署名用の暗証番号を忘れました" });
    expect(asking.reasons).toBeUndefined();
    const turn = await runtime.handle("t:r", { kind: "choice", value: "no" });
    expect(turn.routeId).toBe("pin-reset-counter");
    expect(turn.reasons).toEqual([{ code: "other-pin-forgotten" }]);
  });

  it("a snapshot of an older machine version restarts politely; a migration is used when there is one", async () => {
    const { store, runtime } = setup();
    await runtime.handle("t:3", { kind: "text", text: "電子証明書が失効していると出ました" });
    const stored = (await store.get("t:3"))!;
    await store.save("t:3", { ...stored, version: MACHINE_VERSION - 1 + 100 }, 60_000);
    const turn = await runtime.handle("t:3", { kind: "text", text: "マイナンバーカードを落としました" });
    expect(turn.replies[0]).toEqual({ type: "text", text: MESSAGES.versionChanged });
    expect(turn.routeId).toBe("card-lost");

    const migrated = setup({ migrations: { 0: (s) => s } });
    await migrated.runtime.handle("t:4", { kind: "text", text: "電子証明書が失効していると出ました" });
    const old = (await migrated.store.get("t:4"))!;
    await migrated.store.save("t:4", { ...old, version: 0 }, 60_000);
    const cont = await migrated.runtime.handle("t:4", { kind: "choice", value: "yes" });
    expect(cont.replies.some((r) => r.type === "text" && r.text === MESSAGES.versionChanged)).toBe(false);
    expect(cont.facts.basicInfoChanged).toBe("yes");
  });

  it("a corrupt or foreign snapshot never crashes: it restarts politely", async () => {
    const { store, runtime } = setup();
    await store.save("t:5", { machineId: MACHINE_ID, version: MACHINE_VERSION, snapshot: { value: "nowhere", status: "active", context: {} }, updatedAt: 0 }, 60_000);
    const turn = await runtime.handle("t:5", { kind: "text", text: "4桁の暗証番号を2回間違えてしまいました" });
    expect(turn.replies[0]).toEqual({ type: "text", text: MESSAGES.versionChanged });
    expect(turn.routeId).toBe("pin-retry-guidance");
    await store.save("t:6", { machineId: "other", version: 1, snapshot: "garbage", updatedAt: 0 }, 60_000);
    expect((await runtime.handle("t:6", { kind: "restart" })).replies.at(-1)).toMatchObject({ type: "question", slot: "symptom" });
  });

  it("an expired conversation starts fresh with a friendly word", async () => {
    const { runtime } = setup({ idleTtlMs: 30 });
    await runtime.handle("t:7", { kind: "text", text: "電子証明書が失効していると出ました" });
    await new Promise((r) => setTimeout(r, 80));
    const turn = await runtime.handle("t:7", { kind: "choice", value: "yes" });
    expect(turn.replies[0]).toEqual({ type: "text", text: MESSAGES.expired });
    expect(turn.started).toBe(true);
  });

  it("the PII guard: a PIN or 個人番号 is warned about, discarded, and the rest of the message still counts", async () => {
    const { store, runtime } = setup();
    const turn = await runtime.handle("t:8", { kind: "text", text: "署名用のパスワードはABCD1234です。暗証番号がロックされました。マイナンバーは123456789018です" });
    expect(turn.piiFound).toBe(true);
    expect(turn.replies[0]).toEqual({ type: "text", text: MESSAGES.piiWarning });
    expect(turn.facts.symptom).toBe("locked");
    const raw = JSON.stringify(await store.get("t:8"));
    expect(raw).not.toContain("ABCD1234");
    expect(raw).not.toContain("123456789018");
    expect(JSON.stringify(turn.replies)).not.toContain("ABCD1234");
  });

  it("facts from a staff form diagnose in one step", async () => {
    const { runtime } = setup();
    const turn = await runtime.handle("t:9", {
      kind: "facts",
      facts: { symptom: "locked", certificate: "user", signaturePinKnown: "yes", nfcSmartphone: "yes", basicInfoChanged: "no", certExpiry: "unknown" },
    });
    expect(turn.routeId).toBe("pin-reset-kiosk");
    expect(turn.replies[0]?.type).toBe("route");
  });
});
