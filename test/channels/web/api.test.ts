/** The web chat API of shared/contract.md §3, over real HTTP against the real server. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/main.ts";
import { postJson, startTestServer } from "../../helpers/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_NOW: "2026-11-21T10:00:00+09:00" });
});
afterAll(() => server.close());

async function newSession() {
  const res = await postJson(`${server.url}/api/chat/sessions`, {});
  expect(res.status).toBe(201);
  return res.json as { sessionId: string; replies: any[] };
}
const say = (id: string, body: unknown) => postJson(`${server.url}/api/chat/sessions/${id}/messages`, body);

describe("web chat API", () => {
  it("opens a session with an unguessable id, a greeting and the first question", async () => {
    const a = await newSession();
    const b = await newSession();
    expect(a.sessionId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(a.replies[0]).toMatchObject({ type: "text" });
    expect(a.replies.at(-1)).toMatchObject({ type: "question", slot: "symptom", input: "choice" });
    expect(a.replies.at(-1).choices.length).toBeLessThanOrEqual(13);
  });

  it("answers the issue's first message with the route in one reply", async () => {
    const { sessionId } = await newSession();
    const res = await say(sessionId, { text: "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました" });
    expect(res.status).toBe(200);
    // Everything the route needs is in the message: no question, the answer for the sample city.
    const done = res;
    expect(done.json.replies.filter((r: any) => r.type === "question" && r.slot !== "followUp" && r.slot !== "detail")).toEqual([]);
    const route = done.json.replies.find((r: any) => r.type === "route");
    expect(route).toMatchObject({ routeId: "signature-reissue-after-change" });
    expect(route.text).toContain("見本市");
    expect(route.sections.length).toBeGreaterThan(2);
    const follow = done.json.replies.at(-1);
    expect(follow).toMatchObject({ type: "question", slot: "followUp" });
    expect(follow.choices.map((c: any) => c.label)).toEqual(["解決した", "解決しない", "最初からやり直す", "窓口に相談したい"]);
  });

  it("a route's details open on a tap, as their own answer, without restarting the diagnosis (issue #13)", async () => {
    const { sessionId } = await newSession();
    const done = await say(sessionId, { text: "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました" });
    const route = done.json.replies.find((r: any) => r.type === "route");
    expect(route.lead).toContain("見本市の窓口");
    expect(route.lead.length).toBeLessThanOrEqual(200);
    const proxy = route.sections.find((s: any) => s.heading === "代理人（家族など）が手続きする場合");
    expect(proxy).toMatchObject({ detail: true });
    expect(route.links).toContainEqual({ label: "0120-000-111に電話", url: "tel:0120000111" });
    const offer = done.json.replies.find((r: any) => r.type === "question" && r.slot === "detail");
    expect(offer.choices).toContainEqual({ label: "代理人が行く場合", value: "detail:proxy" });
    expect(done.json.replies.at(-1)).toMatchObject({ type: "question", slot: "followUp" });

    const tap = await say(sessionId, { choice: "detail:proxy" });
    expect(tap.status).toBe(200);
    expect(tap.json.replies[0]).toMatchObject({
      type: "route",
      routeId: "signature-reissue-after-change",
      sections: [{ heading: proxy.heading, items: proxy.items }],
    });
    expect(tap.json.replies[0].sections[0].detail).toBeUndefined();
    const again = tap.json.replies.find((r: any) => r.type === "question" && r.slot === "detail");
    expect(again.choices.map((c: any) => c.value)).not.toContain("detail:proxy");
    expect(again.choices.map((c: any) => c.value)).toContain("detail:guardian");
    expect(tap.json.replies.at(-1)).toMatchObject({ type: "question", slot: "followUp" });

    // Still the same answer: another detail opens from the same facts, and the follow-up still works.
    const guardian = await say(sessionId, { choice: "detail:guardian" });
    expect(guardian.json.replies[0].sections[0].heading).toBe("成年後見人が手続きする場合");
    const contact = await say(sessionId, { choice: "contact" });
    expect(contact.json.replies.find((r: any) => r.type === "route").routeId).toBe("contact-city");
  });

  it("a detail tapped while a question is open is not an answer: the question is asked again", async () => {
    const { sessionId } = await newSession();
    await say(sessionId, { text: "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました" });
    await say(sessionId, { action: "restart" });
    const stale = await say(sessionId, { choice: "detail:proxy" });
    expect(stale.json.replies.some((r: any) => r.type === "route")).toBe(false);
    expect(stale.json.replies.at(-1)).toMatchObject({ type: "question", slot: "symptom" });
  });

  it("offers restart and contact after a route; new text starts a fresh diagnosis", async () => {
    const { sessionId } = await newSession();
    await say(sessionId, { text: "マイナンバーカードを落としました" });
    const contact = await say(sessionId, { choice: "contact" });
    expect(contact.json.replies.find((r: any) => r.type === "route").routeId).toBe("contact-city");
    const fresh = await say(sessionId, { text: "署名用と利用者証明用の違いがわかりません" });
    expect(fresh.json.replies.find((r: any) => r.type === "route").routeId).toBe("which-pin");
    const restart = await say(sessionId, { action: "restart" });
    expect(restart.json.replies.at(-1)).toMatchObject({ type: "question", slot: "symptom" });
  });

  it("404 for an unknown session, with a JSON error", async () => {
    const res = await say("AAAAAAAAAAAAAAAAAAAAAAAA", { text: "こんにちは" });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("NOT_FOUND");
    const bad = await say("../../etc", { text: "x" });
    expect(bad.status).toBe(404);
  });

  it.each([
    ["malformed JSON", "{not json", "MALFORMED_JSON"],
    ["two fields", { text: "a", choice: "b" }, "BAD_REQUEST"],
    ["no field", {}, "BAD_REQUEST"],
    ["wrong type", { text: 42 }, "BAD_REQUEST"],
    ["unknown action", { action: "explode" }, "BAD_REQUEST"],
    ["blank text", { text: "   " }, "BAD_REQUEST"],
    ["array", [1, 2], "BAD_REQUEST"],
  ])("400 for %s", async (_name, body, code) => {
    const { sessionId } = await newSession();
    const res = await say(sessionId, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("413 for a body over the limit", async () => {
    const { sessionId } = await newSession();
    const res = await say(sessionId, { text: "あ".repeat(40_000) });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a choice that does not belong to the question is asked again, nothing lost", async () => {
    const { sessionId } = await newSession();
    await say(sessionId, { text: "電子証明書が失効していると出ました" });
    const res = await say(sessionId, { choice: "2099-99-99" });
    expect(res.status).toBe(200);
    const q = res.json.replies.at(-1);
    expect(q).toMatchObject({ type: "question", slot: "basicInfoChanged" });
    expect(q.text).toMatch(/すみません/);
  });

  it("two messages at once are handled one after the other, none lost", async () => {
    const { sessionId } = await newSession();
    await say(sessionId, { text: "電子証明書が失効していると出ました" });
    const [a, b] = await Promise.all([
      say(sessionId, { text: "引っ越しはしていません" }),
      say(sessionId, { text: "電子証明書の有効期限は2026年6月30日でした" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // Both answers landed: the next question is about the card's expiry.
    const stored = await server.store.get(`web:${sessionId}`);
    const facts = (stored?.snapshot as any).context.facts;
    expect(facts.basicInfoChanged).toBe("no");
    expect(facts.certExpiry).toBe("2026-06-30");
  });

  it("serves the chat page and health checks", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("マイナ証明書レスキュー");
    const js = await fetch(`${server.url}/chat.js`);
    expect(js.status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
