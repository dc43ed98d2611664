/**
 * The web chat channel: the JSON API of shared/contract.md §3 and the chat page at `/`.
 * Needs no credentials; conversation ids are `web:<sessionId>`.
 *
 * In front of the API, in this order: CORS (only the configured origins), the per-IP and per-session
 * rate limits (429 with `Retry-After`), the JSON body parser (64 kB → 413; not UTF-8 → 400).
 */
import { isUtf8 } from "node:buffer";
import { randomBytes } from "node:crypto";
import express, { type Express, type RequestHandler } from "express";
import type { Redis } from "ioredis";
import type { ConversationRuntime } from "../../core/runtime.ts";
import { BotError, notFound } from "../../core/errors.ts";
import type { InboundEvent } from "../../core/events.ts";
import { localeOfMeta, type Locale } from "../../core/locale.ts";
import type { TurnResult } from "../../core/runtime.ts";
import { localeAfterTurn } from "../locale.ts";
import type { Channel } from "../types.ts";
import { CALENDAR_PATH, calendarHandler } from "./calendar.ts";
import { corsFor } from "./cors.ts";
import type { WebOutbox } from "./outbox.ts";
import { pageHandler, uiTextScriptHandler, webUiText, widgetHandler } from "./page.ts";
import { parseCursor, parseLocaleQuery, parseMessageBody, parseSessionBody, SESSION_ID } from "./parse.ts";
import { createRateLimiter, RateLimitedError, type RateLimitScope, type RequestLimiter } from "./rate-limit.ts";
import { renderWebReplies, renderWebTranscript } from "./render.ts";
import { transcriptOf } from "../../core/transcript.ts";

export interface WebChannelOptions {
  runtime: ConversationRuntime;
  /** Largest JSON body accepted (413 above). */
  bodyLimit?: string;
  /** Origins allowed to call the API from another site (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /** Requests per minute per client IP address; 0 or unset: no limit (WEB_RATE_LIMIT_PER_MINUTE). */
  ipRateLimitPerMinute?: number;
  /** Messages per minute per session; 0 or unset: no limit (WEB_SESSION_RATE_LIMIT_PER_MINUTE). */
  sessionRateLimitPerMinute?: number;
  /** Told about every request refused by a limit (for metrics). */
  onRateLimited?: (scope: RateLimitScope) => void;
  /** Where the limits count, shared by every instance (the session store's Redis); else in memory. */
  rateLimitRedis?: Redis;
  /** Told when a limiter itself fails (the request goes through). */
  onRateLimitError?: (error: unknown) => void;
  /** Replies that reach the resident outside their requests (hand-off), served by `GET …/messages`. */
  outbox?: WebOutbox;
}

const PUBLIC_DIR = new URL("./public/", import.meta.url).pathname;

/** Thrown from the body parser's verify step: the body is not UTF-8 (400, not a silent U+FFFD). */
const notUtf8 = () => new BotError("INVALID_UTF8", 400, "request body is not valid UTF-8");

/** The web chat channel: mount it on the app (the JSON API under `/api/chat`, the page at `/`). */
export function createWebChannel(opts: WebChannelOptions): Channel {
  const { runtime } = opts;
  const limiter = (scope: RateLimitScope, perMinute: number | undefined) =>
    perMinute
      ? createRateLimiter({
          scope,
          perMinute,
          ...(opts.rateLimitRedis ? { redis: opts.rateLimitRedis } : {}),
          ...(opts.onRateLimitError ? { onError: opts.onRateLimitError } : {}),
        })
      : undefined;
  const perIp = limiter("ip", opts.ipRateLimitPerMinute);
  const perSession = limiter("session", opts.sessionRateLimitPerMinute);

  const limit = async (scope: RateLimitScope, counter: RequestLimiter | undefined, key: string) => {
    const taken = await counter?.take(key);
    if (taken && !taken.ok) {
      opts.onRateLimited?.(scope);
      throw new RateLimitedError(scope, taken.retryAfterSeconds);
    }
  };
  const ipLimit: RequestHandler = async (req, _res, next) => {
    await limit("ip", perIp, req.ip ?? req.socket.remoteAddress ?? "unknown");
    next();
  };
  const sessionLimit: RequestHandler = async (req, _res, next) => {
    const id = String(req.params.id);
    if (!SESSION_ID.test(id)) throw notFound("unknown session");
    await limit("session", perSession, id);
    next();
  };

  /** The conversation's locale after a turn (the runtime's; else what is stored). */
  const localeOf = async (conversationId: string, turn: TurnResult, event: InboundEvent): Promise<Locale> =>
    localeAfterTurn(turn, event) ?? localeOfMeta(await runtime.getMeta(conversationId));

  return {
    name: "web",
    mount(app: Express) {
      const json = express.json({
        limit: opts.bodyLimit ?? "64kb",
        strict: true,
        type: () => true,
        verify: (_req, _res, buf) => {
          if (!isUtf8(buf)) throw notUtf8();
        },
      });

      app.use("/api/chat", corsFor(opts.corsOrigins ?? []));

      // `{"locale": …}` (or `?lang=` on the page) opens the conversation in that language.
      app.post("/api/chat/sessions", ipLimit, json, async (req, res) => {
        const event = parseSessionBody(req.body);
        const sessionId = randomBytes(18).toString("base64url");
        const turn = await runtime.handle(`web:${sessionId}`, event);
        res.status(201).json({ sessionId, ...renderWebReplies(turn.replies), locale: await localeOf(`web:${sessionId}`, turn, event) });
      });

      app.post("/api/chat/sessions/:id/messages", ipLimit, sessionLimit, json, async (req, res) => {
        const id = String(req.params.id);
        const event = parseMessageBody(req.body);
        const turn = await runtime.handle(`web:${id}`, event, { mustExist: true });
        // When a PIN or 個人番号 was discarded, the page shows the resident's bubble as it was kept.
        // `locale`: the page follows the conversation's language (a switch shows its buttons in the new one).
        res.status(200).json({
          ...renderWebReplies(turn.replies),
          locale: await localeOf(`web:${id}`, turn, event),
          ...(turn.redactedText !== undefined ? { redactedText: turn.redactedText } : {}),
        });
      });

      // The conversation so far, for the page to restore itself after a reload (or a return from the
      // phone's dialler): the resident's texts as kept (redacted) and the bot's replies, then whatever
      // reached the outbox, and the outbox cursor to poll from.
      app.get("/api/chat/sessions/:id", ipLimit, async (req, res) => {
        const id = String(req.params.id);
        if (!SESSION_ID.test(id)) throw notFound("unknown session");
        const status = await runtime.handoffStatus(`web:${id}`);
        if (status === undefined) throw notFound("unknown session");
        const meta = await runtime.getMeta(`web:${id}`);
        const transcript = renderWebTranscript(transcriptOf(meta));
        const page = opts.outbox ? await opts.outbox.read(`web:${id}`, undefined) : { replies: [], cursor: "0" };
        if (page.replies.length > 0) transcript.push({ from: "bot", replies: renderWebReplies(page.replies).replies });
        res.set("Cache-Control", "no-store");
        res.status(200).json({ sessionId: id, locale: localeOfMeta(meta), transcript, cursor: page.cursor, handoff: status !== "none" });
      });

      // New messages from a person at the help desk. Polled by the page, so only the per-IP limit applies:
      // polling must not use up the session's message budget.
      app.get("/api/chat/sessions/:id/messages", ipLimit, async (req, res) => {
        const id = String(req.params.id);
        if (!SESSION_ID.test(id)) throw notFound("unknown session");
        const after = parseCursor(req.query.after);
        const status = await runtime.handoffStatus(`web:${id}`);
        if (status === undefined) throw notFound("unknown session");
        const page = opts.outbox ? await opts.outbox.read(`web:${id}`, after) : { replies: [], cursor: String(after ?? 0) };
        res.set("Cache-Control", "no-store");
        const locale = localeOfMeta(await runtime.getMeta(`web:${id}`));
        res.status(200).json({ ...renderWebReplies(page.replies), locale, cursor: page.cursor, handoff: status !== "none" });
      });

      // The page's words in a locale (flows/certificate-recovery/ui-text.ts); the page itself has them inlined.
      app.get("/api/chat/ui-text", ipLimit, (req, res) => {
        res.set("Cache-Control", "public, max-age=3600");
        res.status(200).json(webUiText(parseLocaleQuery(req.query.locale)));
      });

      // Reminders (issue 17): the calendar file behind a route's 「カレンダーに追加」 link.
      app.get(CALENDAR_PATH, ipLimit, calendarHandler(runtime.city));

      // A city's site loads widget.js from here with a <script> tag: another origin may read it.
      app.get("/widget.js", widgetHandler(PUBLIC_DIR));
      // The page (its <html lang> from ?lang=) and its words in every locale.
      app.get(["/", "/index.html"], pageHandler(PUBLIC_DIR));
      app.get("/ui-text.js", uiTextScriptHandler());
      app.use("/", express.static(PUBLIC_DIR, { index: "index.html", maxAge: "1h" }));
    },
  };
}
