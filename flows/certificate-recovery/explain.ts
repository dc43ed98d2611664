/**
 * Short Japanese explanations for help-desk staff: the facts collected, in words, and why the bot chose a
 * route. Channels show them beside the answer (the Slack staff view); nothing here is said to residents.
 * Pure: no platform, no clock.
 */
import type { Facts, IsoDate, Slot } from "../../src/core/slots.ts";
import { formatJapaneseDate } from "../../src/calendar/index.ts";
import { cardPinTroubleToo, hasNoSignatureCertificate, lockLimit } from "./decide.ts";
import { QUESTIONS } from "./questions.ts";
import type { RouteId } from "./routes-ids.ts";

/** One collected fact as staff read it: `証明書の種類：署名用`. */
export interface FactLabel {
  label: string;
  value: string;
}

/** The Japanese name of each question slot, for staff. */
export const SLOT_LABELS: Record<Slot, string> = {
  symptom: "困りごと",
  certificate: "暗証番号・証明書の種類",
  basicInfoChanged: "発行後の住所・氏名の変更",
  wrongAttempts: "続けて間違えた回数",
  signaturePinKnown: "署名用暗証番号（6〜16桁）",
  userPinKnown: "4桁の暗証番号",
  nfcSmartphone: "カードを読めるスマホ",
  certExpiry: "電子証明書の有効期限",
  cardExpiry: "カード本体の有効期限",
  issuedOn: "証明書の発行・更新日",
  applicant: "窓口に行く人",
  foreignResident: "外国人住民",
  noSignatureReason: "カードの種類",
};

/** Values whose words differ from the question's buttons (a button says はい, staff read 覚えている). */
const VALUE_WORDS: Partial<Record<Slot, Record<string, string>>> = {
  certificate: { signature: "署名用（6〜16桁の英数字）", user: "利用者証明用（4桁の数字）" },
  signaturePinKnown: { yes: "覚えている", no: "覚えていない" },
  userPinKnown: { yes: "覚えている", no: "覚えていない" },
};

const ja = (date: IsoDate) => formatJapaneseDate(date, { weekday: false });
const month = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;

function slotValue(slot: Slot, value: string | number): string {
  if (value === "unknown") return "わからない";
  if (slot === "wrongAttempts") return `${value}回`;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return ja(value);
  const words = VALUE_WORDS[slot]?.[value];
  if (words) return words;
  return QUESTIONS[slot].choices.find((c) => c.value === value)?.label ?? String(value);
}

/** The facts known so far, in the order of the questions, then what was only inferred from text. */
export function factLabels(facts: Facts): FactLabel[] {
  const out: FactLabel[] = [];
  for (const slot of Object.keys(SLOT_LABELS) as Slot[]) {
    const value = facts[slot];
    if (value !== undefined) out.push({ label: SLOT_LABELS[slot], value: slotValue(slot, value) });
  }
  if (facts.certExpiry === undefined && facts.certExpiryMonth) {
    out.push({ label: "電子証明書の有効期限（月）", value: month(facts.certExpiryMonth) });
  }
  if (facts.cardExpiry === undefined && facts.cardExpiryMonth) {
    out.push({ label: "カード本体の有効期限（月）", value: month(facts.cardExpiryMonth) });
  }
  if (facts.otherPin) {
    out.push({ label: "対象の暗証番号", value: facts.otherPin === "jukinet" ? "住民基本台帳用" : "券面事項入力補助用" });
  }
  if (facts.bothPins) out.push({ label: "対象の暗証番号", value: "署名用と4桁の両方" });
  if (facts.etaxPassword) out.push({ label: "対象の暗証番号", value: "e-Taxの利用者識別番号の暗証番号" });
  if (facts.eTax) out.push({ label: "利用場面", value: "e-Tax・確定申告" });
  if (facts.aboutCard) out.push({ label: "話題", value: "カード本体の有効期限" });
  if (facts.residenceStatusChanged) out.push({ label: "在留期間", value: "更新・変更あり" });
  if (facts.wantsPerson) out.push({ label: "希望", value: "担当者との相談" });
  return out;
}

/** Why the diagnosis ended in this route, in one to three short sentences for staff. */
export function whyRoute(routeId: RouteId, facts: Facts): string[] {
  const certDate = facts.certExpiry && facts.certExpiry !== "unknown" ? ja(facts.certExpiry) : undefined;
  const cardDate = facts.cardExpiry && facts.cardExpiry !== "unknown" ? ja(facts.cardExpiry) : undefined;
  switch (routeId) {
    case "signature-reissue-after-change":
      return facts.basicInfoChanged === "yes"
        ? ["発行後に住所・氏名などが変わったため、署名用電子証明書が自動的に失効しています。"]
        : ["有効期限内に失効しており、住所・氏名の変更による失効の可能性が高いため。"];
    case "certificate-reissue-after-expiry":
      // §9: without a date, 失効 is "revoked or expired", and the card's validity is not known.
      return [
        certDate
          ? `電子証明書の有効期限（${certDate}）が過ぎています。`
          : facts.symptom === "expired"
            ? "電子証明書の有効期限が過ぎています（日付は未確認）。"
            : "電子証明書が失効しています（期限切れか住所・氏名の変更かは未確認）。",
        cardDate ? `カード本体は${cardDate}まで有効なので、証明書の発行だけで足ります。` : "カード本体の有効期限は未確認です。",
      ];
    case "certificate-renewal":
      return certDate
        ? [`電子証明書の有効期限は${certDate}で、更新期間（期限の3か月前から）に入っています。`]
        : ["有効期限がわからないため、更新期間の説明と窓口を案内しています。"];
    case "certificate-renewal-not-yet":
      return [`電子証明書の有効期限${certDate ? `（${certDate}）` : ""}まで3か月以上あり、更新期間がまだ始まっていません。`];
    case "card-renewal":
      return [
        `カード本体の有効期限${cardDate ? `（${cardDate}）` : ""}が過ぎているか、電子証明書より先に来るため、カードの更新が必要です。`,
      ];
    case "foreign-resident-extension":
      return ["在留期間の更新・変更後は、カードの有効期間の変更手続きが必要です（自動では延長されません）。"];
    case "pin-reset-kiosk":
      return ["もう一方の暗証番号を覚えていて、カードを読めるスマホがあるため、コンビニで再設定できます。"];
    case "pin-reset-counter":
      return [counterReason(facts)];
    case "pin-retry-guidance": {
      const limit = lockLimit(facts.certificate);
      return typeof facts.wrongAttempts === "number"
        ? [`${facts.wrongAttempts}回の誤入力で、まだロックされていません（${limit}回でロック）。`]
        : ["誤入力の回数がわからないため、ロック前の注意を案内しています。"];
    }
    case "card-lost":
      return ["カードの紛失・盗難のため、まず一時利用停止が必要です。"];
    case "wait-after-issuance":
      return [
        `証明書の発行・更新${facts.issuedOn && facts.issuedOn !== "unknown" ? `（${ja(facts.issuedOn)}）` : ""}の直後で、使えるのは翌日（遅くとも翌開庁日）からです。`,
      ];
    case "no-signature-certificate":
      return [noSignatureReason(facts)];
    case "which-pin":
      return ["暗証番号・電子証明書の種類についての質問です。"];
    case "contact-city":
      return [contactReason(facts)];
    case "etax-password":
      return [
        "e-Taxの利用者識別番号の暗証番号はカードの暗証番号とは別で、e-Tax（税務署）の手続きで再設定します。",
        ...(cardPinTroubleToo(facts) ? ["カードの暗証番号も問題のため、窓口などでの再設定もあわせて案内しています。"] : []),
      ];
  }
}

function counterReason(facts: Facts): string {
  if (hasNoSignatureCertificate(facts)) return "署名用電子証明書がないカードのため、4桁の暗証番号は窓口でだけ再設定できます。";
  if (facts.otherPin) return "住民基本台帳用・券面事項入力補助用の暗証番号は、コンビニでは再設定できません。";
  if (facts.bothPins) return "両方の暗証番号がわからないため、コンビニでは再設定できません。";
  if (facts.certificate === "unknown") return "どの暗証番号か特定できないため、窓口で確認します。";
  const other = facts.certificate === "signature" ? facts.userPinKnown : facts.signaturePinKnown;
  if (other === "no") return "もう一方の暗証番号もわからないため、コンビニでは再設定できません。";
  if (facts.nfcSmartphone !== undefined && facts.nfcSmartphone !== "yes") return "カードを読めるスマホがない（または不明な）ため、コンビニでは再設定できません。";
  if (facts.basicInfoChanged === "yes") return "署名用電子証明書が失効しているため、コンビニでは再設定できません。";
  return "署名用電子証明書が使えないため、コンビニでは再設定できません。";
}

function noSignatureReason(facts: Facts): string {
  switch (facts.noSignatureReason) {
    case "under-15":
      return "15歳未満のカードには、署名用電子証明書が原則として搭載されません。";
    case "adult-ward":
      return "成年被後見人のカードには、署名用電子証明書が原則として搭載されません。";
    case "face-auth-card":
      return "顔認証マイナンバーカードには、暗証番号と署名用電子証明書がありません。";
    default:
      return "このカードには署名用電子証明書がありません。";
  }
}

function contactReason(facts: Facts): string {
  if (facts.wantsPerson) return "相談者が担当者との相談を希望しています。";
  if (facts.symptom === "other") return "選べる困りごとに当てはまらないため。";
  if (facts.symptom === "not-working-after-renewal") return "発行から翌開庁日を過ぎても使えないため、原因の確認が必要です。";
  if (facts.symptom === "revoked") return "有効期限内に失効しており、原因の確認が必要です。";
  return "自動では判断できないため、担当者の確認が必要です。";
}
