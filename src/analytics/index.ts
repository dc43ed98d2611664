/**
 * What the city learns from its bot (issue 18): the daily figures, the unread messages and the open
 * hand-offs, recorded from the runtime's `onTurn` and the hand-off's observer, kept in the session
 * store's tallies. Read back by the Slack App Home and `npm run report`.
 */
import type { HandoffObserver } from "../core/handoff.ts";
import type { TurnRecord } from "../core/runtime.ts";
import { Figures } from "./figures.ts";
import type { TallyStore } from "./tally.ts";
import { UnreadMessages } from "./unread.ts";

export interface Analytics {
  readonly figures: Figures;
  readonly unread: UnreadMessages;
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
}): Analytics {
  const figures = new Figures(opts.tally, { now: opts.now, ...(opts.onError ? { onError: opts.onError } : {}) });
  const unread = new UnreadMessages(opts.tally, { days: opts.unreadDays, now: opts.now });
  return {
    figures,
    unread,
    tally: opts.tally,
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
    flush: () => figures.flush(),
  };
}
