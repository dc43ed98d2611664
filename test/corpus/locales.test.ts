/**
 * The locale corpus (issue 14), replayed over HTTP against the web chat API: ≥ 60 English and ≥ 20
 * やさしい日本語 conversations (test/fixtures/corpus/locales). Each must reach its route with the facts read
 * (the stored state), state what it must (mustInclude), speak the conversation's language in every reply
 * (en: no Japanese outside brackets, the counter sentence and the city's strings; ja-easy: readings in
 * brackets), end the route answer with a Japanese sentence for the counter and 0120-0178-27, keep the
 * locale stored, and ask no more than its questions. `npm run corpus:measure:locales` prints the figures.
 */
import { afterAll, describe, expect, it } from "vitest";
import { serversByNow } from "../helpers/server.ts";
import { judgeLocale, loadLocaleCorpus, nowOf, replayLocale } from "./locales.ts";

const corpus = loadLocaleCorpus();

const servers = serversByNow();
const serverAt = (now: string) => servers.at(now);
afterAll(() => servers.closeAll());

for (const locale of ["en", "ja-easy"] as const) {
  describe(`locale corpus (${locale}): replayed through the web chat API`, () => {
    for (const c of corpus.filter((x) => x.locale === locale)) {
      const first = c.turns.find((t) => t.text !== undefined)?.text ?? "";
      it(`${c.id} [${c.how}] 「${first.slice(0, 40)}」 → ${c.expect.routeId}`, async () => {
        const server = await serverAt(nowOf(c));
        const r = await replayLocale(server, c);
        const v = judgeLocale(c, r);
        expect(v.problems, r.transcript.join("\n")).toEqual([]);
      });
    }
  });
}
