/**
 * The pieces a route answer is made of (routes.ts): blocks, some of them details a resident reads only
 * on request. A detail block has an id; after the answer it is offered as a choice `detail:<id>` with
 * the label below, and a tap shows that block alone without restarting the diagnosis.
 */
import type { Locale } from "../../src/core/locale.ts";
import type { RouteSection } from "../../src/core/reply.ts";
import { catalogFor } from "./text/index.ts";
import { JA } from "./text/ja.ts";

/** Details a resident can ask for after an answer, in no particular order. */
export const DETAIL_IDS = [
  "about",
  "proxy",
  "guardian",
  "parent",
  "bring",
  "stores",
  "fees",
  "smartphone",
  "reservation",
  "check",
  "notes",
  "contacts",
  "pinReset",
  "etax",
] as const;
export type DetailId = (typeof DETAIL_IDS)[number];

/** The details' Japanese labels (text/ja.ts). Labels fit LINE's 20-character quick replies. */
export const DETAIL_LABELS: Readonly<Record<DetailId, string>> = JA.details;

/** A detail's label in a locale (text/*.ts: the catalogs per locale). */
export function detailLabel(id: DetailId, locale: Locale = "ja"): string {
  return catalogFor(locale).details[id];
}

/** The value of the choice that opens a detail. */
export const DETAIL_PREFIX = "detail:";
export const detailValue = (id: DetailId): string => `${DETAIL_PREFIX}${id}`;
export function detailIdOf(value: string): DetailId | undefined {
  if (!value.startsWith(DETAIL_PREFIX)) return undefined;
  const id = value.slice(DETAIL_PREFIX.length);
  return (DETAIL_IDS as readonly string[]).includes(id) ? (id as DetailId) : undefined;
}

/** A section of a route answer. `detail` blocks carry the id they are asked for by. */
export type Block = RouteSection & { id?: DetailId };

/** A block shown on request. */
export function detail(id: DetailId, heading: string, items: string[]): Block {
  return { id, heading, items, detail: true };
}
