/** The web chat's outbox: replies outside a request, read with a cursor, stored once per delivery key. */
import { describe, expect, it } from "vitest";
import { createWebOutbox } from "../../../src/channels/web/outbox.ts";
import { MemoryStore } from "../../../src/store/memory.ts";

describe("web outbox", () => {
  it("answers what came after the cursor, and each delivery once", async () => {
    let t = 1_000;
    const outbox = createWebOutbox(new MemoryStore(), { clock: () => t });
    expect(await outbox.read("web:a", undefined)).toEqual({ replies: [], cursor: "0" });
    await outbox.notify("web:a", [{ type: "text", text: "一" }], "k1");
    await outbox.notify("web:a", [{ type: "text", text: "一" }], "k1");
    const first = await outbox.read("web:a", undefined);
    expect(first.replies).toEqual([{ type: "text", text: "一" }]);
    t = 5;
    await outbox.notify("web:a", [{ type: "text", text: "二" }], "k2");
    const second = await outbox.read("web:a", Number(first.cursor));
    expect(second.replies).toEqual([{ type: "text", text: "二" }]);
    expect(Number(second.cursor)).toBeGreaterThan(Number(first.cursor));
    expect(await outbox.read("web:a", Number(second.cursor))).toEqual({ replies: [], cursor: second.cursor });
    expect((await outbox.read("web:b", undefined)).replies).toEqual([]);
  });

  it("keeps concurrent deliveries apart", async () => {
    const outbox = createWebOutbox(new MemoryStore());
    await Promise.all(Array.from({ length: 10 }, (_, i) => outbox.notify("web:c", [{ type: "text", text: String(i) }], `k${i}`)));
    const page = await outbox.read("web:c", undefined);
    expect(page.replies.map((r) => (r as { text: string }).text).sort()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });
});
