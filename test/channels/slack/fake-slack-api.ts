/**
 * A local fake of the Slack Web API (node:http on 127.0.0.1): answers the methods the bot calls,
 * records every call (method, body, token), and refuses what real Slack refuses for Block Kit limits
 * (`{ok:false, error:"invalid_blocks"}`).
 *
 * It also plays Slack's side of Socket Mode: `apps.connections.open` (with an `xapp-` token) answers a
 * `ws://` URL of this server, where the app's WebSocket gets `hello` and then the envelopes a test sends
 * (`events_api`, `slash_commands`, `interactive`); the app's acks (`{"envelope_id": …}`) are recorded.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

export interface RecordedCall {
  method: string;
  /** The form or JSON body; `blocks`, `view` and other JSON-valued form fields parsed. */
  body: Record<string, any>;
  token: string | undefined;
  /** What the fake answered. */
  result?: Record<string, any>;
}

export const BOT = { teamId: "T0HELP", userId: "U0BOT", botId: "B0BOT" } as const;

export interface FakeSlackApi {
  /** The Web API base, ending with `/` (SLACK_API_URL). */
  url: string;
  calls: RecordedCall[];
  callsOf(method: string): RecordedCall[];
  /** Channels where chat.postMessage answers `not_in_channel`. */
  notInChannel: Set<string>;
  /** Tokens that auth.test refuses with `invalid_auth`. */
  refusedTokens: Set<string>;
  /** Answer every Web API call this late (to show that Slack requests are acknowledged first). */
  delayMs: number;
  /**
   * Web API methods whose calls are held: never answered nor recorded (as if they never reached
   * Slack), counted in {@link held}. A held call ends when its client goes away (a killed instance).
   */
  stalled: Set<string>;
  readonly held: number;
  /** A response_url that lands here (recorded as method `response_url`). */
  responseUrl: string;
  /** Wait until `count` calls of `method` were recorded (or fail after `timeoutMs`). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  socket: FakeSocketMode;
  close(): Promise<void>;
}

/** Slack's side of Socket Mode connections. */
export interface FakeSocketMode {
  /** App tokens that opened a connection URL, in order. */
  opened: string[];
  /** Connections open now. */
  readonly connections: number;
  /** Acknowledgements received: the envelope id and the payload, if the app sent one. */
  acks: { envelope_id: string; payload?: unknown }[];
  /** Wait until an app is connected (it has been sent `hello`). */
  connected(timeoutMs?: number): Promise<void>;
  /** Send an envelope to the connected app; answers its envelope id. */
  send(type: "events_api" | "slash_commands" | "interactive", payload: unknown, opts?: { retryAttempt?: number; envelopeId?: string }): string;
  /** Wait for the app's ack of `envelopeId`. */
  ackOf(envelopeId: string, timeoutMs?: number): Promise<{ envelope_id: string; payload?: unknown }>;
  /** Wait until no app is connected (it closed its socket). */
  disconnected(timeoutMs?: number): Promise<void>;
}

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.startsWith("application/json")) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}

/** Why Slack would refuse these blocks, or undefined when it would take them. */
export function blockProblem(blocks: unknown, maxBlocks: number): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return "blocks is not an array";
  if (blocks.length > maxBlocks) return `more than ${maxBlocks} blocks`;
  for (const b of blocks as any[]) {
    // A section has a text, or fields (at most 10, each at most 2,000 characters), or both.
    if (b.type === "section" && b.fields !== undefined) {
      if (!Array.isArray(b.fields) || b.fields.length === 0 || b.fields.length > 10) return "section fields: 1 to 10";
      if (b.fields.some((f: any) => typeof f?.text !== "string" || f.text.length === 0 || f.text.length > 2000)) return "section field empty or over 2000";
      if (b.text !== undefined && (typeof b.text.text !== "string" || b.text.text.length === 0 || b.text.text.length > 3000)) return "section text empty or over 3000";
    } else if (b.type === "section" && (typeof b.text?.text !== "string" || b.text.text.length === 0 || b.text.text.length > 3000)) {
      return "section text empty or over 3000";
    }
    if (b.type === "header" && (b.text?.type !== "plain_text" || b.text.text.length > 150)) return "header over 150";
    if (b.type === "actions") {
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25) return "actions elements";
      for (const e of b.elements) {
        if (e.type === "button" && (e.text?.text?.length ?? 0) > 75) return "button text over 75";
        if (e.type === "button" && e.value !== undefined && e.value.length > 2000) return "button value over 2000";
      }
    }
    if (b.type === "context" && (!Array.isArray(b.elements) || b.elements.length > 10)) return "context elements";
    if (b.type === "input") {
      if ((b.label?.text?.length ?? 0) > 2000) return "input label over 2000";
      for (const o of b.element?.options ?? []) if (o.text.text.length > 75 || o.value.length > 150) return "option too long";
    }
    if (typeof b.block_id === "string" && b.block_id.length > 255) return "block_id over 255";
  }
  const ids = (blocks as any[]).map((b) => b.block_id).filter((id) => id !== undefined);
  if (new Set(ids).size !== ids.length) return "duplicate block_id";
  return undefined;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const notInChannel = new Set<string>();
  let tsCounter = 0;
  const nextTs = () => `1763686800.${String(++tsCounter).padStart(6, "0")}`;

  const refusedTokens = new Set<string>();
  const answer = (method: string, body: Record<string, any>, token: string): Record<string, unknown> => {
    switch (method) {
      case "auth.test":
        if (refusedTokens.has(token)) return { ok: false, error: "invalid_auth" };
        return { ok: true, url: "https://help-desk.slack.com/", team: "Help desk", user: "mynabot", team_id: BOT.teamId, user_id: BOT.userId, bot_id: BOT.botId };
      case "chat.postMessage": {
        if (notInChannel.has(body.channel)) return { ok: false, error: "not_in_channel" };
        if (typeof body.text === "string" && body.text.length > 40_000) return { ok: false, error: "msg_too_long" };
        const problem = blockProblem(body.blocks, 50);
        if (problem) return { ok: false, error: "invalid_blocks", errors: [problem] };
        const channel = /^U/.test(body.channel) ? `D${body.channel.slice(1)}` : body.channel;
        const ts = nextTs();
        return { ok: true, channel, ts, message: { type: "message", text: body.text, ts, bot_id: BOT.botId, user: BOT.userId } };
      }
      case "chat.update": {
        const problem = blockProblem(body.blocks, 50);
        if (problem) return { ok: false, error: "invalid_blocks", errors: [problem] };
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      }
      case "views.open": {
        const view = body.view;
        if (!view || view.type !== "modal" || (view.title?.text?.length ?? 99) > 24) return { ok: false, error: "invalid_arguments" };
        if ((view.private_metadata?.length ?? 0) > 3000) return { ok: false, error: "invalid_arguments" };
        const problem = blockProblem(view.blocks, 100);
        if (problem) return { ok: false, error: "invalid_blocks", errors: [problem] };
        return { ok: true, view: { id: "V0FORM", ...view } };
      }
      case "views.publish": {
        const view = body.view;
        if (typeof body.user_id !== "string" || !view || view.type !== "home") return { ok: false, error: "invalid_arguments" };
        const problem = blockProblem(view.blocks, 100);
        if (problem) return { ok: false, error: "invalid_blocks", errors: [problem] };
        return { ok: true, view: { id: "V0HOME", ...view } };
      }
      case "chat.getPermalink":
        if (typeof body.channel !== "string" || typeof body.message_ts !== "string") return { ok: false, error: "invalid_arguments" };
        return { ok: true, channel: body.channel, permalink: `https://help-desk.slack.com/archives/${body.channel}/p${body.message_ts.replace(".", "")}` };
      case "apps.connections.open":
        if (!token.startsWith("xapp-")) return { ok: false, error: "not_allowed_token_type" };
        return { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=${opened.push(token)}` };
      case "conversations.info":
        return { ok: true, channel: { id: body.channel, is_im: String(body.channel).startsWith("D"), is_member: !notInChannel.has(body.channel) } };
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  // Assigned once the server listens; the handler only reads it for requests, which come after.
  let fake!: FakeSlackApi;
  let held = 0;
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const raw = await readBody(req);
    if (path.startsWith("/response/")) {
      // A slash command's response_url (Slack's hooks.slack.com): JSON, no token.
      calls.push({ method: "response_url", body: parseBody(raw, req.headers["content-type"]), token: undefined });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    const method = path.replace(/^\/api\//, "");
    if (fake.stalled.has(method)) {
      held += 1;
      return;
    }
    if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
    let body: Record<string, any>;
    try {
      body = parseBody(raw, req.headers["content-type"]);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : typeof body.token === "string" ? body.token : undefined;
    const result = token ? answer(method, body, token) : { ok: false, error: "not_authed" };
    calls.push({ method, body, token, result });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  // Socket Mode: the app connects to the URL apps.connections.open gave it.
  const opened: string[] = [];
  const sockets = new Set<WebSocket>();
  const acks: { envelope_id: string; payload?: unknown }[] = [];
  const wss = new WebSocketServer({ server, path: "/link/" });
  wss.on("connection", (ws) => {
    sockets.add(ws);
    ws.on("close", () => sockets.delete(ws));
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: unknown; payload?: unknown };
      if (typeof message.envelope_id === "string") acks.push({ envelope_id: message.envelope_id, ...(message.payload ? { payload: message.payload } : {}) });
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: sockets.size, debug_info: { host: "fake", approximate_connection_time: 18060 }, connection_info: { app_id: "A0MYNA" } }));
  });
  let envelopes = 0;
  const waitUntil = async (done: () => boolean, what: string, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > until) throw new Error(`fake Slack: waited for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const socket: FakeSocketMode = {
    opened,
    get connections() {
      return sockets.size;
    },
    acks,
    connected: (timeoutMs = 5_000) => waitUntil(() => sockets.size > 0, "a Socket Mode connection", timeoutMs),
    disconnected: (timeoutMs = 5_000) => waitUntil(() => sockets.size === 0, "the Socket Mode connection to close", timeoutMs),
    send(type, payload, opts = {}) {
      const [ws] = sockets;
      if (!ws) throw new Error("fake Slack: no Socket Mode connection");
      const envelopeId = opts.envelopeId ?? `0f1e2d3c-${String(++envelopes).padStart(4, "0")}-4b5a-9c8d-socketmode00`;
      const retry = opts.retryAttempt ?? 0;
      ws.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type,
          accepts_response_payload: type !== "events_api",
          ...(type === "events_api" ? { retry_attempt: retry, retry_reason: retry > 0 ? "timeout" : "" } : {}),
        }),
      );
      return envelopeId;
    },
    async ackOf(envelopeId, timeoutMs = 5_000) {
      await waitUntil(() => acks.some((a) => a.envelope_id === envelopeId), `the ack of ${envelopeId}`, timeoutMs);
      return acks.find((a) => a.envelope_id === envelopeId)!;
    },
  };

  const callsOf = (method: string) => calls.filter((c) => c.method === method);
  fake = {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/response/T0HELP/1/abc`,
    calls,
    callsOf,
    notInChannel,
    refusedTokens,
    delayMs: 0,
    stalled: new Set<string>(),
    get held() {
      return held;
    },
    async waitFor(method, count = 1, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (callsOf(method).length < count) {
        if (Date.now() > until) throw new Error(`fake Slack: waited for ${count} ${method} call(s), got ${callsOf(method).length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return callsOf(method);
    },
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
