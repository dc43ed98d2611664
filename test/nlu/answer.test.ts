import { describe, expect, it } from "vitest";
import { SLOTS, type Slot } from "../../src/core/slots.ts";
import { parseAnswer } from "../../src/nlu/index.ts";

const today = "2026-11-21";
const a = (slot: Slot, text: string, facts?: Parameters<typeof parseAnswer>[2]["facts"]) =>
  parseAnswer(slot, text, { today, facts });

describe("parseAnswer", () => {
  it("symptom", () => {
    expect(a("symptom", "ロックされました")).toBe("locked");
    expect(a("symptom", "失効と出る")).toBe("revoked");
    expect(a("symptom", "暗証番号を忘れた")).toBe("forgot-pin");
    expect(a("symptom", "その他")).toBe("other");
    expect(a("symptom", "こんにちは")).toBeUndefined();
  });

  it("certificate", () => {
    expect(a("certificate", "署名用")).toBe("signature");
    expect(a("certificate", "6桁以上のほう")).toBe("signature");
    expect(a("certificate", "英数字")).toBe("signature");
    expect(a("certificate", "利用者証明用です")).toBe("user");
    expect(a("certificate", "４桁")).toBe("user");
    expect(a("certificate", "わからない")).toBe("unknown");
    expect(a("certificate", "両方")).toBeUndefined();
    expect(a("certificate", "e-Taxで使うほう")).toBe("signature");
    expect(a("certificate", "マイナポータルのほう")).toBe("user");
    expect(a("certificate", "パスワードの方")).toBe("signature");
  });

  it("basicInfoChanged", () => {
    expect(a("basicInfoChanged", "はい")).toBe("yes");
    expect(a("basicInfoChanged", "はい、引っ越しました")).toBe("yes");
    expect(a("basicInfoChanged", "結婚しました")).toBe("yes");
    expect(a("basicInfoChanged", "いいえ")).toBe("no");
    expect(a("basicInfoChanged", "していない")).toBe("no");
    expect(a("basicInfoChanged", "住所は変わっていません")).toBe("no");
    expect(a("basicInfoChanged", "わからない")).toBe("unknown");
    expect(a("basicInfoChanged", "覚えていない")).toBe("unknown");
    expect(a("basicInfoChanged", "引っ越しはしてないけど結婚はした")).toBe("yes");
    expect(a("basicInfoChanged", "特にないです")).toBe("no");
  });

  it("wrongAttempts", () => {
    expect(a("wrongAttempts", "2回です")).toBe(2);
    expect(a("wrongAttempts", "２回")).toBe(2);
    expect(a("wrongAttempts", "二回")).toBe(2);
    expect(a("wrongAttempts", "2")).toBe(2);
    expect(a("wrongAttempts", "二")).toBe(2);
    expect(a("wrongAttempts", "一度")).toBe(1);
    expect(a("wrongAttempts", "0")).toBe(0);
    expect(a("wrongAttempts", "まだ一度も間違えていない")).toBe(0);
    expect(a("wrongAttempts", "10回")).toBe(5);
    expect(a("wrongAttempts", "わからない")).toBe("unknown");
    expect(a("wrongAttempts", "残り2回", { certificate: "user" })).toBe(1);
    expect(a("wrongAttempts", "残り2回", { certificate: "signature" })).toBe(3);
    expect(a("wrongAttempts", "残り2回")).toBeUndefined();
    expect(a("wrongAttempts", "1234")).toBeUndefined();
    expect(a("wrongAttempts", "2回か3回")).toBe(3);
    expect(a("wrongAttempts", "ないです")).toBe(0);
  });

  it("signaturePinKnown / userPinKnown", () => {
    expect(a("signaturePinKnown", "覚えています")).toBe("yes");
    expect(a("signaturePinKnown", "はい")).toBe("yes");
    expect(a("signaturePinKnown", "わからない")).toBe("no");
    expect(a("signaturePinKnown", "覚えていない")).toBe("no");
    expect(a("userPinKnown", "わかります")).toBe("yes");
    expect(a("userPinKnown", "忘れた")).toBe("no");
    expect(a("userPinKnown", "いいえ")).toBe("no");
    expect(a("userPinKnown", "忘れていません")).toBe("yes");
    expect(a("signaturePinKnown", "たぶん覚えてる")).toBe("yes");
  });

  it("nfcSmartphone", () => {
    expect(a("nfcSmartphone", "持っています")).toBe("yes");
    expect(a("nfcSmartphone", "iPhoneです")).toBe("yes");
    expect(a("nfcSmartphone", "うん")).toBe("yes");
    expect(a("nfcSmartphone", "持っていない")).toBe("no");
    expect(a("nfcSmartphone", "ガラケーです")).toBe("no");
    expect(a("nfcSmartphone", "わかんない")).toBe("unknown");
    expect(a("nfcSmartphone", "?")).toBe("unknown");
    expect(a("nfcSmartphone", "スマホはあるけど古い")).toBe("unknown");
    expect(a("nfcSmartphone", "NFC対応してるかわからない")).toBe("unknown");
  });

  it("dates", () => {
    expect(a("certExpiry", "令和9年3月15日")).toBe("2027-03-15");
    expect(a("certExpiry", "2027年4月20日")).toBe("2027-04-20");
    expect(a("certExpiry", "R9.3.15です")).toBe("2027-03-15");
    expect(a("certExpiry", "来年2月")).toBeUndefined();
    expect(a("certExpiry", "わからない")).toBe("unknown");
    expect(a("cardExpiry", "2030/5/10")).toBe("2030-05-10");
    expect(a("cardExpiry", "不明")).toBe("unknown");
    expect(a("issuedOn", "今日")).toBe("2026-11-21");
    expect(a("issuedOn", "昨日です")).toBe("2026-11-20");
    expect(a("issuedOn", "11月15日")).toBe("2026-11-15");
    expect(a("issuedOn", "はい")).toBeUndefined();
  });

  it("applicant", () => {
    expect(a("applicant", "本人")).toBe("self");
    expect(a("applicant", "自分です")).toBe("self");
    expect(a("applicant", "代理")).toBe("proxy");
    expect(a("applicant", "家族です")).toBe("proxy");
    expect(a("applicant", "母の代わりです")).toBe("proxy");
    expect(a("applicant", "後見人")).toBe("legal-representative");
    expect(a("applicant", "法定代理人です")).toBe("legal-representative");
    expect(a("applicant", "親です")).toBe("legal-representative");
    expect(a("applicant", "妻です")).toBe("proxy");
    expect(a("applicant", "子どもの手続きです")).toBe("legal-representative");
  });

  it("foreignResident", () => {
    expect(a("foreignResident", "はい")).toBe("yes");
    expect(a("foreignResident", "外国人です")).toBe("yes");
    expect(a("foreignResident", "いいえ")).toBe("no");
    expect(a("foreignResident", "日本人です")).toBe("no");
    expect(a("foreignResident", "外国人ではありません")).toBe("no");
  });

  it("noSignatureReason", () => {
    expect(a("noSignatureReason", "15歳未満")).toBe("under-15");
    expect(a("noSignatureReason", "中学生です")).toBe("under-15");
    expect(a("noSignatureReason", "成年被後見人")).toBe("adult-ward");
    expect(a("noSignatureReason", "顔認証カード")).toBe("face-auth-card");
    expect(a("noSignatureReason", "わからない")).toBe("unknown");
  });

  it("a typed choice value maps to itself", () => {
    expect(a("certificate", "signature")).toBe("signature");
    expect(a("applicant", "legal-representative")).toBe("legal-representative");
    expect(a("basicInfoChanged", "unknown")).toBe("unknown");
    expect(a("symptom", "not-working-after-renewal")).toBe("not-working-after-renewal");
    expect(a("certExpiry", "2026-06-30")).toBe("2026-06-30");
    expect(a("wrongAttempts", "3")).toBe(3);
  });

  it("returns undefined for empty or unrelated text, for every slot", () => {
    for (const slot of SLOTS) {
      expect(a(slot, "")).toBeUndefined();
      expect(a(slot, "🐈")).toBeUndefined();
    }
  });
});
