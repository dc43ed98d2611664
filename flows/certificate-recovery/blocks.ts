/**
 * The pieces a route answer is made of (routes.ts): blocks, some of them details a resident reads only
 * on request. A detail block has an id; after the answer it is offered as a choice `detail:<id>` with
 * the label below, and a tap shows that block alone without restarting the diagnosis.
 */
import type { Locale } from "../../src/core/locale.ts";
import type { RouteSection } from "../../src/core/reply.ts";

/** Details a resident can ask for after an answer. Labels fit LINE's 20-character quick replies. */
export const DETAIL_LABELS = {
  about: "くわしい説明",
  proxy: "代理人が行く場合",
  guardian: "成年後見人が行く場合",
  parent: "15歳未満のお子さんの場合",
  bring: "持ち物をくわしく",
  stores: "使えるコンビニ",
  fees: "手数料のくわしい内訳",
  smartphone: "スマホ用の証明書",
  reservation: "予約について",
  check: "確認してほしいこと",
  notes: "そのほかの注意",
  contacts: "窓口・電話の案内",
  pinReset: "カードの暗証番号も",
  etax: "e-Taxの暗証番号",
} as const;
export type DetailId = keyof typeof DETAIL_LABELS;

/** A detail's label in a locale (issue 14: catalogs per locale). */
export function detailLabel(id: DetailId, locale: Locale = "ja"): string {
  void locale;
  return DETAIL_LABELS[id];
}

/** The value of the choice that opens a detail. */
export const DETAIL_PREFIX = "detail:";
export const detailValue = (id: DetailId): string => `${DETAIL_PREFIX}${id}`;
export function detailIdOf(value: string): DetailId | undefined {
  if (!value.startsWith(DETAIL_PREFIX)) return undefined;
  const id = value.slice(DETAIL_PREFIX.length);
  return Object.hasOwn(DETAIL_LABELS, id) ? (id as DetailId) : undefined;
}

/** A section of a route answer. `detail` blocks carry the id they are asked for by. */
export type Block = RouteSection & { id?: DetailId };

/** A block shown on request. */
export function detail(id: DetailId, heading: string, items: string[]): Block {
  return { id, heading, items, detail: true };
}
