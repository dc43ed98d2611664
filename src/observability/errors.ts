/**
 * Errors as they may be logged: name, code and message, with any conversation id in the message or
 * stack (a LINE user id, a web session id) replaced by its hash. Logged under `error` (not `err`, which
 * pino would serialise again from the raw error).
 */
import { hashId } from "../logger.ts";

const CONVERSATION_ID = /\b(?:web|line|slack):[A-Za-z0-9_:.-]+/g;

/** Replace conversation ids in free text by `#<hash>` (the hash the turn log uses). */
export function hideConversationIds(text: string): string {
  return text.replace(CONVERSATION_ID, (id) => `#${hashId(id)}`);
}

/** A loggable copy of an error. */
export function safeError(err: unknown): { type: string; code?: string; message?: string; stack?: string } {
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    message: hideConversationIds(err.message),
    ...(err.stack ? { stack: hideConversationIds(err.stack) } : {}),
  };
}

/** A short bounded code for an error (metrics label). */
export function errorCode(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(code)) return code;
    return /^[A-Za-z0-9_]{1,40}$/.test(err.name) ? err.name : "Error";
  }
  return "unknown";
}
