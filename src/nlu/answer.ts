/**
 * parseAnswer: a typed answer to a question about one slot → exactly the value the slot takes
 * (shared/contract.md §2), or undefined when the text does not answer it.
 */
import { SYMPTOMS, type Facts, type Slot } from "../core/slots.ts";
import { findDates, findImpossibleDate, previousOccurrence } from "./dates.ts";
import { extractFacts, internals, type NluContext } from "./extract.ts";
import { kanjiNumberValue, matchForm } from "./normalize.ts";
import { has, negatedHits, rx } from "./patterns.ts";
import { englishSaysBoth, englishSeveral, isEnglishText, isMostlyEnglish, parseEnglishAnswer } from "./english.ts";
import { detectPii } from "./pii.ts";

export interface AnswerContext extends NluContext {
  /** Facts known so far; lets "残り2回" become a wrong-attempt count once the certificate is known. */
  facts?: Partial<Facts>;
}

export type AnswerValue = string | number | undefined;

const RE_UNKNOWN = rx(
  "わから|分から|解ら|判ら|わかん|わかりません|分かりません|不明|知らな|知りません|しらな|しりません|さあ|どうだろう|どうだっけ|はっきりしな|覚えてい?な|おぼえてい?な|覚えてません|覚えていません|記憶にな|忘れ|わすれ|思い出せ|自信(?:が)?な|^\\?+$|^unknown$|^idk$|^dunno$",
);
const RE_FORGET = rx("忘れ|わすれ");
const RE_STRONG_YES = rx("間違いな|間違いありません|そのとおり|その通り|もちろん|はいそうです|ぜひ");
const RE_NO = rx(
  "いいえ|いえ|いや|ない|無い|ません|なかった|なし|無し|違う|違い|ちが|ノー|(?<![a-z])no(?![a-z])|(?<![a-z])nope(?![a-z])|^n$|×|✕|✖|ダメ|だめ|してない|てへん|らへん|(?:と|ちょ|お)らん|てねえ|てねー|せんかった|せんよ|しません|(?<![まけ])せん(?:。|$|よ|わ|ね|で)",
);
const RE_YES = rx(
  "はい|うん|ええ|そう|(?<![a-z])yes(?![a-z])|^y$|(?<![a-z])ok(?![a-z])|おk|おっけ|オッケ|あります|ある|あり|持って|もって|した|しまし|覚えて|おぼえて|覚えと|おぼえと|控え|ひかえ|メモ|書いて|わかる|わかります|分かる|分かります|知って|できる|できます|使える|使えます|大丈夫|〇|○|◯|済|了解|正解",
);
const RE_OTHER = rx("その他|そのほか|それ以外|ほか|他|別|どれでもな|どれも違|該当しな|当てはまらな");
const RE_ZERO = rx("ゼロ|ぜろ|零|(?:1|一)(?:度|回)も|まだ(?:間違|まちが|一度)|間違えて(?:い)?(?:ない|ません)|まちがえて(?:い)?(?:ない|ません)|(?<![0-9])0(?![0-9])");
const RE_MANY = rx("たくさん|何回も|何度も|なんども|なんかいも|いっぱい|数え切れ");
/** "数回", "何度か": some times, no count. Not "unknown": the bot asks again with the counts as choices. */
const RE_SEVERAL = rx("数回|何回か|何度か|なんかいか|なんどか|数度|2、3回|2~3回|2-3回|2,3回");
const RE_REMAINING = rx("(?:残り|のこり|あと)(?:は|が)?(?:回数)?(?:は|が)?([0-9]{1,2})(?:回|度)?");
const RE_KANJI_RUN = /[〇零一二三四五六七八九十]+/;

const RE_CERT_SIG = rx("署名|しょめい|英数|英字|大文字|アルファベット|(?<![0-9])(?:[6-9]|1[0-6])(?:桁|けた|文字)|6~16|e-?tax|確定申告|電子申告|送信");
const RE_CERT_USER = rx("利用者(?!識別)|りようしゃ|(?<![0-9])4(?:桁|けた|文字)|数字4|ログイン|コンビニ|保険証|マイナポータル|^4$");
const RE_PASSWORD = rx("パスワード|ぱすわーど|password");
const RE_BOTH = rx("両方|りょうほう|どちらも|どっちも|全部|ぜんぶ|2つとも|ふたつとも");

const RE_SELF_ANSWER = rx("本人|自分|私|わたし|僕|ぼく|俺|おれ|自身|me(?![a-z])|myself|self");
const RE_LEGAL_ANSWER = rx("後見|法定代理|保佐|補助人|親権|保護者|^親$|^親です|親として|未成年|子ども|子供|こども|息子|娘");
const RE_PROXY_ANSWER = rx("代理|代わり|かわり|家族|妻|夫|母|父|親族|親戚|祖|主人|旦那|嫁|兄|姉|弟|妹|知人|友人|親|委任|proxy");

const RE_FOREIGN_ANSWER_YES = rx("外国|在留|foreign|永住|ビザ|visa");
const RE_FOREIGN_ANSWER_NO = rx("日本人|日本国籍|japanese");
const RE_NOT_IT = rx("ではな|じゃな|ではありません|じゃありません|いいえ|違います|ちがいます");

const RE_NOSIG_UNDER15 = rx("15(?:歳|才)未満|子ども|子供|こども|中学|小学|未満|under");
const RE_NOSIG_WARD = rx("後見");
const RE_NOSIG_FACE = rx("顔認証|暗証番号(?:を|が|は)?(?:設定して|ない|無い|なし|無し)");

function yesNo(t: string): "yes" | "no" | undefined {
  if (has(RE_STRONG_YES, t)) return "yes";
  if (has(RE_NO, t)) return "no";
  if (has(RE_YES, t)) return "yes";
  return undefined;
}

function dateAnswer(t: string, today: string, past: boolean): string | undefined {
  const hits = findDates(t, today);
  const full = hits.find((h) => h.date !== undefined);
  if (full?.date !== undefined) {
    // An issue date is in the past: "11月15日" means the last 11月15日.
    if (past && full.yearless) return previousOccurrence(today, full.yearless.m, full.yearless.d);
    return full.date;
  }
  if (hits.length > 0) return undefined; // month only: not enough for this slot
  if (has(RE_UNKNOWN, t)) return "unknown";
  return undefined;
}

function wrongAttemptsAnswer(t: string, ctx: AnswerContext): number | "unknown" | undefined {
  const rem = RE_REMAINING.exec(t);
  RE_REMAINING.lastIndex = 0;
  if (rem) {
    const remaining = Number(rem[1]);
    const cert = ctx.facts?.certificate;
    const limit = cert === "signature" ? 5 : cert === "user" || ctx.facts?.otherPin !== undefined ? 3 : undefined;
    if (limit !== undefined && remaining <= limit) return limit - remaining;
    return undefined;
  }
  if (has(RE_ZERO, t)) return 0;
  if (has(RE_SEVERAL, t)) return undefined;
  const nums = t.match(/[0-9]+/g);
  if (nums) {
    let max = -1;
    for (const n of nums) {
      if (n.length > 2) return undefined; // a year, a PIN or noise — never echo it
      max = Math.max(max, Number(n));
    }
    return Math.min(5, max);
  }
  const k = RE_KANJI_RUN.exec(t);
  if (k) {
    const v = kanjiNumberValue(k[0]);
    if (v !== undefined && v < 100) return Math.min(5, v);
  }
  if (has(RE_SEVERAL, t)) return undefined;
  if (has(RE_UNKNOWN, t) || has(RE_MANY, t)) return "unknown";
  if (has(RE_NO, t)) return 0;
  return undefined;
}

/** The choice values of contract §2, so that typing a value ("yes", "signature") maps to itself. */
const CHOICE_VALUES: Partial<Record<Slot, readonly string[]>> = {
  symptom: SYMPTOMS,
  certificate: ["signature", "user", "unknown"],
  basicInfoChanged: ["yes", "no", "unknown"],
  signaturePinKnown: ["yes", "no"],
  userPinKnown: ["yes", "no"],
  nfcSmartphone: ["yes", "no", "unknown"],
  applicant: ["self", "proxy", "legal-representative"],
  foreignResident: ["yes", "no"],
  noSignatureReason: ["under-15", "adult-ward", "face-auth-card", "unknown"],
};

function parseInner(slot: Slot, text: string, ctx: AnswerContext): AnswerValue {
  const clean = detectPii(text).redacted;
  const t = matchForm(clean);
  if (t.length === 0) return undefined;
  const today = ctx?.today ?? "";
  const exact = CHOICE_VALUES[slot]?.find((v) => v === t);
  if (exact !== undefined) return exact;
  // English: the English reading first; digits, dates and bare yes/no fall through to the reading below.
  if (isEnglishText(clean) || isMostlyEnglish(clean)) {
    const en = parseEnglishAnswer(slot, clean, today, ctx?.facts);
    if (en === null) return undefined;
    if (en !== undefined) return en;
    if (slot === "symptom" || slot === "applicant" || slot === "certificate") return undefined;
  }

  switch (slot) {
    case "symptom": {
      const f = extractFacts(clean, { today });
      if (f.symptom !== undefined) return f.symptom;
      // "e-Taxの暗証番号を忘れた" is not "わからない": it is e-Tax's own password (facts §10).
      if (f.etaxPassword) return undefined;
      if (has(RE_OTHER, t) || has(RE_UNKNOWN, t)) return "other";
      return undefined;
    }
    case "certificate": {
      if (has(RE_BOTH, t)) return undefined;
      const sig = has(RE_CERT_SIG, t);
      const user = has(RE_CERT_USER, t);
      if (sig && !user) return "signature";
      if (user && !sig) return "user";
      if (sig && user) return undefined;
      if (has(RE_UNKNOWN, t)) return "unknown";
      if (has(RE_PASSWORD, t)) return "signature"; // the signature PIN is the one called パスワード
      return undefined;
    }
    case "basicInfoChanged": {
      if (has(RE_UNKNOWN, t)) return "unknown";
      const b = internals.detectBasicInfo(t);
      if (b !== undefined) return b;
      return yesNo(t);
    }
    case "signaturePinKnown":
    case "userPinKnown": {
      if (negatedHits(RE_FORGET, t).length > 0) return "yes"; // 忘れていない
      if (has(RE_UNKNOWN, t)) return "no";
      return yesNo(t);
    }
    case "nfcSmartphone": {
      if (has(RE_UNKNOWN, t)) return "unknown";
      const f = extractFacts(clean, { today });
      if (f.nfcSmartphone !== undefined) return f.nfcSmartphone;
      return yesNo(t);
    }
    case "wrongAttempts":
      return wrongAttemptsAnswer(t, ctx);
    case "certExpiry":
    case "cardExpiry":
      return dateAnswer(t, today, false);
    case "issuedOn":
      return dateAnswer(t, today, true);
    case "applicant": {
      if (has(internals.RE_LEGAL, t)) return "legal-representative";
      if (has(internals.RE_PROXY, t)) return "proxy";
      if (has(RE_LEGAL_ANSWER, t)) return "legal-representative";
      if (has(RE_PROXY_ANSWER, t)) return "proxy";
      if (has(RE_SELF_ANSWER, t)) return "self";
      return undefined;
    }
    case "foreignResident": {
      if (has(RE_FOREIGN_ANSWER_NO, t)) return "no";
      if (has(RE_FOREIGN_ANSWER_YES, t)) return has(RE_NOT_IT, t) ? "no" : "yes";
      if (has(RE_UNKNOWN, t)) return undefined;
      return yesNo(t);
    }
    case "noSignatureReason": {
      if (has(internals.RE_ADULT_WARD, t) || has(RE_NOSIG_WARD, t)) return "adult-ward";
      if (has(internals.RE_FACE, t) || has(RE_NOSIG_FACE, t)) return "face-auth-card";
      if (has(internals.RE_UNDER15, t) || has(RE_NOSIG_UNDER15, t)) return "under-15";
      if (has(RE_UNKNOWN, t)) return "unknown";
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Interpret a typed answer to a question about `slot`. Returns the slot's value (contract §2):
 * "yes"/"no"/"unknown", a certificate kind, an applicant, a date "YYYY-MM-DD", a count 0–5 …
 * or undefined when the text does not answer the slot. Never throws.
 */
export function parseAnswer(slot: Slot, text: string, ctx: AnswerContext): AnswerValue {
  try {
    return parseInner(slot, typeof text === "string" ? text : "", ctx ?? { today: "" });
  } catch {
    return undefined;
  }
}

/** Why a typed answer could not be taken: a date that does not exist, or a count that is no count. */
export type AnswerTrouble = "noSuchDate" | "ambiguous";

/**
 * Why `text` does not answer the question about `slot`, when the reason is worth saying: a date that
 * does not exist (2027年2月29日), or "数回" / "何度か" for a count. Undefined otherwise. Never throws.
 */
export function answerTrouble(slot: Slot, text: string, ctx: AnswerContext): AnswerTrouble | undefined {
  try {
    if (slot === "certExpiry" || slot === "cardExpiry" || slot === "issuedOn") {
      return findImpossibleDate(detectPii(text).redacted, ctx?.today ?? "") !== undefined ? "noSuchDate" : undefined;
    }
    if (slot === "wrongAttempts") {
      if (parseAnswer(slot, text, ctx) !== undefined) return undefined;
      const clean = detectPii(text).redacted;
      return has(RE_SEVERAL, matchForm(clean)) || (isEnglishText(clean) && englishSeveral(clean)) ? "ambiguous" : undefined;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * "both" / 「両方」 to "which PIN?": no certificate value, but both PINs, when the trouble is one that
 * both PINs can share (locked or forgotten, as extractFacts reads 「両方ロック」); a forgotten pair is
 * two unknown PINs. Undefined otherwise (a wrong entry is made with one PIN at a time).
 */
function bothAnswer(text: string, ctx: AnswerContext): Partial<Facts> | undefined {
  try {
    const symptom = ctx?.facts?.symptom;
    if (symptom !== "locked" && symptom !== "forgot-pin") return undefined;
    const clean = detectPii(text).redacted;
    const t = matchForm(clean);
    const both = isEnglishText(clean) || isMostlyEnglish(clean) ? englishSaysBoth(clean) : has(RE_BOTH, t) && negatedHits(RE_BOTH, t).length === 0;
    if (!both) return undefined;
    return symptom === "forgot-pin" ? { bothPins: true, signaturePinKnown: "no", userPinKnown: "no" } : { bothPins: true };
  } catch {
    return undefined;
  }
}

/**
 * A typed answer as facts: `{ [slot]: value }` when it answers the question, or, for an expiry asked as a
 * date and answered with a month only ("来年2月"), the month (`certExpiryMonth` / `cardExpiryMonth`), so
 * that the month is kept when the day is not known. Undefined when the text does not answer.
 */
export function parseAnswerFacts(slot: Slot, text: string, ctx: AnswerContext): Partial<Facts> | undefined {
  const value = parseAnswer(slot, text, ctx);
  if (value !== undefined) return { [slot]: value } as Partial<Facts>;
  if (slot === "certificate") return bothAnswer(text, ctx);
  if (slot !== "certExpiry" && slot !== "cardExpiry") return undefined;
  try {
    const first = findDates(matchForm(detectPii(text).redacted), ctx?.today ?? "")[0];
    if (first?.month === undefined) return undefined;
    return slot === "certExpiry" ? { certExpiryMonth: first.month } : { cardExpiryMonth: first.month };
  } catch {
    return undefined;
  }
}
