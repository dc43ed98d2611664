/**
 * 「解決しましたか？」 (issue 18): what the bot says after a resident taps 「解決した」 or 「解決しない」
 * under a route. The choices themselves are the follow-up's (questions.ts, FOLLOW_UP_CHOICES). The words
 * are the catalogs' (text/*.ts, one per locale).
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
import { catalogFor } from "./text/index.ts";
import type { FeedbackCatalog } from "./text/catalog.ts";
import { JA } from "./text/ja.ts";

/** The feedback's sentences in Japanese (text/ja.ts); the other locales are in text/*.ts. */
export const FEEDBACK_MESSAGES: Readonly<FeedbackCatalog> = JA.feedback;

/** The replies to 「解決した」 / 「解決しない」. `canHandOff`: a person can take this conversation over. */
export function feedbackReplies(
  resolved: boolean,
  ctx: { city: CityConfig; today: IsoDate; facts: Facts; canHandOff: boolean; locale?: Locale },
): Reply[] {
  const words = catalogFor(ctx.locale).feedback;
  if (resolved) return [{ type: "text", text: words.resolved }];
  // The counter and the phone lines, as the route contact-city shows them.
  const routeCtx = { city: ctx.city, today: ctx.today, ...(ctx.locale ? { locale: ctx.locale } : {}) };
  const contacts = buildRoute("contact-city", ctx.facts, routeCtx).sections.slice(0, 2);
  const talkToPerson: Choice = { label: words.talkToPerson, value: CONTACT_CHOICE };
  const startOver: Choice = { label: words.startOver, value: RESTART_CHOICE };
  const bullet = ctx.locale === "en" ? "• " : "・";
  const text = [
    words.notResolved,
    ...contacts.map((s) => [`■${s.heading}`, ...s.items.map((i) => `${bullet}${i}`)].join("\n")),
  ].join("\n\n");
  return [
    { type: "text", text },
    {
      type: "question",
      slot: FOLLOW_UP_SLOT,
      text: ctx.canHandOff ? words.offerPerson : words.otherwise,
      input: "choice",
      choices: ctx.canHandOff ? [talkToPerson, startOver] : [startOver],
    },
  ];
}
