/**
 * The web chat shows the contract's Reply JSON as it is (shared/contract.md §3); this is the one place
 * that shapes it, so the wire format cannot drift from the type.
 */
import type { Reply, RouteReply } from "../../core/reply.ts";
import type { TranscriptEntry } from "../../core/transcript.ts";

/** The contact route: after it, offering 「窓口に相談したい」 again would only show the same card. */
const CONTACT_ROUTE = "contact-city";
const FOLLOW_UP_SLOT = "followUp";
const CONTACT_CHOICE = "contact";

/** A route reply; `lead` (contract §3, second-wave addition) is passed on when the flow gives one. */
function renderRoute(r: RouteReply): Reply {
  return {
    type: "route",
    routeId: r.routeId,
    title: r.title,
    lead: r.lead,
    text: r.text,
    sections: r.sections.map((s) => ({ heading: s.heading, items: s.items, ...(s.detail ? { detail: true as const } : {}) })),
    ...(r.links ? { links: r.links } : {}),
  };
}

export function renderWebReplies(replies: readonly Reply[]): { replies: Reply[] } {
  const afterContact = replies.some((r) => r.type === "route" && r.routeId === CONTACT_ROUTE);
  return {
    replies: replies.map((r): Reply => {
      switch (r.type) {
        case "text":
          return { type: "text", text: r.text };
        case "question": {
          const choices =
            afterContact && r.slot === FOLLOW_UP_SLOT ? r.choices.filter((c) => c.value !== CONTACT_CHOICE) : r.choices;
          return { type: "question", slot: r.slot, text: r.text, input: r.input, choices };
        }
        case "route":
          return renderRoute(r);
      }
    }),
  };
}

/** A stored transcript for the page to show again: the resident's texts (redacted) and the replies. */
export function renderWebTranscript(entries: readonly TranscriptEntry[]): ({ from: "resident"; text: string } | { from: "bot"; replies: Reply[] })[] {
  return entries.map((e) => (e.from === "resident" ? { from: "resident", text: e.text } : { from: "bot", replies: renderWebReplies(e.replies).replies }));
}
