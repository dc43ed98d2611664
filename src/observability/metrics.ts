/**
 * Prometheus metrics (prom-client), one registry per app instance (never the global registry), so
 * that several servers in one process (the tests) do not share counters.
 *
 * Labels are closed sets only (channel, event kind, route id, method, route pattern, status, error
 * code): no conversation id, no user id and never any message text is ever a label or a value.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface Metrics {
  readonly registry: Registry;
  /** Conversation turns by channel and inbound event kind (`start`, `text`, `choice`, `restart`, `facts`). */
  readonly events: Counter<"channel" | "type">;
  /** Routes served, by route id and channel. */
  readonly routes: Counter<"channel" | "route_id">;
  /** Questions asked in a diagnosis, observed when it reaches a route. */
  readonly questionsPerDiagnosis: Histogram<"channel">;
  /** Messages that carried a PIN or 個人番号 (discarded, never stored). */
  readonly piiDiscarded: Counter<"channel">;
  /** Failures: `source` is `http` (a 5xx answered) or the channel of a failed turn. */
  readonly errors: Counter<"source" | "code">;
  /** Requests refused by a rate limit, by scope (`ip`, `session`). */
  readonly rateLimited: Counter<"scope">;
  /** HTTP latency by route pattern (never the raw path), method and status. */
  readonly httpDuration: Histogram<"method" | "route" | "status">;
  /** 「解決した」/「解決しない」 after a route, by route id (`resolved`: `true` / `false`). Issue 18. */
  readonly feedback: Counter<"route_id" | "resolved">;
  /** Accepted platform events not yet answered, by inbox queue (`line`): all instances' together. */
  readonly inboxDepth: Gauge<"queue">;
  /**
   * Inbox events by what became of them: `accepted` (stored before the 200), `rejected` (the store could
   * not take them: 503), `resumed` (taken over after their first taker died or failed), `duplicate` (a
   * redelivery already answered), `retried` (a failed try, left for later), `given_up` (parked for a person).
   */
  readonly inboxEvents: Counter<"queue" | "outcome">;
  /** LINE answers by how they were sent: `reply`, `push` (the fallback), `reply-before` / `push-before` (an earlier try got through). */
  readonly lineDeliveries: Counter<"how">;
  /** The exposition text for `GET /metrics`. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsOptions {
  /** Also collect Node's process metrics (CPU, memory, event loop lag). Default true. */
  processMetrics?: boolean;
}

/** A fresh registry with the bot's metrics (names prefixed `mcr_`). */
export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (opts.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    events: new Counter({
      name: "mcr_events_total",
      help: "Conversation turns handled, by channel and inbound event kind",
      labelNames: ["channel", "type"],
      registers,
    }),
    routes: new Counter({
      name: "mcr_routes_total",
      help: "Recovery routes served, by channel and route id",
      labelNames: ["channel", "route_id"],
      registers,
    }),
    questionsPerDiagnosis: new Histogram({
      name: "mcr_questions_per_diagnosis",
      help: "Questions asked before a route was reached",
      labelNames: ["channel"],
      buckets: [0, 1, 2, 3, 4, 5, 6, 8, 10],
      registers,
    }),
    piiDiscarded: new Counter({
      name: "mcr_pii_discarded_total",
      help: "Messages that carried a PIN or an individual number, discarded before the conversation",
      labelNames: ["channel"],
      registers,
    }),
    errors: new Counter({
      name: "mcr_errors_total",
      help: "Errors: 5xx answers (source=http) and failed conversation turns (source=channel)",
      labelNames: ["source", "code"],
      registers,
    }),
    rateLimited: new Counter({
      name: "mcr_rate_limited_total",
      help: "Web chat requests refused with 429, by limit scope",
      labelNames: ["scope"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "mcr_http_request_duration_seconds",
      help: "HTTP request latency by route pattern, method and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    feedback: new Counter({
      name: "mcr_feedback_total",
      help: "Answers to 'did this solve it?' after a route, by route id and whether it was resolved",
      labelNames: ["route_id", "resolved"],
      registers,
    }),
    inboxDepth: new Gauge({
      name: "mcr_inbox_depth",
      help: "Accepted platform events not yet answered (all instances), by inbox queue",
      labelNames: ["queue"],
      registers,
    }),
    inboxEvents: new Counter({
      name: "mcr_inbox_events_total",
      help: "Inbox events by outcome: accepted, rejected (503), resumed, duplicate, retried, given_up",
      labelNames: ["queue", "outcome"],
      registers,
    }),
    lineDeliveries: new Counter({
      name: "mcr_line_deliveries_total",
      help: "LINE answers by how they were sent: reply, push (fallback), reply-before, push-before",
      labelNames: ["how"],
      registers,
    }),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
  return metrics;
}

const CHANNELS = new Set(["web", "line", "slack"]);

/** The channel a conversation id belongs to (`web:…`, `line:…`, `slack:…`), as a bounded label. */
export function channelOf(conversationId: string): string {
  const prefix = conversationId.slice(0, conversationId.indexOf(":"));
  return CHANNELS.has(prefix) ? prefix : "other";
}
