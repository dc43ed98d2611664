/**
 * Who may go to the counter instead of the resident, and with what: one table per procedure
 * (shared/facts.md §7). Every route that sends someone to the counter reads its procedure's row here;
 * no route writes its own proxy text, and no row is reused for another procedure.
 *
 * The words are the locale's catalog (route-text/, `proxy`); this file decides which rows apply.
 * A city's content owner reviews this file. Cities differ on proxies: where the sources say "ask the
 * counter first", the text says so.
 */
import type { Facts } from "../../src/core/slots.ts";
import type { Block } from "./blocks.ts";
import type { RouteId } from "./routes-ids.ts";
import { ja } from "./route-text/ja.ts";
import type { RouteText } from "./route-text/types.ts";

/** The counter procedures of facts §7. */
export type Procedure = "renewal" | "new-issue" | "pin-reset" | "new-card" | "foreign-extension";

export interface ProxyRule {
  /** What a proxy (代理人: family, a friend) brings and how many visits it takes. */
  items: readonly string[];
}

/** §7 table in Japanese: what a proxy needs, by procedure (the words are the catalog's, route-text/). */
export const PROXY_RULES: Record<Procedure, ProxyRule> = Object.fromEntries(
  Object.entries(ja.proxy.rules).map(([procedure, items]) => [procedure, { items }]),
) as Record<Procedure, ProxyRule>;

/** §7: a 成年後見人 for a 成年被後見人 (seed 003: H). */
export const GUARDIAN_ITEMS: readonly string[] = ja.proxy.guardianItems;

/** §7: a parent (法定代理人) of a child under 15 (municipal pages: M). */
export const PARENT_ITEMS: readonly string[] = ja.proxy.parentItems;

/** The procedure a route sends the resident to the counter for; undefined for routes without a counter procedure. */
export function procedureOf(routeId: RouteId): Procedure | undefined {
  switch (routeId) {
    case "certificate-renewal":
    case "certificate-renewal-not-yet":
      return "renewal";
    case "signature-reissue-after-change":
    case "certificate-reissue-after-expiry":
      return "new-issue";
    case "pin-reset-counter":
      return "pin-reset";
    case "card-renewal":
      return "new-card";
    case "foreign-resident-extension":
      return "foreign-extension";
    default:
      return undefined;
  }
}

function legalRepresentativeSections(facts: Facts, t: RouteText): Block[] {
  const guardian: Block = { id: "guardian", heading: t.proxy.guardianHeading, items: [...t.proxy.guardianItems] };
  const parent: Block = { id: "parent", heading: t.proxy.parentHeading, items: [...t.proxy.parentItems] };
  if (facts.noSignatureReason === "adult-ward") return [guardian];
  if (facts.noSignatureReason === "under-15") return [parent];
  return [guardian, parent];
}

/**
 * What the person going to the counter brings, by who is going (§7), for the route's procedure. The bot
 * does not ask who goes: when the resident has not said, the answer covers a proxy and a legal
 * representative too, as details (read on request); when the resident said who goes, that person's
 * section is on the first screen.
 */
export function applicantSections(routeId: RouteId, facts: Facts, t: RouteText = ja): Block[] {
  const procedure = procedureOf(routeId);
  if (!procedure) return [];
  const proxy: Block = { id: "proxy", heading: t.proxy.heading, items: [...t.proxy.rules[procedure]] };
  switch (facts.applicant) {
    case "self":
      return [];
    case "proxy":
      return [proxy];
    case "legal-representative":
      return legalRepresentativeSections(facts, t);
    case undefined:
      return [proxy, ...legalRepresentativeSections(facts, t)].map((b) => ({ ...b, detail: true }));
  }
}
