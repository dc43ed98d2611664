/**
 * Structured JSON logs (pino). Message text is never logged (and redacted should it slip into a log
 * object); conversation ids are hashed so that a log line cannot be tied back to a LINE user or a Slack
 * thread without the store. Every line written while a request is being handled carries its
 * `requestId`, and its `eventId` while one event of a webhook body is handled
 * (src/observability/context.ts).
 */
import { createHash } from "node:crypto";
import { pino, type Logger, type DestinationStream } from "pino";
import { currentRequestContext } from "./observability/context.ts";

export type { Logger };

/** Keys whose values are replaced by `[redacted]` wherever they appear in a log object. */
export const REDACTED_PATHS = [
  "text",
  "*.text",
  "body",
  "*.body",
  "req.body",
  "message.text",
  "event.text",
  "*.event.text",
  "rawBody",
  "*.rawBody",
];

/** A JSON logger at `level`, writing to `destination` (stdout by default; tests pass a collector). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "myna-cert-rescue" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin() {
        const ctx = currentRequestContext();
        if (!ctx) return {};
        return ctx.eventId ? { requestId: ctx.requestId, eventId: ctx.eventId } : { requestId: ctx.requestId };
      },
    },
    destination,
  );
}

/** A short stable hash of a conversation id for logs and metrics. */
export function hashId(id: string): string {
  return createHash("sha256").update(id).digest("base64url").slice(0, 12);
}
