/**
 * Measure the corpus: `npm run corpus:measure` (add `-- --verbose` to list every miss).
 * Prints messages fully right (route + facts + no needless question), routes right, facts right, and
 * the questions asked on average.
 */
import { startTestServer } from "../helpers/server.ts";
import { CORPUS_NOW, factProblems, judge, loadCorpus, replayEntry } from "./corpus.ts";

const verbose = process.argv.includes("--verbose");
const entries = loadCorpus();
const servers = new Map<string, Awaited<ReturnType<typeof startTestServer>>>();
let fully = 0;
let routes = 0;
let facts = 0;
let questions = 0;
for (const e of entries) {
  const now = e.now ?? CORPUS_NOW;
  let s = servers.get(now);
  if (!s) {
    s = await startTestServer({ BOT_NOW: now });
    servers.set(now, s);
  }
  let fp: string[];
  try {
    fp = factProblems(e);
  } catch (err) {
    fp = [`extraction threw: ${String(err)}`];
  }
  const r = await replayEntry(s.url, e);
  const v = judge(e, fp, r);
  if (v.fully) fully++;
  if (v.routeOk) routes++;
  if (v.factsOk) facts++;
  questions += r.questions.length;
  if (process.argv.includes("--routes") && e.needsFlow) console.log(`${e.id}\t${r.routeId}\t${r.questions.join(",")}`);
  if (verbose && !v.fully) console.log(`${e.id} 「${e.say.slice(0, 40).replace(/\n/g, " ")}」\n   ${v.problems.join("\n   ")}`);
}
for (const s of servers.values()) await s.close();
const n = entries.length;
const pct = (k: number): string => `${k}/${n} (${((100 * k) / n).toFixed(1)}%)`;
console.log(`corpus: ${n} messages`);
console.log(`fully right: ${pct(fully)}`);
console.log(`routes right: ${pct(routes)}`);
console.log(`facts right: ${pct(facts)}`);
console.log(`questions asked on average: ${(questions / n).toFixed(2)}`);
