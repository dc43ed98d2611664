/** The page's reading splitter (public/ruby.js, issue 14): 「漢字（かんじ）」 → ruby pieces, the rest as text. */
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

const source = readFileSync(new URL("../../../src/channels/web/public/ruby.js", import.meta.url), "utf8");
const sandbox: { McrRuby?: { segments(text: string): (string | { base: string; reading: string })[] } } = {};
runInNewContext(source, { globalThis: sandbox });
const segments = (text: string) => JSON.parse(JSON.stringify(sandbox.McrRuby!.segments(text)));

describe("ruby.js segments", () => {
  it("a kanji run with its reading in full-width brackets becomes a ruby piece", () => {
    expect(segments("市役所（しやくしょ）に 行（い）きます。")).toEqual([
      { base: "市役所", reading: "しやくしょ" },
      "に ",
      { base: "行", reading: "い" },
      "きます。",
    ]);
    expect(segments("暗証番号（あんしょうばんごう）")).toEqual([{ base: "暗証番号", reading: "あんしょうばんごう" }]);
    expect(segments("人々（ひとびと）")).toEqual([{ base: "人々", reading: "ひとびと" }]);
  });

  it("only the kanji right before the bracket: okurigana, katakana and digits stay text", () => {
    expect(segments("申し込み（もうしこみ）")).toEqual(["申し込み（もうしこみ）"]);
    expect(segments("新しい市役所（しやくしょ）")).toEqual(["新しい", { base: "市役所", reading: "しやくしょ" }]);
    expect(segments("マイナンバー（12けた）")).toEqual(["マイナンバー（12けた）"]);
  });

  it("brackets that are not a reading stay as they are", () => {
    expect(segments("署名用電子証明書（6〜16桁）")).toEqual(["署名用電子証明書（6〜16桁）"]);
    expect(segments("窓口（カウンター）")).toEqual(["窓口（カウンター）"]);
    expect(segments("市役所(しやくしょ)")).toEqual(["市役所(しやくしょ)"]);
    expect(segments("signature certificate (署名用電子証明書)")).toEqual(["signature certificate (署名用電子証明書)"]);
    expect(segments("")).toEqual([]);
  });
});
