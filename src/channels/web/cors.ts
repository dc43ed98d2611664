/**
 * CORS for the web chat API, by hand: only the origins in `CORS_ORIGINS` may call `/api/chat/*` from
 * another site. Same-origin use (the bundled chat page) needs no CORS at all. An allowed origin gets
 * `Access-Control-Allow-Origin: <origin>` and its preflight a 204; any other origin's preflight is a
 * 403 with a JSON error, and its other requests get no CORS header (the browser then hides the answer).
 */
import type { RequestHandler } from "express";
import { BotError } from "../../core/errors.ts";

const ALLOWED_METHODS = "GET, POST, OPTIONS";
const ALLOWED_HEADERS = new Set(["content-type", "x-request-id"]);
const EXPOSED_HEADERS = "Retry-After, X-Request-Id";

/** The CORS middleware for the web chat API (mount on `/api/chat`). */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary("Origin");
    const ok = typeof origin === "string" && allowed.has(origin);
    if (ok) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
    if (req.method !== "OPTIONS") return next();

    // A preflight (or a bare OPTIONS).
    res.setHeader("Allow", ALLOWED_METHODS);
    if (origin === undefined) return void res.status(204).end();
    if (!ok) return next(new BotError("CORS_ORIGIN_NOT_ALLOWED", 403, "this origin may not call the chat API"));
    const requested = String(req.headers["access-control-request-headers"] ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    const refused = requested.filter((h) => !ALLOWED_HEADERS.has(h));
    if (refused.length > 0) return next(new BotError("CORS_HEADER_NOT_ALLOWED", 403, `header not allowed: ${refused.join(", ").slice(0, 100)}`));
    res.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
    res.setHeader("Access-Control-Allow-Headers", [...ALLOWED_HEADERS].join(", "));
    res.setHeader("Access-Control-Max-Age", "600");
    res.status(204).end();
  };
}
