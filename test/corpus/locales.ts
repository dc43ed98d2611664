/**
 * The locale corpus of issue 14 (test/fixtures/corpus/locales/*.jsonl): conversations of residents who
 * write English or やさしい日本語, replayed over HTTP against the web chat API, and the verdict on each.
 * Used by locales.test.ts (the replay), locales-fixtures.test.ts (the labels agree with decide()) and the
 * measuring script (`npm run corpus:measure:locales`).
 *
 * A conversation: how the locale is chosen (`session`: `POST /api/chat/sessions {"locale"}`; `typed`: no
 * locale at creation, the resident's first message chooses it; `switch`: starts in Japanese and the resident
 * types 「English」/「やさしい日本語」 or taps `locale:…`), the resident's turns in order, and what must come
 * out: the route, the facts the bot must have read (its stored state), what the route answer must state.
 *
 * The replay sends the first turn, then the next turn while the bot has not answered with a route (each
 * turn answers the question the bot has open). It stops at the first route.
 */
import { readdirSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import type { RunningServer } from "../../src/main.ts";
import type { Facts, Slot } from "../../src/core/slots.ts";
import { localeOfChoice } from "../../src/core/locale.ts";
import { localeRequest } from "../../src/nlu/locale.ts";
import type { RouteId } from "../../flows/certificate-recovery/routes-ids.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { postJson } from "../helpers/server.ts";

export const LOCALE_CORPUS_NOW = "2026-11-21T10:00:00+09:00";
export const DEFAULT_MAX_QUESTIONS = 4;
/** The foreign-language help line (facts §8): in every `en` and `ja-easy` route answer. */
export const FOREIGN_HELP_LINE = "0120-0178-27";

export type CorpusLocale = "en" | "ja-easy";

export interface LocaleTurn {
  text?: string;
  choice?: string;
  /**
   * The question this turn answers (fixture check only: locales-fixtures.test.ts walks decide() with it).
   * Unset on the first message and on a language switch.
   */
  answers?: Slot;
  /** The facts of `expect.facts` this answer gives, when not (only) its slot: "both" → `bothPins`. */
  yields?: (keyof Facts)[];
}

export interface LocaleConversation {
  id: string;
  locale: CorpusLocale;
  how: "session" | "typed" | "switch";
  /** BOT_NOW of the server (default LOCALE_CORPUS_NOW). */
  now?: string;
  turns: LocaleTurn[];
  expect: {
    routeId: RouteId;
    /** Facts the bot must have read (its stored state after the last turn). */
    facts?: Partial<Facts>;
    /** Strings the route answer's `text` must contain (language-neutral or format-fixed). */
    mustInclude: string[];
    maxQuestions?: number;
  };
}

export function loadLocaleCorpus(): LocaleConversation[] {
  const dir = new URL("../fixtures/corpus/locales/", import.meta.url);
  const out: LocaleConversation[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort()) {
    const lines = readFileSync(new URL(name, dir), "utf8").split("\n").filter((l) => l.trim() !== "");
    for (const l of lines) out.push(JSON.parse(l) as LocaleConversation);
  }
  return out;
}

export const nowOf = (c: LocaleConversation): string => c.now ?? LOCALE_CORPUS_NOW;

/** A turn that asks for another language (typed 「English」 or a tapped `locale:…`). */
export function isSwitchTurn(t: LocaleTurn): boolean {
  if (t.choice !== undefined) return localeOfChoice(t.choice) !== undefined;
  return t.text !== undefined && localeRequest(t.text) !== undefined;
}

/** Question slots that are not the diagnosis: the route's detail menu and the follow-up. */
const AFTER_ROUTE_SLOTS = new Set(["detail", "followUp"]);

// ---------------------------------------------------------------------------------------------------
// Text checks
// ---------------------------------------------------------------------------------------------------

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー々〆〇]/u;
const JAPANESE_G = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー々〆〇]+/gu;
/** A reading in brackets right after a kanji word: 市役所（しやくしょ）. */
const READING = /[\p{Script=Han}々〇][\p{Script=Han}々〇]*（[\p{Script=Hiragana}ー・ ]+）/u;
const READING_G = /（[\p{Script=Hiragana}ー・ ]+）/gu;

/**
 * The city file's strings that hold Japanese and may be shown as written (names, addresses, hours, notes,
 * fees): the Japanese originals, plus the city's own variants for `locale` (`i18n[locale]`) — never another
 * locale's variants (an `en` reply may not show the やさしい日本語 variant).
 */
export function cityJapaneseStrings(locale: CorpusLocale, city: unknown = loadCityConfig(SAMPLE_CITY_PATH)): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (JAPANESE.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "i18n") walk(x);
  };
  walk(city);
  const variants = (city as { i18n?: Record<string, unknown> } | undefined)?.i18n?.[locale];
  walk(variants);
  return [...out].sort((a, b) => b.length - a.length);
}

const cityStringsCache = new Map<CorpusLocale, string[]>();
function cityStrings(locale: CorpusLocale): string[] {
  let s = cityStringsCache.get(locale);
  if (!s) cityStringsCache.set(locale, (s = cityJapaneseStrings(locale)));
  return s;
}

function stripCity(text: string, strings: string[]): string {
  let t = text;
  for (const s of strings) t = t.split(s).join(" ");
  return t;
}

/** Remove bracketed contents — （…）, (…), 「…」, 『…』 — innermost first. */
export function stripBrackets(text: string): string {
  let t = text;
  for (;;) {
    const next = t.replace(/（[^（）()]*）|\([^（）()]*\)|「[^「」]*」|『[^『』]*』/gu, " ");
    if (next === t) return t;
    t = next;
  }
}

/** やさしい日本語's readings removed: 市役所（しやくしょ） → 市役所. */
export const stripReadings = (text: string): string => text.replace(READING_G, "");

/** An ordinary Japanese sentence ending in 。 (the counter sentence): mostly Japanese, not a fragment. */
export function isJapaneseSentence(line: string, opts: { plain?: boolean } = {}): boolean {
  const t = line.trim().replace(/^[・\-•*\s]+/u, "");
  if (!/。[」』"”）)\s]*$/u.test(t)) return false;
  if (opts.plain && READING.test(t)) return false; // ordinary Japanese carries no reading brackets
  const jp = (t.match(JAPANESE_G) ?? []).join("").length;
  const all = t.replace(/[\s。、，．,.「」（）()]/gu, "").length;
  return jp >= 8 && jp / Math.max(all, 1) >= 0.6;
}

type AnyReply = Record<string, any>;

/**
 * The route's counter section: the last section holding an ordinary Japanese sentence ending in 。
 * (the sentence the resident shows the clerk). `plain`: the sentence must carry no reading brackets
 * (やさしい日本語 answers: the counter sentence is ordinary Japanese).
 */
export function counterSection(route: AnyReply, opts: { plain?: boolean } = {}): { heading: string; items: string[] } | undefined {
  const sections: { heading: string; items: string[] }[] = Array.isArray(route.sections) ? route.sections : [];
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]!;
    if ((s.items ?? []).some((it) => isJapaneseSentence(it, opts))) return s;
  }
  return undefined;
}

/** The texts a resident reads in one reply (question text and labels, route title/lead/text, link labels). */
function readTexts(reply: AnyReply): string[] {
  const out: string[] = [];
  if (typeof reply.text === "string") out.push(reply.text);
  if (reply.type === "route") {
    if (typeof reply.title === "string") out.push(reply.title);
    if (typeof reply.lead === "string") out.push(reply.lead);
    for (const l of reply.links ?? []) if (typeof l.label === "string") out.push(l.label);
  }
  if (reply.type === "question") {
    for (const c of reply.choices ?? []) {
      // A language picker shows each language in its own script (日本語, やさしい日本語).
      if (typeof c.value === "string" && localeOfChoice(c.value) !== undefined) continue;
      if (typeof c.label === "string") out.push(c.label);
    }
  }
  return out;
}

/**
 * Japanese in an `en` reply outside what may be Japanese: bracketed terms （…）/(…)/「…」, the city file's
 * strings, and a route's counter section (its Japanese sentence for the clerk). Each remaining run of
 * Hiragana/Katakana/Han is returned (once); empty means clean.
 */
export function japaneseOutside(reply: AnyReply, city: string[] = cityStrings("en")): string[] {
  let texts = readTexts(reply);
  if (reply.type === "route") {
    const counter = counterSection(reply);
    if (counter) {
      const parts = [counter.heading, ...counter.items].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
      texts = texts.map((t) => parts.reduce((acc, p) => acc.split(p).join(" "), t));
    }
  }
  const leaks: string[] = [];
  for (const t of texts) {
    const rest = stripBrackets(stripCity(t, city));
    for (const m of rest.matchAll(JAPANESE_G)) leaks.push(m[0]);
  }
  return [...new Set(leaks)];
}

/**
 * A やさしい日本語 reply must give readings: every reply text holding kanji (outside the city file's
 * strings) carries at least one reading in brackets, 漢字（かんじ）. For a route, its counter section
 * (ordinary Japanese for the clerk) is left out.
 */
export function missingReadings(reply: AnyReply, city: string[] = cityStrings("ja-easy")): string[] {
  const out: string[] = [];
  const texts: string[] = [];
  if (reply.type === "route") {
    const counter = counterSection(reply, { plain: true });
    const parts = counter ? [counter.heading, ...counter.items].filter((s) => s.length > 0).sort((a, b) => b.length - a.length) : [];
    texts.push(parts.reduce((acc, p) => acc.split(p).join(" "), String(reply.text ?? "")));
  } else if (typeof reply.text === "string") texts.push(reply.text);
  for (const t of texts) {
    const rest = stripCity(t, city);
    if (/\p{Script=Han}/u.test(rest) && !READING.test(rest)) out.push(rest.slice(0, 60).replace(/\n/g, " "));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Replay
// ---------------------------------------------------------------------------------------------------

export interface LocaleOutcome {
  routeId?: string;
  route?: AnyReply;
  /** Question slots the bot asked after the resident's turns (a re-ask after a language switch excluded). */
  questions: string[];
  /** A slot asked again after it had been asked (not counting the re-ask after a switch). */
  askedAgain: string[];
  /** Replies the resident reads in the conversation's locale (from the greeting, the switch or the first message). */
  inLocale: AnyReply[];
  facts: Record<string, unknown>;
  locale: unknown;
  /** Set when the bot still had a question open and no turn was left. */
  unanswered?: string;
  transcript: string[];
}

export async function replayLocale(server: Pick<RunningServer, "url" | "store">, c: LocaleConversation): Promise<LocaleOutcome> {
  const base = server.url;
  const start = await postJson(`${base}/api/chat/sessions`, c.how === "session" ? { locale: c.locale } : {});
  if (start.status !== 201) throw new Error(`session: ${start.status} ${start.text}`);
  const sessionId: string = start.json.sessionId;
  const transcript: string[] = [];
  const inLocale: AnyReply[] = [];
  const questions: string[] = [];
  const askedAgain: string[] = [];
  const asked = new Set<string>();
  const log = (replies: AnyReply[]) => {
    for (const r of replies) {
      transcript.push(`< ${r.type}${r.slot ? `:${r.slot}` : ""}${r.routeId ? `:${r.routeId}` : ""} ${String(r.text ?? "").slice(0, 80).replace(/\n/g, " ")}`);
    }
  };
  let replies: AnyReply[] = start.json.replies ?? [];
  log(replies);
  // The locale is in force from the greeting (session), else from the switch, else from the first message.
  const switchAt = c.turns.findIndex(isSwitchTurn);
  const localeFrom = c.how === "session" ? -1 : switchAt >= 0 ? switchAt : 0;
  if (localeFrom === -1) inLocale.push(...replies);

  let route: AnyReply | undefined;
  let unanswered: string | undefined;
  for (let i = 0; i < c.turns.length; i++) {
    const turn = c.turns[i]!;
    const body = turn.choice !== undefined ? { choice: turn.choice } : { text: turn.text ?? "" };
    transcript.push(`> ${JSON.stringify(body)}`);
    const res = await postJson(`${base}/api/chat/sessions/${sessionId}/messages`, body);
    if (res.status !== 200) throw new Error(`message: ${res.status} ${res.text}`);
    replies = res.json.replies ?? [];
    log(replies);
    if (i >= localeFrom) inLocale.push(...replies);
    route = replies.find((r) => r.type === "route");
    const switching = isSwitchTurn(turn);
    for (const r of replies) {
      if (r.type !== "question" || AFTER_ROUTE_SLOTS.has(r.slot)) continue;
      if (switching) continue; // the open question again, in the new language
      questions.push(r.slot);
      if (asked.has(r.slot)) askedAgain.push(r.slot);
      asked.add(r.slot);
    }
    if (route) break;
  }
  if (!route) {
    const q = [...replies].reverse().find((r) => r.type === "question" && !AFTER_ROUTE_SLOTS.has(r.slot));
    unanswered = q ? String(q.slot) : "(no question, no route)";
  }
  const stored = (await server.store.get(`web:${sessionId}`)) as { snapshot?: any; meta?: Record<string, unknown> } | undefined;
  return {
    ...(route ? { routeId: String(route.routeId), route } : {}),
    questions,
    askedAgain,
    inLocale,
    facts: (stored?.snapshot?.context?.facts ?? {}) as Record<string, unknown>,
    locale: stored?.meta?.locale,
    ...(unanswered ? { unanswered } : {}),
    transcript,
  };
}

// ---------------------------------------------------------------------------------------------------
// Verdict
// ---------------------------------------------------------------------------------------------------

export interface LocaleVerdict {
  routeOk: boolean;
  factsOk: boolean;
  includeOk: boolean;
  /** en: no Japanese outside brackets, the counter section and the city's strings, in any reply. */
  leakOk: boolean;
  /** The route answer has the counter sentence and the foreign-language help line. */
  counterOk: boolean;
  /** ja-easy: readings in brackets in every reply with kanji. */
  readingsOk: boolean;
  questionsOk: boolean;
  localeOk: boolean;
  fully: boolean;
  problems: string[];
}

export function judgeLocale(c: LocaleConversation, r: LocaleOutcome): LocaleVerdict {
  const problems: string[] = [];
  const want = c.expect;

  const routeOk = r.routeId === want.routeId;
  if (!routeOk) problems.push(`route: want ${want.routeId}, got ${r.routeId ?? `none${r.unanswered ? ` (open question ${r.unanswered}, no turn left)` : ""}`}`);

  let factsOk = true;
  for (const [k, v] of Object.entries(want.facts ?? {})) {
    if (!isDeepStrictEqual(r.facts[k], v)) {
      factsOk = false;
      problems.push(`fact ${k}: want ${JSON.stringify(v)}, got ${JSON.stringify(r.facts[k])}`);
    }
  }

  const routeText = String(r.route?.text ?? "");
  const comparable = c.locale === "ja-easy" ? stripReadings(routeText) : routeText;
  let includeOk = r.route !== undefined;
  for (const m of want.mustInclude) {
    if (!comparable.includes(m)) {
      includeOk = false;
      problems.push(`route text lacks ${JSON.stringify(m)}`);
    }
  }

  let leakOk = true;
  if (c.locale === "en") {
    for (const reply of r.inLocale) {
      const leaks = japaneseOutside(reply);
      if (leaks.length > 0) {
        leakOk = false;
        problems.push(`Japanese in an en ${reply.type}${reply.slot ? `:${reply.slot}` : ""}: ${leaks.slice(0, 3).map((l) => `«${l}»`).join(" ")}${leaks.length > 3 ? ` (+${leaks.length - 3})` : ""}`);
      }
    }
  }

  let counterOk = r.route !== undefined;
  if (r.route) {
    if (!routeText.includes(FOREIGN_HELP_LINE)) {
      counterOk = false;
      problems.push(`route text lacks the foreign-language help line ${FOREIGN_HELP_LINE}`);
    }
    if (!counterSection(r.route, { plain: c.locale === "ja-easy" })) {
      counterOk = false;
      problems.push("route has no section with a Japanese sentence for the counter (ordinary Japanese ending in 。)");
    }
  }

  let readingsOk = true;
  if (c.locale === "ja-easy") {
    for (const reply of r.inLocale) {
      for (const m of missingReadings(reply)) {
        readingsOk = false;
        problems.push(`ja-easy ${reply.type}${reply.slot ? `:${reply.slot}` : ""} has kanji but no reading in brackets: «${m}»`);
      }
    }
  }

  const max = want.maxQuestions ?? DEFAULT_MAX_QUESTIONS;
  let questionsOk = true;
  if (r.questions.length > max) {
    questionsOk = false;
    problems.push(`questions: ${r.questions.join(",")} (${r.questions.length} > ${max})`);
  }
  if (r.askedAgain.length > 0) {
    questionsOk = false;
    problems.push(`asked again (the answer was not read): ${r.askedAgain.join(",")}`);
  }

  const localeOk = r.locale === c.locale;
  if (!localeOk) problems.push(`stored locale: want ${c.locale}, got ${JSON.stringify(r.locale)}`);

  const fully = routeOk && factsOk && includeOk && leakOk && counterOk && readingsOk && questionsOk && localeOk;
  return { routeOk, factsOk, includeOk, leakOk, counterOk, readingsOk, questionsOk, localeOk, fully, problems };
}
