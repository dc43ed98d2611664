/**
 * The resident-message corpus (test/fixtures/corpus): 300+ messages written the way residents write
 * (polite, casual, dialects, kana only, half-width katakana, emoji, long, two problems, typed answers).
 * (a) the language layer reads every fact each message states (pure, fast);
 * (b) every message is replayed through the web chat API, answering questions with the given choices:
 *     it must reach its route (facts.md), never ask about a slot it already stated, and ask no more
 *     than its maximum of questions. Entries marked `needsFlow` accept today's route until flow12's
 *     decide.ts fixes are merged (the integrator then removes the flag).
 * `npm run corpus:measure` prints the figures.
 */
import { afterAll, describe, expect, it } from "vitest";
import { serversByNow } from "../helpers/server.ts";
import { CORPUS_NOW, factProblems, judge, loadCorpus, replayEntry } from "./corpus.ts";

const corpus = loadCorpus();

describe("corpus", () => {
  it("holds at least 300 messages with unique ids", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((e) => e.id)).size).toBe(corpus.length);
  });
});

describe("corpus: facts read from each message", () => {
  for (const e of corpus) {
    it(`${e.id} 「${e.say.slice(0, 36).replace(/\n/g, " ")}」`, () => {
      expect(factProblems(e)).toEqual([]);
    });
  }
});

const servers = serversByNow();
const serverAt = (now: string) => servers.at(now);
afterAll(() => servers.closeAll());

describe("corpus: replayed through the web chat API", () => {
  for (const e of corpus) {
    it(`${e.id} → ${e.route}${e.needsFlow ? ` (needsFlow: ${e.routeNow} accepted)` : ""}`, async () => {
      const server = await serverAt(e.now ?? CORPUS_NOW);
      const r = await replayEntry(server.url, e);
      const v = judge(e, [], r, { lenient: true });
      expect(v.problems, r.transcript.join("\n")).toEqual([]);
    });
  }
});
