/**
 * What a channel hands the core after verifying and parsing a platform request. Conversation ids carry
 * their channel: `web:<id>`, `line:<userId>`, `slack:<team>:<channel>:<thread_ts>`.
 */
import type { Locale } from "./locale.ts";
import type { Facts } from "./slots.ts";

export type InboundEvent =
  /** Open a conversation: greeting and the first question (web session, LINE follow). */
  | {
      kind: "start";
      /** The language asked for when the conversation was opened (web `{"locale"}`, `?lang=`, LINE's profile). */
      locale?: Locale;
    }
  /** Free text typed by the resident (or staff). */
  | {
      kind: "text";
      text: string;
      /**
       * The channel already replaced a PIN or 個人番号 in `text` with ＊＊＊＊ (before keeping the event in a
       * durable inbox, which must hold none either): the resident is warned as if it were found here.
       */
      piiRemoved?: boolean;
      /**
       * The language the channel knows the resident reads (LINE's profile language), used only when the
       * conversation has no locale yet (its first message). The resident's own words still win.
       */
      localeHint?: Locale;
    }
  /**
   * A tapped choice: a slot value, or `restart` / `contact` after a route. `slot` names the question
   * the button belonged to: a tap on an older question's button is then not read as an answer to the
   * question now open (LINE and Slack buttons stay tappable after they were answered).
   */
  | { kind: "choice"; value: string; slot?: string }
  /** Start the diagnosis over. */
  | { kind: "restart" }
  /** Diagnose in one step from facts gathered elsewhere (the Slack staff form). */
  | { kind: "facts"; facts: Facts };
