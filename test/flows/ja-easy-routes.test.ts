/**
 * Every route answer in やさしい日本語 (issue 14; facts §11): rendered for several fact sets, it keeps the
 * lead short, links every phone number, ends with the counter sentence and the foreign-language help
 * line, gives readings for its kanji in brackets, keeps its sentences short (a proxy for the guideline's
 * "one idea a sentence"), avoids katakana loanwords where a plain word exists, and says the same numbers,
 * rules and dates as the Japanese answer.
 */
import { describe, expect, it } from "vitest";
import { counterSentence } from "../../flows/certificate-recovery/route-text/counter-sentence.ts";
import { jaEasy, UNTRANSLATED_NOTE } from "../../flows/certificate-recovery/route-text/ja-easy.ts";
import { routeText } from "../../flows/certificate-recovery/route-text/index.ts";
import { buildRoute, detailChoices, detailQuestion, detailReply } from "../../flows/certificate-recovery/routes.ts";
import { ROUTE_IDS, type RouteId } from "../../flows/certificate-recovery/routes-ids.ts";
import { loadCityConfig, SAMPLE_CITY_PATH, type CityConfig } from "../../flows/cities/schema.ts";
import { cityTexts } from "../../flows/cities/text.ts";
import { firstScreen, phonesIn, telUri, type RouteReply } from "../../src/core/reply.ts";
import type { Facts } from "../../src/core/slots.ts";
import { detailIdOf } from "../../flows/certificate-recovery/blocks.ts";
import { phonesWithoutTel } from "../helpers/japanese.ts";
import { CASES, CASES_TODAY } from "../helpers/route-cases.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const FOREIGN_LINE = "0120-0178-27";

/** A city that wrote its free texts in やさしい日本語 too (flows/cities/text.ts picks them). */
const easyCity: CityConfig = {
  ...city,
  // (replaces any variants the sample city carries)
  i18n: {
    "ja-easy": {
      counter: {
        name: "見本市役所（みほんしやくしょ） 1かい 3ばんの 窓口（まどぐち）",
        hoursText: "月曜日（げつようび）から 金曜日（きんようび）の 8:30〜17:15。水曜日（すいようび）は 19:00まで",
        note: "終（お）わる 30分（ぷん）前（まえ）までに 来（き）て ください",
      },
      typicalWait: "30分（ぷん）〜1時間（じかん）ぐらい",
    },
  },
};

/** A city file with no variants at all (every free text in Japanese, with the note). */
const plainCity = loadCityConfig(new URL("../fixtures/cities/handoff-city.json", import.meta.url).pathname);

/** Per route, the realistic fact sets the English route tests use too (test/helpers/route-cases.ts). */

/** Fact sets that reach every branch of the route texts (who goes, which PIN, which dates). */
const FACT_SETS: { name: string; facts: Facts; today: string }[] = [
  { name: "nothing known", facts: {}, today: "2026-11-21" },
  {
    name: "self, signature PIN, dates known",
    facts: {
      applicant: "self",
      symptom: "forgot-pin",
      certificate: "signature",
      wrongAttempts: 2,
      certExpiry: "2027-01-20",
      cardExpiry: "2031-01-01",
      issuedOn: "2026-11-20",
    },
    today: "2026-11-21",
  },
  {
    name: "proxy, user PIN, moved, e-Tax password too, expired certificate",
    facts: { applicant: "proxy", certificate: "user", wrongAttempts: 1, basicInfoChanged: "yes", etaxPassword: true, certExpiry: "2026-10-01", cardExpiry: "2026-11-01" },
    today: "2026-11-21",
  },
  {
    name: "guardian of an adult ward, 住基 PIN",
    facts: { applicant: "legal-representative", noSignatureReason: "adult-ward", otherPin: "jukinet", certificate: "user" },
    today: "2026-11-21",
  },
  {
    name: "parent of a child under 15, both PINs, issued on the day before the year-end closure",
    facts: { applicant: "legal-representative", noSignatureReason: "under-15", bothPins: true, issuedOn: "2026-12-28", certExpiry: "2027-03-15" },
    today: "2026-12-28",
  },
  {
    name: "face-auth card, dates unknown",
    facts: { noSignatureReason: "face-auth-card", certExpiry: "unknown", cardExpiry: "unknown", issuedOn: "unknown" },
    today: "2026-11-21",
  },
];

const KANJI = "\\u4e00-\\u9fff々";
/** A reading: a kanji run, then its hiragana in full-width brackets. */
const READING = new RegExp(`[${KANJI}]+（[ぁ-ゖー]+）`, "g");
/** Katakana loanwords with a plain word (guideline: avoid them). Quoted 「…」 text and city texts are exempt. */
const DENY = ["キャンセル", "リセット", "ロック", "メンテナンス", "スムーズ", "サービス", "エラー", "メッセージ", "チェック", "アクセス", "オンライン", "ログイン", "スマートフォン", "メモ", "トラブル", "サポート"];

/** City texts (any language), longest first, so a check can leave them out: they are the city's words. */
function cityStrings(c: CityConfig): string[] {
  return [...new Set(cityTexts(c).filter((s) => s.length > 3 && !/^https?:/.test(s)))].sort((a, b) => b.length - a.length);
}

/** The resident-facing words of a reply that are ours: lead and sections, without the counter sentence and city texts. */
function ourText(r: RouteReply, routeId: RouteId, facts: Facts, c: CityConfig): string[] {
  const sentence = counterSentence(routeId, facts);
  const untranslatedNote = UNTRANSLATED_NOTE;
  const parts = [r.lead, ...r.sections.flatMap((s) => [s.heading, ...s.items.filter((i) => i !== sentence)])];
  return parts.map((p) => {
    let out = p.split(untranslatedNote).join("");
    for (const s of cityStrings(c)) out = out.split(s).join("◯");
    return out;
  });
}

const withoutReadings = (s: string) => s.replace(new RegExp(`(?<=[${KANJI}])（[ぁ-ゖー]+）`, "g"), "");
const withoutQuotes = (s: string) => s.replace(/「[^」]*」/g, "「」");
const sentencesOf = (s: string) => s.split(/[。\n]/).map((x) => x.trim()).filter(Boolean);

/** Texts with brackets inside brackets (a reading inside a remark is hard to read and to turn into <ruby>). */
function nestedBrackets(texts: readonly string[]): string[] {
  return texts.filter((t) => {
    let depth = 0;
    let max = 0;
    for (const ch of t) {
      if (ch === "（" || ch === "(") max = Math.max(max, ++depth);
      if (ch === "）" || ch === ")") depth -= 1;
    }
    return max > 1;
  });
}

/** What breaks the guideline (facts §11) in our words, one line per problem; empty when none. */
function guidelineProblems(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    // A bracket of hiragana is a reading: right after its kanji.
    for (const m of part.matchAll(/(.?)（([ぁ-ゖー]+)）/g)) {
      if (!new RegExp(`[${KANJI}]`).test(m[1]!)) out.push(`a hiragana bracket that is not a reading: ${m[0]} in ${part}`);
    }
    for (const s of sentencesOf(part)) {
      // A reading once a sentence.
      const readings: string[] = s.match(READING) ?? [];
      const twice = readings.filter((x, i) => readings.indexOf(x) !== i);
      if (twice.length) out.push(`reading twice (${twice.join(", ")}) in: ${s}`);
      // です・ます: no plain-form endings (〜だ。〜である。).
      if (/(だ|である)$/.test(s)) out.push(`plain form: ${s}`);
    }
    // Short sentences (one idea a sentence): at most 60 characters without the readings.
    for (const s of sentencesOf(withoutReadings(part))) if (s.length > 60) out.push(`too long (${s.length}): ${s}`);
    // No katakana loanword where a plain word exists (quoted text is as the resident sees or says it).
    for (const w of DENY) if (withoutQuotes(part).includes(w)) out.push(`loanword ${w}: ${part}`);
    // No double negatives (spaces between words left out).
    if (/ない(?:わけ|こと)(?:では|は)(?:ない|ありません)|なくは(?:ない|ありません)|ないでは(?:ない|ありません)|なくも(?:ない|ありません)/.test(part.replace(/\s+/g, ""))) {
      out.push(`double negative: ${part}`);
    }
  }
  return out;
}

function render(routeId: RouteId, facts: Facts, today: string, c: CityConfig = city): RouteReply {
  return buildRoute(routeId, facts, { city: c, today, locale: "ja-easy" });
}

describe("ja-easy route answers", () => {
  it("routeText('ja-easy') is the やさしい日本語 catalog", () => {
    expect(routeText("ja-easy")).toBe(jaEasy);
    expect(routeText("ja")).not.toBe(jaEasy);
  });

  for (const routeId of ROUTE_IDS) {
    describe(routeId, () => {
      const runs = [
        ...FACT_SETS.map((f) => ({ ...f, city })),
        ...CASES[routeId].map((facts, i) => ({ name: `the English tests' case ${i + 1}: ${JSON.stringify(facts)}`, facts, today: CASES_TODAY, city })),
        ...FACT_SETS.map((f) => ({ ...f, name: `${f.name} (a city without variants)`, city: plainCity })),
      ];
      for (const { name, facts, today, city } of runs) {
        it(`renders for: ${name}`, () => {
          const r = render(routeId, facts, today, city);
          expect(r.routeId).toBe(routeId);
          expect(r.text).not.toMatch(/undefined|NaN|null|\[object/);
          expect(r.text.length).toBeLessThan(5000); // one LINE text message

          // The lead says what happened and the next step, in at most 200 characters.
          expect(r.lead.length).toBeLessThanOrEqual(200);
          // The first screen for a resident going themselves fits a phone (issue 13's 600 characters for
          // Japanese): やさしい日本語 spells words in hiragana with spaces and adds the counter section, so
          // 900 without the readings (on the web page they are ruby above the line).
          if (facts.applicant === undefined || facts.applicant === "self") {
            expect(withoutReadings(firstScreen(r)).length).toBeLessThanOrEqual(900);
          }
          expect(r.lead).toMatch(/(です|ます|ください)/);
          expect(r.lead.endsWith("。")).toBe(true);

          // Every phone number shown has a tel: link.
          const urls = (r.links ?? []).map((l) => l.url);
          for (const phone of phonesIn(r.text)) expect(urls).toContain(telUri(phone));
          expect(phonesWithoutTel(r)).toEqual([]); // (also those the pattern misses: 0120-0178-27)

          // It ends with the counter section: the ordinary-Japanese sentence and the foreign-language line.
          const last = r.sections.at(-1)!;
          expect(last.heading).toBe(jaEasy.showAtCounter!.heading);
          expect(last.detail).toBeUndefined();
          expect(last.items).toContain(counterSentence(routeId, facts));
          expect(last.items.join("\n")).toContain(FOREIGN_LINE);

          // Readings in brackets: at least one in the reply.
          expect(r.text.match(READING)?.length ?? 0).toBeGreaterThan(0);
          // The guideline, on our words (the counter sentence is ordinary Japanese; city texts are the city's).
          const sentence = counterSentence(routeId, facts);
          const shown = [r.title, r.lead, ...r.sections.flatMap((s) => [s.heading, ...s.items.filter((i) => i !== sentence)])];
          expect(nestedBrackets(shown)).toEqual([]);
          expect(guidelineProblems(ourText(r, routeId, facts, city))).toEqual([]);
        });
      }
    });
  }

  it("the guideline checks can fail", () => {
    expect(guidelineProblems(["窓口（まどぐち）で 予約（よやく）を キャンセルして ください。"])).toHaveLength(1);
    expect(guidelineProblems(["4けた（けた）です。"])).toHaveLength(1);
    expect(guidelineProblems(["窓口（まどぐち）か 窓口（まどぐち）です。"])).toHaveLength(1);
    expect(guidelineProblems(["これは 証明書（しょうめいしょ）だ。"])).toHaveLength(1);
    expect(guidelineProblems(["使（つか）えなく ない ことは ありません。"])).toHaveLength(1);
    expect(guidelineProblems([`${"あ".repeat(61)}。`])).toHaveLength(1);
    expect(guidelineProblems(["「JPKI暗証番号リセット」アプリを 入（い）れます。"])).toEqual([]);
    expect(nestedBrackets(["本人確認書類（ほんにんかくにんしょるい）（運転免許証（うんてんめんきょしょう）など）"])).toHaveLength(1);
    expect(nestedBrackets(["運転免許証（うんてんめんきょしょう）など"])).toEqual([]);
  });

  it("links the foreign-language help line (0120-0178-27) with tel: in every answer", () => {
    for (const routeId of ROUTE_IDS) {
      for (const { facts, today } of FACT_SETS) {
        const urls = (render(routeId, facts, today).links ?? []).map((l) => l.url);
        expect(urls, routeId).toContain(telUri(FOREIGN_LINE));
      }
    }
  });

  it("says every number and date the Japanese answer says", () => {
    for (const routeId of ROUTE_IDS) {
      for (const { facts, today } of FACT_SETS) {
        const ja = buildRoute(routeId, facts, { city, today, locale: "ja" });
        const easy = render(routeId, facts, today);
        const numbers = (t: string) => new Set(t.match(/\d+(?:[,:]\d+)*/g) ?? []);
        const easyNumbers = numbers(easy.text);
        // 15歳未満 is said as 14歳まで (the same ages).
        const missing = [...numbers(ja.text)].filter((n) => !easyNumbers.has(n) && !(n === "15" && easyNumbers.has("14")));
        expect(missing, `${routeId}: numbers of the Japanese answer missing in ja-easy`).toEqual([]);
      }
    }
  });

  it("keeps the facts: dates, limits, tries left, the kiosk's hours, the help lines", () => {
    const today = "2026-11-21";
    // §3: renewal opens the day after the date three months before expiry.
    expect(render("certificate-renewal-not-yet", { certExpiry: "2027-04-20" }, today).lead).toContain("2027年1月21日");
    // §4: next day at the earliest; else from the next business day (12/29–1/3 closed).
    const wait = render("wait-after-issuance", { issuedOn: "2026-12-28" }, "2026-12-28").lead;
    expect(wait).toContain("2026年12月29日");
    expect(wait).toContain("2027年1月4日");
    // §5: tries left.
    expect(render("pin-retry-guidance", { certificate: "signature", wrongAttempts: 3 }, today).lead).toMatch(/あと 2回/);
    expect(render("pin-retry-guidance", { certificate: "user", wrongAttempts: 2 }, today).lead).toMatch(/あと 1回/);
    expect(render("pin-retry-guidance", {}, today).lead).toMatch(/5回.*3回/);
    // §1: lock limits.
    const which = render("which-pin", {}, today).text;
    expect(which).toMatch(/5回（かい） つづけて/);
    expect(which).toMatch(/3回（かい） つづけて/);
    expect(which).toContain("6〜16けた");
    // §5: the kiosk: 24 hours to finish, 6:30〜23:00.
    const kiosk = render("pin-reset-kiosk", { certificate: "user" }, today).text;
    expect(kiosk).toContain("24時間（じかん）以内（いない）");
    expect(kiosk).toContain("6:30〜23:00");
    expect(kiosk).toContain("「JPKI暗証番号リセット」アプリ");
    // §8: loss reports at once.
    expect(render("card-lost", {}, today).lead).toContain(city.nationalHelpLine.phone);
    // §7: a proxy's second visit.
    expect(render("pin-reset-counter", { applicant: "proxy" }, today).text).toMatch(/照会書（しょうかいしょ）.*郵便/);
    expect(render("certificate-renewal", { applicant: "proxy" }, today).text).toContain("照会書兼回答書（しょうかいしょけんかいとうしょ）");
    // §9: 「失効」 without a date: revoked or expired, never "expired" alone.
    const revoked = render("certificate-reissue-after-expiry", { symptom: "revoked" } as Facts, today);
    expect(revoked.lead).toContain("失効（しっこう）");
  });

  it("uses the city's やさしい日本語 texts where it has them, and marks the Japanese where it has none", () => {
    const withVariant = render("certificate-renewal", { applicant: "self" }, "2026-11-21", easyCity);
    expect(withVariant.text).toContain("見本市役所（みほんしやくしょ） 1かい 3ばんの 窓口（まどぐち）");
    expect(withVariant.text).toContain(jaEasy.common.wait("30分（ぷん）〜1時間（じかん）ぐらい"));
    const { i18n: _variants, ...plainCity } = city;
    const without = render("certificate-renewal", { applicant: "self" }, "2026-11-21", plainCity);
    expect(without.text).toContain(`${city.counter.name}${UNTRANSLATED_NOTE}`);
    // A text the readings make plain needs no note: 「無料」.
    expect(jaEasy.untranslated("無料")).toBe("無料（むりょう）");
    expect(without.text).toContain("手数料（てすうりょう）：無料（むりょう）");
    expect(without.text).not.toContain(`無料${UNTRANSLATED_NOTE}`);
  });

  it("offers the details in やさしい日本語 and answers each of them", () => {
    const facts: Facts = {};
    const ctx = { city, today: "2026-11-21", locale: "ja-easy" as const };
    for (const routeId of ROUTE_IDS) {
      const q = detailQuestion(routeId, facts, ctx);
      if (q.length) expect(q[0]!.text).toBe(jaEasy.details.question);
      for (const choice of detailChoices(routeId, facts, ctx)) {
        const id = detailIdOf(choice.value)!;
        const r = detailReply(routeId, id, facts, ctx)!;
        expect(r.lead).toBe(`「${r.sections.map((s) => s.heading).join("・")}」に ついて です。`);
        expect(r.lead.length).toBeLessThanOrEqual(200);
        expect(r.sections.at(-1)!.heading).not.toBe(jaEasy.showAtCounter!.heading); // a detail alone, without the counter section
      }
    }
  });
});
