/**
 * The words of the channels' own screens, per locale (issue 14; issue 13: no resident copy in channel
 * code): the web chat page and its widget, LINE's button labels and notification texts, and the LINE rich
 * menu. Reviewed with the rest of flows/. Every locale satisfies the same type, so a missing key fails
 * to compile; `{name}` marks a value the channel fills in.
 *
 * やさしい日本語: readings in full-width brackets right after the kanji word (the web page shows them as
 * `<ruby>`); labels stay short.
 */
import type { Locale } from "../../src/core/locale.ts";

/** The web chat page (src/channels/web/public): its fixed parts and what it says when a request fails. */
export interface WebUiText {
  /** `<title>` and the header. */
  title: string;
  subtitle: string;
  /** The button that starts a new conversation. */
  newChat: string;
  /** aria-label of the conversation log. */
  log: string;
  /** The (visually hidden) label of the text input. */
  messageLabel: string;
  placeholder: string;
  send: string;
  /** Under the input: never send a PIN or a 個人番号. */
  notice: string;
  /** Screen-reader text of the typing indicator. */
  typing: string;
  retry: string;
  offline: string;
  /** `{seconds}`: how long to wait (the 429's Retry-After). */
  rateLimited: string;
  /** 503. */
  busy: string;
  failed: string;
  startFailed: string;
  /** aria-label of the date input of a date question. */
  pickDate: string;
  /** What a screen reader hears before an answer's title: `{title}`, `{lead}`. */
  answer: string;
}

/** The widget on a city's own site (widget.js). */
export interface WidgetUiText {
  open: string;
  close: string;
  /** The panel's and the frame's accessible name. */
  title: string;
}

/** Symptoms the rich menu's six tiles start a diagnosis from (richmenu.json's `m=<symptom>`). */
export type RichMenuEntry = "revoked" | "locked" | "forgot-pin" | "renewal" | "lost-card" | "other";

/** LINE: button labels (≤ 20 characters), notification texts, the rich menu. */
export interface LineUiText {
  /** The calendar button of a date question. */
  datePicker: string;
  /** The call button under an answer: `{phone}`. */
  callCounter: string;
  /** A route's notification text (altText): `{title}`, `{lead}`. */
  routeAltText: string;
  /** Put before each item of a section with several items. */
  bullet: string;
  richMenu: {
    /** The menu's name (LINE's console only, ≤ 300). */
    name: string;
    /** The chat bar's text (≤ 14). */
    chatBarText: string;
    /** Per tile: the label (≤ 20, read aloud by accessibility tools) and the text sent when tapped. */
    areas: Record<RichMenuEntry, { label: string; displayText: string }>;
  };
}

export interface UiText {
  web: WebUiText;
  widget: WidgetUiText;
  line: LineUiText;
}

const ja: UiText = {
  web: {
    title: "マイナ証明書レスキュー",
    subtitle: "マイナンバーカードの電子証明書・暗証番号のお困りごとをご案内します",
    newChat: "最初から",
    log: "会話",
    messageLabel: "メッセージ",
    placeholder: "例：「失効しています」と出た",
    send: "送信",
    notice: "暗証番号やマイナンバー（12桁）は入力しないでください。",
    typing: "回答を準備しています",
    retry: "もう一度送る",
    offline: "インターネットに接続されていないようです。接続を確かめてから「もう一度送る」を押してください。",
    rateLimited: "続けて送信されたため、受け付けを少しお休みしています。{seconds}秒ほど待ってから「もう一度送る」を押してください。",
    busy: "ただいま混み合っています。少し待ってから「もう一度送る」を押してください。",
    failed: "申し訳ありません。送信できませんでした。「もう一度送る」を押してください。",
    startFailed: "接続できませんでした。通信状況を確かめてから「もう一度送る」を押してください。",
    pickDate: "日付を選ぶ",
    answer: "回答：{title}。{lead}",
  },
  widget: { open: "マイナ証明書の相談", close: "閉じる", title: "マイナ証明書レスキュー（チャット）" },
  line: {
    datePicker: "カレンダーから選ぶ",
    callCounter: "窓口に電話 {phone}",
    routeAltText: "【{title}】{lead}",
    bullet: "・",
    richMenu: {
      name: "マイナ証明書レスキュー メインメニュー",
      chatBarText: "メニュー",
      areas: {
        revoked: { label: "失効と表示される", displayText: "「失効」と表示される" },
        locked: { label: "暗証番号ロック", displayText: "暗証番号がロックされた" },
        "forgot-pin": { label: "暗証番号を忘れた", displayText: "暗証番号を忘れた" },
        renewal: { label: "証明書の更新", displayText: "電子証明書を更新したい" },
        "lost-card": { label: "カードをなくした", displayText: "カードをなくした" },
        other: { label: "窓口に相談", displayText: "窓口に相談したい" },
      },
    },
  },
};

const jaEasy: UiText = {
  web: {
    title: "マイナ証明書（しょうめいしょ）レスキュー",
    subtitle: "マイナンバーカードの 証明書（しょうめいしょ）や 暗証番号（あんしょうばんごう）で こまったときに 案内（あんない）します",
    newChat: "はじめから",
    log: "かいわ",
    messageLabel: "メッセージ",
    placeholder: "れい：「失効（しっこう）」と でた",
    send: "おくる",
    notice: "暗証番号（あんしょうばんごう）や マイナンバー（12けた）は 書（か）かないで ください。",
    typing: "こたえを つくっています",
    retry: "もう一度（いちど）おくる",
    offline: "インターネットに つながっていません。つながったら「もう一度（いちど）おくる」を おしてください。",
    rateLimited: "つづけて おくったので、すこし 休（やす）んでいます。{seconds}びょう まってから「もう一度（いちど）おくる」を おしてください。",
    busy: "いま こんでいます。すこし まってから「もう一度（いちど）おくる」を おしてください。",
    failed: "すみません。おくれませんでした。「もう一度（いちど）おくる」を おしてください。",
    startFailed: "つながりませんでした。インターネットを たしかめてから「もう一度（いちど）おくる」を おしてください。",
    pickDate: "日（ひ）にちを えらぶ",
    answer: "こたえ：{title}。{lead}",
  },
  widget: { open: "マイナ証明書（しょうめいしょ）の そうだん", close: "とじる", title: "マイナ証明書（しょうめいしょ）レスキュー（チャット）" },
  line: {
    datePicker: "カレンダーで えらぶ",
    callCounter: "窓口に でんわ {phone}",
    routeAltText: "【{title}】{lead}",
    bullet: "・",
    richMenu: {
      name: "マイナ証明書レスキュー メニュー（やさしい日本語）",
      chatBarText: "メニュー",
      areas: {
        revoked: { label: "「失効」と でた", displayText: "「失効（しっこう）」と でました" },
        locked: { label: "暗証番号が ロック", displayText: "暗証番号（あんしょうばんごう）が ロックされました" },
        "forgot-pin": { label: "暗証番号を わすれた", displayText: "暗証番号（あんしょうばんごう）を わすれました" },
        renewal: { label: "証明書の 更新", displayText: "証明書（しょうめいしょ）を 更新（こうしん）したいです" },
        "lost-card": { label: "カードを なくした", displayText: "カードを なくしました" },
        other: { label: "窓口に そうだん", displayText: "窓口（まどぐち）に そうだんしたいです" },
      },
    },
  },
};

const en: UiText = {
  web: {
    title: "My Number Card Certificate Help",
    subtitle: "Help when the certificates or PINs of your My Number Card (マイナンバーカード) stop working",
    newChat: "Start over",
    log: "Conversation",
    messageLabel: "Message",
    placeholder: "e.g. It says my certificate has expired",
    send: "Send",
    notice: "Never type your PIN or your 12-digit My Number.",
    typing: "Preparing an answer",
    retry: "Send again",
    offline: "You seem to be offline. Check your connection, then press “Send again”.",
    rateLimited: "You sent several messages in a row, so we are pausing for a moment. Wait about {seconds} seconds, then press “Send again”.",
    busy: "We are busy right now. Wait a little, then press “Send again”.",
    failed: "Sorry, your message could not be sent. Press “Send again”.",
    startFailed: "Could not connect. Check your connection, then press “Send again”.",
    pickDate: "Pick a date",
    answer: "Answer: {title}. {lead}",
  },
  widget: { open: "My Number Card help", close: "Close", title: "My Number Card Certificate Help (chat)" },
  line: {
    datePicker: "Pick from calendar",
    callCounter: "Call {phone}",
    routeAltText: "{title}: {lead}",
    bullet: "• ",
    richMenu: {
      name: "My Number Card Certificate Help main menu (English)",
      chatBarText: "Menu",
      areas: {
        revoked: { label: "Says “revoked”", displayText: "It says my certificate is revoked (失効)" },
        locked: { label: "PIN is locked", displayText: "My PIN is locked" },
        "forgot-pin": { label: "Forgot my PIN", displayText: "I forgot my PIN" },
        renewal: { label: "Renew certificate", displayText: "I want to renew my certificate" },
        "lost-card": { label: "Lost my card", displayText: "I lost my card" },
        other: { label: "Ask the counter", displayText: "I want to talk to the city office" },
      },
    },
  },
};

/** Every locale's words (the web page receives all of them, to switch without a request). */
export const UI_TEXT: Record<Locale, UiText> = { ja, "ja-easy": jaEasy, en };

/** The channels' words in a locale. */
export function uiTextFor(locale: Locale): UiText {
  return UI_TEXT[locale];
}

/** Fill `{name}` placeholders of a catalog string. */
export function fillUiText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
