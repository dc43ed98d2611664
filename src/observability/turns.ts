/**
 * The turn log and the conversation metrics, as the runtime's `onTurn` / `onTurnError` callbacks:
 * one log line per handled event (channel, conversation hash, event kind, routeId, questionsAsked,
 * piiFound; never the text), and the counters of {@link Metrics}. On LINE this is the one info line
 * of a handled event (it carries the event's id); the channel's own `line event` line is then debug.
 */
import { BotError } from "../core/errors.ts";
import type { RuntimeOptions, TurnFailure, TurnRecord } from "../core/runtime.ts";
import { hashId, type Logger } from "../logger.ts";
import { errorCode, safeError } from "./errors.ts";
import { channelOf, type Metrics } from "./metrics.ts";

/** The runtime callbacks that log and count turns. */
export function observeTurns(logger: Logger, metrics: Metrics): Required<Pick<RuntimeOptions, "onTurn" | "onTurnError">> {
  return {
    onTurn(turn: TurnRecord) {
      const channel = channelOf(turn.conversationId);
      const r = turn.result;
      metrics.events.inc({ channel, type: turn.event });
      if (r.piiFound) metrics.piiDiscarded.inc({ channel });
      if (r.routeId) {
        metrics.routes.inc({ channel, route_id: r.routeId });
        metrics.questionsPerDiagnosis.observe({ channel }, r.questionsAsked);
      }
      if (r.feedback) metrics.feedback.inc({ route_id: r.feedback.routeId, resolved: String(r.feedback.resolved) });
      if (!logger.isLevelEnabled("info")) return;
      logger.info(
        {
          channel,
          conversation: hashId(turn.conversationId),
          event: turn.event,
          ...(r.routeId ? { routeId: r.routeId } : {}),
          ...(r.pendingSlot ? { pendingSlot: r.pendingSlot } : {}),
          questionsAsked: r.questionsAsked,
          piiFound: r.piiFound,
          started: r.started,
          ...(r.handoff ? { handoff: r.handoff } : {}),
          ms: Math.round(turn.ms * 10) / 10,
        },
        "turn",
      );
    },
    onTurnError(failure: TurnFailure) {
      const channel = channelOf(failure.conversationId);
      const base = { channel, conversation: hashId(failure.conversationId), event: failure.event };
      if (failure.error instanceof BotError && failure.error.status < 500) {
        // An unknown conversation and the like: the caller's mistake, answered with a 4xx.
        logger.info({ ...base, code: failure.error.code }, "turn refused");
        return;
      }
      metrics.errors.inc({ source: channel, code: errorCode(failure.error) });
      logger.error({ ...base, error: safeError(failure.error) }, "turn failed");
    },
  };
}
