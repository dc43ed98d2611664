/**
 * The baseline: a bare express server with the LINE SDK's own `middleware` (signature check and JSON
 * parse) that echoes each event back with the SDK client — the text of a message, the data of a
 * postback — to the same Messaging API (LINE_API_BASE_URL, the bench's fake). Like our channel it
 * answers 200 first and replies after, so both are measured the same way.
 */
import { LineBotClient, middleware, type webhook } from "@line/bot-sdk";
import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sendReady, serveParent } from "../lib/child.ts";

const channelSecret = process.env.LINE_CHANNEL_SECRET ?? "";
const channelAccessToken = process.env.LINE_CHANNEL_ACCESS_TOKEN ?? "";
const apiBaseURL = process.env.LINE_API_BASE_URL;
const client = LineBotClient.fromChannelAccessToken({
  channelAccessToken,
  ...(apiBaseURL ? { apiBaseURL, dataApiBaseURL: apiBaseURL } : {}),
});

const inFlight = new Set<Promise<unknown>>();

async function echo(event: webhook.Event): Promise<void> {
  let text: string | undefined;
  if (event.type === "message" && event.message.type === "text") text = event.message.text;
  else if (event.type === "postback") text = event.postback.data;
  if (text === undefined || !("replyToken" in event) || !event.replyToken) return;
  await client.replyMessage({ replyToken: event.replyToken, messages: [{ type: "text", text }] });
}

const app = express();
app.post("/webhooks/line", middleware({ channelSecret }), (req, res) => {
  const events = (req.body as webhook.CallbackRequest).events;
  res.status(200).json({});
  const work = Promise.all(events.map(echo)).catch((err: unknown) => process.stderr.write(`echo failed: ${String(err)}\n`));
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
});
app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});

const server = await new Promise<Server>((resolve) => {
  const s = app.listen(0, "127.0.0.1", () => resolve(s));
});
const { port } = server.address() as AddressInfo;
serveParent({}, async () => {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
});
sendReady({ url: `http://127.0.0.1:${port}` });
