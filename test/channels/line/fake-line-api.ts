/**
 * A local fake of the LINE Messaging API (node:http on 127.0.0.1, an ephemeral port). It records every
 * request and answers like LINE, including LINE's 400s for payloads that break its limits, so that a
 * test fails the way production would: more than 5 messages, more than 13 quick-reply items, a label
 * over 20 characters, postback data over 300, a text over 5,000, an altText over 400 (our own, stricter
 * than LINE's), no bearer token, or a reply token used twice.
 *
 * Issue 14: users' profiles (`GET /v2/bot/profile/{userId}`: without a `language` unless a test sets
 * one, as for a user who shares none), rich menu aliases (create, get, update) and per-user links.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or undefined for a binary body. */
  body: any;
  bytes: number;
  /** The status the fake answered with. */
  status: number;
  /** When it arrived (epoch ms). */
  at: number;
}

export interface FakeLineApi {
  url: string;
  requests: RecordedRequest[];
  /** Accepted reply calls (status 200), in order. */
  replies(): { replyToken: string; messages: any[] }[];
  /** Accepted push calls (status 200), in order, with their `X-Line-Retry-Key`. */
  pushes(): { to: string; messages: any[]; retryKey: string | undefined }[];
  /** Every push request, whatever the fake answered (429s included), with its retry key and status. */
  pushAttempts(): { to: string; retryKey: string | undefined; status: number }[];
  /** Accepted `POST /v2/bot/chat/markAsRead` calls (markMessagesAsReadByToken): their tokens, in order. */
  markedAsRead(): string[];
  /**
   * Answer the next `count` API calls with this status (e.g. 500, or 429 as LINE does over a rate or quota).
   * Lookups (GET: a profile, an alias) are not counted: they have {@link FakeLineApi.failProfiles}.
   */
  failNext(status: number, count?: number): void;
  /** The profile LINE gives for a user (`language` as the user's LINE app has it, e.g. `en`, `ja`). */
  setProfile(userId: string, profile: { language?: string; displayName?: string }): void;
  /** Answer every profile request with this status (undefined: answer normally again). */
  failProfiles(status: number | undefined): void;
  /** Accepted per-user links (`POST /v2/bot/user/{userId}/richmenu/{richMenuId}`), in order. */
  links(): { userId: string; richMenuId: string }[];
  /** The rich menus created so far (their request bodies) and the aliases pointing at them. */
  richMenus(): Map<string, { body: any; image: boolean }>;
  aliases(): Map<string, string>;
  /** Poll until `predicate` holds (default 5 s), or throw. */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  reset(): void;
  close(): Promise<void>;
}

interface Detail {
  message: string;
  property: string;
}

const RICH_MENU_SIZES = new Set(["2500x1686", "2500x843", "1200x810", "1200x405", "800x540", "800x270"]);

export async function startFakeLineApi(opts: { accessToken: string }): Promise<FakeLineApi> {
  const requests: RecordedRequest[] = [];
  const usedTokens = new Set<string>();
  const acceptedRetryKeys = new Set<string>();
  const richMenus = new Map<string, { body: any; image: boolean }>();
  const aliases = new Map<string, string>();
  const profiles = new Map<string, { language?: string; displayName?: string }>();
  let profileFailure: number | undefined;
  let failures: { status: number; count: number } | undefined;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const isJson = String(req.headers["content-type"] ?? "").startsWith("application/json");
    let body: any;
    if (isJson && raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        body = undefined;
      }
    }
    const record: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body, bytes: raw.length, status: 0, at: Date.now() };
    requests.push(record);
    const send = (status: number, payload: unknown) => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json", "x-line-request-id": randomBytes(8).toString("hex") });
      res.end(JSON.stringify(payload));
    };

    if (req.headers.authorization !== `Bearer ${opts.accessToken}`) {
      return send(401, { message: "Authentication failed. Confirm that the access token in the authorization header is valid." });
    }
    if (failures && failures.count > 0 && req.method !== "GET") {
      failures.count -= 1;
      return send(failures.status, { message: failures.status === 429 ? "You have reached your monthly limit." : "An error occurred in the server" });
    }
    route(req, res, body, raw, send);
  });

  function route(req: IncomingMessage, _res: ServerResponse, body: any, raw: Buffer, send: (s: number, p: unknown) => void) {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (req.method === "POST" && path === "/v2/bot/message/reply") {
      const details = body === undefined ? [{ message: "must be JSON", property: "" }] : replyErrors(body);
      if (details.length > 0) return send(400, { message: `The request body has ${details.length} error(s)`, details });
      if (usedTokens.has(body.replyToken)) return send(400, { message: "Invalid reply token" });
      usedTokens.add(body.replyToken);
      return send(200, { sentMessages: body.messages.map(() => ({ id: randomBytes(8).toString("hex"), quoteToken: randomBytes(12).toString("hex") })) });
    }
    if (req.method === "POST" && path === "/v2/bot/message/push") {
      // Like LINE: a malformed retry key is a 400; a key already accepted is a 409 and nothing is sent.
      const retryKey = req.headers["x-line-retry-key"];
      if (retryKey !== undefined && !UUID.test(String(retryKey))) return send(400, { message: "The value of the X-Line-Retry-Key header is invalid" });
      const details = body === undefined ? [{ message: "must be JSON", property: "" }] : pushErrors(body);
      if (details.length > 0) return send(400, { message: `The request body has ${details.length} error(s)`, details });
      if (typeof retryKey === "string" && acceptedRetryKeys.has(retryKey)) {
        return send(409, { message: "The retry key is already accepted", sentMessages: [] });
      }
      if (typeof retryKey === "string") acceptedRetryKeys.add(retryKey);
      return send(200, { sentMessages: body.messages.map(() => ({ id: randomBytes(8).toString("hex"), quoteToken: randomBytes(12).toString("hex") })) });
    }
    if (req.method === "POST" && path === "/v2/bot/chat/markAsRead") {
      if (typeof body?.markAsReadToken !== "string" || body.markAsReadToken === "") {
        return send(400, { message: "The request body has 1 error(s)", details: [{ message: "must be specified", property: "markAsReadToken" }] });
      }
      return send(200, {});
    }
    if (req.method === "POST" && path === "/v2/bot/richmenu") {
      const details = richMenuErrors(body);
      if (details.length > 0) return send(400, { message: "The request body has errors", details });
      const richMenuId = `richmenu-${randomBytes(16).toString("hex")}`;
      richMenus.set(richMenuId, { body, image: false });
      return send(200, { richMenuId });
    }
    const profile = /^\/v2\/bot\/profile\/([^/]+)$/.exec(path);
    if (req.method === "GET" && profile) {
      if (profileFailure !== undefined) return send(profileFailure, { message: "An error occurred in the server" });
      const userId = decodeURIComponent(profile[1] ?? "");
      if (!/^U[0-9a-f]{32}$/.test(userId)) return send(404, { message: "Not found" });
      const p = profiles.get(userId) ?? {};
      return send(200, { userId, displayName: p.displayName ?? "テスト太郎", ...(p.language ? { language: p.language } : {}) });
    }
    if (req.method === "POST" && path === "/v2/bot/richmenu/alias") {
      const id = body?.richMenuAliasId;
      if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) return send(400, { message: "The request body has 1 error(s)", details: [{ message: "invalid", property: "richMenuAliasId" }] });
      if (!richMenus.has(body.richMenuId)) return send(400, { message: "richmenu not found" });
      if (aliases.has(id)) return send(400, { message: "conflict richmenu alias id" });
      aliases.set(id, body.richMenuId);
      return send(200, {});
    }
    const alias = /^\/v2\/bot\/richmenu\/alias\/([^/]+)$/.exec(path);
    if (alias) {
      const id = decodeURIComponent(alias[1] ?? "");
      if (req.method === "GET") {
        const richMenuId = aliases.get(id);
        return richMenuId ? send(200, { richMenuAliasId: id, richMenuId }) : send(404, { message: "richmenu alias not found" });
      }
      if (req.method === "POST") {
        if (!aliases.has(id)) return send(404, { message: "richmenu alias not found" });
        if (!richMenus.has(body?.richMenuId)) return send(400, { message: "richmenu not found" });
        aliases.set(id, body.richMenuId);
        return send(200, {});
      }
    }
    const link = /^\/v2\/bot\/user\/(U[0-9a-f]{32})\/richmenu\/([^/]+)$/.exec(path);
    if (req.method === "POST" && link) {
      const menu = richMenus.get(link[2] ?? "");
      if (!menu) return send(400, { message: "richmenu not found" });
      if (!menu.image) return send(400, { message: "An image has not been uploaded to the rich menu" });
      return send(200, {});
    }
    const content = /^\/v2\/bot\/richmenu\/([^/]+)\/content$/.exec(path);
    if (req.method === "POST" && content) {
      const menu = richMenus.get(content[1] ?? "");
      if (!menu) return send(404, { message: "Not found" });
      const type = String(req.headers["content-type"] ?? "");
      if (type !== "image/png" && type !== "image/jpeg") return send(415, { message: "Unsupported Media Type" });
      if (raw.length === 0 || raw.length > 1024 * 1024) return send(400, { message: "Invalid image size" });
      menu.image = true;
      return send(200, {});
    }
    const setDefault = /^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/.exec(path);
    if (req.method === "POST" && setDefault) {
      const menu = richMenus.get(setDefault[1] ?? "");
      if (!menu) return send(404, { message: "Not found" });
      if (!menu.image) return send(400, { message: "An image has not been uploaded to the rich menu" });
      return send(200, {});
    }
    send(404, { message: "Not found" });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    replies: () => requests.filter((r) => r.path === "/v2/bot/message/reply" && r.status === 200).map((r) => r.body),
    pushes: () =>
      requests
        .filter((r) => r.path === "/v2/bot/message/push" && r.status === 200)
        .map((r) => ({ to: r.body.to, messages: r.body.messages, retryKey: r.headers["x-line-retry-key"] as string | undefined })),
    pushAttempts: () =>
      requests
        .filter((r) => r.path === "/v2/bot/message/push")
        .map((r) => ({ to: r.body?.to, retryKey: r.headers["x-line-retry-key"] as string | undefined, status: r.status })),
    links: () =>
      requests
        .filter((r) => r.method === "POST" && /^\/v2\/bot\/user\/U[0-9a-f]{32}\/richmenu\//.test(r.path) && r.status === 200)
        .map((r) => {
          const [, , , , userId = "", , richMenuId = ""] = r.path.split("/");
          return { userId, richMenuId };
        }),
    richMenus: () => richMenus,
    aliases: () => aliases,
    setProfile(userId, profile) {
      profiles.set(userId, profile);
    },
    failProfiles(status) {
      profileFailure = status;
    },
    markedAsRead: () => requests.filter((r) => r.path === "/v2/bot/chat/markAsRead" && r.status === 200).map((r) => r.body.markAsReadToken as string),
    failNext(status, count = 1) {
      failures = { status, count };
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = predicate();
        if (value) return value;
        if (Date.now() > until) throw new Error("fake LINE API: timed out waiting");
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    reset() {
      requests.length = 0;
      failures = undefined;
      profileFailure = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- LINE's limits, as its API reports them ----

const tooLong = (s: unknown, max: number) => typeof s !== "string" || s.length === 0 || s.length > max;

function actionErrors(action: any, at: string): Detail[] {
  const out: Detail[] = [];
  if (!action || typeof action.type !== "string") return [{ message: "must be specified", property: `${at}.type` }];
  if (action.label !== undefined && tooLong(action.label, 20)) out.push({ message: "Length must be between 0 and 20", property: `${at}.label` });
  if (action.type === "postback" || action.type === "datetimepicker") {
    if (tooLong(action.data, 300)) out.push({ message: "Length must be between 0 and 300", property: `${at}.data` });
  }
  if (action.displayText !== undefined && tooLong(action.displayText, 300)) {
    out.push({ message: "Length must be between 0 and 300", property: `${at}.displayText` });
  }
  if (action.type === "datetimepicker" && !["date", "time", "datetime"].includes(action.mode)) {
    out.push({ message: "invalid mode", property: `${at}.mode` });
  }
  if (action.type === "uri" && (tooLong(action.uri, 1000) || !/^(https?:|tel:|line:)/.test(action.uri))) {
    out.push({ message: "invalid uri", property: `${at}.uri` });
  }
  return out;
}

function flexErrors(node: any, at: string): Detail[] {
  if (!node || typeof node !== "object") return [{ message: "must be an object", property: at }];
  const out: Detail[] = [];
  if (node.type === "text" && tooLong(node.text, 5_000) && !node.contents) out.push({ message: "must not be empty", property: `${at}.text` });
  if (node.type === "button") {
    if (!node.action?.label) out.push({ message: "label is required for a button", property: `${at}.action.label` });
    out.push(...actionErrors(node.action, `${at}.action`));
  }
  for (const part of ["header", "hero", "body", "footer"]) if (node[part]) out.push(...flexErrors(node[part], `${at}.${part}`));
  if (Array.isArray(node.contents)) node.contents.forEach((c: any, i: number) => out.push(...flexErrors(c, `${at}.contents[${i}]`)));
  return out;
}

/** LINE-like validation of a reply request. */
export function replyErrors(body: any): Detail[] {
  const out: Detail[] = [];
  if (typeof body?.replyToken !== "string" || body.replyToken === "") out.push({ message: "must be specified", property: "replyToken" });
  const messages = body?.messages;
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
    return [...out, { message: "Size must be between 1 and 5", property: "messages" }];
  }
  messages.forEach((m: any, i: number) => {
    const at = `messages[${i}]`;
    if (m.type === "text") {
      if (tooLong(m.text, 5_000)) out.push({ message: "Length must be between 1 and 5000", property: `${at}.text` });
    } else if (m.type === "flex") {
      if (tooLong(m.altText, 400)) out.push({ message: "Length must be between 1 and 400", property: `${at}.altText` });
      if (m.contents?.type !== "bubble" && m.contents?.type !== "carousel") out.push({ message: "invalid container", property: `${at}.contents` });
      else out.push(...flexErrors(m.contents, `${at}.contents`));
      if (Buffer.byteLength(JSON.stringify(m.contents)) > 30_000) out.push({ message: "size must be 30KB or less", property: `${at}.contents` });
    } else {
      out.push({ message: "unexpected message type in this bot", property: `${at}.type` });
    }
    if (m.quickReply !== undefined) {
      const items = m.quickReply?.items;
      if (!Array.isArray(items) || items.length < 1 || items.length > 13) {
        out.push({ message: "Size must be between 1 and 13", property: `${at}.quickReply.items` });
      } else {
        items.forEach((item: any, j: number) => {
          const ip = `${at}.quickReply.items[${j}]`;
          if (item.type !== "action") out.push({ message: "must be action", property: `${ip}.type` });
          if (!item.action?.label) out.push({ message: "must be specified", property: `${ip}.action.label` });
          out.push(...actionErrors(item.action, `${ip}.action`));
        });
      }
    }
  });
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** LINE-like validation of a push request: a `to` and the same message rules as a reply. */
export function pushErrors(body: any): Detail[] {
  const out: Detail[] = [];
  if (typeof body?.to !== "string" || !/^[UCR][0-9a-f]{32}$/.test(body.to)) out.push({ message: "must be a user, group or room id", property: "to" });
  return [...out, ...replyErrors({ ...body, replyToken: "push" })];
}

function richMenuErrors(body: any): Detail[] {
  const out: Detail[] = [];
  const size = `${body?.size?.width}x${body?.size?.height}`;
  if (!RICH_MENU_SIZES.has(size)) out.push({ message: "invalid size", property: "size" });
  if (tooLong(body?.name, 300)) out.push({ message: "Length must be between 1 and 300", property: "name" });
  if (tooLong(body?.chatBarText, 14)) out.push({ message: "Length must be between 1 and 14", property: "chatBarText" });
  if (typeof body?.selected !== "boolean") out.push({ message: "must be specified", property: "selected" });
  const areas = body?.areas;
  if (!Array.isArray(areas) || areas.length < 1 || areas.length > 20) return [...out, { message: "Size must be between 1 and 20", property: "areas" }];
  areas.forEach((a: any, i: number) => {
    const b = a?.bounds;
    const inside = b && b.x >= 0 && b.y >= 0 && b.width > 0 && b.height > 0 && b.x + b.width <= body.size.width && b.y + b.height <= body.size.height;
    if (!inside) out.push({ message: "bounds must be inside the rich menu", property: `areas[${i}].bounds` });
    out.push(...actionErrors(a?.action, `areas[${i}].action`));
  });
  return out;
}
