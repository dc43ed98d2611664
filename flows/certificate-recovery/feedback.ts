/**
 * 「解決しましたか？」 (issue 18): what the bot says after a resident taps 「解決した」 or 「解決しない」
 * under a route. The choices themselves are the follow-up's (questions.ts, FOLLOW_UP_CHOICES). A city's
 * content owner reviews this file.
 *
 * 「解決しない」 offers the counter and the phone numbers (the same sections as the route
 * `contact-city`, so that they live in one place) and, where a hand-off to the help desk is on, a person.
 */
import type { Choice, Reply } from "../../src/core/reply.ts";
import type { Facts, IsoDate } from "../../src/core/slots.ts";
import type { CityConfig } from "../cities/schema.ts";
import type { Locale } from "../../src/core/locale.ts";
import { CONTACT_CHOICE, RESTART_CHOICE } from "./machine.ts";
import { FOLLOW_UP_SLOT } from "./questions.ts";
import { buildRoute } from "./routes.ts";

export const FEEDBACK_MESSAGES = {
  resolved: "お役に立ててよかったです。ほかにもお困りのことがあれば、そのまま入力してください。",
  notResolved: "お役に立てず申し訳ありません。窓口またはお電話でご相談ください。",
  /** The question after 「解決しない」 when a person can take over. */
  offerPerson: "担当者とチャットで相談することもできます。",
  /** The question after 「解決しない」 without a hand-off. */
  otherwise: "ほかにもお困りのことがあれば、そのまま入力してください。",
} as const;

const TALK_TO_PERSON: Choice = { label: "担当者と相談する", value: CONTACT_CHOICE };
const START_OVER: Choice = { label: "最初からやり直す", value: RESTART_CHOICE };

/** The replies to 「解決した」 / 「解決しない」. `canHandOff`: a person can take this conversation over. */
export function feedbackReplies(
  resolved: boolean,
  ctx: { city: CityConfig; today: IsoDate; facts: Facts; canHandOff: boolean; locale?: Locale },
): Reply[] {
  if (resolved) return [{ type: "text", text: FEEDBACK_MESSAGES.resolved }];
  // The counter and the phone lines, as the route contact-city shows them.
  const contacts = buildRoute("contact-city", ctx.facts, { city: ctx.city, today: ctx.today }).sections.slice(0, 2);
  const text = [
    FEEDBACK_MESSAGES.notResolved,
    ...contacts.map((s) => [`■${s.heading}`, ...s.items.map((i) => `・${i}`)].join("\n")),
  ].join("\n\n");
  return [
    { type: "text", text },
    {
      type: "question",
      slot: FOLLOW_UP_SLOT,
      text: ctx.canHandOff ? FEEDBACK_MESSAGES.offerPerson : FEEDBACK_MESSAGES.otherwise,
      input: "choice",
      choices: ctx.canHandOff ? [TALK_TO_PERSON, START_OVER] : [START_OVER],
    },
  ];
}
