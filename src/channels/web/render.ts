/**
 * The web chat shows the contract's Reply JSON as it is (shared/contract.md §3); this is the one place
 * that shapes it, so the wire format cannot drift from the type.
 */
import type { Reply } from "../../core/reply.ts";

export function renderWebReplies(replies: Reply[]): { replies: Reply[] } {
  return {
    replies: replies.map((r) => {
      switch (r.type) {
        case "text":
          return { type: "text", text: r.text };
        case "question":
          return { type: "question", slot: r.slot, text: r.text, input: r.input, choices: r.choices };
        case "route":
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
    }),
  };
}
