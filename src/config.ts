/**
 * The server's configuration, read from the environment and validated once at start-up
 * (shared/contract.md §4). Factories take this typed config and never read process.env themselves.
 */
import { isIP } from "node:net";
import { z } from "zod";

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

/** A whole number setting; unset or empty means the default (an empty value never means 0). */
const count = (fallback: number, max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.coerce.number().int().min(0).max(max).default(fallback));

/** `scheme://host[:port]`, exactly as a browser sends it in `Origin`. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z
    .string()
    .min(1)
    .default("127.0.0.1")
    .refine((h) => isIP(h) !== 0 || /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(h), {
      message: "an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::, or a host name (no scheme, port or path)",
    }),
  SESSION_STORE: z
    .string()
    .default("sqlite:./data/sessions.db")
    .refine((s) => s === "memory" || s.startsWith("sqlite:") || /^rediss?:\/\//.test(s), {
      message: "memory, sqlite:<path> または redis://… を指定してください",
    }),
  /** Idle conversations expire after this many hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  MUNICIPALITY_CONFIG: optionalSecret,
  BOT_NOW: optionalSecret,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Comma-separated origins allowed to call the web chat API from another site. */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []))
    .refine((list) => list.every(isOrigin), {
      message: "each entry must be an origin such as https://www.city.example.lg.jp (scheme://host[:port], no path, no trailing slash)",
    }),
  /** Comma-separated origins of the city's sites that may show the chat in an iframe (the widget). */
  EMBED_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []))
    .refine((list) => list.every(isOrigin), {
      message: "each entry must be an origin such as https://www.city.example.lg.jp (scheme://host[:port], no path, no trailing slash)",
    }),
  /** Web chat requests per minute from one IP address (0: no limit). */
  WEB_RATE_LIMIT_PER_MINUTE: count(120, 1_000_000),
  /** Web chat messages per minute in one session (0: no limit). */
  WEB_SESSION_RATE_LIMIT_PER_MINUTE: count(30, 1_000_000),
  /** Days to keep the messages the bot could not read, masked (issue 18; 0: keep none). */
  UNREAD_MESSAGES_DAYS: count(30, 3650),
  /**
   * An accepted event taken by an instance but not answered after this many seconds is taken over by
   * another instance (or by this one again): how long a killed instance's events wait.
   */
  INBOX_RESUME_AFTER_SECONDS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().min(0.1).max(3_600).default(30),
  ),
  /**
   * With Redis: the lease of a conversation's lock, i.e. how long an instance that died holding it
   * blocks that conversation (a live holder renews it).
   */
  SESSION_LOCK_LEASE_SECONDS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().min(0.5).max(300).default(8),
  ),
  LINE_CHANNEL_SECRET: optionalSecret,
  LINE_CHANNEL_ACCESS_TOKEN: optionalSecret,
  LINE_API_BASE_URL: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
  SLACK_API_URL: optionalSecret,
  SLACK_SLASH_COMMAND: z.string().regex(/^\/[a-z0-9_-]+$/).default("/mynacard"),
  // ---- reminders (issue 17) ----
  /** `off`: no reminder question on LINE and no pushes (「通知を止める」 still cancels what is stored). */
  REMINDERS: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v), z.enum(["on", "off"]).default("on")),
  /** Seconds between two checks for due reminders (one also runs at start-up). */
  REMINDER_CHECK_SECONDS: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.coerce.number().int().min(1).max(86_400).default(60)),
});

export type AppConfig = z.infer<typeof EnvSchema>;

/** Thrown for an invalid environment; the message is one line naming what is wrong. */
export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Read and validate the environment. A channel with half of its secrets set is an error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".") ?? "environment"}: ${issue?.message ?? "invalid"}`);
  }
  const c = parsed.data;
  if (Boolean(c.LINE_CHANNEL_SECRET) !== Boolean(c.LINE_CHANNEL_ACCESS_TOKEN)) {
    throw new ConfigError(
      `LINE channel: set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN (missing ${c.LINE_CHANNEL_SECRET ? "LINE_CHANNEL_ACCESS_TOKEN" : "LINE_CHANNEL_SECRET"})`,
    );
  }
  if (Boolean(c.SLACK_SIGNING_SECRET) !== Boolean(c.SLACK_BOT_TOKEN)) {
    throw new ConfigError(
      `Slack channel: set both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (missing ${c.SLACK_SIGNING_SECRET ? "SLACK_BOT_TOKEN" : "SLACK_SIGNING_SECRET"})`,
    );
  }
  return c;
}
