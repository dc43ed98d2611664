/**
 * Every example conversation (shared/examples) and every scenario of our own (test/scenarios) is
 * replayed over HTTP against the real server, and must reach its route with the expected mentions.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/main.ts";
import { DEFAULT_NOW, replay, type Conversation } from "../helpers/replay.ts";
import { startTestServer } from "../helpers/server.ts";

const load = (url: URL): Conversation[] => JSON.parse(readFileSync(url, "utf8"));
const suites: [string, Conversation[]][] = [
  ["shared/examples", load(new URL("../fixtures/examples/shared-conversations.json", import.meta.url))],
  ["test/scenarios", load(new URL("./conversations.json", import.meta.url))],
];

const servers = new Map<string, Promise<RunningServer>>();
function serverAt(now: string): Promise<RunningServer> {
  let s = servers.get(now);
  if (!s) {
    s = startTestServer({ BOT_NOW: now });
    servers.set(now, s);
  }
  return s;
}
afterAll(async () => {
  for (const s of servers.values()) await (await s).close();
});

for (const [name, conversations] of suites) {
  describe(name, () => {
    for (const c of conversations) {
      it(`${c.id}: 「${c.say.slice(0, 40)}」 → ${String(c.expect.route)}`, async () => {
        const server = await serverAt(c.now ?? DEFAULT_NOW);
        const result = await replay(server.url, c);
        const why = result.transcript.join("\n");
        const routes = Array.isArray(c.expect.route) ? c.expect.route : [c.expect.route];
        expect(routes, why).toContain(result.routeId);
        for (const m of c.expect.mentions ?? []) expect(result.routeText, `mention ${m}\n${why}`).toMatch(new RegExp(m));
        for (const f of c.expect.forbid ?? []) expect(result.allText, `forbid ${f}`).not.toContain(f);
        if (c.expect.maxQuestions !== undefined) {
          expect(result.questions.length, `questions ${result.questions.join(",")}`).toBeLessThanOrEqual(c.expect.maxQuestions);
        }
      });
    }
  });
}
