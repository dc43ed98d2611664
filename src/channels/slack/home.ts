/**
 * The App Home tab for help-desk staff (issue 18): HomeSummary (src/analytics/home.ts) → a Block Kit
 * `home` view for `views.publish`. Pure; the channel fetches the ticket links and publishes.
 */
import type { types } from "@slack/bolt";
import type { HomeSummary, PeriodSummary } from "../../analytics/home.ts";
import { formatJapaneseDateTime } from "../../calendar/index.ts";
import { clip, escapeMrkdwn, LIMITS } from "./render.ts";

type Block = types.KnownBlock;

/** Home views hold at most 100 blocks. */
const HOME_BLOCKS = 100;

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text: clip(text, LIMITS.sectionText) });
const section = (text: string): Block => ({ type: "section", text: mrkdwn(text) });
const header = (text: string): Block => ({ type: "header", text: { type: "plain_text", text: clip(text, LIMITS.headerText) } });

export const rateText = (p: PeriodSummary) =>
  p.resolvedRate === undefined ? "–" : `${Math.round(p.resolvedRate * 100)}%（${p.resolved}/${p.resolved + p.notResolved}）`;

/** 「35分」「2時間10分」「3日4時間」. */
export function ageText(minutes: number): string {
  if (minutes < 60) return `${minutes}分`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}時間${minutes % 60 ? `${minutes % 60}分` : ""}`;
  const hours = Math.floor(minutes / 60);
  return `${Math.floor(hours / 24)}日${hours % 24 ? `${hours % 24}時間` : ""}`;
}

function period(title: string, p: PeriodSummary): Block[] {
  const routes = p.topRoutes.length === 0 ? "（まだありません）" : p.topRoutes.map((r, i) => `${i + 1}. \`${r.routeId}\` ${r.answers}件`).join("\n");
  return [
    header(title),
    {
      type: "section",
      fields: [
        mrkdwn(`*相談*\n${p.conversations}件`),
        mrkdwn(`*案内した回答*\n${p.answers}件`),
        mrkdwn(`*解決率*\n${rateText(p)}`),
        mrkdwn(`*担当者への引き継ぎ*\n${p.handoffsOpened}件`),
      ],
    },
    section(`*よく案内したルート*\n${routes}`),
  ];
}

/** The Home tab. `ticketLinks`: a link to each open ticket's message, by ticket id, where known. */
export function renderHome(summary: HomeSummary, ticketLinks: Readonly<Record<string, string>> = {}): types.HomeView {
  const blocks: Block[] = [
    ...period(`今日（${summary.today.since}）`, summary.today),
    { type: "divider" },
    ...period(`直近7日間（${summary.week.since}〜${summary.week.until}）`, summary.week),
    { type: "divider" },
    header(`対応中・対応待ちの引き継ぎ（${summary.openHandoffs.length}件）`),
  ];
  if (summary.openHandoffs.length === 0) blocks.push(section("ありません。"));
  const shown = summary.openHandoffs.slice(0, 30);
  for (const h of shown) {
    const link = ticketLinks[h.ticketId];
    const opened = formatJapaneseDateTime(h.openedAt);
    blocks.push(section(`${link ? `<${link}|チケットを開く>` : `チケット ${h.ticketId}`}　受付 ${opened}（${ageText(h.ageMinutes)}経過）`));
  }
  if (summary.openHandoffs.length > shown.length) blocks.push(section(`ほか ${summary.openHandoffs.length - shown.length}件`));
  blocks.push({ type: "divider" }, header("読み取れなかったメッセージ（直近7日間・多い順）"));
  if (summary.unread.length === 0) blocks.push(section("ありません。"));
  else blocks.push(section(summary.unread.map((u, i) => `${i + 1}. ${escapeMrkdwn(clip(u.text.replace(/\s+/g, " "), 200))}（${u.count}件）`).join("\n")));
  blocks.push({
    type: "context",
    elements: [mrkdwn(`${formatJapaneseDateTime(summary.now)} 時点。電話番号・メール・住所などは伏せてあります。月ごとの集計は \`npm run report\`。`)],
  });
  return { type: "home", blocks: blocks.slice(0, HOME_BLOCKS) };
}
