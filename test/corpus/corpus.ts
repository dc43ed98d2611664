/**
 * The resident-message corpus (test/fixtures/corpus/*.jsonl): loading, the pure extraction check, the
 * replay through the web chat API, and the verdict per message. Used by corpus.test.ts and by the
 * measuring script (`npm run corpus:measure`).
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Facts, Slot } from "../../src/core/slots.ts";
import { SLOTS } from "../../src/core/slots.ts";
import { extractFacts } from "../../src/nlu/index.ts";
import { factsFromText } from "../../flows/certificate-recovery/machine.ts";
import { postJson } from "../helpers/server.ts";

export const CORPUS_NOW = "2026-11-21T10:00:00+09:00";

export interface CorpusEntry {
  id: string;
  /** The resident's first message. */
  say: string;
  /** Every fact the first message states, and nothing the language layer must not invent. */
  facts: Partial<Facts>;
  /** Facts the first message must NOT yield. */
  absent?: (keyof Facts)[];
  /** The route it must reach (facts.md). */
  route: string;
  /** While set, the route flow12 fixes: `routeNow` (today's route) is accepted too. */
  needsFlow?: boolean;
  routeNow?: string;
  maxQuestions: number;
  /** Tapped answers to questions, by slot. */
  answers?: Record<string, string>;
  /** Typed answers, by slot: the first time the slot is asked (a list: one per time it is asked). */
  typed?: Record<string, string | string[]>;
  /** What the (first) typed answer to each slot must yield. */
  typedFacts?: Partial<Facts>;
  /** This slot is asked again after the typed answer (ambiguous or unreadable). */
  reask?: string;
  /** The bot must say plainly that it could not read the typed answer. */
  unread?: boolean;
  /** The typed date does not exist: the bot must say so. */
  impossibleDate?: boolean;
  now?: string;
}

export function loadCorpus(): CorpusEntry[] {
  const dir = new URL("../fixtures/corpus/", import.meta.url);
  const out: CorpusEntry[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort()) {
    const lines = readFileSync(new URL(name, dir), "utf8").split("\n").filter((l) => l.trim() !== "");
    for (const l of lines) out.push(JSON.parse(l) as CorpusEntry);
  }
  return out;
}

export const todayOf = (e: CorpusEntry): string => (e.now ?? CORPUS_NOW).slice(0, 10);

/** What is wrong with the facts the language layer reads from the entry's texts (empty: all right). */
export function factProblems(e: CorpusEntry): string[] {
  const today = todayOf(e);
  const problems: string[] = [];
  const got = extractFacts(e.say, { today }) as Record<string, unknown>;
  for (const [k, v] of Object.entries(e.facts)) {
    if (got[k] !== v) problems.push(`${k}: want ${JSON.stringify(v)}, got ${JSON.stringify(got[k])}`);
  }
  for (const k of e.absent ?? []) if (got[k] !== undefined) problems.push(`${k}: want unset, got ${JSON.stringify(got[k])}`);
  for (const [slot, texts] of Object.entries(e.typed ?? {})) {
    const text = Array.isArray(texts) ? texts[0] : texts;
    if (text === undefined) continue;
    const known = { ...(got as Facts) };
    const found = factsFromText(text, slot as Slot, today, known) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...known };
    for (const [k, v] of Object.entries(found)) if (v !== undefined) merged[k] = v;
    const wantTyped = (e.typedFacts ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(wantTyped)) {
      if (merged[k] !== v) problems.push(`typed ${slot} 「${text}」 ${k}: want ${JSON.stringify(v)}, got ${JSON.stringify(merged[k])}`);
    }
    if (e.reask === slot && found[slot] !== undefined) {
      problems.push(`typed ${slot} 「${text}」 must be asked again, got ${JSON.stringify(found[slot])}`);
    }
    // A typed answer answers the open question: it must not change what the first message said.
    for (const [k, v] of Object.entries(e.facts)) {
      if (k in wantTyped) continue;
      if (merged[k] !== v && got[k] === v) problems.push(`typed ${slot} 「${text}」 changed ${k} to ${JSON.stringify(merged[k])}`);
    }
  }
  return problems;
}

export interface ReplayOutcome {
  routeId?: string;
  questions: string[];
  /** Every text the bot sent right after a typed answer, by slot. */
  afterTyped: Record<string, string>;
  transcript: string[];
}

/** Replay one entry through the web chat API (a server started with BOT_NOW = the entry's now). */
export async function replayEntry(baseUrl: string, e: CorpusEntry): Promise<ReplayOutcome> {
  const start = await postJson(`${baseUrl}/api/chat/sessions`, {});
  if (start.status !== 201) throw new Error(`session: ${start.status}`);
  const sessionId: string = start.json.sessionId;
  const transcript: string[] = [];
  const questions: string[] = [];
  const afterTyped: Record<string, string> = {};
  let replies: any[] = [];
  const send = async (body: Record<string, string>): Promise<void> => {
    transcript.push(`> ${JSON.stringify(body)}`);
    const res = await postJson(`${baseUrl}/api/chat/sessions/${sessionId}/messages`, body);
    if (res.status !== 200) throw new Error(`message: ${res.status} ${res.text}`);
    replies = res.json.replies;
    for (const r of replies) transcript.push(`< ${r.type}${r.slot ? `:${r.slot}` : ""}${r.routeId ? `:${r.routeId}` : ""} ${String(r.text ?? "").slice(0, 60).replace(/\n/g, " ")}`);
  };
  await send({ text: e.say });
  const typedUsed: Record<string, number> = {};
  for (let turn = 0; turn < 12; turn++) {
    const route = replies.find((r) => r.type === "route");
    if (route) return { routeId: route.routeId, questions, afterTyped, transcript };
    const q = [...replies].reverse().find((r) => r.type === "question");
    if (!q) break;
    questions.push(q.slot);
    const slot: string = q.slot;
    const typed = e.typed?.[slot];
    const list = typed === undefined ? [] : Array.isArray(typed) ? typed : [typed];
    const used = typedUsed[slot] ?? 0;
    if (used < list.length) {
      typedUsed[slot] = used + 1;
      await send({ text: list[used] ?? "" });
      if (used === 0) afterTyped[slot] = replies.map((r) => r.text ?? "").join("\n");
    } else if (e.answers?.[slot] !== undefined) await send({ choice: e.answers[slot] });
    else if (q.choices.some((c: { value: string }) => c.value === "unknown")) await send({ choice: "unknown" });
    else await send({ text: "わからない" });
  }
  return { questions, afterTyped, transcript };
}

export interface Verdict {
  routeOk: boolean;
  factsOk: boolean;
  /** No question about a slot the first message already stated, and no more than maxQuestions. */
  questionsOk: boolean;
  /** The typed-answer messages (unreadable, impossible date) are right. */
  repliesOk: boolean;
  fully: boolean;
  problems: string[];
}

/**
 * The verdict on one replayed entry. `lenient`: while an entry is marked `needsFlow` (its right route
 * needs flow12's decide.ts fixes), today's route is accepted too and its questions are not counted.
 */
export function judge(e: CorpusEntry, facts: string[], r: ReplayOutcome, opts: { lenient?: boolean } = {}): Verdict {
  const problems = [...facts];
  const waiting = opts.lenient === true && e.needsFlow === true;
  const routes = [e.route, ...(waiting && e.routeNow ? [e.routeNow] : [])];
  const routeOk = r.routeId !== undefined && routes.includes(r.routeId);
  if (!routeOk) problems.push(`route: want ${routes.join(" or ")}, got ${r.routeId}`);
  const stated = SLOTS.filter((s) => (e.facts as Record<string, unknown>)[s] !== undefined);
  const needless = r.questions.filter((q) => (stated as string[]).includes(q));
  if (!waiting && needless.length > 0) problems.push(`asked again: ${needless.join(",")}`);
  if (!waiting && r.questions.length > e.maxQuestions) problems.push(`questions: ${r.questions.join(",")} > ${e.maxQuestions}`);
  const questionsOk = waiting || (needless.length === 0 && r.questions.length <= e.maxQuestions);
  let repliesOk = true;
  for (const [slot, text] of Object.entries(r.afterTyped)) {
    if (e.unread && !/読み取れませんでした/.test(text)) {
      repliesOk = false;
      problems.push(`after typed ${slot}: want 「読み取れませんでした」, got 「${text.slice(0, 60)}」`);
    }
    if (e.impossibleDate && !/その日付はありません|存在しない日付/.test(text)) {
      repliesOk = false;
      problems.push(`after typed ${slot}: want 「その日付はありません」, got 「${text.slice(0, 60)}」`);
    }
  }
  const factsOk = facts.length === 0;
  return { routeOk, factsOk, questionsOk, repliesOk, fully: routeOk && factsOk && questionsOk && repliesOk, problems };
}
