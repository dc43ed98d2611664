/**
 * What the city learns from its bot (issue 18): the daily figures, the unread messages and the open
 * hand-offs, recorded from the runtime's `onTurn` and the hand-off's observer, kept in the session
 * store's tallies. Read back by the Slack App Home and `npm run report`.
 */
import type { HandoffObserver } from "../core/handoff.ts";
import type { TurnRecord } from "../core/runtime.ts";
import { Figures } from "./figures.ts";
import { BufferedTally, type TallyStore } from "./tally.ts";
import { UnreadMessages } from "./unread.ts";

export interface Analytics {
  readonly figures: Figures;
  readonly unread: UnreadMessages;
  /** The tallies (adds gathered and written every second; a read writes them first). */
  readonly tally: TallyStore;
  /** For the runtime's `onTurn` (never throws, never waits). */
  onTurn(turn: TurnRecord): void;
  /** For the hand-off (src/core/handoff.ts). */
  readonly handoffObserver: HandoffObserver;
  /** Resolves when every write started so far is done (tests, shutdown). */
  flush(): Promise<void>;
}

export function createAnalytics(opts: {
  tally: TallyStore;
  now: () => Date;
  /** `UNREAD_MESSAGES_DAYS`: 0 keeps no unread message. */
  unreadDays: number;
  onError?: (error: unknown) => void;
  /** How long adds are gathered before they are written (default 1 s). */
  flushIntervalMs?: number;
}): Analytics {
  const onError = opts.onError ?? (() => {});
  const tally = new BufferedTally(opts.tally, { onError, ...(opts.flushIntervalMs !== undefined ? { intervalMs: opts.flushIntervalMs } : {}) });
  const figures = new Figures(tally, { now: opts.now, onError });
  const unread = new UnreadMessages(tally, { days: opts.unreadDays, now: opts.now });
  return {
    figures,
    unread,
    tally,
    onTurn(turn) {
      figures.turn(turn);
      const text = turn.result.unreadText;
      if (text !== undefined && unread.enabled) figures.track(unread.record(text));
    },
    handoffObserver: {
      opened: (ticketId, openedAt) => figures.handoffOpened(ticketId, openedAt),
      taken: (ticketId, openedAt) => figures.handoffTaken(ticketId, openedAt),
      closed: (ticketId) => figures.handoffClosed(ticketId),
    },
    async flush() {
      await figures.flush();
      await tally.flush();
    },
  };
}
