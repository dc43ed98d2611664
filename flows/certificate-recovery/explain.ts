/**
 * Short Japanese explanations for help-desk staff: the facts collected, in words, and why the bot chose a
 * route (decide()'s reasons, worded). Channels show them beside the answer (the Slack staff view); nothing here is said to residents.
 * Pure: no platform, no clock.
 */
import type { Facts, IsoDate, Slot } from "../../src/core/slots.ts";
import { formatJapaneseDate } from "../../src/calendar/index.ts";
import type { Reason } from "./decide.ts";

/** decide()'s reasons, for a channel's staff view (channels reach the flow only through a short list). */
export type { Reason };
import { QUESTIONS } from "./questions.ts";

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

/** Why the diagnosis ended in its route, in one to three short sentences for staff: decide()'s reasons, worded. */
export function whyRoute(reasons: readonly Reason[]): string[] {
  return reasons.map(reasonText);
}

function reasonText(reason: Reason): string {
  switch (reason.code) {
    case "wants-person":
      return "相談者が担当者との相談を希望しています。";
    case "lost-card":
      return "カードの紛失・盗難のため、まず一時利用停止が必要です。";
    case "etax-password":
      return "e-Taxの利用者識別番号の暗証番号はカードの暗証番号とは別で、e-Tax（税務署）の手続きで再設定します。";
    case "no-signature-card":
      return noSignatureReason(reason.noSignatureReason);
    case "residence-status-changed":
      return "在留期間の更新・変更後は、カードの有効期間の変更手続きが必要です（自動では延長されません）。";
    case "symptom-other":
      return "選べる困りごとに当てはまらないため。";
    case "which-pin":
      return "暗証番号・電子証明書の種類についての質問です。";
    case "just-issued":
      return `証明書の発行・更新${reason.issuedOn ? `（${ja(reason.issuedOn)}）` : ""}の直後で、使えるのは翌日（遅くとも翌開庁日）からです。`;
    case "past-next-business-day":
      return `発行（${ja(reason.issuedOn)}）から翌開庁日（${ja(reason.nextBusinessDay)}）を過ぎても使えないため、原因の確認が必要です。`;
    case "basic-info-changed":
      return "発行後に住所・氏名などが変わったため、署名用電子証明書が自動的に失効しています。";
    case "revoked-change-likely":
      return "有効期限内に失効しており、住所・氏名の変更による失効の可能性が高いため。";
    case "revoked-within-validity":
      return "有効期限内に失効しており、原因の確認が必要です。";
    case "cert-expired":
      // §9: without a date, 失効 is "revoked or expired".
      return reason.certExpiry
        ? `電子証明書の有効期限（${ja(reason.certExpiry)}）が過ぎています。`
        : reason.symptom === "expired"
          ? "電子証明書の有効期限が過ぎています（日付は未確認）。"
          : "電子証明書が失効しています（期限切れか住所・氏名の変更かは未確認）。";
    case "card-still-valid":
      return reason.cardExpiry ? `カード本体は${ja(reason.cardExpiry)}まで有効なので、証明書の発行だけで足ります。` : "カード本体の有効期限は未確認です。";
    case "card-needs-renewal":
      return `カード本体の有効期限${reason.cardExpiry ? `（${ja(reason.cardExpiry)}）` : ""}が過ぎているか、電子証明書より先に来るため、カードの更新が必要です。`;
    case "renewal-window-open":
      return reason.certExpiry
        ? `電子証明書の有効期限は${ja(reason.certExpiry)}で、更新期間（期限の3か月前から）に入っています。`
        : "有効期限がわからないため、更新期間の説明と窓口を案内しています。";
    case "renewal-window-not-open":
      return `電子証明書の有効期限${reason.certExpiry ? `（${ja(reason.certExpiry)}）` : ""}まで3か月以上あり、更新期間がまだ始まっていません。`;
    case "counter-only-without-signature":
      return "署名用電子証明書がないカードのため、4桁の暗証番号は窓口でだけ再設定できます。";
    case "other-pin":
      return `${reason.otherPin === "jukinet" ? "住民基本台帳用" : "券面事項入力補助用"}の暗証番号は、コンビニでは再設定できません。`;
    case "both-pins":
      return "両方の暗証番号がわからないため、コンビニでは再設定できません。";
    case "certificate-unknown":
      return reason.then === "counter"
        ? "どの暗証番号か特定できないため、窓口で確認します。"
        : "どの暗証番号か特定できないため、ロック前の注意を案内しています。";
    case "other-pin-forgotten":
      return "もう一方の暗証番号もわからないため、コンビニでは再設定できません。";
    case "no-nfc-smartphone":
      return "カードを読めるスマホがない（または不明な）ため、コンビニでは再設定できません。";
    case "signature-revoked":
      return "署名用電子証明書が失効しているため、コンビニでは再設定できません。";
    case "signature-expired":
      return `署名用電子証明書の有効期限（${ja(reason.certExpiry)}）が過ぎているため、コンビニでは再設定できません。`;
    case "not-locked-yet":
      return typeof reason.wrongAttempts === "number"
        ? `${reason.wrongAttempts}回の誤入力で、まだロックされていません（${reason.limit}回でロック）。`
        : "誤入力の回数がわからないため、ロック前の注意を案内しています。";
    case "kiosk-possible":
      return "もう一方の暗証番号を覚えていて、カードを読めるスマホがあるため、コンビニで再設定できます。";
  }
}

function noSignatureReason(reason: Facts["noSignatureReason"]): string {
  switch (reason) {
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
