/**
 * The sentence a resident who reads little Japanese shows the clerk (issue 14, facts §11): ordinary
 * Japanese, what happened and what the resident asks for, one per route (a few routes by the facts).
 * Defined once here and shared by every locale other than `ja` (en, ja-easy); never translated.
 */
import type { Facts } from "../../../src/core/slots.ts";
import { cardPinTroubleToo } from "../decide.ts";
import { ROUTE_IDS, type RouteId } from "../routes-ids.ts";

/** Which PIN, as the clerk would name it. */
function pinForClerk(facts: Facts): string {
  if (facts.otherPin === "jukinet") return "住民基本台帳用の暗証番号";
  if (facts.otherPin === "kenmen") return "券面事項入力補助用の暗証番号";
  if (facts.bothPins) return "署名用と利用者証明用の暗証番号";
  if (facts.certificate === "signature") return "署名用電子証明書の暗証番号";
  if (facts.certificate === "user") return "利用者証明用電子証明書の暗証番号（4桁）";
  return "マイナンバーカードの暗証番号";
}

/** What happened to the PIN, as far as the facts say. */
function PIN_TROUBLE(facts: Facts): string {
  if (facts.symptom === "forgot-pin") return "を忘れました";
  if (facts.symptom === "locked") return "がロックされました";
  if (facts.symptom === "wrong-pin" || typeof facts.wrongAttempts === "number") return "を何回か間違えました";
  return "が使えなくなりました（忘れた、またはロックされた）";
}

/** The Japanese sentence for the counter, for a route and the facts. */
export function counterSentence(routeId: RouteId, facts: Facts): string {
  switch (routeId) {
    case "signature-reissue-after-change":
      return "住所（氏名）が変わって署名用電子証明書が失効しました。署名用電子証明書の発行をお願いします。";
    case "certificate-reissue-after-expiry":
      return "電子証明書が失効しています（有効期限が切れました）。電子証明書の発行をお願いします。";
    case "certificate-renewal":
      return "電子証明書の有効期限が近づいています。電子証明書の更新をお願いします。";
    case "certificate-renewal-not-yet":
      return "電子証明書の更新をしたいです。更新の受付がいつから始まるか教えてください。";
    case "card-renewal":
      return "マイナンバーカードの有効期限が来ます（過ぎました）。新しいカードの申請と受け取りについて教えてください。";
    case "foreign-resident-extension":
      return "在留期間を更新しました。マイナンバーカードの有効期限の変更と、電子証明書の発行をお願いします。";
    case "pin-reset-kiosk":
    case "pin-reset-counter":
      return `${pinForClerk(facts)}${PIN_TROUBLE(facts)}。暗証番号の再設定をお願いします。`;
    case "pin-retry-guidance":
      return `${pinForClerk(facts)}を何回か間違えました。ロックされる前に、暗証番号の再設定をお願いします。`;
    case "card-lost":
      return "マイナンバーカードをなくしました。カードの再発行をお願いします。";
    case "wait-after-issuance":
      return "電子証明書の発行（更新）を受けましたが、まだ使えません。確認をお願いします。";
    case "no-signature-certificate":
      return facts.noSignatureReason === "face-auth-card"
        ? "顔認証マイナンバーカードを持っています。暗証番号を設定したカードへの切り替えについて相談したいです。"
        : "カードに署名用電子証明書がないようです。確認をお願いします。";
    case "which-pin":
      return "マイナンバーカードの暗証番号と電子証明書について教えてください。";
    case "contact-city":
      return "マイナンバーカードの電子証明書と暗証番号について相談したいです。";
    case "etax-password":
      // §10: the e-Tax password is the tax office's; the city counter only for a card PIN in trouble too.
      return cardPinTroubleToo(facts)
        ? `${pinForClerk(facts)}${PIN_TROUBLE(facts)}。暗証番号の再設定をお願いします。`
        : "e-Taxの暗証番号（利用者識別番号のパスワード）を忘れました。再設定の方法を教えてください。";
  }
}

/** Every sentence {@link counterSentence} can say, once each (for checks that allow them in a reply). */
export function allCounterSentences(): string[] {
  const pins: Facts[] = [{}, { otherPin: "jukinet" }, { otherPin: "kenmen" }, { bothPins: true }, { certificate: "signature" }, { certificate: "user" }];
  const symptoms: Facts[] = [{}, { symptom: "locked" }, { symptom: "forgot-pin" }, { symptom: "wrong-pin" }, { wrongAttempts: 1 }];
  const facts: Facts[] = [
    ...pins.flatMap((p) => symptoms.flatMap((s) => [{ ...p, ...s }, { ...p, ...s, etaxPassword: true }])),
    { noSignatureReason: "face-auth-card" },
  ];
  return [...new Set(ROUTE_IDS.flatMap((id) => facts.map((f) => counterSentence(id, f))))];
}
