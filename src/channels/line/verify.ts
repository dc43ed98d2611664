/**
 * Verify a LINE webhook request: the SDK's middleware checks `x-line-signature` (HMAC-SHA256 of the
 * raw body with the channel secret) and parses the JSON. Its errors are mapped here to our BotErrors,
 * so that src/server.ts answers with the house's JSON error: 401 for a missing or bad signature,
 * 400 for a body that is not JSON, 413 for a body over the limit. Nothing is processed before this.
 */
import { JSONParseError, middleware, SignatureValidationFailed } from "@line/bot-sdk";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { badRequest, unauthorized } from "../../core/errors.ts";

export interface LineVerifyOptions {
  channelSecret: string;
  /** Largest webhook body read (413 above). LINE's bodies are a few kilobytes. */
  bodyLimit?: string;
}

/** SDK errors → BotErrors; anything else goes on to the app's error handler unchanged. */
export const mapLineErrors: ErrorRequestHandler = (err, _req, _res, next) => {
  if (err instanceof SignatureValidationFailed) {
    next(unauthorized(err.message === "no signature" ? "missing x-line-signature" : "invalid x-line-signature"));
  } else if (err instanceof JSONParseError) {
    next(badRequest("malformed JSON body"));
  } else {
    next(err);
  }
};

/**
 * The handlers to put in front of the webhook route, in order: read the raw body (with a size limit,
 * never JSON-parsed before the signature is checked), verify and parse it, map the errors.
 */
export function verifyLineRequest(opts: LineVerifyOptions): (RequestHandler | ErrorRequestHandler)[] {
  const raw = express.raw({ type: () => true, limit: opts.bodyLimit ?? "1mb" });
  const lineMiddleware = middleware({ channelSecret: opts.channelSecret });
  const verify: RequestHandler = (req, res, next) => {
    void lineMiddleware(req, res, next);
  };
  return [raw, verify, mapLineErrors];
}
