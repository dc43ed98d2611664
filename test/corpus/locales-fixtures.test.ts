/**
 * The locale corpus's labels are right (issue 14): each conversation's route is what decide() answers for
 * the facts it states, the resident answers exactly the questions decide() asks (in order, no more), every
 * date and language-neutral string the answer must state is one the route states (checked on the Japanese
 * rendering of the same facts), and the corpus covers what the issue asks: ≥ 60 English and ≥ 20
 * やさしい日本語 conversations, ≥ 12 routes in English, ≥ 3 language switches, dates in English forms.
 * Pure: no server (the replay is locales.test.ts).
 */
import { describe, expect, it } from "vitest";
import type { Facts } from "../../src/core/slots.ts";
import { decide } from "../../flows/certificate-recovery/decide.ts";
import { buildRoute } from "../../flows/certificate-recovery/routes.ts";
import { ROUTE_IDS } from "../../flows/certificate-recovery/routes-ids.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { cityJapaneseStrings, counterSection, DEFAULT_MAX_QUESTIONS, isSwitchTurn, japaneseOutside, loadLocaleCorpus, missingReadings, nowOf, type LocaleConversation } from "./locales.ts";

const corpus = loadLocaleCorpus();
const en = corpus.filter((c) => c.locale === "en");
const easy = corpus.filter((c) => c.locale === "ja-easy");
const city = loadCityConfig(SAMPLE_CITY_PATH);

/** Walk decide() as a perfect reader would: what the first messages state, then each answer in turn. */
function walk(c: LocaleConversation): { problems: string[]; asked: string[]; routeId?: string } {
  const today = nowOf(c).slice(0, 10);
  const want = (c.expect.facts ?? {}) as Record<string, unknown>;
  const answers = c.turns.filter((t) => t.answers !== undefined);
  const given = new Set(answers.flatMap((t) => t.yields ?? [t.answers!]));
  const facts: Record<string, unknown> = Object.fromEntries(Object.entries(want).filter(([k]) => !given.has(k as keyof Facts)));
  const problems: string[] = [];
  const asked: string[] = [];
  let next = 0;
  for (let i = 0; i < 12; i++) {
    const step = decide(facts as Facts, today);
    if (step.kind === "route") {
      if (next < answers.length) problems.push(`answers left over after ${step.routeId}: ${answers.slice(next).map((t) => t.answers).join(",")}`);
      return { problems, asked, routeId: step.routeId };
    }
    asked.push(step.slot);
    const turn = answers[next++];
    if (!turn || turn.answers !== step.slot) {
      problems.push(`decide() asks ${step.slot}, the next answer is for ${turn?.answers ?? "(none)"}`);
      return { problems, asked };
    }
    for (const k of turn.yields ?? [turn.answers]) {
      if (want[k] === undefined) problems.push(`the answer to ${step.slot} gives ${k}, which expect.facts lacks`);
      facts[k] = want[k];
    }
    if (facts[step.slot] === undefined && !(turn.yields ?? []).length) return { problems: [...problems, `no value for ${step.slot}`], asked };
  }
  return { problems: [...problems, "no route after 12 steps"], asked };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** "March 15, 2027" → "2027年3月15日"; other strings unchanged. */
function asJapanese(s: string): string {
  const m = /^(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})$/.exec(s);
  return m ? `${m[3]}年${MONTHS.indexOf(m[1]!) + 1}月${Number(m[2])}日` : s;
}

describe("locale corpus: size and coverage", () => {
  it("≥ 60 English and ≥ 20 やさしい日本語 conversations, unique ids", () => {
    expect(en.length).toBeGreaterThanOrEqual(60);
    expect(easy.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
  });
  it("English reaches ≥ 12 routes, every route id is a contract id", () => {
    expect(new Set(en.map((c) => c.expect.routeId)).size).toBeGreaterThanOrEqual(12);
    for (const c of corpus) expect(ROUTE_IDS, c.id).toContain(c.expect.routeId);
  });
  it("≥ 3 English switches, each with a switch turn; typed and session conversations too", () => {
    const switches = en.filter((c) => c.how === "switch");
    expect(switches.length).toBeGreaterThanOrEqual(3);
    for (const c of corpus.filter((x) => x.how === "switch")) expect(c.turns.some(isSwitchTurn), c.id).toBe(true);
    expect(en.filter((c) => c.how === "typed").length).toBeGreaterThanOrEqual(10);
    expect(en.filter((c) => c.how === "session").length).toBeGreaterThanOrEqual(10);
    expect(easy.some((c) => c.how === "typed") && easy.some((c) => c.how === "session")).toBe(true);
  });
  it("English answers must state English dates in ≥ 10 conversations", () => {
    const dated = en.filter((c) => c.expect.mustInclude.some((m) => /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(m)));
    expect(dated.length).toBeGreaterThanOrEqual(10);
  });
  it("English turns hold no Japanese after the switch; やさしい日本語 turns are kana-heavy", () => {
    for (const c of en) {
      const from = c.how === "switch" ? c.turns.findIndex(isSwitchTurn) : 0;
      for (const t of c.turns.slice(from)) expect(t.text ?? "", c.id).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
    }
    for (const c of easy) {
      for (const t of c.turns.filter((x) => x.answers !== undefined || (!isSwitchTurn(x) && c.how !== "switch"))) {
        const text = t.text ?? "";
        const kana = (text.match(/\p{Script=Hiragana}/gu) ?? []).length;
        const kanji = (text.match(/\p{Script=Han}/gu) ?? []).length;
        expect(kanji, `${c.id} 「${text}」`).toBeLessThanOrEqual(kana / 5);
      }
    }
  });
});

describe("locale corpus: labels agree with decide()", () => {
  for (const c of corpus) {
    it(`${c.id} → ${c.expect.routeId}`, () => {
      const w = walk(c);
      expect(w.problems).toEqual([]);
      expect(w.routeId).toBe(c.expect.routeId);
      expect(w.asked.length, `asked ${w.asked.join(",")}`).toBeLessThanOrEqual(c.expect.maxQuestions ?? DEFAULT_MAX_QUESTIONS);
    });
  }
});

describe("locale corpus: what the answer must state is what the route states", () => {
  for (const c of corpus) {
    it(`${c.id}: ${c.expect.mustInclude.join(" · ")}`, () => {
      const today = nowOf(c).slice(0, 10);
      const route = buildRoute(c.expect.routeId, (c.expect.facts ?? {}) as Facts, { city, today });
      for (const m of c.expect.mustInclude) expect(route.text, m).toContain(asJapanese(m));
    });
  }
});

describe("locale checks: japaneseOutside, counterSection, missingReadings", () => {
  const route = (text: string, sections: { heading: string; items: string[] }[], links: { label: string; url: string }[] = []) => ({
    type: "route",
    routeId: "card-lost",
    title: "Lost card",
    lead: "Call now.",
    text,
    sections,
    links,
  });
  it("English with Japanese terms in brackets, city strings and the counter section is clean", () => {
    const counter = { heading: "Show this at the counter", items: ["マイナンバーカードをなくしたので、再発行の手続きをお願いします。"] };
    const r = route(
      `Lost card\n\nCall now.\n\n■Where\n・${city.counter.name}\n・Hours: ${city.counter.hoursText}\n・Your My Number Card (マイナンバーカード), a 「暗証番号設定控」\n\n■${counter.heading}\n・${counter.items[0]}\n・Help in English: 0120-0178-27`,
      [{ heading: "Where", items: [city.counter.name] }, counter],
    );
    expect(counterSection(r)).toEqual(counter);
    expect(japaneseOutside(r)).toEqual([]);
  });
  it("Japanese outside brackets is reported, in texts, questions, choice labels and link labels", () => {
    expect(japaneseOutside({ type: "text", text: "Please bring the 本人確認書類 to the counter." })).toEqual(["本人確認書類"]);
    expect(japaneseOutside({ type: "question", slot: "certificate", text: "Which PIN?", choices: [{ label: "4桁", value: "user" }, { label: "日本語", value: "locale:ja" }] })).toEqual(["桁"]);
    const r = route("Lost\n\n■A\n・ok", [{ heading: "A", items: ["ok"] }], [{ label: "0120-95-0178に電話", url: "tel:0120950178" }]);
    expect(japaneseOutside(r)).toEqual(["に電話"]);
    expect(counterSection(r)).toBeUndefined();
  });
  it("the city's strings allowed: the Japanese originals and the locale's own variants, not another locale's", () => {
    const c = { name: "見本市", counter: { hoursText: "平日 8:30〜17:15", phone: "0120-000-111" }, i18n: { en: { name: "Mihon (見本市役所)" }, "ja-easy": { name: "みほんし" } } };
    expect(cityJapaneseStrings("en", c).sort()).toEqual(["Mihon (見本市役所)", "平日 8:30〜17:15", "見本市"].sort());
    expect(cityJapaneseStrings("ja-easy", c)).toContain("みほんし");
    expect(cityJapaneseStrings("en", c)).not.toContain("みほんし");
  });
  it("a counter sentence may be quoted: 「…。」", () => {
    const counter = { heading: "Show this to the staff", items: ["「引っ越しで署名用電子証明書が失効しました。発行をお願いします。」"] };
    expect(counterSection(route("x", [{ heading: "Where", items: ["City Hall"] }, counter]))).toEqual(counter);
  });
  it("only the counter section is left out: Japanese elsewhere in a route is still reported", () => {
    const counter = { heading: "For the clerk", items: ["カードをなくしました。再発行をお願いします。"] };
    const r = route(`T\n\n■Bring\n・運転免許証\n\n■${counter.heading}\n・${counter.items[0]}`, [{ heading: "Bring", items: ["運転免許証"] }, counter]);
    expect(japaneseOutside(r)).toEqual(["運転免許証"]);
  });
  it("やさしい日本語 needs readings in every reply with kanji; the counter sentence is ordinary Japanese", () => {
    expect(missingReadings({ type: "text", text: "暗証番号（あんしょうばんごう）を 忘（わす）れましたか。" })).toEqual([]);
    expect(missingReadings({ type: "text", text: "はい か いいえ を えらんで ください。" })).toEqual([]);
    expect(missingReadings({ type: "text", text: "暗証番号を忘れましたか。" })).toHaveLength(1);
    const counter = { heading: "窓口（まどぐち）で 見（み）せて ください", items: ["暗証番号を忘れたので、再設定をお願いします。"] };
    const r = route(`【暗証番号（あんしょうばんごう）】\n\n■${counter.heading}\n・${counter.items[0]}`, [counter]);
    expect(counterSection(r, { plain: true })).toEqual(counter);
    expect(missingReadings(r)).toEqual([]);
  });
});
