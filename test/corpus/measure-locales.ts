/**
 * Measure the locale corpus (issue 14): `npm run corpus:measure:locales` (add `-- --verbose` to list every
 * miss with its problems, `-- --transcript` to add the replayed turns). Replays every conversation of
 * test/fixtures/corpus/locales over HTTP and prints, per locale: conversations fully right, routes right,
 * facts right, mustInclude right, Japanese-leak failures (en), counter sentence + help line, readings
 * (ja-easy), stored locale, question limits, and the questions asked on average.
 */
import { startTestServer } from "../helpers/server.ts";
import { judgeLocale, loadLocaleCorpus, nowOf, replayLocale, type CorpusLocale, type LocaleVerdict } from "./locales.ts";

const verbose = process.argv.includes("--verbose") || process.argv.includes("--transcript");
const withTranscript = process.argv.includes("--transcript");
const corpus = loadLocaleCorpus();
const servers = new Map<string, Awaited<ReturnType<typeof startTestServer>>>();

interface Tally {
  n: number;
  questions: number;
  counts: Record<Exclude<keyof LocaleVerdict, "problems">, number>;
}
const tallies = new Map<CorpusLocale, Tally>();
const blank = (): Tally => ({
  n: 0,
  questions: 0,
  counts: { fully: 0, routeOk: 0, factsOk: 0, includeOk: 0, leakOk: 0, counterOk: 0, readingsOk: 0, questionsOk: 0, localeOk: 0 },
});

for (const c of corpus) {
  const now = nowOf(c);
  let s = servers.get(now);
  if (!s) {
    s = await startTestServer({ BOT_NOW: now });
    servers.set(now, s);
  }
  const t = tallies.get(c.locale) ?? blank();
  tallies.set(c.locale, t);
  t.n++;
  let v: LocaleVerdict;
  let transcript: string[] = [];
  try {
    const r = await replayLocale(s, c);
    transcript = r.transcript;
    t.questions += r.questions.length;
    v = judgeLocale(c, r);
  } catch (err) {
    v = { fully: false, routeOk: false, factsOk: false, includeOk: false, leakOk: false, counterOk: false, readingsOk: false, questionsOk: false, localeOk: false, problems: [`replay threw: ${String(err)}`] };
  }
  for (const k of Object.keys(t.counts) as (keyof Tally["counts"])[]) if (v[k]) t.counts[k]++;
  if (verbose && !v.fully) {
    const first = c.turns.find((x) => x.text !== undefined)?.text ?? "";
    console.log(`${c.id} [${c.how}] 「${first.slice(0, 50)}」 → ${c.expect.routeId}\n   ${v.problems.join("\n   ")}`);
    if (withTranscript) console.log(`   ${transcript.join("\n   ")}`);
  }
}
for (const s of servers.values()) await s.close();

for (const [locale, t] of [...tallies.entries()].sort()) {
  const pct = (k: number): string => `${k}/${t.n} (${((100 * k) / t.n).toFixed(1)}%)`;
  console.log(`\nlocale ${locale}: ${t.n} conversations`);
  console.log(`  fully right:               ${pct(t.counts.fully)}`);
  console.log(`  routes right:              ${pct(t.counts.routeOk)}`);
  console.log(`  facts right:               ${pct(t.counts.factsOk)}`);
  console.log(`  mustInclude right:         ${pct(t.counts.includeOk)}`);
  if (locale === "en") console.log(`  Japanese-leak failures:    ${t.n - t.counts.leakOk}/${t.n}`);
  console.log(`  counter sentence + ${"0120-0178-27"}: ${pct(t.counts.counterOk)}`);
  if (locale === "ja-easy") console.log(`  readings in brackets:      ${pct(t.counts.readingsOk)}`);
  console.log(`  stored locale right:       ${pct(t.counts.localeOk)}`);
  console.log(`  questions within limits:   ${pct(t.counts.questionsOk)}`);
  console.log(`  questions asked on average: ${(t.questions / t.n).toFixed(2)}`);
}
