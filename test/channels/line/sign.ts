/**
 * Sign webhook bodies with the test channel secret exactly as the LINE Platform does: the
 * `x-line-signature` header is the base64 HMAC-SHA256 of the raw request body.
 */
import { createHmac } from "node:crypto";

export const TEST_CHANNEL_SECRET = "test-line-channel-secret-0123456789";
export const TEST_ACCESS_TOKEN = "test-line-channel-access-token";

export function signLineBody(rawBody: string | Buffer, secret: string = TEST_CHANNEL_SECRET): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

/** POST a raw body to the webhook, signed unless `signature` is given (null: no header at all). */
export async function postWebhook(url: string, rawBody: string, signature?: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  const sig = signature === undefined ? signLineBody(rawBody) : signature;
  if (sig !== null) headers["x-line-signature"] = sig;
  const res = await fetch(`${url}/webhooks/line`, { method: "POST", headers, body: rawBody });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}
