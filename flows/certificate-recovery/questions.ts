/**
 * The questions the bot asks, one per slot (shared/contract.md §2), in the words a resident reads.
 * A city's content owner reviews this file. Labels stay within 20 characters (LINE quick replies).
 */
import type { Choice, QuestionReply } from "../../src/core/reply.ts";
import type { Facts, IsoDate, Slot } from "../../src/core/slots.ts";
import { SYMPTOMS } from "../../src/core/slots.ts";
import { addDays, parseIsoDate } from "../../src/calendar/index.ts";
import type { Locale } from "../../src/core/locale.ts";

interface QuestionDef {
  text: string;
  input: QuestionReply["input"];
  choices: Choice[];
}

const yesNoUnknown: Choice[] = [
  { label: "はい", value: "yes" },
  { label: "いいえ", value: "no" },
  { label: "わからない", value: "unknown" },
];
const yesNo: Choice[] = [
  { label: "はい", value: "yes" },
  { label: "いいえ", value: "no" },
];
const dontKnow: Choice = { label: "わからない", value: "unknown" };

export const QUESTIONS: Record<Slot, QuestionDef> = {
  symptom: {
    text: "どのようなことでお困りですか？近いものを選ぶか、画面に出たメッセージをそのまま送ってください。",
    input: "choice",
    choices: [
      { label: "「失効」と表示される", value: "revoked" },
      { label: "有効期限が切れた", value: "expired" },
      { label: "暗証番号がロックされた", value: "locked" },
      { label: "暗証番号を間違えた", value: "wrong-pin" },
      { label: "暗証番号を忘れた", value: "forgot-pin" },
      { label: "電子証明書を更新したい", value: "renewal" },
      { label: "更新したのに使えない", value: "not-working-after-renewal" },
      { label: "カードをなくした", value: "lost-card" },
      { label: "暗証番号の種類を知りたい", value: "which-pin" },
      { label: "その他・相談したい", value: "other" },
    ],
  },
  certificate: {
    text: "どちらの暗証番号のことですか？\n・6〜16桁の英数字：署名用（e-Taxの送信など）\n・4桁の数字：利用者証明用（マイナポータルのログイン、コンビニ交付など）",
    input: "choice",
    choices: [
      { label: "6〜16桁の英数字(署名用)", value: "signature" },
      { label: "4桁の数字(利用者証明用)", value: "user" },
      dontKnow,
    ],
  },
  basicInfoChanged: {
    text: "電子証明書を発行・更新したあとに、引っ越しや結婚などで住所・氏名が変わりましたか？",
    input: "choice",
    choices: yesNoUnknown,
  },
  wrongAttempts: {
    text: "続けて何回間違えましたか？（正しく入力するまで、回数は時間がたってもリセットされません）",
    input: "number",
    choices: [
      { label: "1回", value: "1" },
      { label: "2回", value: "2" },
      { label: "3回", value: "3" },
      { label: "4回", value: "4" },
      { label: "5回", value: "5" },
      dontKnow,
    ],
  },
  signaturePinKnown: {
    text: "署名用の暗証番号（6〜16桁の英数字）は覚えていますか？",
    input: "choice",
    choices: yesNo,
  },
  userPinKnown: {
    text: "4桁の暗証番号（利用者証明用）は覚えていますか？",
    input: "choice",
    choices: yesNo,
  },
  nfcSmartphone: {
    text: "マイナンバーカードを読み取れるスマートフォン（カメラ付き）をお持ちですか？",
    input: "choice",
    choices: yesNoUnknown,
  },
  certExpiry: {
    text: "電子証明書の有効期限を教えてください。カード表面の「電子証明書の有効期限」欄に書かれています（例：2027年3月15日、令和9年3月15日）。",
    input: "date",
    choices: [dontKnow],
  },
  cardExpiry: {
    text: "マイナンバーカード本体の有効期限を教えてください。カード表面の「○年○月○日まで有効」の日付です（例：2027年3月15日）。",
    input: "date",
    choices: [dontKnow],
  },
  issuedOn: {
    text: "電子証明書を更新・発行したのはいつですか？（例：今日、11月20日）",
    input: "date",
    choices: [], // 今日・昨日 are added with today's date when the question is shown
  },
  applicant: {
    text: "窓口にはどなたが行かれますか？",
    input: "choice",
    choices: [
      { label: "本人", value: "self" },
      { label: "代理人（家族など）", value: "proxy" },
      { label: "法定代理人・成年後見人", value: "legal-representative" },
    ],
  },
  foreignResident: {
    text: "在留カードをお持ちの外国人住民の方ですか？",
    input: "choice",
    choices: yesNo,
  },
  noSignatureReason: {
    text: "カードについて、あてはまるものはありますか？",
    input: "choice",
    choices: [
      { label: "15歳未満のカード", value: "under-15" },
      { label: "成年被後見人のカード", value: "adult-ward" },
      { label: "顔認証マイナンバーカード", value: "face-auth-card" },
      { label: "どれでもない・わからない", value: "unknown" },
    ],
  },
};

/** Said before a question asked again: why the answer could not be taken. */
const RETRY_PREFIX: Record<"unread" | "noSuchDate" | "ambiguous", string> = {
  unread: "すみません、うまく読み取れませんでした。ボタンで選ぶか、短くお答えください。",
  noSuchDate: "すみません、その日付はありません（たとえば2月は28日まで、うるう年は29日まで、4月・6月・9月・11月は30日までです）。日付をもう一度お確かめください。",
  ambiguous: "回数がはっきりしない場合は、いちばん近いものを選ぶか「わからない」を選んでください。",
};

/** The question for a slot as a Reply. Date choices that depend on today are filled in here. */
export function questionReply(
  slot: Slot,
  today: IsoDate,
  retry = false,
  reason?: "noSuchDate" | "ambiguous",
  locale: Locale = "ja",
): QuestionReply {
  void locale; // issue 14: the catalogs per locale

  const def = QUESTIONS[slot];
  let choices = def.choices;
  if (slot === "issuedOn") {
    choices = [
      { label: "今日", value: today },
      { label: "昨日", value: addDays(today, -1) },
      dontKnow,
    ];
  }
  const prefix = !retry ? "" : (RETRY_PREFIX[reason ?? "unread"] ?? "") + "\n";
  return { type: "question", slot, text: prefix + def.text, input: def.input, choices };
}

/** The choice after a route: did it solve it (issue 18), start over, or talk to a person. */
export const FOLLOW_UP_SLOT = "followUp";
export const FOLLOW_UP_CHOICES: Choice[] = [
  { label: "解決した", value: "resolved" },
  { label: "解決しない", value: "not-resolved" },
  { label: "最初からやり直す", value: "restart" },
  { label: "窓口に相談したい", value: "contact" },
];
export function followUpReply(locale: Locale = "ja"): QuestionReply {
  void locale; // issue 14
  return {
    type: "question",
    slot: FOLLOW_UP_SLOT,
    text: "解決しましたか？ほかにもお困りのことがあれば、そのまま入力してください。",
    input: "choice",
    choices: FOLLOW_UP_CHOICES,
  };
}

/**
 * A tapped value turned into facts for the slot, or undefined when the value does not belong to it
 * (an old button, a forged request): the bot then asks again.
 */
export function factsFromChoice(slot: Slot, value: string): Partial<Facts> | undefined {
  switch (slot) {
    case "symptom":
      return (SYMPTOMS as readonly string[]).includes(value) ? { symptom: value as Facts["symptom"] } : undefined;
    case "wrongAttempts": {
      if (value === "unknown") return { wrongAttempts: "unknown" };
      const n = /^[0-5]$/.test(value) ? Number(value) : NaN;
      return Number.isInteger(n) ? { wrongAttempts: n } : undefined;
    }
    case "certExpiry":
    case "cardExpiry":
    case "issuedOn": {
      if (value === "unknown") return { [slot]: "unknown" };
      const date = parseIsoDate(value);
      return date ? { [slot]: date } : undefined;
    }
    default: {
      const allowed = QUESTIONS[slot].choices.map((c) => c.value);
      return allowed.includes(value) ? ({ [slot]: value } as Partial<Facts>) : undefined;
    }
  }
}
