/**
 * The Slack channel for the help desk: direct messages, mentions (the conversation continues in the
 * thread), the slash command (a new thread), answer buttons, and the staff form (a modal that diagnoses
 * in one step). Transport only: verify (Bolt), parse, hand the event to the runtime, render, send.
 *
 * Requests arrive at `POST /webhooks/slack/events` through Bolt's ExpressReceiver; with an app token the
 * same listeners also receive over Socket Mode.
 *
 * Accept durably, then acknowledge (as the LINE channel does): a message, mention, staff reply in a
 * ticket's thread, answer button, slash command or staff form is written to the store's inbox (queue
 * `slack`, ./inbox.ts) before Slack gets its 2xx (Bolt's `processBeforeResponse`); a store that refuses
 * fails the request (a non-2xx) and Slack retries the event. Whichever instance is alive then takes it,
 * applies it under its conversation's lock after every earlier one, saves the conversation's new state
 * together with the answer it owes (the outbox record `outbox:slack:<event id | action ts | …>`), posts
 * the answer and marks it sent. A retried or resumed item whose record says `sent` is not applied or
 * posted again. The one gap (Slack's chat.postMessage has no idempotency key): a kill after the post and
 * before the record is marked sent posts that answer again when the item is resumed.
 * Ticket buttons (claim / resolve) are handled before the 2xx (they are idempotent in the hand-off).
 */
import { randomUUID } from "node:crypto";
import { App, webApi, type AllMiddlewareArgs, type Authorize, type Logger as BoltLogger } from "@slack/bolt";
import type { Express } from "express";
import type { ConversationRuntime } from "../../core/runtime.ts";
import type { InboundEvent } from "../../core/events.ts";
import type { Handoff, HelpDesk } from "../../core/handoff.ts";
import { hashId, type Logger } from "../../logger.ts";
import type { InboxItem, SessionStore } from "../../store/types.ts";
import type { Metrics } from "../../observability/metrics.ts";
import { detectPii } from "../../nlu/index.ts";
import { MAX_TEXT_LENGTH } from "../../core/runtime.ts";
import { createSlackInbox, SLACK_QUEUE } from "./inbox.ts";
import { MESSAGES } from "../../../flows/certificate-recovery/messages.ts";
import type { Channel } from "../types.ts";
import { emptyFormErrors, FORM_CALLBACK_ID, renderDiagnosisForm } from "./form.ts";
import {
  conversationIdOf,
  factsFromFormState,
  HANDOFF_CLAIM,
  HANDOFF_RESOLVE,
  mentionThreadInDesk,
  parseTicketAction,
  parseTicketReply,
  parseChoiceAction,
  parseCommand,
  parseFormButton,
  parseFormMeta,
  parseMention,
  parseMessageEvent,
  type ParsedMessage,
  type SlackTarget,
} from "./parse.ts";
import { renderAnswered, renderReplies, renderThreadStart, renderTicketNote, type SlackMessage } from "./render.ts";
import { renderHome } from "./home.ts";
import type { HomeSummary } from "../../analytics/home.ts";
import { cannotPostHere, createSlackHelpDesk, postMessages, postThreadStart, slackErrorCode } from "./send.ts";
import { boltLogger, createAuthorization, createSlackReceiver, webClientOptions } from "./verify.ts";

export interface SlackChannelOptions {
  runtime: ConversationRuntime;
  /** The inbox (queue `slack`), the outbox records and the conversations' locks. */
  store: SessionStore;
  /** Inbox metrics (`mcr_inbox_events_total{queue="slack"}`, `mcr_inbox_depth`). */
  metrics?: Metrics;
  /** An item taken but not finished for this long is taken over by another instance. Default 30 s. */
  resumeAfterMs?: number;
  /** Tries of one item before it is given up on (parked for a person). Default 5. */
  maxAttempts?: number;
  logger: Logger;
  signingSecret: string;
  botToken: string;
  /** Also receive over Socket Mode (`xapp-…`). */
  appToken?: string;
  /** Web API base; Slack's own when unset. */
  apiUrl?: string;
  /** The slash command, e.g. `/mynacard`. */
  slashCommand: string;
  /**
   * Hand-off tickets: the help-desk channel (city.handoff.slackChannelId) and the core's hand-off, which
   * this channel feeds with the staff's clicks and thread replies.
   */
  handoff?: SlackHandoffOptions;
  /** The App Home tab for staff (issue 18): the figures to show when someone opens it. */
  home?: { summary(): Promise<HomeSummary> };
}

/** What the Slack channel needs of the hand-off. */
export interface SlackHandoffOptions {
  channelId: string;
  desk: Pick<Handoff, "isTicket" | "claim" | "staffReply" | "resolve">;
}

/** The hand-off's {@link HelpDesk} as tickets in a Slack channel, with its own Web API client. */
export function createSlackHelpDeskClient(opts: { botToken: string; apiUrl?: string; channelId: string; logger: Logger }): HelpDesk {
  const client = new webApi.WebClient(opts.botToken, { ...webClientOptions(opts.apiUrl), logger: boltLogger(opts.logger) });
  return createSlackHelpDesk(client, opts.channelId);
}

/** How long an outbox record (so an event id's dedupe) is kept: Slack retries three times within about five minutes. */
const DEDUPE_TTL_MS = 60 * 60 * 1000;

/** What the inbox holds for one Slack item: the work it asks for, keyed for the outbox record. */
type SlackWork =
  | { k: "turn"; key: string; target: SlackTarget; event: InboundEvent; eventId?: string }
  | { k: "staff"; key: string; ticketId: string; staff: string; text: string; channel: string; eventId?: string };

/** What one item owes, saved with the conversation's new state; `sent` once Slack has it. */
interface SlackOutboxRecord {
  status: "owed" | "sent" | "none";
  messages?: SlackMessage[];
}

const outboxKeyOf = (key: string) => `outbox:slack:${key}`;

/** The event with any PIN or 個人番号 in its text replaced (flagged): the inbox keeps none. */
function redacted(event: InboundEvent): InboundEvent {
  if (event.kind !== "text") return event;
  const pii = detectPii(event.text.slice(0, MAX_TEXT_LENGTH));
  return pii.kinds.length === 0 ? event : { kind: "text", text: pii.redacted, piiRemoved: true };
}
/** Token errors that mean the configuration is wrong, not that Slack is unreachable. */
const TOKEN_REFUSED = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"]);
const TICKET_CLOSED = "この相談はすでに終了しているため、相談者には届いていません。";
const NOT_DELIVERED = "相談者に届けられませんでした。少し時間をおいて、もう一度お試しください。";
const NOT_IN_CHANNEL =
  "このチャンネルにはボットが参加していないため、相談を始められませんでした。`/invite` でボットを招待するか、ボットとのDMでお試しください。";

type WebClient = webApi.WebClient;
type Target = Omit<SlackTarget, "conversationId"> & { conversationId?: string };

/** The Slack channel; mount it on the app, then `start()` it (Socket Mode connects there). */
export function createSlackChannel(opts: SlackChannelOptions): Channel {
  const { runtime, store } = opts;
  const log = opts.logger.child({ channel: "slack" });
  const bolt = boltLogger(opts.logger);
  const clientOptions = webClientOptions(opts.apiUrl);
  const { identity, authorize } = createAuthorization(new webApi.WebClient(undefined, { ...clientOptions, logger: bolt }), opts.botToken);

  const receiver = createSlackReceiver({ signingSecret: opts.signingSecret, logger: bolt });
  const httpApp = new App({ receiver, authorize, clientOptions: { ...clientOptions }, logger: bolt, convoStore: false });
  listen(httpApp);
  const socketApp = opts.appToken ? socketModeApp(opts.appToken, authorize, clientOptions, bolt) : undefined;
  if (socketApp) listen(socketApp);
  let socketStarted = false;

  const worker = new webApi.WebClient(opts.botToken, { ...clientOptions, logger: bolt });
  const inbox = createSlackInbox({
    store,
    log,
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
    resumeAfterMs: opts.resumeAfterMs ?? 30_000,
    maxAttempts: opts.maxAttempts ?? 5,
    handle: handleItem,
    givenUp: async (item) => {
      const work = JSON.parse(item.body) as SlackWork;
      if (work.k !== "turn") return;
      await postMessages(worker, work.target, renderReplies([{ type: "text", text: MESSAGES.internalError }], { conversationId: work.target.conversationId, facts: {} }));
    },
  });

  /** Write work to the inbox (before the 2xx); a refusal fails the request, so Slack retries. */
  async function accept(work: SlackWork, conversationId: string): Promise<void> {
    const body: SlackWork = work.k === "turn" ? { ...work, event: redacted(work.event) } : work;
    await inbox.accept([{ conversationId, body: JSON.stringify(body) }]);
  }

  /** One item from the inbox (its conversation locked, every earlier one done): step with outbox, post once. */
  async function handleItem(item: InboxItem): Promise<void> {
    const work = JSON.parse(item.body) as SlackWork;
    const key = outboxKeyOf(work.key);
    let record = decodeRecord(await store.getValue(key));
    if (record && record.status !== "owed") {
      opts.metrics?.inboxEvents.inc({ queue: SLACK_QUEUE, outcome: "duplicate" });
      const ids = work.eventId ? { eventId: work.eventId } : {};
      log.info({ ...ids, conversation: hashId(item.conversationId), kind: work.k, outcome: "duplicate" }, "slack: event already handled");
      return;
    }
    if (work.k === "staff") return staffReply(work, key, item.resumed);
    const { target, event } = work;
    if (!record) {
      let owed: SlackOutboxRecord = { status: "none" };
      const turn = await runtime.handle(target.conversationId, event, {
        lockHeld: true,
        outbox: (result) => {
          const messages = renderReplies(result.replies, {
            conversationId: target.conversationId,
            facts: result.facts,
            ...(result.reasons ? { reasons: result.reasons } : {}),
            ...(result.locale ? { locale: result.locale } : {}),
          });
          owed = messages.length > 0 ? { status: "owed", messages } : { status: "none" };
          return [{ key, value: JSON.stringify(owed), ttlMs: DEDUPE_TTL_MS }];
        },
      });
      record = owed;
      log.info(
        { conversation: hashId(target.conversationId), event: event.kind, routeId: turn.routeId, pendingSlot: turn.pendingSlot, asked: turn.questionsAsked },
        "slack turn",
      );
    }
    if (record.status !== "owed") return;
    await postMessages(worker, target, record.messages ?? []);
    await store.setValue(key, JSON.stringify({ status: "sent" } satisfies SlackOutboxRecord), DEDUPE_TTL_MS);
  }

  /** A staff reply in a ticket's thread goes to the resident, once (the hand-off sends it with this key). */
  async function staffReply(work: Extract<SlackWork, { k: "staff" }>, key: string, resumed: boolean): Promise<void> {
    const { handoff } = opts;
    if (!handoff) return;
    const thread = { channel: work.channel, threadTs: work.ticketId };
    let outcome;
    try {
      // The same key on every try: the resident's channel sends it once (LINE's retry key).
      outcome = await handoff.desk.staffReply(work.ticketId, work.staff, work.text, `slack:${work.key}`);
    } catch (err) {
      log.error({ ticket: work.ticketId, err: { name: (err as Error).name, code: (err as { code?: unknown }).code } }, "slack: staff reply not delivered");
      await postMessages(worker, thread, [renderTicketNote(NOT_DELIVERED)]).catch(() => undefined);
      return;
    }
    log.info({ ticket: work.ticketId, outcome, ...(resumed ? { resumed: true } : {}) }, "slack: staff reply");
    if (outcome === "closed") await postMessages(worker, thread, [renderTicketNote(TICKET_CLOSED)]);
    await store.setValue(key, JSON.stringify({ status: "sent" } satisfies SlackOutboxRecord), DEDUPE_TTL_MS);
  }

  /** Work before the 2xx that is not the inbox's (opening a modal): a failure is logged and, where possible, apologised for. */
  async function guarded(client: WebClient, target: Target | undefined, what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      const e = err as { name?: string; code?: string };
      log.error({ what, err: { name: e.name, code: e.code, slackError: slackErrorCode(err) } }, "slack: handling failed");
      if (!target) return;
      const apology = renderReplies([{ type: "text", text: MESSAGES.internalError }], { conversationId: target.conversationId ?? "", facts: {} });
      await postMessages(client, target, apology).catch(() => undefined);
    }
  }

  /** Work that Slack needs no answer for and never retries (starting a thread, opening a modal): after the 2xx. */
  const later = new Set<Promise<void>>();
  function afterAck(work: () => Promise<void>): void {
    const p = work().catch((err: unknown) => log.error({ err: { name: (err as Error).name } }, "slack: handling failed"));
    later.add(p);
    void p.finally(() => later.delete(p));
  }

  /** A turn to take, keyed by Slack's event id (one per event, the same on every retry). */
  async function onMessage(parsed: ParsedMessage | undefined, args: { body: object }) {
    if (!parsed) return;
    let target = parsed.target;
    if (parsed.threadConversationId && (await runtime.exists(parsed.threadConversationId))) {
      target = { ...target, conversationId: parsed.threadConversationId };
    }
    if (parsed.onlyIfExists && !(await runtime.exists(target.conversationId))) return;
    const eventId = (args.body as { event_id?: unknown }).event_id;
    const key = typeof eventId === "string" ? `event:${eventId}` : `msg:${target.channel}:${(args.body as { event?: { ts?: string } }).event?.ts ?? randomKey()}`;
    await accept({ k: "turn", key, target, event: parsed.event, ...(typeof eventId === "string" ? { eventId } : {}) }, target.conversationId);
  }

  /** A staff reply in a ticket's thread, to the inbox. True when the message was a ticket's. */
  async function onTicketReply(args: { body: object; context: { botUserId?: string } }): Promise<boolean> {
    const { handoff } = opts;
    if (!handoff) return false;
    const reply = parseTicketReply(args.body, args.context.botUserId ?? "", handoff.channelId);
    if (!reply || !(await handoff.desk.isTicket(reply.ticketId))) return false;
    if (reply.internal) {
      log.info({ ticket: reply.ticketId }, "slack: staff note kept in the thread");
      return true;
    }
    const key = reply.eventId ?? `${handoff.channelId}:${reply.messageTs}`;
    await accept(
      { k: "staff", key, ticketId: reply.ticketId, staff: reply.staff, text: reply.text, channel: handoff.channelId, ...(reply.eventId ? { eventId: reply.eventId } : {}) },
      `slack-ticket:${reply.ticketId}`,
    );
    return true;
  }

  /** 「対応する」 / 「解決済み」 on a ticket. */
  async function onTicketAction({ ack, body, client }: { ack: () => Promise<void>; body: unknown; client: WebClient }): Promise<void> {
    await ack();
    const { handoff } = opts;
    const parsed = handoff ? parseTicketAction(body as Parameters<typeof parseTicketAction>[0], handoff.channelId) : undefined;
    if (!handoff || !parsed) return;
    const thread = { channel: handoff.channelId, threadTs: parsed.ticketId };
    try {
      const outcome =
        parsed.action === "claim" ? await handoff.desk.claim(parsed.ticketId, parsed.staff) : await handoff.desk.resolve(parsed.ticketId, parsed.staff);
      log.info({ ticket: parsed.ticketId, action: parsed.action, outcome }, "slack: ticket action");
      if (outcome === "closed") await postMessages(client, thread, [renderTicketNote("この相談はすでに終了しています。")]);
    } catch (err) {
      log.error({ ticket: parsed.ticketId, action: parsed.action, err: { name: (err as Error).name, slackError: slackErrorCode(err) } }, "slack: ticket action failed");
      await postMessages(client, thread, [renderTicketNote(parsed.action === "resolve" ? `相談は終了しましたが、${NOT_DELIVERED}` : NOT_DELIVERED)]).catch(
        () => undefined,
      );
    }
  }

  /** App Home (issue 18): the figures, with a link to each open ticket, published for the staff member. */
  async function onHomeOpened({ event, client }: { event: { user: string; tab?: string }; client: WebClient }): Promise<void> {
    const { home } = opts;
    if (!home || event.tab !== "home") return;
    try {
      const summary = await home.summary();
      const links: Record<string, string> = {};
      const desk = opts.handoff?.channelId;
      if (desk) {
        await Promise.all(
          summary.openHandoffs.slice(0, 30).map(async (h) => {
            const res = await client.chat.getPermalink({ channel: desk, message_ts: h.ticketId }).catch(() => undefined);
            if (res?.permalink) links[h.ticketId] = res.permalink;
          }),
        );
      }
      await client.views.publish({ user_id: event.user, view: renderHome(summary, links) });
      log.info({ openHandoffs: summary.openHandoffs.length }, "slack: app home published");
    } catch (err) {
      log.warn({ err: { name: (err as Error).name }, slackError: slackErrorCode(err) }, "slack: app home not published");
    }
  }

  function listen(app: App): void {
    app.event("app_home_opened", onHomeOpened);
    app.event("message", async (args) => {
      if (await onTicketReply(args)) return;
      await onMessage(parseMessageEvent(args.body, args.context.botUserId ?? ""), args);
    });
    app.event("app_mention", async (args) => {
      // In a ticket's thread a mention is a staff reply: the `message` event carries it.
      const thread = opts.handoff ? mentionThreadInDesk(args.body, opts.handoff.channelId) : undefined;
      if (thread && (await opts.handoff?.desk.isTicket(thread))) return;
      await onMessage(parseMention(args.body, args.context.botUserId ?? ""), args);
    });
    app.action(HANDOFF_CLAIM, onTicketAction);
    app.action(HANDOFF_RESOLVE, onTicketAction);

    app.command(opts.slashCommand, async ({ command, ack, client, respond }) => {
      await ack();
      const parsed = parseCommand(command);
      if (!parsed) return;
      if (parsed.kind === "form") {
        afterAck(() =>
          guarded(client, undefined, "form", async () => {
            await client.views.open({ trigger_id: parsed.triggerId, view: renderDiagnosisForm({ channel: parsed.channel }) });
          }),
        );
        return;
      }
      // Slack never retries a slash command: the thread is started after the 2xx, and its first turn
      // goes through the inbox from there (durable once the thread exists).
      afterAck(async () => {
        let thread: { channel: string; threadTs: string };
        try {
          thread = await postThreadStart(client, parsed.channel, renderThreadStart(parsed.user, "command"));
        } catch (err) {
          if (cannotPostHere(err)) await respond({ response_type: "ephemeral", text: NOT_IN_CHANNEL });
          else await guarded(client, undefined, "command", () => Promise.reject(err));
          return;
        }
        const target = { conversationId: conversationIdOf(parsed.team, thread.channel, thread.threadTs), ...thread };
        const event: InboundEvent = parsed.text ? { kind: "text", text: parsed.text } : { kind: "start" };
        await guarded(client, target, "command", () => accept({ k: "turn", key: `thread:${thread.channel}:${thread.threadTs}`, target, event }, target.conversationId));
      });
    });

    const onChoice = async ({ ack, body, client }: AllMiddlewareArgs & { ack: () => Promise<void>; body: unknown }) => {
      await ack();
      const parsed = parseChoiceAction(body as Parameters<typeof parseChoiceAction>[0]);
      if (!parsed) return;
      const message = (body as { message?: { text?: string; blocks?: unknown[] } }).message;
      if (parsed.messageTs && Array.isArray(message?.blocks)) {
        await client.chat
          .update({
            channel: parsed.target.channel,
            ts: parsed.messageTs,
            text: message.text ?? "",
            blocks: renderAnswered(message.blocks, parsed.blockId, parsed.label, parsed.user),
          })
          .catch((err: unknown) => log.warn({ slackError: slackErrorCode(err) }, "slack: could not mark the question answered"));
      }
      const actionTs = (body as { actions?: { action_ts?: string }[] }).actions?.[0]?.action_ts ?? randomKey();
      await accept({ k: "turn", key: `action:${parsed.target.channel}:${actionTs}`, target: parsed.target, event: parsed.event }, parsed.target.conversationId);
    };
    app.action(/^choice:\d+$/, onChoice);
    app.action("date", onChoice);

    app.action("open_form", async ({ ack, body, client }) => {
      await ack();
      const parsed = parseFormButton(body as Parameters<typeof parseFormButton>[0]);
      if (!parsed) return;
      await guarded(client, undefined, "form", async () => {
        await client.views.open({ trigger_id: parsed.triggerId, view: renderDiagnosisForm(parsed.meta) });
      });
    });
    // Link buttons open their URL in the browser; Slack still sends the click, which only needs an ack.
    app.action(/^link:\d+$/, async ({ ack }) => {
      await ack();
    });

    app.view(FORM_CALLBACK_ID, async ({ ack, body, view, client }) => {
      const facts = factsFromFormState(view.state.values);
      if (Object.keys(facts).length === 0) {
        await ack(emptyFormErrors());
        return;
      }
      await ack();
      const meta = parseFormMeta(view.private_metadata);
      const team = body.team?.id ?? body.user.team_id;
      if (!meta || !team) return;
      const submit = (thread: { channel: string; threadTs: string }) => {
        const target = { conversationId: conversationIdOf(team, thread.channel, thread.threadTs), ...thread };
        const key = `view:${view.id}:${"trigger_id" in body ? body.trigger_id : ""}:${thread.channel}:${thread.threadTs}`;
        return accept({ k: "turn", key, target, event: { kind: "facts", facts } }, target.conversationId);
      };
      // In a thread: to the inbox before the 2xx. A new thread is started after it (its turn then through the inbox).
      if (meta.threadTs) return void (await submit({ channel: meta.channel, threadTs: meta.threadTs }));
      afterAck(() =>
        guarded(client, undefined, "form", async () => {
          const start = renderThreadStart(body.user.id, "form");
          // Where the bot may not post, the answer goes to the staff member's DM with the app.
          const thread = await postThreadStart(client, meta.channel, start).catch((err: unknown) => {
            if (!cannotPostHere(err)) throw err;
            return postThreadStart(client, body.user.id, start);
          });
          await submit(thread);
        }),
      );
    });

    app.error(async (err) => {
      log.error({ err: { name: err.name, code: err.code } }, "slack: unhandled error");
      // Not accepted (the store refused, or failed before the inbox had it): a non-2xx, so Slack retries.
      throw err;
    });
  }

  return {
    name: "slack",
    mount(app: Express) {
      app.use(receiver.router);
    },
    async start() {
      try {
        const me = await identity();
        log.info({ botUserId: me.botUserId }, "slack: bot token verified");
      } catch (err) {
        const code = slackErrorCode(err);
        if (code && TOKEN_REFUSED.has(code)) throw new Error(`Slack: SLACK_BOT_TOKEN was refused (${code})`);
        log.warn({ slackError: code }, "slack: could not verify the bot token yet; will try again on the first event");
      }
      if (socketApp) {
        await socketApp.start();
        socketStarted = true;
        log.info("slack: connected over Socket Mode");
      }
      inbox.start();
    },
    async stop() {
      if (socketApp && socketStarted) {
        socketStarted = false;
        await socketApp.stop();
      }
      while (later.size > 0) await Promise.allSettled([...later]);
      await inbox.stop();
    },
  };
}

/** A second Bolt app for Socket Mode, with the same authorization and (registered by the caller) listeners. */
function socketModeApp(appToken: string, authorize: Authorize<boolean>, clientOptions: webApi.WebClientOptions, logger: BoltLogger): App {
  return new App({ socketMode: true, appToken, authorize, clientOptions: { ...clientOptions }, logger, convoStore: false });
}

function decodeRecord(text: string | undefined): SlackOutboxRecord | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as SlackOutboxRecord;
  } catch {
    return undefined;
  }
}

const randomKey = () => randomUUID();
