/** Staff explanations: facts in words, and why a route. Pure, so checked by exact values. */
import { describe, expect, it } from "vitest";
import { decideWithReasons } from "../../flows/certificate-recovery/decide.ts";
import { factLabels, SLOT_LABELS, whyRoute } from "../../flows/certificate-recovery/explain.ts";
import { ROUTE_IDS, type RouteId } from "../../flows/certificate-recovery/routes-ids.ts";
import { SLOTS, type Facts } from "../../src/core/slots.ts";

describe("factLabels", () => {
  it("is empty when nothing is known", () => {
    expect(factLabels({})).toEqual([]);
  });

  it("names each fact in Japanese, in question order, with the question's own words", () => {
    expect(
      factLabels({
        applicant: "proxy",
        symptom: "revoked",
        certificate: "signature",
        basicInfoChanged: "yes",
        wrongAttempts: 2,
        signaturePinKnown: "no",
        certExpiry: "2030-02-03",
        cardExpiry: "unknown",
      }),
    ).toEqual([
      { label: "困りごと", value: "「失効」と表示される" },
      { label: "暗証番号・証明書の種類", value: "署名用（6〜16桁の英数字）" },
      { label: "発行後の住所・氏名の変更", value: "はい" },
      { label: "続けて間違えた回数", value: "2回" },
      { label: "署名用暗証番号（6〜16桁）", value: "覚えていない" },
      { label: "電子証明書の有効期限", value: "2030年2月3日" },
      { label: "カード本体の有効期限", value: "わからない" },
      { label: "窓口に行く人", value: "代理人（家族など）" },
    ]);
  });

  it("adds what was only inferred from the text", () => {
    expect(
      factLabels({ certExpiryMonth: "2027-02", otherPin: "jukinet", eTax: true, wantsPerson: true, residenceStatusChanged: true }),
    ).toEqual([
      { label: "電子証明書の有効期限（月）", value: "2027年2月" },
      { label: "対象の暗証番号", value: "住民基本台帳用" },
      { label: "利用場面", value: "e-Tax・確定申告" },
      { label: "在留期間", value: "更新・変更あり" },
      { label: "希望", value: "担当者との相談" },
    ]);
  });

  it("names an e-Tax password trouble (facts §10)", () => {
    expect(factLabels({ etaxPassword: true })).toEqual([{ label: "対象の暗証番号", value: "e-Taxの利用者識別番号の暗証番号" }]);
  });

  it("has a label for every slot", () => {
    expect(Object.keys(SLOT_LABELS).sort()).toEqual([...SLOTS].sort());
  });
});

/** decide()'s reasons for `facts`, worded; the route must be `routeId`. */
const TODAY = "2026-12-02";
function why(routeId: RouteId, facts: Facts, today = TODAY): string[] {
  const step = decideWithReasons(facts, today);
  expect(step.kind === "route" && step.routeId, JSON.stringify(facts)).toBe(routeId);
  return step.kind === "route" ? whyRoute(step.reasons) : [];
}

/** One fact set reaching each route. */
const REACHES: Record<RouteId, Facts> = {
  "signature-reissue-after-change": { symptom: "revoked", basicInfoChanged: "yes" },
  "certificate-reissue-after-expiry": { symptom: "expired", certExpiry: "2026-09-12", cardExpiry: "2033-09-12" },
  "certificate-renewal": { symptom: "renewal", certExpiry: "2027-01-20", cardExpiry: "2033-09-12" },
  "certificate-renewal-not-yet": { symptom: "renewal", certExpiry: "2028-01-20", cardExpiry: "2033-09-12" },
  "card-renewal": { symptom: "expired", cardExpiry: "2026-10-01" },
  "foreign-resident-extension": { foreignResident: "yes", residenceStatusChanged: true },
  "pin-reset-kiosk": { symptom: "forgot-pin", certificate: "signature", userPinKnown: "yes", nfcSmartphone: "yes" },
  "pin-reset-counter": { symptom: "forgot-pin", certificate: "signature", userPinKnown: "no" },
  "pin-retry-guidance": { symptom: "wrong-pin", certificate: "user", wrongAttempts: 2 },
  "card-lost": { symptom: "lost-card" },
  "wait-after-issuance": { symptom: "not-working-after-renewal", issuedOn: "2026-12-02" },
  "no-signature-certificate": { noSignatureReason: "face-auth-card" },
  "which-pin": { symptom: "which-pin" },
  "contact-city": { wantsPerson: true },
  "etax-password": { etaxPassword: true },
};

describe("whyRoute: decide()'s reasons, worded", () => {
  it("gives one to three short Japanese sentences for every route", () => {
    for (const routeId of ROUTE_IDS) {
      const lines = why(routeId, REACHES[routeId]);
      expect(lines.length, routeId).toBeGreaterThanOrEqual(1);
      expect(lines.length, routeId).toBeLessThanOrEqual(3);
      for (const s of lines) {
        expect(s, routeId).toMatch(/[ぁ-んァ-ヶ一-龠]/);
        expect(s.length, routeId).toBeLessThanOrEqual(120);
      }
    }
  });

  it("says why, from the facts decide() read", () => {
    expect(why("signature-reissue-after-change", { symptom: "revoked", basicInfoChanged: "yes" })).toEqual([
      "発行後に住所・氏名などが変わったため、署名用電子証明書が自動的に失効しています。",
    ]);
    expect(why("pin-retry-guidance", { certificate: "user", wrongAttempts: 2 })).toEqual([
      "2回の誤入力で、まだロックされていません（3回でロック）。",
    ]);
    expect(why("pin-retry-guidance", { certificate: "signature", wrongAttempts: 4 })).toEqual([
      "4回の誤入力で、まだロックされていません（5回でロック）。",
    ]);
    expect(why("certificate-reissue-after-expiry", { symptom: "expired", certExpiry: "2026-09-12", cardExpiry: "unknown" })).toEqual([
      "電子証明書の有効期限（2026年9月12日）が過ぎています。",
      "カード本体の有効期限は未確認です。",
    ]);
    expect(why("certificate-reissue-after-expiry", { certExpiry: "2026-09-12", cardExpiry: "2033-09-12" })).toEqual([
      "電子証明書の有効期限（2026年9月12日）が過ぎています。",
      "カード本体は2033年9月12日まで有効なので、証明書の発行だけで足ります。",
    ]);
    expect(why("etax-password", { etaxPassword: true })).toEqual([
      "e-Taxの利用者識別番号の暗証番号はカードの暗証番号とは別で、e-Tax（税務署）の手続きで再設定します。",
    ]);
    expect(why("pin-reset-counter", { symptom: "forgot-pin", noSignatureReason: "under-15", certificate: "user" })).toEqual([
      "署名用電子証明書がないカードのため、4桁の暗証番号は窓口でだけ再設定できます。",
    ]);
    expect(why("pin-reset-counter", { symptom: "forgot-pin", certificate: "user", signaturePinKnown: "no" })).toEqual([
      "もう一方の暗証番号もわからないため、コンビニでは再設定できません。",
    ]);
    expect(why("pin-reset-counter", { symptom: "forgot-pin", otherPin: "kenmen" })).toEqual([
      "券面事項入力補助用の暗証番号は、コンビニでは再設定できません。",
    ]);
    expect(why("no-signature-certificate", { noSignatureReason: "face-auth-card" })).toEqual([
      "顔認証マイナンバーカードには、暗証番号と署名用電子証明書がありません。",
    ]);
    expect(why("contact-city", { wantsPerson: true })).toEqual(["相談者が担当者との相談を希望しています。"]);
    expect(why("wait-after-issuance", { symptom: "not-working-after-renewal", issuedOn: "2026-12-01" })).toEqual([
      "証明書の発行・更新（2026年12月1日）の直後で、使えるのは翌日（遅くとも翌開庁日）からです。",
    ]);
    expect(why("contact-city", { symptom: "not-working-after-renewal", issuedOn: "2026-11-20" })).toEqual([
      "発行（2026年11月20日）から翌開庁日（2026年11月24日）を過ぎても使えないため、原因の確認が必要です。",
    ]);
  });
});
