/**
 * Requests signed exactly as Slack signs them: `x-slack-signature: v0=<hex HMAC-SHA256 of
 * "v0:<timestamp>:<raw body>">` with the signing secret, and `x-slack-request-timestamp` in seconds.
 */
import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPost {
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** POST a raw body to the Slack endpoint, signed; answers status and text. */
export async function postSigned(url: string, body: string, contentType: string, opts: SignedPost = {}) {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(opts.secret ?? SIGNING_SECRET, timestamp, body),
      ...opts.headers,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** An Events API body (JSON). */
export const postEvent = (url: string, payload: unknown, opts?: SignedPost) =>
  postSigned(url, JSON.stringify(payload), "application/json", opts);

/** A slash command (form fields, as Slack sends them). */
export const postCommand = (url: string, fields: Record<string, string>, opts?: SignedPost) =>
  postSigned(url, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", opts);

/** An interaction (`payload=<json>`, form-encoded, as Slack sends block actions and view submissions). */
export const postInteraction = (url: string, payload: unknown, opts?: SignedPost) =>
  postSigned(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded", opts);
