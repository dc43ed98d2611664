/**
 * Issue 14: the words a resident reads outside route answers, one catalog per locale
 * (flows/certificate-recovery/text/*.ts). Every key in every locale; the Japanese byte-identical to what
 * it was before the catalogs (catalogs.ja.snapshot.json); no Japanese in English except terms in
 * brackets; readings for every kanji word in やさしい日本語; every button label within LINE's 20
 * characters; and the renderers (questions, follow-up, feedback, fixed and hand-off messages, detail
 * labels) in en and ja-easy.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DETAIL_IDS, DETAIL_LABELS, detailLabel } from "../../flows/certificate-recovery/blocks.ts";
import { FEEDBACK_MESSAGES, feedbackReplies } from "../../flows/certificate-recovery/feedback.ts";
import { CONTACT_CHOICE, NOT_RESOLVED_CHOICE, RESOLVED_CHOICE, RESTART_CHOICE } from "../../flows/certificate-recovery/machine.ts";
import { handoffMessagesFor, localeChoices, MESSAGES, messagesFor } from "../../flows/certificate-recovery/messages.ts";
import { FOLLOW_UP_SLOT, followUpReply, questionReply, slotChoices } from "../../flows/certificate-recovery/questions.ts";
import { CATALOGS, LOCALE_LABELS } from "../../flows/certificate-recovery/text/index.ts";
import { EN } from "../../flows/certificate-recovery/text/en.ts";
import { JA } from "../../flows/certificate-recovery/text/ja.ts";
import { JA_EASY } from "../../flows/certificate-recovery/text/ja-easy.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { LOCALES, localeOfChoice, type Locale } from "../../src/core/locale.ts";
import type { QuestionReply, Reply } from "../../src/core/reply.ts";
import { SLOTS } from "../../src/core/slots.ts";
import { collectJapanese } from "./catalog-ja-collect.ts";

const TODAY = "2026-11-20";
const city = loadCityConfig(SAMPLE_CITY_PATH);

/** Every leaf of a catalog as `path → string`; a function is called with sample arguments in its locale. */
function leaves(obj: unknown, locale: Locale, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj === "string") out.set(path, obj);
  else if (typeof obj === "function") {
    const fn = obj as (...a: unknown[]) => string;
    if (path.endsWith(".count")) for (const n of [1, 2, 5]) out.set(`${path}(${n})`, fn(n));
    else {
      // The arguments are the city's words and a date: checked here is the catalog's own template.
      const args = locale === "ja" ? ["11月24日（火）8:30", "平日 8:30〜17:15"] : ["Tuesday, November 24, 8:30", "Weekdays 8:30-17:15"];
      out.set(`${path}()`, fn(...args.slice(0, fn.length)));
    }
  } else if (typeof obj === "object" && obj !== null) {
    for (const [k, v] of Object.entries(obj)) for (const [p, s] of leaves(v, locale, path ? `${path}.${k}` : k)) out.set(p, s);
  }
  return out;
}

/** The key paths of a catalog, functions as leaves. */
function keyPaths(obj: unknown, path = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [`${path}:${typeof obj}`];
  return Object.entries(obj).flatMap(([k, v]) => keyPaths(v, path ? `${path}.${k}` : k)).sort();
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fb\u30fc\uff01-\uff60]/u;

/** The Japanese in an English text that is not a term in brackets: what is left outside `( … )`, and brackets mixing Japanese with Latin words. */
function japaneseOutsideTerms(text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    if (JAPANESE.test(m[1]!) && /[A-Za-z]/.test(m[1]!)) problems.push(`mixed bracket: ${m[0]}`);
  }
  const outside = text.replace(/\([^()]*\)/g, "");
  if (JAPANESE.test(outside)) problems.push(`outside brackets: ${outside}`);
  return problems;
}

/** Kanji words without a reading in brackets right after them (やさしい日本語). */
function kanjiWithoutReading(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
    const after = text.slice(m.index! + m[0].length);
    if (!/^（[\p{Script=Hiragana}ー]+）/u.test(after)) out.push(`${m[0]} in ${text}`);
  }
  return out;
}

/** Every button label a locale shows outside route answers. */
function labelsOf(locale: Locale): string[] {
  const c = CATALOGS[locale];
  return [
    ...SLOTS.flatMap((s) => questionReply(s, TODAY, false, undefined, locale).choices.map((ch) => ch.label)),
    ...followUpReply(locale).choices.map((ch) => ch.label),
    c.feedback.talkToPerson,
    c.feedback.startOver,
    ...DETAIL_IDS.map((id) => detailLabel(id, locale)),
    ...localeChoices(locale).map((ch) => ch.label),
  ];
}

describe("the Japanese is what it was (snapshot taken before the catalogs)", () => {
  const snapshot = JSON.parse(readFileSync(new URL("./catalogs.ja.snapshot.json", import.meta.url), "utf8")) as Record<string, unknown>;
  const now = JSON.parse(JSON.stringify(collectJapanese())) as Record<string, Record<string, unknown>>;

  for (const key of Object.keys(snapshot)) {
    it(key, () => {
      if (key === "MESSAGES" || key === "messagesFor" || key === "FEEDBACK_MESSAGES") {
        // These gained keys (below); every key they had reads the same.
        const before = snapshot[key] as Record<string, unknown>;
        expect(Object.fromEntries(Object.keys(before).map((k) => [k, now[key]![k]]))).toEqual(before);
      } else {
        expect(now[key]).toEqual(snapshot[key]);
      }
    });
  }

  it("the only keys added are the language switch's and the feedback's buttons", () => {
    const before = snapshot as Record<string, Record<string, unknown>>;
    const added = (key: string) => Object.keys(now[key]!).filter((k) => !(k in before[key]!));
    expect(added("MESSAGES")).toEqual(["localeSwitched", "languagesAvailable"]);
    expect(added("FEEDBACK_MESSAGES")).toEqual(["talkToPerson", "startOver"]);
    expect(MESSAGES.localeSwitched).toBe("表示する言語を切り替えました。");
    expect(FEEDBACK_MESSAGES.talkToPerson).toBe("担当者と相談する");
    expect(FEEDBACK_MESSAGES.startOver).toBe("最初からやり直す");
  });

  it("ja is the default of every renderer", () => {
    expect(messagesFor("ja")).toBe(MESSAGES);
    expect(detailLabel("proxy")).toBe(DETAIL_LABELS.proxy);
    expect(questionReply("symptom", TODAY)).toEqual(questionReply("symptom", TODAY, false, undefined, "ja"));
    expect(followUpReply()).toEqual(followUpReply("ja"));
  });
});

describe("every locale has every key", () => {
  const reference = keyPaths(JA);
  for (const locale of LOCALES) {
    it(locale, () => {
      expect(keyPaths(CATALOGS[locale])).toEqual(reference);
      for (const [path, text] of leaves(CATALOGS[locale], locale)) expect(text.trim(), path).not.toBe("");
    });
  }

  it("the catalogs are the ones exported per locale", () => {
    expect(CATALOGS).toEqual({ ja: JA, "ja-easy": JA_EASY, en: EN });
  });

  it("a missing key is found (the check can fail)", () => {
    const { details: _details, ...withoutDetails } = EN;
    expect(keyPaths(withoutDetails)).not.toEqual(reference);
    expect(japaneseOutsideTerms("Please go to 市役所.")).toHaveLength(1);
    expect(kanjiWithoutReading("市役所に 行（い）きます")).toEqual(["市役所 in 市役所に 行（い）きます"]);
  });
});

describe("English", () => {
  it("has no Japanese except terms in brackets", () => {
    const problems = [...leaves(EN, "en")].flatMap(([path, text]) => japaneseOutsideTerms(text).map((p) => `${path}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("names the certificates with their Japanese terms, as at the counter (facts §11)", () => {
    expect(EN.questions.text.certificate).toBe(
      "Which password is it?\n• 6–16 letters and numbers: signature certificate (署名用電子証明書), used to file on e-Tax\n• 4 digits: user certificate (利用者証明用電子証明書), used to log in to Mynaportal (マイナポータル), to get certificates at a convenience store, and so on",
    );
    expect(EN.messages.greeting).toContain("My Number Card (マイナンバーカード)");
    expect(EN.messages.piiWarning).toContain("12-digit My Number (個人番号)");
  });
});

describe("やさしい日本語", () => {
  const texts = [...leaves(JA_EASY, "ja-easy")];

  it("gives a reading in brackets for every kanji word", () => {
    expect(texts.flatMap(([path, text]) => kanjiWithoutReading(text).map((p) => `${path}: ${p}`))).toEqual([]);
  });

  it("nests no brackets (a reading is the only bracket inside a note)", () => {
    for (const [path, text] of texts) {
      let depth = 0;
      for (const ch of text) {
        if (ch === "（" || ch === "(") depth += 1;
        if (ch === "）" || ch === ")") depth -= 1;
        expect(depth, path).toBeLessThanOrEqual(1);
      }
    }
  });

  it("says です・ます and uses no double negatives", () => {
    for (const [path, text] of texts) {
      expect(text, path).not.toMatch(/ない(?:わけ|こと)(?:では|は)ない|なくは(?:ない|ありません)|ないでは(?:ない|ありません)/);
      expect(text, path).not.toMatch(/(?:だ|である)。/);
    }
  });

  it("keeps sentences short: at most 60 characters between full stops", () => {
    for (const [path, text] of texts) {
      const plain = text.replace(/（[\p{Script=Hiragana}ー]+）/gu, "");
      for (const sentence of plain.split(/[。？\n]/)) expect([...sentence].length, `${path}: ${sentence}`).toBeLessThanOrEqual(60);
    }
  });
});

describe("labels", () => {
  for (const locale of LOCALES) {
    it(`${locale}: every button label fits a LINE quick reply (≤ 20 characters), ≤ 13 per question`, () => {
      const long = labelsOf(locale).filter((l) => [...l].length > 20);
      expect(long).toEqual([]);
      for (const slot of SLOTS) expect(questionReply(slot, TODAY, false, undefined, locale).choices.length).toBeLessThanOrEqual(13);
    });

    it(`${locale}: the values behind the buttons are the same as in Japanese`, () => {
      for (const slot of SLOTS) {
        expect(slotChoices(slot, locale).map((c) => c.value), slot).toEqual(slotChoices(slot, "ja").map((c) => c.value));
      }
      expect(followUpReply(locale).choices.map((c) => c.value)).toEqual([RESOLVED_CHOICE, NOT_RESOLVED_CHOICE, RESTART_CHOICE, CONTACT_CHOICE]);
    });
  }

  it("the language choices are labelled in their own language, the same in every locale", () => {
    expect(LOCALE_LABELS).toEqual({ en: "English", "ja-easy": "やさしい日本語", ja: "日本語" });
    for (const locale of LOCALES) {
      const choices = localeChoices(locale);
      expect(choices.map((c) => localeOfChoice(c.value))).toEqual(["en", "ja-easy", "ja"].filter((l) => l !== locale));
      for (const c of choices) expect(c.label).toBe(LOCALE_LABELS[localeOfChoice(c.value)!]);
    }
    expect(localeChoices("ja")).toEqual([
      { label: "English", value: "locale:en" },
      { label: "やさしい日本語", value: "locale:ja-easy" },
    ]);
  });
});

describe("rendering in English and やさしい日本語", () => {
  it("questionReply: the catalog's question and labels, the schema's values", () => {
    expect(questionReply("basicInfoChanged", TODAY, false, undefined, "en")).toEqual({
      type: "question",
      slot: "basicInfoChanged",
      text: EN.questions.text.basicInfoChanged,
      input: "choice",
      choices: [
        { label: "Yes", value: "yes" },
        { label: "No", value: "no" },
        { label: "I don't know", value: "unknown" },
      ],
    });
    expect(questionReply("wrongAttempts", TODAY, false, undefined, "en").choices.map((c) => c.label)).toEqual([
      "1 time",
      "2 times",
      "3 times",
      "4 times",
      "5 times",
      "I don't know",
    ]);
    expect(questionReply("wrongAttempts", TODAY, false, undefined, "ja-easy").choices.map((c) => c.label)).toEqual([
      "1かい",
      "2かい",
      "3かい",
      "4かい",
      "5かい",
      "わからない",
    ]);
    expect(questionReply("certificate", TODAY, false, undefined, "ja-easy").text).toBe(JA_EASY.questions.text.certificate);
    expect(questionReply("symptom", TODAY, false, undefined, "en").choices[0]).toEqual({ label: '"Revoked" (失効)', value: "revoked" });
  });

  it("questionReply: today and yesterday with the day's dates", () => {
    expect(questionReply("issuedOn", TODAY, false, undefined, "en").choices).toEqual([
      { label: "Today", value: "2026-11-20" },
      { label: "Yesterday", value: "2026-11-19" },
      { label: "I don't know", value: "unknown" },
    ]);
    expect(questionReply("issuedOn", "2027-01-01", false, undefined, "ja-easy").choices).toEqual([
      { label: "きょう", value: "2027-01-01" },
      { label: "きのう", value: "2026-12-31" },
      { label: "わからない", value: "unknown" },
    ]);
  });

  it("questionReply: the retry prefix in the locale, then the question", () => {
    expect(questionReply("certExpiry", TODAY, true, "noSuchDate", "en").text).toBe(`${EN.questions.retry.noSuchDate}\n${EN.questions.text.certExpiry}`);
    expect(questionReply("symptom", TODAY, true, undefined, "en").text).toBe(`${EN.questions.retry.unread}\n${EN.questions.text.symptom}`);
    expect(questionReply("wrongAttempts", TODAY, true, "ambiguous", "ja-easy").text).toBe(
      `${JA_EASY.questions.retry.ambiguous}\n${JA_EASY.questions.text.wrongAttempts}`,
    );
  });

  it("followUpReply", () => {
    expect(followUpReply("en")).toEqual({
      type: "question",
      slot: FOLLOW_UP_SLOT,
      text: "Did this solve your problem? If you need anything else, just type it.",
      input: "choice",
      choices: [
        { label: "Solved", value: "resolved" },
        { label: "Not solved", value: "not-resolved" },
        { label: "Start over", value: "restart" },
        { label: "Ask the city office", value: "contact" },
      ],
    });
    expect(followUpReply("ja-easy").choices.map((c) => c.label)).toEqual(["かいけつした", "まだ こまって いる", "はじめから やりなおす", "まどぐちに そうだんしたい"]);
  });

  for (const locale of ["en", "ja-easy"] as const) {
    it(`feedbackReplies (${locale}): the catalog's words, the contacts of contact-city, the same values`, () => {
      const words = CATALOGS[locale].feedback;
      const ctx = { city, today: TODAY, facts: {}, canHandOff: true, locale };
      expect(feedbackReplies(true, ctx)).toEqual([{ type: "text", text: words.resolved }]);
      const [text, question] = feedbackReplies(false, ctx) as [Extract<Reply, { type: "text" }>, QuestionReply];
      expect(text.type).toBe("text");
      expect(text.text.startsWith(`${words.notResolved}\n\n■`)).toBe(true);
      expect(text.text).toContain(city.cityHelpDesk.phone);
      if (locale === "en") expect(text.text).not.toMatch(/^・/m);
      expect(question).toEqual({
        type: "question",
        slot: FOLLOW_UP_SLOT,
        text: words.offerPerson,
        input: "choice",
        choices: [
          { label: words.talkToPerson, value: CONTACT_CHOICE },
          { label: words.startOver, value: RESTART_CHOICE },
        ],
      });
      expect((feedbackReplies(false, { ...ctx, canHandOff: false })[1] as QuestionReply).choices).toEqual([{ label: words.startOver, value: RESTART_CHOICE }]);
    });
  }

  it("messagesFor and handoffMessagesFor", () => {
    expect(messagesFor("en").localeSwitched).toBe("Switched to English.");
    expect(messagesFor("ja-easy").localeSwitched).toBe("やさしい にほんごに かえました。");
    expect(messagesFor("en").piiWarning).toBe(EN.messages.piiWarning);
    expect(handoffMessagesFor("en").openedOutsideHours("Tuesday, November 24, 8:30", "Weekdays 8:30-17:15")).toBe(
      "Your question has been passed to a staff member. The desk is closed now, so staff will answer in turn from Tuesday, November 24, 8:30. The answer will come to this chat, so please wait here.\n(Hours: Weekdays 8:30-17:15)",
    );
    expect(handoffMessagesFor("ja-easy").forwarded).toBe(JA_EASY.handoff.forwarded);
    // The message after an unreadable hand-off names the follow-up's button as the locale shows it.
    for (const locale of LOCALES) {
      const contact = followUpReply(locale).choices.find((c) => c.value === CONTACT_CHOICE)!.label;
      expect(handoffMessagesFor(locale).unreadable).toContain(contact);
    }
  });

  it("the greeting's line about the other languages names them", () => {
    expect(messagesFor("ja").languagesAvailable).toMatch(/English.*やさしい日本語/);
    expect(messagesFor("en").languagesAvailable).toMatch(/Japanese \(日本語\).*easy Japanese \(やさしい日本語\)/);
    expect(messagesFor("ja-easy").languagesAvailable).toMatch(/English.*日本語（にほんご）/);
  });

  it("detailLabel", () => {
    expect(detailLabel("proxy", "en")).toBe("If a proxy goes");
    expect(detailLabel("proxy", "ja-easy")).toBe("ほかの 人（ひと）が 行（い）く とき");
    expect(detailLabel("proxy", "ja")).toBe("代理人が行く場合");
  });
});
