/**
 * What the bot says about reminders (issue 17), one catalog per locale, each satisfying the same type:
 * the opt-in question after a route on LINE, the answers to yes, no and 「通知を止める」, the push on the
 * day, and the calendar entry offered on the web chat. Reviewed with the rest of flows/.
 */
import { dateParts, formatJapaneseDate, weekdayOf } from "../../src/calendar/index.ts";
import type { IsoDate } from "../../src/core/slots.ts";
import type { ReminderKind, ReminderLocale } from "../../src/reminders/types.ts";

/** The counter as the push and the calendar name it. */
export interface ReminderCounter {
  name: string;
  address: string;
  hoursText: string;
}

/** The push on the day, as a neutral structure a channel renders (LINE: a Flex bubble with buttons). */
export interface ReminderNotice {
  title: string;
  lines: string[];
  /** The button that starts a diagnosis about renewal. */
  startLabel: string;
  /** The button that sends 「通知を止める」. */
  stopLabel: string;
  /** The text a phone's notification shows. */
  altText: string;
}

export interface ReminderCopy {
  /** The opt-in question: `date` is the date that matters, `dueDate` the morning it is sent. */
  question(kind: ReminderKind, date: IsoDate, dueDate: IsoDate): string;
  yesLabel: string;
  noLabel: string;
  /** After yes: when it comes, how to stop it, and the second reminder's day if there is one. */
  scheduled(dueDate: IsoDate, secondDueDate?: IsoDate): string;
  /** After no. */
  declined: string;
  /** After 「通知を止める」: `count` reminders were cancelled. */
  stopped(count: number): string;
  notice(kind: ReminderKind, date: IsoDate, dueDate: IsoDate, counter: ReminderCounter): ReminderNotice;
  /** The web chat's link to the .ics file. */
  calendarLabel: string;
  calendarEvent(kind: ReminderKind, date: IsoDate, cityName: string, counter: ReminderCounter): { summary: string; description: string };
}

/**
 * Words a resident types to stop reminders, matched anywhere in a short message on normalised text
 * (src/nlu normalize: NFKC, lower case, katakana folded to hiragana: リマインダー → りまいんだー).
 */
export const STOP_WORDS = /(通知|お知らせ|おしらせ|りまいんだ|りまいんど)ー?(を|は|も)?(止め|とめ|停止|解除|やめ|いらな|不要|おふ|off)|stop (the )?(reminders?|notifications?)|unsubscribe/i;
/** A typed yes / no to the opt-in question. */
export const YES_WORDS = /^(はい|うん|ええ|お願い|おねがい|頼む|たのむ|する|します|ほしい|欲しい|ok|yes|yeah|sure|please)/i;
export const NO_WORDS = /^(いいえ|いえ|いらない|要らない|不要|結構|けっこう|大丈夫|だいじょうぶ|しない|しません|no|nope|no thanks)/i;

const ja = (d: IsoDate) => formatJapaneseDate(d, { year: false });
const jaYear = (d: IsoDate) => formatJapaneseDate(d);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const en = (d: IsoDate) => {
  const p = dateParts(d);
  return `${DAYS[weekdayOf(d)]}, ${MONTHS[p.m - 1]} ${p.d}, ${p.y}`;
};

const JA_WHAT: Record<ReminderKind, { question: string; title: string; dateLine: string; calendar: string }> = {
  "certificate-renewal-opens": { question: "受付が始まる日", title: "電子証明書の更新の受付が始まりました", dateLine: "受付開始", calendar: "電子証明書の更新受付開始" },
  "certificate-expiry-soon": { question: "電子証明書の有効期限", title: "電子証明書の有効期限が近づいています", dateLine: "有効期限", calendar: "電子証明書の有効期限" },
  "card-renewal-opens": { question: "カードの更新の受付が始まる日", title: "マイナンバーカードの更新の受付が始まりました", dateLine: "受付開始", calendar: "マイナンバーカードの更新受付開始" },
  "card-expiry-soon": { question: "カードの有効期限", title: "マイナンバーカードの有効期限が近づいています", dateLine: "有効期限", calendar: "マイナンバーカードの有効期限" },
  "residence-period-ends": { question: "在留期間の終わり", title: "在留期間の終わりが近づいています", dateLine: "在留期間の満了日", calendar: "在留期間の満了日（マイナンバーカードの有効期限の変更）" },
};
const opens = (kind: ReminderKind) => kind === "certificate-renewal-opens" || kind === "card-renewal-opens";

const JA: ReminderCopy = {
  question(kind, date, dueDate) {
    const what = `${JA_WHAT[kind].question}（${ja(date)}）`;
    if (opens(kind)) {
      return dueDate === date
        ? `${what}の朝にLINEでお知らせしましょうか？`
        : `${what}は窓口が休みのため、窓口が開く${ja(dueDate)}の朝にLINEでお知らせしましょうか？`;
    }
    return `${what}の前、${ja(dueDate)}の朝にLINEでお知らせしましょうか？`;
  },
  yesLabel: "はい、お願いします",
  noLabel: "いいえ",
  scheduled: (dueDate, second) =>
    `${ja(dueDate)}の朝9時ごろにLINEでお知らせします。${second ? `有効期限の前（${ja(second)}）にも、もう一度お知らせします。` : ""}止めるときは「通知を止める」と送ってください。`,
  declined: "承知しました。お知らせはしません。",
  stopped: (count) => (count > 0 ? "お知らせを止めました。今後、お知らせは届きません。" : "お知らせの予定はありません。"),
  notice(kind, date, dueDate, counter) {
    const w = JA_WHAT[kind];
    const lines = [
      `${w.dateLine}：${jaYear(date)}`,
      ...(dueDate !== date && opens(kind) ? [`窓口で手続きできるのは${ja(dueDate)}からです。`] : []),
      `窓口：${counter.name}`,
      `住所：${counter.address}`,
      `受付時間：${counter.hoursText}`,
      ...(kind === "certificate-renewal-opens" ? ["更新が済んだら「通知を止める」を押してください。"] : []),
    ];
    return { title: w.title, lines, startLabel: "手続きを確認する", stopLabel: "通知を止める", altText: `${w.title}（${w.dateLine}：${ja(date)}）` };
  },
  calendarLabel: "カレンダーに追加",
  calendarEvent(kind, date, cityName, counter) {
    const w = JA_WHAT[kind];
    return {
      summary: `${w.calendar}（${cityName}）`,
      description: [`${w.dateLine}：${jaYear(date)}`, `窓口：${counter.name}`, `受付時間：${counter.hoursText}`].join("\n"),
    };
  },
};

const EASY_WHAT: Record<ReminderKind, string> = {
  "certificate-renewal-opens": "電子証明書の 更新が できる 日",
  "certificate-expiry-soon": "電子証明書の 期限",
  "card-renewal-opens": "カードの 更新が できる 日",
  "card-expiry-soon": "カードの 期限",
  "residence-period-ends": "在留期間が 終わる 日",
};

const JA_EASY: ReminderCopy = {
  question: (kind, date, dueDate) => `${EASY_WHAT[kind]}は ${ja(date)}です。${ja(dueDate)}の 朝に LINEで 知らせますか？`,
  yesLabel: "はい",
  noLabel: "いいえ",
  scheduled: (dueDate, second) =>
    `${ja(dueDate)}の 朝 9時ごろに 知らせます。${second ? `${ja(second)}にも もう一度 知らせます。` : ""}やめたい ときは 「通知を止める」と 送って ください。`,
  declined: "わかりました。知らせません。",
  stopped: (count) => (count > 0 ? "お知らせを やめました。" : "お知らせの 予定は ありません。"),
  notice(kind, date, dueDate, counter) {
    const title = `${EASY_WHAT[kind]}が 近いです`;
    return {
      title,
      lines: [`${EASY_WHAT[kind]}：${jaYear(date)}`, `窓口は ${ja(dueDate)}から 開いて います。`, `窓口：${counter.name}`, `住所：${counter.address}`, `時間：${counter.hoursText}`],
      startLabel: "手続きを 見る",
      stopLabel: "通知を止める",
      altText: `${title}（${ja(date)}）`,
    };
  },
  calendarLabel: "カレンダーに追加",
  calendarEvent: (kind, date, cityName, counter) => ({
    summary: `${EASY_WHAT[kind]}（${cityName}）`,
    description: [`${EASY_WHAT[kind]}：${jaYear(date)}`, `窓口：${counter.name}`, `時間：${counter.hoursText}`].join("\n"),
  }),
};

const EN_WHAT: Record<ReminderKind, { what: string; title: string }> = {
  "certificate-renewal-opens": { what: "the day renewal of your certificate opens", title: "Certificate renewal (更新) is open" },
  "certificate-expiry-soon": { what: "your certificate's expiry", title: "Your certificate expires soon" },
  "card-renewal-opens": { what: "the day renewal of your My Number Card opens", title: "My Number Card renewal is open" },
  "card-expiry-soon": { what: "your My Number Card's expiry", title: "Your My Number Card expires soon" },
  "residence-period-ends": { what: "the end of your period of stay (在留期間)", title: "Your period of stay ends soon" },
};

const EN: ReminderCopy = {
  question: (kind, date, dueDate) =>
    `Shall we remind you on LINE on the morning of ${en(dueDate)}? (${EN_WHAT[kind].what}: ${en(date)})`,
  yesLabel: "Yes, please",
  noLabel: "No",
  scheduled: (dueDate, second) =>
    `We will remind you on LINE at about 9:00 on ${en(dueDate)}.${second ? ` We will remind you once more on ${en(second)}.` : ""} Send "stop reminders" to stop them.`,
  declined: "All right. No reminder will be sent.",
  stopped: (count) => (count > 0 ? "Reminders stopped. You will not receive them any more." : "You have no reminders."),
  notice(kind, date, dueDate, counter) {
    const { title } = EN_WHAT[kind];
    return {
      title,
      lines: [`Date: ${en(date)}`, `The counter is open from ${en(dueDate)}.`, `Counter: ${counter.name}`, `Address: ${counter.address}`, `Hours: ${counter.hoursText}`],
      startLabel: "See what to do",
      stopLabel: "Stop reminders",
      altText: `${title} (${en(date)})`,
    };
  },
  calendarLabel: "Add to calendar",
  calendarEvent: (kind, date, cityName, counter) => ({
    summary: `${EN_WHAT[kind].title} (${cityName})`,
    description: [`Date: ${en(date)}`, `Counter: ${counter.name}`, `Hours: ${counter.hoursText}`].join("\n"),
  }),
};

export const REMINDER_MESSAGES: Record<ReminderLocale, ReminderCopy> = { ja: JA, "ja-easy": JA_EASY, en: EN };
