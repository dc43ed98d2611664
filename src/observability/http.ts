/**
 * Per-request observability, mounted first on the app: a request id (the caller's `X-Request-Id` when
 * sane, else a new one; echoed in the response), one access log line per request, the HTTP latency
 * histogram, and a safety net that turns an empty error response (Bolt answers 401/400 with no body)
 * into the house's JSON error. A route whose events get log lines of their own (the LINE webhook)
 * can mark its answer with {@link accessLogAtDebug}: its access line is then at debug level.
 */
import type { Request, RequestHandler, Response } from "express";
import { hashId, type Logger } from "../logger.ts";
import { requestIdFrom, runWithRequestContext } from "./context.ts";
import type { Metrics } from "./metrics.ts";

/** Where the access log goes and which registry the latency histogram lives in. */
export interface HttpObservabilityOptions {
  logger: Logger;
  metrics: Metrics;
}

/** Web chat paths carry the session id, a bearer secret: logs show `:id` and the conversation hash. */
const WEB_SESSION_PATH = /^\/api\/chat\/sessions\/([^/]+)(\/.*)?$/;

/** The path as logged: no query string, no session id, at most 200 characters. */
export function pathForLog(url: string): { path: string; conversation?: string } {
  const q = url.indexOf("?");
  const path = (q === -1 ? url : url.slice(0, q)).slice(0, 200);
  const m = WEB_SESSION_PATH.exec(path);
  if (!m) return { path };
  return { path: `/api/chat/sessions/:id${m[2] ?? ""}`, conversation: hashId(`web:${m[1] ?? ""}`) };
}

/** The route pattern for metrics labels: a bounded set, never a raw path. */
export function routeLabel(req: Request, res: Response): string {
  const route = (req as { route?: { path?: unknown } }).route;
  if (route && typeof route.path === "string") return `${req.baseUrl}${route.path}`;
  if (res.statusCode === 404) return "(unmatched)";
  return "(static)";
}

const QUIET = Symbol("access log at debug");

/**
 * Log this request's access line at debug instead of info: for an answer whose work is logged line by
 * line elsewhere (the LINE webhook's `200`, its events each with their own line), so that info level
 * holds one line per event rather than two or three.
 */
export function accessLogAtDebug(res: Response): void {
  (res as { [QUIET]?: true })[QUIET] = true;
}

const ERROR_CODES: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** The request-id, access-log and latency middleware. */
export function observeHttp(opts: HttpObservabilityOptions): RequestHandler {
  const { logger, metrics } = opts;
  return (req, res, next) => {
    const t0 = performance.now();
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("X-Request-Id", requestId);
    jsonErrorBodies(res);

    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = (performance.now() - t0) / 1000;
      const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
      metrics.httpDuration.observe({ method: req.method, route: routeLabel(req, res), status: String(status) }, seconds);
      const level = (res as { [QUIET]?: true })[QUIET] && status < 400 ? "debug" : "info";
      if (!logger.isLevelEnabled(level)) return;
      const { path, conversation } = pathForLog(req.originalUrl);
      logger[level](
        { requestId, method: req.method, path, ...(conversation ? { conversation } : {}), status, ms: Math.round(seconds * 10_000) / 10 },
        "request",
      );
    };
    res.once("finish", finish);
    res.once("close", finish);
    runWithRequestContext({ requestId }, next);
  };
}

/** An error status sent with an empty body gets `{"error": {code, message}}` instead. */
function jsonErrorBodies(res: Response): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (res.statusCode >= 400 && (body === undefined || body === null || body === "") && !res.headersSent) {
      const code = ERROR_CODES[res.statusCode] ?? (res.statusCode >= 500 ? "INTERNAL" : "ERROR");
      res.type("application/json");
      return send(JSON.stringify({ error: { code, message: code.toLowerCase().replaceAll("_", " ") } }));
    }
    return send(body);
  };
}
