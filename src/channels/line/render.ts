/**
 * Reply[] → LINE messages (pure). A question becomes a text with quick-reply buttons, a route a Flex
 * bubble with link and call buttons. LINE's limits are kept here and nowhere else: at most 5 messages
 * in one reply, 5,000 characters per text, 13 quick-reply items, 20-character labels, 300-character
 * postback data, and an altText short enough to read in a notification.
 */
import type { messagingApi } from "@line/bot-sdk";
import { fillUiText, uiTextFor } from "../../../flows/certificate-recovery/ui-text.ts";
import { DEFAULT_LOCALE, type Locale } from "../../core/locale.ts";
import { phonesIn, telUri, type Choice, type QuestionReply, type Reply, type RouteReply } from "../../core/reply.ts";
import { choiceData, datePickerData } from "./parse.ts";

type Message = messagingApi.Message;
type TextMessage = messagingApi.TextMessage;
type FlexMessage = messagingApi.FlexMessage;
type FlexComponent = messagingApi.FlexComponent;
type QuickReplyItem = messagingApi.QuickReplyItem;

/** The Messaging API's limits this renderer keeps (the fake API in the tests enforces the same). */
export const LINE_LIMITS = {
  messages: 5,
  text: 5_000,
  quickReplyItems: 13,
  label: 20,
  postbackData: 300,
  displayText: 300,
  altText: 400,
  uri: 1_000,
  /** Bytes of one bubble's JSON. */
  bubble: 30_000,
} as const;

export interface LineRenderOptions {
  /** The city counter's phone number: a call button under every route. */
  counterPhone?: string;
  /**
   * The conversation's locale (issue 14): the renderer's own words — the calendar and call buttons, a
   * route's notification text — come from flows/certificate-recovery/ui-text.ts in it. Default `ja`.
   */
  locale?: Locale;
}

/** Label of the calendar button offered with date questions (ja; other locales: the catalog's). */
export const DATE_PICKER_LABEL = uiTextFor(DEFAULT_LOCALE).line.datePicker;
const ACCENT = "#0B5394";

/**
 * Render one turn's replies. Consecutive texts are merged into one message; the quick reply of the
 * last question goes on the LAST message (LINE only shows it there). A route falls back to its plain
 * text when the Flex bubble would be too large or the reply would need more than 5 messages.
 */
export function renderLineMessages(replies: Reply[], opts: LineRenderOptions = {}): Message[] {
  if (replies.length === 0) return [];
  let messages = pack(replies, opts, true);
  if (messages.length > LINE_LIMITS.messages) messages = pack(replies, opts, false);
  if (messages.length > LINE_LIMITS.messages) {
    // Keep the start and the last message (the one that asks what comes next).
    messages = [...messages.slice(0, LINE_LIMITS.messages - 1), ...messages.slice(-1)];
  }
  const questions = replies.filter((r): r is QuestionReply => r.type === "question");
  const question = questions.at(-1);
  const quickReply = question ? renderQuickReply(question, questions.slice(0, -1), opts.locale) : undefined;
  const last = messages.at(-1);
  if (last && quickReply) messages[messages.length - 1] = { ...last, quickReply };
  return messages;
}

function pack(replies: Reply[], opts: LineRenderOptions, flex: boolean): Message[] {
  const out: Message[] = [];
  let buffer: string | undefined;
  const flush = () => {
    if (buffer !== undefined) out.push(...splitText(buffer).map(textMessage));
    buffer = undefined;
  };
  for (const reply of replies) {
    const bubble = flex && reply.type === "route" ? renderRoute(reply, opts) : undefined;
    if (bubble) {
      flush();
      out.push(bubble);
      continue;
    }
    const text = reply.text;
    if (text.trim() === "") continue;
    buffer = buffer === undefined ? text : `${buffer}\n\n${text}`;
  }
  flush();
  return out;
}

function textMessage(text: string): TextMessage {
  return { type: "text", text };
}

/** Texts over 5,000 characters are cut at line breaks (or hard, for one endless line). */
export function splitText(text: string, max: number = LINE_LIMITS.text): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf("\n", max);
    const at = cut > 0 ? cut : max;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n+/, "");
  }
  if (rest !== "") chunks.push(rest);
  return chunks;
}

/** At most `max` UTF-16 units (LINE's count), cut on a code point with "…". */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Choices as postback buttons (13 at most, calendar included); undefined for free input. Choices of
 * `earlier` questions of the same turn (a route's details before the follow-up) come first, in the
 * room the last question leaves: LINE shows quick replies on the last message only.
 */
export function renderQuickReply(
  question: QuestionReply,
  earlier: QuestionReply[] = [],
  locale: Locale = DEFAULT_LOCALE,
): messagingApi.QuickReply | undefined {
  const label = fit(uiTextFor(locale).line.datePicker, LINE_LIMITS.label);
  const picker: QuickReplyItem[] =
    question.input === "date"
      ? [{ type: "action", action: { type: "datetimepicker", label, data: datePickerData(question.slot), mode: "date" } }]
      : [];
  const room = LINE_LIMITS.quickReplyItems - picker.length;
  const items = [
    ...question.choices
      .filter((c) => choiceData(c.value, question.slot).length <= LINE_LIMITS.postbackData)
      .slice(0, room)
      .map((c) => choiceItem(c, question.slot)),
    ...picker,
  ];
  const before = earlier
    .flatMap((q) => q.choices.filter((c) => choiceData(c.value, q.slot).length <= LINE_LIMITS.postbackData).map((c) => choiceItem(c, q.slot)))
    .slice(0, LINE_LIMITS.quickReplyItems - items.length);
  const all = [...before, ...items];
  return all.length > 0 ? { items: all } : undefined;
}

function choiceItem(choice: Choice, slot: string): QuickReplyItem {
  return {
    type: "action",
    action: {
      type: "postback",
      label: fit(choice.label, LINE_LIMITS.label),
      data: choiceData(choice.value, slot),
      displayText: fit(choice.label, LINE_LIMITS.displayText),
    },
  };
}

/**
 * A route as a Flex bubble: the title, the lead, the sections of the first screen (details are offered
 * as quick replies instead), call buttons for the phone numbers shown, link buttons, and the counter's
 * call button. Undefined if too large.
 */
export function renderRoute(route: RouteReply, opts: LineRenderOptions = {}): FlexMessage | undefined {
  const words = uiTextFor(opts.locale ?? DEFAULT_LOCALE).line;
  const shown = route.sections.filter((s) => !s.detail && s.items.some((i) => i.trim() !== ""));
  const screen = [route.lead, ...shown.flatMap((s) => s.items)].join("\n");
  const links = (route.links ?? []).filter((l) => l.url.length <= LINE_LIMITS.uri);
  const shownTel = new Set(phonesIn(screen).map(telUri));
  const calls = links.filter((l) => l.url.startsWith("tel:") && shownTel.has(l.url));
  const buttons: FlexComponent[] = [
    ...calls.map(
      (l, i): FlexComponent => ({
        type: "button",
        style: i === 0 ? "primary" : "secondary",
        ...(i === 0 ? { color: ACCENT } : {}),
        height: "sm",
        action: { type: "uri", label: fit(l.label, LINE_LIMITS.label), uri: l.url },
      }),
    ),
    ...links
      .filter((l) => /^https?:\/\//.test(l.url))
      .map((l): FlexComponent => ({ type: "button", style: "link", height: "sm", action: { type: "uri", label: fit(l.label, LINE_LIMITS.label), uri: l.url } })),
  ];
  const tel = opts.counterPhone ? telUri(opts.counterPhone) : undefined;
  if (opts.counterPhone && tel && !calls.some((l) => l.url === tel)) {
    buttons.push({
      type: "button",
      style: "primary",
      color: ACCENT,
      height: "sm",
      action: { type: "uri", label: fit(fillUiText(words.callCounter, { phone: opts.counterPhone }), LINE_LIMITS.label), uri: tel },
    });
  }
  const lead: FlexComponent[] = route.lead.trim() !== "" ? [{ type: "text", text: route.lead, weight: "bold", size: "md", wrap: true }] : [];
  const contents: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: {
      type: "box",
      layout: "vertical",
      backgroundColor: "#EAF1FB",
      contents: [{ type: "text", text: route.title, weight: "bold", size: "lg", color: ACCENT, wrap: true }],
    },
    body: {
      type: "box",
      layout: "vertical",
      spacing: "lg",
      contents: [...lead, ...shown.map((section) => renderSection(section, words.bullet))],
    },
    ...(buttons.length > 0 ? { footer: { type: "box", layout: "vertical", spacing: "sm", contents: buttons } } : {}),
  };
  if (Buffer.byteLength(JSON.stringify(contents)) > LINE_LIMITS.bubble) return undefined;
  return { type: "flex", altText: altText(route, words.routeAltText), contents };
}

function renderSection(section: RouteReply["sections"][number], listMark: string): FlexComponent {
  const items = section.items.filter((i) => i.trim() !== "");
  const bullet = items.length > 1 ? listMark : "";
  return {
    type: "box",
    layout: "vertical",
    spacing: "xs",
    contents: [
      ...(section.heading.trim() !== ""
        ? [{ type: "text", text: section.heading, weight: "bold", size: "sm", color: ACCENT, wrap: true } as const]
        : []),
      ...items.map((item) => ({ type: "text", text: `${bullet}${item}`, size: "sm", wrap: true }) as const),
    ],
  };
}

/** What a notification shows: the title, then the lead (the catalog's `routeAltText`, in the route's locale). */
function altText(route: RouteReply, template: string): string {
  const first = route.lead || route.sections[0]?.items[0] || "";
  return fit(fillUiText(template, { title: route.title, lead: first }).trim(), LINE_LIMITS.altText);
}

/** `tel:` URI of a phone number (src/core/reply.ts). */
export { telUri };
