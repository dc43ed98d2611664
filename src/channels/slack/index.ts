/**
 * The Slack channel for the help desk: direct messages, mentions (the conversation continues in the
 * thread), the slash command (a new thread), answer buttons, and the staff form (a modal that diagnoses
 * in one step). Transport only: verify (Bolt), parse, hand the event to the runtime, render, send.
 *
 * Requests arrive at `POST /webhooks/slack/events` through Bolt's ExpressReceiver; with an app token the
 * same listeners also receive over Socket Mode. Every request is acknowledged first and worked on after.
 */
import { App, webApi, type AllMiddlewareArgs, type Authorize, type Logger as BoltLogger } from "@slack/bolt";
import type { Express } from "express";
import type { ConversationRuntime } from "../../core/runtime.ts";
import type { InboundEvent } from "../../core/events.ts";
import type { Handoff, HelpDesk } from "../../core/handoff.ts";
import { hashId, type Logger } from "../../logger.ts";
import type { SessionStore } from "../../store/types.ts";
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
import { renderAnswered, renderReplies, renderThreadStart, renderTicketNote } from "./render.ts";
import { renderHome } from "./home.ts";
import type { HomeSummary } from "../../analytics/home.ts";
import { cannotPostHere, createSlackHelpDesk, postMessages, postThreadStart, slackErrorCode } from "./send.ts";
import { boltLogger, createAuthorization, createSlackReceiver, webClientOptions } from "./verify.ts";

export interface SlackChannelOptions {
  runtime: ConversationRuntime;
  /** For event dedupe (`claimEvent`): Slack retries an event it thinks was not received. */
  store: SessionStore;
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

/** How long an event id is remembered: Slack retries three times within about five minutes. */
const DEDUPE_TTL_MS = 60 * 60 * 1000;
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

  /** Run one turn and post its replies. */
  async function deliver(client: WebClient, target: SlackTarget, event: InboundEvent): Promise<void> {
    const turn = await runtime.handle(target.conversationId, event);
    await postMessages(client, target, renderReplies(turn.replies, { conversationId: target.conversationId, facts: turn.facts, ...(turn.reasons ? { reasons: turn.reasons } : {}) }));
    log.info(
      { conversation: hashId(target.conversationId), event: event.kind, routeId: turn.routeId, pendingSlot: turn.pendingSlot, asked: turn.questionsAsked },
      "slack turn",
    );
  }

  /** Work after the ack: a failure is logged and, where there is a place to say it, apologised for. */
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

  /**
   * Slack retries an event it did not see acknowledged in time; a retry of an event already handled is
   * skipped. Claimed only for events the bot acts on, so that channel chatter costs no store writes.
   */
  async function firstDelivery(body: { event_id?: unknown }, retryNum: number | undefined): Promise<boolean> {
    if (typeof body.event_id !== "string") return true;
    if (await store.claimEvent(`slack:${body.event_id}`, DEDUPE_TTL_MS)) return true;
    log.info({ eventId: body.event_id, retryNum }, "slack: event already handled");
    return false;
  }

  async function onMessage(parsed: ParsedMessage | undefined, args: { body: object; context: { retryNum?: number }; client: WebClient }) {
    if (!parsed) return;
    const { client } = args;
    let target = parsed.target;
    if (parsed.threadConversationId && (await runtime.exists(parsed.threadConversationId))) {
      target = { ...target, conversationId: parsed.threadConversationId };
    }
    if (parsed.onlyIfExists && !(await runtime.exists(target.conversationId))) return;
    if (!(await firstDelivery(args.body, args.context.retryNum))) return;
    await guarded(client, target, parsed.event.kind, () => deliver(client, target, parsed.event));
  }

  /** A staff reply in a ticket's thread goes to the resident, once. True when the message was a ticket's. */
  async function onTicketReply(args: { body: object; context: { retryNum?: number; botUserId?: string }; client: WebClient }): Promise<boolean> {
    const { handoff } = opts;
    if (!handoff) return false;
    const reply = parseTicketReply(args.body, args.context.botUserId ?? "", handoff.channelId);
    if (!reply || !(await handoff.desk.isTicket(reply.ticketId))) return false;
    if (reply.internal) {
      log.info({ ticket: reply.ticketId }, "slack: staff note kept in the thread");
      return true;
    }
    if (!(await firstDelivery(args.body, args.context.retryNum))) return true;
    const thread = { channel: handoff.channelId, threadTs: reply.ticketId };
    try {
      // The same on every retry of the event: the resident's channel sends it once (LINE's retry key).
      const key = `slack:${reply.eventId ?? `${handoff.channelId}:${reply.messageTs}`}`;
      const outcome = await handoff.desk.staffReply(reply.ticketId, reply.staff, reply.text, key);
      log.info({ ticket: reply.ticketId, outcome }, "slack: staff reply");
      if (outcome === "closed") await postMessages(args.client, thread, [renderTicketNote(TICKET_CLOSED)]);
    } catch (err) {
      log.error({ ticket: reply.ticketId, err: { name: (err as Error).name, code: (err as { code?: unknown }).code } }, "slack: staff reply not delivered");
      if (reply.eventId) await store.releaseEvent(`slack:${reply.eventId}`).catch(() => undefined);
      await postMessages(args.client, thread, [renderTicketNote(NOT_DELIVERED)]).catch(() => undefined);
    }
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
        await guarded(client, undefined, "form", async () => {
          await client.views.open({ trigger_id: parsed.triggerId, view: renderDiagnosisForm({ channel: parsed.channel }) });
        });
        return;
      }
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
      await guarded(client, target, "command", () => deliver(client, target, event));
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
      await guarded(client, parsed.target, "choice", () => deliver(client, parsed.target, parsed.event));
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
      await guarded(client, undefined, "form", async () => {
        let thread = meta.threadTs ? { channel: meta.channel, threadTs: meta.threadTs } : undefined;
        if (!thread) {
          const start = renderThreadStart(body.user.id, "form");
          // Where the bot may not post, the answer goes to the staff member's DM with the app.
          thread = await postThreadStart(client, meta.channel, start).catch((err: unknown) => {
            if (!cannotPostHere(err)) throw err;
            return postThreadStart(client, body.user.id, start);
          });
        }
        const target = { conversationId: conversationIdOf(team, thread.channel, thread.threadTs), ...thread };
        await guarded(client, target, "form", () => deliver(client, target, { kind: "facts", facts }));
      });
    });

    app.error(async (err) => {
      log.error({ err: { name: err.name, code: err.code } }, "slack: unhandled error");
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
    },
    async stop() {
      if (socketApp && socketStarted) {
        socketStarted = false;
        await socketApp.stop();
      }
    },
  };
}

/** A second Bolt app for Socket Mode, with the same authorization and (registered by the caller) listeners. */
function socketModeApp(appToken: string, authorize: Authorize<boolean>, clientOptions: webApi.WebClientOptions, logger: BoltLogger): App {
  return new App({ socketMode: true, appToken, authorize, clientOptions: { ...clientOptions }, logger, convoStore: false });
}
