/** Fixed sentences the bot says outside questions and routes. Reviewed with the rest of flows/. */
import type { Locale } from "../../src/core/locale.ts";
import type { MessageKey } from "./machine.ts";

export const MESSAGES: Record<MessageKey | "expired" | "versionChanged" | "piiWarning" | "internalError" | "unsupported" | "localeSwitched", string> = {
  greeting:
    "こんにちは。マイナ証明書レスキューです。マイナンバーカードの電子証明書や暗証番号で困ったときの手続きを、順番にご案内します。\n※暗証番号やマイナンバー（12桁）は送らないでください。",
  restarted: "最初からお伺いします。",
  freshDiagnosis: "新しいご相談として確認します。",
  askAgainGaveUp: "すみません、お答えを読み取れませんでした。「わからない」として先に進みます。",
  askAgainGaveUpToPerson: "すみません、お答えを読み取れませんでした。窓口でご確認いただけるよう、連絡先をご案内します。",
  expired: "前回のご相談から時間がたったため、最初からお伺いします。",
  versionChanged: "会話の仕組みが更新されたので、最初からお伺いします。",
  piiWarning:
    "暗証番号やマイナンバー（12桁）は、このチャットに送らないでください。送られた番号は保存せずに破棄しました。念のため、ご心配な場合は暗証番号の変更をご検討ください。",
  internalError: "申し訳ありません。ただいま処理できませんでした。少し時間をおいて、もう一度お送りください。",
  unsupported:
    "申し訳ありません。文字のメッセージだけ読み取れます。お困りのことを文章で送るか、ボタンから選んでください。",
  /** The conversation's language was switched (issue 14); what the resident needs next follows. */
  localeSwitched: "日本語でご案内します。これまでにお答えいただいた内容はそのまま引き継ぎます。",
};

/**
 * What the bot says around a hand-off to a person at the help desk (src/core/handoff.ts). Staff's own
 * words reach the resident after {@link HANDOFF_MESSAGES.staffPrefix}.
 */
export const HANDOFF_MESSAGES = {
  /** The ticket is open and the desk is open now. */
  openedWithinHours: (hoursText: string) =>
    `担当者に引き継ぎました。担当者が順番にお答えします。返事はこのチャットに届きますので、このままお待ちください。\n（受付時間：${hoursText}）`,
  /** The ticket is open but the desk is closed: `opensAt` is a date and time such as 11月24日（火）8:30. */
  openedOutsideHours: (opensAt: string, hoursText: string) =>
    `担当者に引き継ぎました。ただいま受付時間外のため、${opensAt}から担当者が順番にお答えします。返事はこのチャットに届きますので、このままお待ちください。\n（受付時間：${hoursText}）`,
  /** The desk is closed and no opening is known (no hours in the next 60 days). */
  openedNoHours: (hoursText: string) =>
    `担当者に引き継ぎました。受付時間になりましたら、担当者が順番にお答えします。返事はこのチャットに届きます。\n（受付時間：${hoursText}）`,
  /** The first message the resident writes while waiting for (or talking with) a person. */
  forwarded: "担当者にお伝えしました。担当者からの返事をお待ちください。",
  /** Put before every message from staff. */
  staffPrefix: "（担当者）",
  /** Staff closed the ticket: the bot answers again. */
  resolved: "担当者との相談を終了しました。引き続きチャットでご案内します。",
  /** The resident started over while waiting for a person. */
  withdrawn: "担当者へのご相談を取り下げ、チャットでのご案内に戻ります。",
  /** A hand-off stored by another version of the bot could not be read: it ends, and the chat starts over. */
  unreadable:
    "システムの更新のため、担当者へのご相談をいったん終了しました。お手数ですが、担当者との相談を希望される場合は、もう一度「窓口に相談したい」を選んでください。",
  /** The ticket could not be opened (the help desk's system did not answer). */
  unavailable: "申し訳ありません。ただいま担当者におつなぎできませんでした。お手数ですが、上の窓口またはお電話でご相談ください。",
} as const;

/** The fixed sentences in a locale (issue 14: catalogs per locale; `ja` until they are written). */
export function messagesFor(locale: Locale): typeof MESSAGES {
  void locale;
  return MESSAGES;
}

/** The hand-off sentences in a locale (issue 14). */
export function handoffMessagesFor(locale: Locale): typeof HANDOFF_MESSAGES {
  void locale;
  return HANDOFF_MESSAGES;
}
