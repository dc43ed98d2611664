/** localeRequest's quick test (a text that names no language is no request) keeps every written form. */
import { describe, expect, it } from "vitest";
import { localeRequest } from "../../src/nlu/locale.ts";

describe("localeRequest: the names of a language in every width and case", () => {
  it.each([
    ["ＥＮＧＬＩＳＨ", "en"],
    ["Ｅｎｇｌｉｓｈ　ｐｌｅａｓｅ", "en"],
    ["ENGLISH PLEASE", "en"],
    ["ｴｲｺﾞ", "en"],
    ["英語でお願いします", "en"],
    ["ﾆﾎﾝｺﾞ", "ja"],
    ["JAPANESE", "ja"],
    ["ｊａｐａｎｅｓｅ", "ja"],
    ["やさしいニホンゴ", "ja-easy"],
    ["Easy Japanese please", "ja-easy"],
    ["English please 🙏", "en"],
  ] as const)("%s → %s", (text, locale) => {
    expect(localeRequest(text)).toBe(locale);
  });

  it.each(["署名用の暗証番号を忘れました", "my pin is locked", "はい", "3回", "I forgot my password", ""])("%s is no request", (text) => {
    expect(localeRequest(text)).toBeUndefined();
  });
});
