/**
 * Start the server: read the configuration, the city file and the store, mount the enabled channels,
 * listen, and shut down gracefully on SIGTERM / SIGINT.
 */
// First: an older Node stops here with one line, before any other module is evaluated.
import "./node-version.ts";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { nowFromEnv } from "./calendar/index.ts";
import { loadConfig, type AppConfig } from "./config.ts";
import { ConversationRuntime } from "./core/runtime.ts";
import { certificateRecoveryFlow } from "../flows/certificate-recovery/index.ts";
import { Handoff, type ResidentNotifier } from "./core/handoff.ts";
import { createWebChannel } from "./channels/web/index.ts";
import { createWebOutbox, type WebOutbox } from "./channels/web/outbox.ts";
import type { Channel } from "./channels/types.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMetrics, type Metrics } from "./observability/metrics.ts";
import { observeTurns } from "./observability/turns.ts";
import { createApp } from "./server.ts";
import { createSessionStore } from "./store/index.ts";
import { setupReminders } from "./reminders/setup.ts";
import { CALENDAR_PATH } from "./channels/web/calendar.ts";
import { createAnalytics, type Analytics } from "./analytics/index.ts";
import { createTallyStore } from "./analytics/tally.ts";
import { homeSummary } from "./analytics/home.ts";
import type { SessionStore } from "./store/types.ts";
import { loadCityConfig, SAMPLE_CITY_PATH, type CityConfig } from "../flows/cities/schema.ts";
import { warmUp } from "./nlu/index.ts";

export interface RunningServer {
  server: Server;
  url: string;
  store: SessionStore;
  runtime: ConversationRuntime;
  logger: Logger;
  /** This server's metrics registry (served at `/metrics`). */
  metrics: Metrics;
  /** The daily figures and unread messages (issue 18). */
  analytics: Analytics;
  close(): Promise<void>;
}

/** Build everything from a validated config and listen. Used by main and by the tests. */
export async function startServer(config: AppConfig, logger = createLogger(config.LOG_LEVEL)): Promise<RunningServer> {
  const city = loadCityConfig(config.MUNICIPALITY_CONFIG ?? SAMPLE_CITY_PATH);
  const now = nowFromEnv(config.BOT_NOW);
  if (config.BOT_NOW) logger.warn({ BOT_NOW: config.BOT_NOW }, "BOT_NOW is set: the clock is frozen (demo/test mode)");
  const store = await createSessionStore(config.SESSION_STORE, { lockLeaseMs: config.SESSION_LOCK_LEASE_SECONDS * 1_000 });
  const metrics = createMetrics();
  const idleTtlMs = config.SESSION_TTL_HOURS * 3_600_000;
  const outbox = createWebOutbox(store);
  const reminders = await setupReminders(config, city, { now, logger, metrics, calendarPath: CALENDAR_PATH });
  const analytics = createAnalytics({
    tally: await createTallyStore(config.SESSION_STORE, { onError: (err) => logger.debug({ err }, "figures: redis connection error") }),
    now,
    unreadDays: config.UNREAD_MESSAGES_DAYS,
    onError: (err) => logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, "figures not recorded"),
  });
  const handoff = await handoffFor(config, city, { store, now, idleTtlMs, outbox, logger, analytics });
  const observed = observeTurns(logger, metrics);
  const runtime = new ConversationRuntime({
    flow: certificateRecoveryFlow,
    store,
    city,
    now,
    idleTtlMs,
    ...observed,
    onTurn: (turn) => {
      observed.onTurn(turn);
      analytics.onTurn(turn);
    },
    ...(handoff ? { handoff } : {}),
    reminders: reminders.offers,
    // The web chat page restores a conversation after a reload (GET /api/chat/sessions/:id).
    keepTranscript: (conversationId) => conversationId.startsWith("web:"),
  });

  // Several instances on one Redis share the web chat's rate limits through it (their own connection).
  const rateLimitRedis =
    /^rediss?:\/\//i.test(config.SESSION_STORE) && (config.WEB_RATE_LIMIT_PER_MINUTE > 0 || config.WEB_SESSION_RATE_LIMIT_PER_MINUTE > 0)
      ? (await import("./store/redis.ts")).connectRedis(config.SESSION_STORE, (err) => logger.debug({ err }, "rate limits: redis connection error"))
      : undefined;
  const channels: Channel[] = [
    createWebChannel({
      runtime,
      corsOrigins: config.CORS_ORIGINS,
      ipRateLimitPerMinute: config.WEB_RATE_LIMIT_PER_MINUTE,
      sessionRateLimitPerMinute: config.WEB_SESSION_RATE_LIMIT_PER_MINUTE,
      onRateLimited: (scope) => metrics.rateLimited.inc({ scope }),
      onRateLimitError: (err) => logger.warn({ err }, "rate limit not checked"),
      ...(rateLimitRedis ? { rateLimitRedis } : {}),
      outbox,
    }),
  ];
  if (config.LINE_CHANNEL_SECRET && config.LINE_CHANNEL_ACCESS_TOKEN) {
    // Loaded only when LINE is on, so the web-only server never loads the LINE SDK.
    const { createLineChannel } = await import("./channels/line/index.ts");
    channels.push(
      createLineChannel({
        runtime,
        store,
        logger,
        metrics,
        resumeAfterMs: config.INBOX_RESUME_AFTER_SECONDS * 1_000,
        channelSecret: config.LINE_CHANNEL_SECRET,
        channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN,
        ...(config.LINE_API_BASE_URL ? { apiBaseUrl: config.LINE_API_BASE_URL } : {}),
      }),
    );
  }
  if (config.SLACK_SIGNING_SECRET && config.SLACK_BOT_TOKEN) {
    // Loaded only when Slack is on, so the web-only server never loads Bolt.
    const { createSlackChannel } = await import("./channels/slack/index.ts");
    channels.push(
      createSlackChannel({
        runtime,
        store,
        logger,
        metrics,
        resumeAfterMs: config.INBOX_RESUME_AFTER_SECONDS * 1_000,
        signingSecret: config.SLACK_SIGNING_SECRET,
        botToken: config.SLACK_BOT_TOKEN,
        slashCommand: config.SLACK_SLASH_COMMAND,
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        ...(handoff && city.handoff ? { handoff: { channelId: city.handoff.slackChannelId, desk: handoff } } : {}),
        home: { summary: () => homeSummary(analytics.tally, now()) },
      }),
    );
  }
  const app = createApp({ channels, store, logger, metrics, embedOrigins: config.EMBED_ORIGINS });
  for (const channel of channels) await channel.start?.();

  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      // Express 5 hands a listen error (a taken port, an address not of this machine) to this callback.
      const s = app.listen(config.PORT, config.HOST, (err?: Error) => (err ? reject(err) : resolve(s)));
    });
  } catch (err) {
    for (const channel of channels) await channel.stop?.().catch(() => {});
    rateLimitRedis?.disconnect();
    await store.close().catch(() => {});
    throw new ListenError(config, err as NodeJS.ErrnoException);
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;
  logger.info({ url, city: city.id, store: config.SESSION_STORE.split(":")[0], channels: channels.map((c) => c.name) }, "listening");
  reminders.start();
  // The language layer's patterns compile on their first runs (src/nlu/warm.ts): do it now, not on the
  // first resident's message.
  setImmediate(() => warmUp());

  let closing: Promise<void> | undefined;
  // A connection kept alive by a client (a load balancer, LINE, Slack) would hold close() open until it
  // times out, and could bring new requests meanwhile: once closing, every response in flight or still
  // arriving on such a connection closes its connection when it is done.
  const responses = new Set<ServerResponse>();
  const lastOnItsConnection = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("connection", "close");
    else res.once("finish", () => server.closeIdleConnections());
  };
  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    responses.add(res);
    res.once("close", () => responses.delete(res));
    if (closing) lastOnItsConnection(res);
  });
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        for (const res of responses) lastOnItsConnection(res);
      });
      for (const channel of channels) await channel.stop?.();
      await reminders.close();
      rateLimitRedis?.disconnect();
      await analytics.flush();
      await analytics.tally.close();
      await store.close();
    })());
  return { server, url, store, runtime, logger, metrics, analytics, close };
}

/** The server could not listen where it was told to; the message is one line saying what to change. */
export class ListenError extends Error {
  readonly code: string;
  constructor(config: Pick<AppConfig, "HOST" | "PORT">, cause: NodeJS.ErrnoException) {
    const code = cause.code ?? "UNKNOWN";
    const where = `${config.HOST}:${config.PORT}`;
    const messages: Record<string, string> = {
      EADDRINUSE: `PORT ${config.PORT} is already in use on ${config.HOST} (is another server running?); stop it or set PORT to a free port`,
      EACCES: `not allowed to listen on port ${config.PORT} (EACCES); set PORT to 1024 or above, or let the reverse proxy take port ${config.PORT}`,
      EADDRNOTAVAIL: `HOST ${config.HOST} is not an address of this machine (EADDRNOTAVAIL); use 127.0.0.1, 0.0.0.0 or one of its own addresses`,
      ENOTFOUND: `HOST ${config.HOST} is not a known host name (ENOTFOUND); use 127.0.0.1, 0.0.0.0 or one of this machine's addresses`,
      EAI_AGAIN: `HOST ${config.HOST} could not be looked up (EAI_AGAIN); use an IP address such as 127.0.0.1 or 0.0.0.0`,
    };
    super(messages[code] ?? `could not listen on ${where}: ${cause.message}`);
    this.name = "ListenError";
    this.code = code;
  }
}

/** Where a browser on this machine opens the chat: a wildcard address becomes the loopback one. */
export function browserUrl(url: string): string {
  return `${url.replace("//0.0.0.0:", "//127.0.0.1:").replace("//[::]:", "//[::1]:")}/`;
}

/**
 * The hand-off to the help desk: on when Slack is on and the city file names a help-desk channel
 * (`handoff`). Residents on the web chat (outbox) and on LINE (push, when LINE is on) can be handed off.
 */
async function handoffFor(
  config: AppConfig,
  city: CityConfig,
  deps: { store: SessionStore; now: () => Date; idleTtlMs: number; outbox: WebOutbox; logger: Logger; analytics: Analytics },
): Promise<Handoff | undefined> {
  if (!city.handoff || !config.SLACK_SIGNING_SECRET || !config.SLACK_BOT_TOKEN) return undefined;
  const { createSlackHelpDeskClient } = await import("./channels/slack/index.ts");
  const notifiers: Record<string, ResidentNotifier> = { web: deps.outbox };
  if (config.LINE_CHANNEL_SECRET && config.LINE_CHANNEL_ACCESS_TOKEN) {
    const { createLinePushNotifier } = await import("./channels/line/push.ts");
    notifiers.line = createLinePushNotifier({
      channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN,
      ...(config.LINE_API_BASE_URL ? { apiBaseUrl: config.LINE_API_BASE_URL } : {}),
    });
  }
  const log = deps.logger.child({ component: "handoff" });
  log.info({ slackChannel: city.handoff.slackChannelId, residents: Object.keys(notifiers) }, "hand-off to the help desk is on");
  return new Handoff({
    flow: certificateRecoveryFlow,
    store: deps.store,
    desk: createSlackHelpDeskClient({
      botToken: config.SLACK_BOT_TOKEN,
      channelId: city.handoff.slackChannelId,
      logger: deps.logger,
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    }),
    notifiers,
    hours: city.handoff.hours,
    hoursText: city.handoff.hoursText,
    now: deps.now,
    idleTtlMs: deps.idleTtlMs,
    observer: deps.analytics.handoffObserver,
    onError: (what, err) => {
      const e = err as { name?: string; code?: unknown; data?: { error?: unknown } };
      log.error({ what, err: { name: e.name, code: e.code, slackError: e.data?.error } }, "hand-off: the help desk could not be reached");
    },
  });
}

/**
 * Say why start-up failed in one stderr line, then exit 1 once the line is written (an exit right after
 * the write may lose it when stderr is a pipe: a container's log driver, a supervisor).
 */
function exitWith(line: string): Promise<never> {
  return new Promise<never>(() => {
    process.exitCode = 1;
    process.stderr.write(`${line}\n`, () => process.exit(1));
  });
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    return exitWith(`configuration error: ${oneLine((err as Error).message)}`);
  }
  const logger = createLogger(config.LOG_LEVEL);
  let running: RunningServer;
  try {
    running = await startServer(config, logger);
  } catch (err) {
    const e = err as Error;
    // A bad city file is a configuration error too: name the variable that points at it.
    const what =
      e.name === "CityConfigError"
        ? "configuration error: MUNICIPALITY_CONFIG"
        : e instanceof ListenError && /^E(ADDRNOTAVAIL|NOTFOUND|AI_AGAIN)$/.test(e.code)
          ? "configuration error"
          : "start-up failed";
    return exitWith(`${what}: ${oneLine(e.message)}`);
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down: finishing requests in flight");
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    running.close().then(
      () => {
        clearTimeout(timer);
        logger.info("stopped");
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  // Besides the JSON log, one plain line for whoever started it by hand.
  process.stdout.write(`open ${browserUrl(running.url)}\n`);
}

/** Start-up errors are one line on stderr, whatever the message held. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) {
  await main();
}
