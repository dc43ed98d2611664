/**
 * Who may go to the counter instead of the resident, and with what: one table per procedure
 * (shared/facts.md §7). Every route that sends someone to the counter reads its procedure's row here;
 * no route writes its own proxy text, and no row is reused for another procedure.
 *
 * A city's content owner reviews this file. Cities differ on proxies: where the sources say "ask the
 * counter first", the text says so.
 */
import type { Facts } from "../../src/core/slots.ts";
import type { Block } from "./blocks.ts";
import type { RouteId } from "./routes-ids.ts";

/** The counter procedures of facts §7. */
export type Procedure = "renewal" | "new-issue" | "pin-reset" | "new-card" | "foreign-extension";

export interface ProxyRule {
  /** What a proxy (代理人: family, a friend) brings and how many visits it takes. */
  items: string[];
}

/** §7 table: what a proxy needs, by procedure. */
export const PROXY_RULES: Record<Procedure, ProxyRule> = {
  // seeds 002, 003: one visit with the sealed 照会書兼回答書 from the expiry-notice envelope, else two.
  renewal: {
    items: [
      "有効期限通知書の封筒に入っている照会書兼回答書（自治体により「回答書兼委任状」）に、ご本人が記入し、暗証番号欄も書いて封をすれば、代理人の1回の来庁で更新できます。",
      "持ち物：ご本人のマイナンバーカード、封をした照会書兼回答書、代理人の本人確認書類（運転免許証など顔写真付きのもの）",
      "照会書兼回答書がない場合は、窓口からご本人あてに照会書を郵送するため、2回の来庁が必要です。",
    ],
  },
  // seed 002 ("代理人での手続きを希望される場合は、別途お問い合わせください"); municipal pages: M.
  "new-issue": {
    items: [
      "引っ越し・氏名変更や期限切れのあとの発行では、有効期限通知書は使えません。窓口で申請すると、ご本人の住所あてに照会書兼回答書が郵送され、代理人はそれを持ってもう一度お越しいただきます（2回の来庁）。",
      "持ち物：ご本人のマイナンバーカード、ご本人が記入して封をした照会書兼回答書、代理人の本人確認書類（顔写真付き）",
      "扱いは自治体によって異なります。事前に窓口へお問い合わせください。",
    ],
  },
  // seeds 000, 003: a 照会書 is mailed to the resident first.
  "pin-reset": {
    items: [
      "暗証番号の再設定は、代理人では1回で終わりません。まず窓口で申請すると、ご本人あてに照会書が郵送されます。",
      "照会書にご本人が記入・封をしたものと、ご本人のマイナンバーカード、代理人の本人確認書類（顔写真付き）を持って、もう一度お越しください。",
    ],
  },
  // seed 003; municipal pages: M.
  "new-card": {
    items: [
      "新しいカードの申請は、ご本人が交付申請書で行います（郵送・スマートフォン・パソコン・証明写真機）。",
      "カードの受け取りを代理人に頼めるのは、病気や障害などで来庁が難しい場合に限られ、そのことを示す書類が必要です。事前に窓口へお問い合わせください。",
    ],
  },
  // municipal pages: M. No expiry notice is mailed, so no 照会書兼回答書 comes with one.
  "foreign-extension": {
    items: [
      "代理人による手続きは、事前に窓口へお問い合わせください（有効期限通知書は送られてこないため、通知書に入った書類はありません）。",
    ],
  },
};

/** §7: a 成年後見人 for a 成年被後見人 (seed 003: H). */
export const GUARDIAN_ITEMS: readonly string[] = [
  "ご本人のマイナンバーカード",
  "成年後見人の本人確認書類（顔写真付き）",
  "成年後見人であることを確認できる登記事項証明書",
];

/** §7: a parent (法定代理人) of a child under 15 (municipal pages: M). */
export const PARENT_ITEMS: readonly string[] = [
  "お子さんと一緒に、親権者（法定代理人）が手続きします。",
  "お子さんのマイナンバーカードと、親権者の本人確認書類（顔写真付き）",
  "親権者がお子さんと別の世帯の場合は、親子関係がわかる書類（戸籍謄本など）",
];

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

const PROXY_HEADING = "代理人（家族など）が手続きする場合";

function legalRepresentativeSections(facts: Facts): Block[] {
  const guardian: Block = { id: "guardian", heading: "成年後見人が手続きする場合", items: [...GUARDIAN_ITEMS] };
  const parent: Block = { id: "parent", heading: "15歳未満のお子さんの場合（親権者）", items: [...PARENT_ITEMS] };
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
export function applicantSections(routeId: RouteId, facts: Facts): Block[] {
  const procedure = procedureOf(routeId);
  if (!procedure) return [];
  const proxy: Block = { id: "proxy", heading: PROXY_HEADING, items: [...PROXY_RULES[procedure].items] };
  switch (facts.applicant) {
    case "self":
      return [];
    case "proxy":
      return [proxy];
    case "legal-representative":
      return legalRepresentativeSections(facts);
    case undefined:
      return [proxy, ...legalRepresentativeSections(facts)].map((b) => ({ ...b, detail: true }));
  }
}
