/** maskContactDetails: contact details masked in text that is kept, dates and counts left alone. */
import { describe, expect, it } from "vitest";
import { maskContactDetails } from "../../src/nlu/index.ts";

describe("maskContactDetails", () => {
  it.each([
    ["電話は090-1234-5678です", "電話は［電話番号］です"],
    ["03-1234-5678にかけました", "［電話番号］にかけました"],
    ["メールは taro.yamada@example.jp です", "メールは ［メール］ です"],
    ["〒100-0001 東京都千代田区千代田1-1", "［郵便番号］ ［住所］"],
    ["見本市本町二丁目3番4号に住んでいます", "［住所］に住んでいます"],
  ])("masks %s", (text, masked) => {
    expect(maskContactDetails(text)).toBe(masked);
  });

  it.each([
    "有効期限は2027-03-15です",
    "2027/3/15まで",
    "令和9年3月15日に更新しました",
    "4桁の暗証番号を3回間違えました",
    "12月26日に窓口で更新済みです",
    "署名用電子証明書が失効しています",
  ])("leaves %s as it is", (text) => {
    expect(maskContactDetails(text)).toBe(text);
  });
});
