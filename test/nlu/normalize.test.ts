import { describe, expect, it } from "vitest";
import { normalize } from "../../src/nlu/index.ts";

describe("normalize", () => {
  it("folds full-width ASCII to half-width and lower-cases it", () => {
    expect(normalize("ＨＪＳ０４３２Ｅ")).toBe("hjs0432e");
    expect(normalize("e－Ｔａｘ")).toBe("e-tax");
    expect(normalize("ＡＢＣ")).toBe("abc");
  });

  it("folds katakana (full- and half-width) to hiragana", () => {
    expect(normalize("ｶｰﾄﾞ")).toBe("かーど");
    expect(normalize("カード")).toBe("かーど");
    expect(normalize("ﾛｯｸされました")).toBe("ろっくされました");
    expect(normalize("ﾊﾟｽﾜｰﾄﾞ")).toBe("ぱすわーど");
    expect(normalize("ロック")).toBe(normalize("ろっく"));
  });

  it("unifies dash variants: long vowel after kana, hyphen elsewhere", () => {
    expect(normalize("カ－ド")).toBe("かーど");
    expect(normalize("カ―ド")).toBe("かーど");
    expect(normalize("カ‐ド")).toBe("かーど");
    expect(normalize("0120ー95ー0178")).toBe("0120-95-0178");
    expect(normalize("EI123−2008")).toBe("ei123-2008");
    expect(normalize("2027－03－15")).toBe("2027-03-15");
    expect(normalize("3〜5回")).toBe("3~5回");
  });

  it("turns kanji numerals that count or date into digits", () => {
    expect(normalize("三回間違えた")).toBe("3回間違えた");
    expect(normalize("二十五日")).toBe("25日");
    expect(normalize("十二月")).toBe("12月");
    expect(normalize("五回目")).toBe("5回目");
    expect(normalize("令和九年三月十五日")).toBe("令和9年3月15日");
    expect(normalize("二〇二七年")).toBe("2027年");
    expect(normalize("一度")).toBe("1度");
    expect(normalize("残り二回")).toBe("残り2回");
  });

  it("keeps numerals that are words, and keeps 元年", () => {
    expect(normalize("十分です")).toBe("十分です");
    expect(normalize("同一日")).toBe("同一日");
    expect(normalize("統一")).toBe("統一");
    expect(normalize("令和元年")).toBe("令和元年");
    expect(normalize("一月ほど前")).toBe("1か月ほど前");
  });

  it("collapses whitespace and keeps line breaks as one \\n", () => {
    expect(normalize("  暗証番号　　を \t 忘れた  ")).toBe("暗証番号 を 忘れた");
    expect(normalize("一行目\r\n\r\n  二行目")).toBe("一行目\n二行目");
    expect(normalize("3ヶ月")).toBe("3か月");
    expect(normalize("3ケ月")).toBe("3か月");
  });

  it("survives control characters, lone surrogates and empty input", () => {
    expect(normalize("")).toBe("");
    expect(normalize("\u0000\u0007ロック\u200b")).toBe("ろっく");
    expect(normalize("a\uD800b")).toBe("a\uFFFDb");
    expect(normalize("😀ロック")).toBe("😀ろっく");
    expect(normalize(undefined as unknown as string)).toBe("");
  });
});
