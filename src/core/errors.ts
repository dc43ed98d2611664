/**
 * Errors with codes. Channels turn them into responses in one place (src/server.ts): a bad signature
 * is 401, a bad body 400, an unknown conversation 404, anything else an apology and a log line.
 */
export class BotError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = "BotError";
    this.code = code;
    this.status = status;
  }
}

export const badRequest = (message: string) => new BotError("BAD_REQUEST", 400, message);
export const notFound = (message: string) => new BotError("NOT_FOUND", 404, message);
export const unauthorized = (message: string) => new BotError("UNAUTHORIZED", 401, message);
