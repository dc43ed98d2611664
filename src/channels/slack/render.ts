/**
 * Replies → Block Kit (pure). Questions become buttons (and a date picker for dates), routes a header,
 * a section per route section and link buttons, followed by a staff view: the facts collected, why this
 * route, and the answer as plain text to copy to the resident.
 *
 * Block Kit limits are respected here, not hoped for: at most 50 blocks a message (a longer turn becomes
 * several messages), 3,000 characters a section text (longer text is split at line ends), 75 characters
 * a button text and 150 a header (cut with …).
 */
import type { types } from "@slack/bolt";
import type { Ticket, TicketState } from "../../core/handoff.ts";
import type { Locale } from "../../core/locale.ts";
import type { QuestionReply, Reply, RouteReply } from "../../core/reply.ts";
import type { Facts } from "../../core/slots.ts";
import { factLabels, whyRoute, type Reason } from "../../../flows/certificate-recovery/explain.ts";
import { formatJapaneseDateTime } from "../../calendar/index.ts";
import { HANDOFF_CLAIM, HANDOFF_RESOLVE, questionBlockId } from "./parse.ts";

type Block = types.KnownBlock;

/** Block Kit's limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3_000,
  buttonText: 75,
  headerText: 150,
  actionsElements: 25,
  /** Our own cap for the notification text beside the blocks (Slack allows 40,000). */
  fallbackText: 3_000,
} as const;

/** One `chat.postMessage`: blocks, and the plain text Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** What a turn's rendering needs besides the replies. */
export interface TurnView {
  conversationId: string;
  /** Facts known after the turn, for the staff view. */
  facts: Facts;
  /** decide()'s reasons for the route reached in the turn (TurnResult.reasons), for "why this route". */
  reasons?: readonly Reason[];
  /** The conversation's locale (TurnResult.locale): staff are told when the resident reads another language. */
  locale?: Locale;
}

/**
 * Staff's view stays Japanese; it says which language the resident reads (issue 14), and how to write
 * to them. Nothing for `ja`, the default.
 */
const LOCALE_NOTES: Record<Exclude<Locale, "ja">, string> = {
  en: "言語：English（相談者は英語で案内を受けています。返信は英語でお願いします）",
  "ja-easy": "言語：やさしい日本語（返信は短い文で、漢字には読みがなを添えてください）",
};

/** The locale line for staff, or undefined for Japanese (or unknown). */
export function localeNote(locale: Locale | undefined): string | undefined {
  return locale && locale !== "ja" ? LOCALE_NOTES[locale] : undefined;
}

/** Slack mrkdwn needs `&`, `<` and `>` escaped; nothing else is. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Cut to `max` characters, ending with … when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Split escaped text into pieces of at most `max` characters, at line ends where possible. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    if (line.length > max) {
      // A line longer than a section: its pieces each fill a section of their own.
      const pieces = hardCut(line, max);
      out.push(current, ...pieces.slice(0, -1));
      current = pieces.at(-1) ?? "";
      continue;
    }
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length <= max) current = candidate;
    else {
      out.push(current);
      current = line;
    }
  }
  out.push(current);
  return out.filter((s) => s.trim() !== "");
}

/** Cut a long line without splitting an escape (`&amp;`) or a surrogate pair. */
function hardCut(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = max;
    const amp = rest.lastIndexOf("&", cut - 1);
    if (amp > cut - 5 && !rest.slice(amp, cut).includes(";")) cut = amp;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/** Sections of mrkdwn text, split to the limit. `escaped` text is used as it is. */
function sections(escaped: string): Block[] {
  return splitText(escaped, LIMITS.sectionText).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

/** Text in code blocks (```), split so that every block keeps its fences within the limit. */
function codeSections(plain: string): Block[] {
  const fences = "```\n\n```".length;
  return splitText(escapeMrkdwn(plain), LIMITS.sectionText - fences).map((chunk) => ({
    type: "section",
    text: { type: "mrkdwn", text: `\`\`\`\n${chunk}\n\`\`\`` },
  }));
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: "plain_text", text: clip(text, max), emoji: true };
}

function renderQuestion(q: QuestionReply, view: TurnView): Block[] {
  const blocks = sections(escapeMrkdwn(q.text));
  const room = LIMITS.actionsElements - (q.input === "date" ? 1 : 0);
  const elements: types.ActionsBlockElement[] = q.choices.slice(0, room).map((c, i) => ({
    type: "button",
    action_id: `choice:${i}`,
    text: plain(c.label, LIMITS.buttonText),
    value: c.value,
  }));
  if (q.input === "date") {
    elements.push({ type: "datepicker", action_id: "date", placeholder: plain("日付を選ぶ", LIMITS.buttonText) });
  }
  if (elements.length > 0) blocks.push({ type: "actions", block_id: questionBlockId(q.slot, view.conversationId), elements });
  return blocks;
}

function renderRoute(r: RouteReply, view: TurnView): Block[] {
  const blocks: Block[] = [{ type: "header", text: plain(r.title, LIMITS.headerText) }];
  if (r.lead.trim() !== "") blocks.push(...sections(`*${escapeMrkdwn(r.lead)}*`));
  // Staff see every section, details included (the resident's channels fold them).
  for (const s of r.sections) {
    blocks.push(...sections(`*${escapeMrkdwn(s.heading)}*\n${s.items.map((i) => `• ${escapeMrkdwn(i)}`).join("\n")}`));
  }
  // Phone numbers are in the text; buttons open web pages only.
  const web = (r.links ?? []).filter((l) => /^https?:\/\//.test(l.url));
  if (web.length) {
    blocks.push({
      type: "actions",
      elements: web.slice(0, LIMITS.actionsElements).map((l, i) => ({
        type: "button",
        action_id: `link:${i}`,
        text: plain(l.label, LIMITS.buttonText),
        url: l.url,
      })),
    });
  }
  return [...blocks, ...renderStaffView(r, view)];
}

/** For help-desk staff: which route and why, what was heard, and the answer to copy for the resident. */
export function renderStaffView(r: RouteReply, view: TurnView): Block[] {
  const facts = factLabels(view.facts).map((f) => `• ${escapeMrkdwn(f.label)}：${escapeMrkdwn(f.value)}`);
  const why = whyRoute(view.reasons ?? []).map((w) => `• ${escapeMrkdwn(w)}`);
  const language = localeNote(view.locale);
  return [
    { type: "divider" },
    { type: "context", elements: [{ type: "mrkdwn", text: `:memo: *担当者向け*　ルート \`${escapeMrkdwn(r.routeId)}\`` }] },
    ...(language ? [{ type: "context", elements: [{ type: "mrkdwn", text: `:globe_with_meridians: ${language}` }] } satisfies Block] : []),
    ...sections(
      [`*聞き取った内容*`, ...(facts.length ? facts : ["• （なし）"]), "", "*この案内になった理由*", ...(why.length ? why : ["• （なし）"])].join(
        "\n",
      ),
    ),
    { type: "context", elements: [{ type: "mrkdwn", text: "*住民の方へそのまま送れる文面*（コピーしてお使いください）" }] },
    ...codeSections(r.text),
  ];
}

/** The question offering a route's details (contract: choices `detail:<id>`). */
const DETAIL_QUESTION_SLOT = "detail";


function blocksOf(reply: Reply, view: TurnView): Block[] {
  switch (reply.type) {
    case "text":
      return sections(escapeMrkdwn(reply.text));
    case "question":
      return renderQuestion(reply, view);
    case "route":
      return renderRoute(reply, view);
  }
}

function summaryOf(reply: Reply): string {
  return reply.type === "route" ? reply.title : reply.text;
}

/**
 * One turn's replies as Slack messages: usually one message; more when the blocks pass 50. The
 * notification text is the replies' text (a route's title), cut to 3,000 characters.
 */
export function renderReplies(replies: Reply[], view: TurnView): SlackMessage[] {
  // A route's details are offered to residents on request; the staff view already shows them all.
  replies = replies.filter((r) => !(r.type === "question" && r.slot === DETAIL_QUESTION_SLOT));
  const blocks = replies.flatMap((r) => blocksOf(r, view));
  const text = escapeMrkdwn(clip(replies.map(summaryOf).join("\n"), LIMITS.fallbackText));
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocksPerMessage) {
    messages.push({ text: i === 0 ? text : "（続き）", blocks: blocks.slice(i, i + LIMITS.blocksPerMessage) });
  }
  return messages;
}

/** The first message of a thread opened by the slash command (or the staff form), with the form button. */
export function renderThreadStart(user: string, via: "command" | "form"): SlackMessage {
  const lead =
    via === "form"
      ? `<@${user}> さんがフォームに入力した内容で診断しました。結果はこのスレッドにあります。`
      : `<@${user}> さんの相談を、このスレッドでご案内します。ボタンで答えるか、スレッドに文字で書き込んでください。`;
  return {
    text: "マイナ証明書レスキュー：相談を受け付けました",
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `:id: ${lead}` } },
      {
        type: "actions",
        elements: [{ type: "button", action_id: "open_form", text: plain("フォームでまとめて入力", LIMITS.buttonText), value: "open_form" }],
      },
    ],
  };
}

/**
 * A question's message after a choice: its buttons replaced by what was chosen and by whom, so that
 * the thread reads as a record and an old question cannot be answered twice by accident.
 */
export function renderAnswered(blocks: readonly unknown[], blockId: string, label: string, user: string): Block[] {
  return blocks.map((b) =>
    (b as { block_id?: unknown }).block_id === blockId
      ? { type: "context", elements: [{ type: "mrkdwn", text: `:white_check_mark: ${escapeMrkdwn(clip(label, 200))}（<@${user}>）` }] }
      : (b as Block),
  );
}

// ---- hand-off tickets (src/core/handoff.ts) ---------------------------------------------------------

/** The block id of a ticket's buttons. */
export const TICKET_ACTIONS_BLOCK_ID = "handoff";

const ORIGIN_NAMES: Record<string, string> = { line: "LINE", web: "Webチャット" };
const originName = (origin: string) => ORIGIN_NAMES[origin] ?? origin;

function ticketStatusLine(state: TicketState): string {
  const by = state.staff ? `<@${state.staff}>` : "";
  switch (state.status) {
    case "waiting":
      return ":hourglass_flowing_sand: *対応待ち*　「対応する」を押すか、このスレッドに返信してください。";
    case "active":
      return `:raising_hand: *対応中*：${by}`;
    case "resolved":
      return `:white_check_mark: *解決済み*${by ? `（${by}）` : ""}　相談者はボットの案内に戻りました。`;
    case "withdrawn":
      return ":leftwards_arrow_with_hook: *取り下げ*　相談者が最初からやり直したため、ボットの案内に戻りました。対応は不要です。";
  }
}

const quote = (text: string) => escapeMrkdwn(text).split("\n").map((line) => `> ${line}`).join("\n");

/**
 * A hand-off ticket in the help-desk channel: where the resident writes from, which language they read
 * (issue 14; when the core puts the conversation's `locale` on the ticket), what the bot heard and
 * showed, their latest messages (already redacted), and while it is open, 「対応する」 and 「解決済み」.
 * Replies in its thread reach the resident.
 */
export function renderTicket(ticket: Ticket & { locale?: Locale }, state: TicketState): SlackMessage {
  const language = localeNote(ticket.locale);
  const origin = originName(ticket.origin);
  const open = state.status === "waiting" || state.status === "active";
  const facts = ticket.facts.map((f) => `• ${escapeMrkdwn(f.label)}：${escapeMrkdwn(f.value)}`);
  const messages = ticket.recentMessages.map(quote);
  const opened = formatJapaneseDateTime(new Date(ticket.openedAt), { year: true });
  const opens = ticket.opensAt ? `　:crescent_moon: 受付時間外（次の受付：${formatJapaneseDateTime(new Date(ticket.opensAt))}）` : "";
  const blocks: Block[] = [
    { type: "header", text: plain(`窓口への相談（${origin}）`, LIMITS.headerText) },
    { type: "section", text: { type: "mrkdwn", text: ticketStatusLine(state) } },
    ...(language ? [{ type: "section", text: { type: "mrkdwn", text: `:globe_with_meridians: *${language}*` } } satisfies Block] : []),
    ...sections(["*聞き取った内容*", ...(facts.length ? facts : ["• （なし）"])].join("\n")),
    ...(ticket.route
      ? sections(`*案内した内容*：${escapeMrkdwn(ticket.route.title)}（\`${escapeMrkdwn(ticket.route.routeId)}\`）`)
      : []),
    ...sections(["*相談者の最近のメッセージ*", ...(messages.length ? messages : ["（なし）"])].join("\n")),
    { type: "context", elements: [{ type: "mrkdwn", text: `受付：${opened}（${escapeMrkdwn(origin)}）${opens}` }] },
  ];
  if (open) {
    blocks.push(
      { type: "context", elements: [{ type: "mrkdwn", text: ":speech_balloon: このスレッドに書いた返信は、そのまま相談者に届きます。「メモ：」で始めた返信は届かず、担当者どうしのメモになります。" }] },
      {
        type: "actions",
        block_id: TICKET_ACTIONS_BLOCK_ID,
        elements: [
          { type: "button", action_id: HANDOFF_CLAIM, text: plain("対応する", LIMITS.buttonText), value: "claim", style: "primary" },
          { type: "button", action_id: HANDOFF_RESOLVE, text: plain("解決済み", LIMITS.buttonText), value: "resolve" },
        ],
      },
    );
  }
  const status = { waiting: "対応待ち", active: "対応中", resolved: "解決済み", withdrawn: "取り下げ" }[state.status];
  return { text: `窓口への相談（${escapeMrkdwn(origin)}）：${status}`, blocks };
}

/** A resident's message, added to the ticket's thread. */
export function renderResidentMessage(text: string): SlackMessage {
  const body = clip(text, LIMITS.sectionText - 100);
  return {
    text: escapeMrkdwn(clip(`相談者：${text}`, LIMITS.fallbackText)),
    blocks: [
      { type: "context", elements: [{ type: "mrkdwn", text: ":bust_in_silhouette: *相談者*" }] },
      ...sections(quote(body)),
    ],
  };
}

/** A note for staff in a ticket's thread (a reply that could not be delivered, a ticket already closed). */
export function renderTicketNote(text: string): SlackMessage {
  return { text: escapeMrkdwn(text), blocks: [{ type: "context", elements: [{ type: "mrkdwn", text: `:warning: ${escapeMrkdwn(text)}` }] }] };
}
