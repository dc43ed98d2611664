/**
 * The HTTP app: request ids, access log and latency metrics, security headers, health checks and
 * `/metrics`, the channels' routes, and the one place where errors become responses (a JSON error with
 * a status; never a stack trace on the wire).
 */
import express, { type ErrorRequestHandler, type Express } from "express";
import helmet from "helmet";
import { BotError } from "./core/errors.ts";
import type { Logger } from "./logger.ts";
import { errorCode, safeError } from "./observability/errors.ts";
import { observeHttp } from "./observability/http.ts";
import { createMetrics, type Metrics } from "./observability/metrics.ts";
import type { SessionStore } from "./store/types.ts";
import { LockTimeoutError } from "./store/types.ts";
import type { Channel } from "./channels/types.ts";

export interface AppOptions {
  channels: Channel[];
  store: SessionStore;
  logger: Logger;
  /** This app's metrics registry (a fresh one when unset). */
  metrics?: Metrics;
  /** Origins whose pages may show the chat page in an iframe (EMBED_ORIGINS, the widget). */
  embedOrigins?: readonly string[];
}

/**
 * Security headers (helmet), with a strict Content-Security-Policy: the chat page loads only its own
 * chat.js and chat.css and has no inline script or style. It may not be framed, except by the city's
 * own sites listed in `EMBED_ORIGINS` (the widget, `widget.js`, shows the page in an iframe there).
 * Every response carries them but the webhooks' (see {@link createApp}).
 */
export function securityHeadersFor(embedOrigins: readonly string[] = []) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: embedOrigins.length > 0 ? ["'self'", ...embedOrigins] : ["'none'"],
      },
    },
    // X-Frame-Options cannot name another site; with embedding origins, frame-ancestors alone decides.
    xFrameOptions: embedOrigins.length > 0 ? false : { action: "sameorigin" },
    referrerPolicy: { policy: "no-referrer" },
    // HSTS is for the TLS terminator (the city's reverse proxy) to decide: it binds the whole host name
    // for a year, which the bot should not do on its own.
    strictTransportSecurity: false,
  });
}

/** The headers of a server that nobody embeds. */
export const securityHeaders = securityHeadersFor();

/** Where the platforms' webhooks live (`/webhooks/line`, `/webhooks/slack/events`). */
const WEBHOOKS = "/webhooks/";

export function createApp(opts: AppOptions): Express {
  const metrics = opts.metrics ?? createMetrics();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback, linklocal, uniquelocal");

  app.use(observeHttp({ logger: opts.logger, metrics }));
  // Browser headers are for what a browser loads: the page, its assets, the chat API and errors. The
  // webhooks answer LINE's and Slack's servers with a bare JSON acknowledgement, thousands of times a
  // minute at peak, and skip them.
  const headers = opts.embedOrigins?.length ? securityHeadersFor(opts.embedOrigins) : securityHeaders;
  app.use((req, res, next) => (req.path.startsWith(WEBHOOKS) ? next() : headers(req, res, next)));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await opts.store.ping();
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable", error: "session store unreachable" });
    }
  });
  app.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", metrics.contentType);
    res.setHeader("Cache-Control", "no-store");
    res.end(await metrics.render());
  });

  for (const channel of opts.channels) channel.mount(app);

  app.use((_req, res) => {
    res.status(404).json({ error: { code: "NOT_FOUND", message: "no such endpoint" } });
  });
  app.use(errorHandler(opts.logger, metrics));
  return app;
}

/** body-parser's error types → our codes and messages (its `status` is kept). */
const BODY_ERRORS: Record<string, [code: string, message: string]> = {
  "entity.too.large": ["PAYLOAD_TOO_LARGE", "request body too large"],
  "entity.parse.failed": ["MALFORMED_JSON", "malformed JSON body"],
  "charset.unsupported": ["UNSUPPORTED_CHARSET", "request body must be UTF-8"],
  "encoding.unsupported": ["UNSUPPORTED_ENCODING", "unsupported content encoding"],
  "request.aborted": ["REQUEST_ABORTED", "request aborted"],
  "request.size.invalid": ["BAD_REQUEST", "request size did not match content length"],
};

/** Errors → responses. Body-parser errors carry `status` and `type`; our own carry a code. */
export function errorHandler(logger: Logger, metrics?: Metrics): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let status = 500;
    let code = "INTERNAL";
    let message = "internal error";
    if (err instanceof BotError) {
      ({ status, code, message } = err);
    } else if (err instanceof LockTimeoutError) {
      status = 503;
      code = "BUSY";
      message = "conversation busy, try again";
    } else if (typeof err === "object" && err !== null && typeof (err as { status?: unknown }).status === "number") {
      const e = err as { status: number; type?: string };
      status = e.status;
      [code, message] = BODY_ERRORS[e.type ?? ""] ?? ["BAD_REQUEST", "bad request"];
      if (status < 400 || status > 599) status = 400;
    }
    if (status >= 500) {
      metrics?.errors.inc({ source: "http", code: status === 500 ? errorCode(err) : code });
      logger.error({ error: safeError(err), status, code }, "request failed");
    } else {
      logger.info({ status, code }, "request rejected");
    }
    if (res.headersSent) return;
    const retryAfter = (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === "number") res.setHeader("Retry-After", String(retryAfter));
    else if (status === 503) res.setHeader("Retry-After", "1");
    res.status(status).json({ error: { code, message } });
  };
}
