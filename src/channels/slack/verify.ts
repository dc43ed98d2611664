/**
 * Slack authenticity, both ways: requests from Slack are checked by Bolt's `ExpressReceiver` (v0
 * HMAC-SHA256 of `v0:timestamp:body` with the signing secret, timestamps older than five minutes refused:
 * 401 either way), and our bot token is checked once with `auth.test`, whose answer also tells the bot
 * its own ids so that it can ignore its own messages.
 */
import { ExpressReceiver, LogLevel, type Authorize, type Logger as BoltLogger, type webApi } from "@slack/bolt";
import { Router } from "express";
import type { Logger } from "../../logger.ts";

/** Where Slack sends events, interactions and slash commands (one URL for all three). */
export const SLACK_EVENTS_PATH = "/webhooks/slack/events";

/**
 * The receiver for `POST /webhooks/slack/events`. It reads the raw body itself (no JSON parser may sit
 * in front of it), verifies the signature and timestamp, answers `url_verification`, and answers only once
 * the listeners are done (`processBeforeResponse: true`): they write the work to the durable inbox and
 * return, so the 2xx means accepted (within Slack's 3 seconds) and a listener's failure is a non-2xx.
 */
export function createSlackReceiver(opts: { signingSecret: string; logger: BoltLogger }): ExpressReceiver {
  return new ExpressReceiver({
    signingSecret: opts.signingSecret,
    signatureVerification: true,
    endpoints: { events: SLACK_EVENTS_PATH },
    processBeforeResponse: true,
    router: Router(),
    logger: opts.logger,
    bodyLimit: "1mb",
  });
}

/** Who the bot is in the workspace, from `auth.test`. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/**
 * Bolt's `authorize` for a single workspace: the bot token, and the bot's ids from one `auth.test` call,
 * cached (a failed call is tried again on the next event). `identity()` is called at start-up to fail
 * fast on a wrong token.
 */
export function createAuthorization(client: webApi.WebClient, botToken: string) {
  let cached: Promise<BotIdentity> | undefined;
  const identity = (): Promise<BotIdentity> =>
    (cached ??= client.auth.test({ token: botToken }).then(
      (r) => {
        if (!r.bot_id || !r.user_id) throw new Error("Slack auth.test: the token is not a bot token (no bot_id)");
        return { botId: r.bot_id, botUserId: r.user_id };
      },
      (err: unknown) => {
        cached = undefined;
        throw err;
      },
    ));
  const authorize: Authorize<boolean> = async () => ({ botToken, ...(await identity()) });
  return { identity, authorize };
}

/** Slack Web API client options: our API base (tests point it at a fake) and short retries. */
export function webClientOptions(apiUrl: string | undefined): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {}),
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2_000, randomize: true },
    timeout: 10_000,
  };
}

/**
 * Bolt and the Web API client logging through our pino logger. Debug lines are dropped: the Web API
 * client writes request bodies (message text) at debug, and message text is never logged.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack" });
  const line = (level: "info" | "warn" | "error", msg: unknown[]) => {
    const err = msg.find((m): m is Error => m instanceof Error);
    const words = msg.filter((m) => !(m instanceof Error)).map(String).join(" ");
    if (err) log[level]({ err: { name: err.name, message: err.message, code: (err as { code?: unknown }).code } }, words || err.message);
    else log[level](words);
  };
  return {
    debug: () => {},
    info: (...msg: unknown[]) => line("info", msg),
    warn: (...msg: unknown[]) => line("warn", msg),
    error: (...msg: unknown[]) => line("error", msg),
    setLevel: () => {}, // the level is LOG_LEVEL's, set once for the whole server
    getLevel: () => (log.isLevelEnabled("info") ? LogLevel.INFO : log.isLevelEnabled("warn") ? LogLevel.WARN : LogLevel.ERROR),
    setName: () => {},
  };
}
