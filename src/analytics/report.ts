/**
 * The city's report for a period (issue 18, `npm run report`): the daily figures as CSV (for Excel:
 * UTF-8 with a BOM, CRLF, one row per day and route) or as Markdown (totals, days, routes, and the most
 * frequent messages the bot could not read). Pure: the CLI reads the store and prints.
 */
import type { DayFigures } from "./figures.ts";
import { sumFigures } from "./figures.ts";

export const CHANNELS = ["web", "line", "slack"] as const;
/** The route id of a day's row that holds the whole day (every route). */
export const ALL_ROUTES = "(all)";

export const CSV_COLUMNS = [
  "date",
  "route_id",
  "conversations_web",
  "conversations_line",
  "conversations_slack",
  "questions_asked",
  "answers",
  "questions_before_answer",
  "resolved",
  "not_resolved",
  "handoffs_opened",
  "handoffs_taken",
  "handoff_wait_minutes_avg",
] as const;

const BOM = "\uFEFF";

/** Conversations of one channel, every locale. */
function conversationsOf(conversations: Record<string, number>, channel: string): number {
  return Object.entries(conversations)
    .filter(([k]) => k.split(":")[0] === channel)
    .reduce((n, [, v]) => n + v, 0);
}

const average = (sum: number, n: number) => (n > 0 ? Math.round((sum / n) * 10) / 10 : "");

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV: per day, one row for the whole day (route_id `(all)`: conversations by channel, questions,
 * answers, feedback, hand-offs) and one row per route answered that day (its own answers, questions,
 * feedback; the day-wide columns empty, so that a column's sum is the period's).
 */
export function reportCsv(days: readonly DayFigures[]): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const d of days) {
    const total = sumFigures([d]);
    const routes = Object.values(total.routes);
    rows.push([
      d.day,
      ALL_ROUTES,
      ...CHANNELS.map((c) => conversationsOf(d.conversations, c)),
      d.questions,
      routes.reduce((n, r) => n + r.answers, 0),
      routes.reduce((n, r) => n + r.questionsAsked, 0),
      routes.reduce((n, r) => n + r.resolved, 0),
      routes.reduce((n, r) => n + r.notResolved, 0),
      d.handoffsOpened,
      d.handoffsTaken,
      average(d.handoffWaitMinutes, d.handoffsTaken),
    ]);
    for (const [routeId, r] of Object.entries(d.routes).sort(([a], [b]) => a.localeCompare(b))) {
      rows.push([d.day, routeId, "", "", "", "", r.answers, r.questionsAsked, r.resolved, r.notResolved, "", "", ""]);
    }
  }
  return BOM + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–");
const mdCell = (s: string | number) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Markdown for people: the period's totals, each day, each route, and the unread messages. */
export function reportMarkdown(
  days: readonly DayFigures[],
  opts: { since: string; until: string; unread: readonly { text: string; count: number }[]; cityName?: string },
): string {
  const t = sumFigures(days);
  const routes = Object.entries(t.routes).sort(([, a], [, b]) => b.answers - a.answers);
  const answers = routes.reduce((n, [, r]) => n + r.answers, 0);
  const resolved = routes.reduce((n, [, r]) => n + r.resolved, 0);
  const notResolved = routes.reduce((n, [, r]) => n + r.notResolved, 0);
  const conversations = CHANNELS.map((c) => conversationsOf(t.conversations, c));
  const out: string[] = [];
  out.push(`# マイナ証明書レスキュー 利用状況${opts.cityName ? `（${opts.cityName}）` : ""}`, "");
  out.push(`期間：${opts.since} 〜 ${opts.until}`, "");
  out.push("| 項目 | 件数 |", "|---|---:|");
  out.push(`| 相談（会話）の数 | ${conversations.reduce((a, b) => a + b, 0)}（Web ${conversations[0]} / LINE ${conversations[1]} / Slack ${conversations[2]}） |`);
  out.push(`| 案内した回答 | ${answers} |`);
  out.push(`| 質問した数 | ${t.questions} |`);
  out.push(`| 「解決した」 / 「解決しない」 | ${resolved} / ${notResolved}（解決率 ${percent(resolved, resolved + notResolved)}） |`);
  out.push(`| 担当者への引き継ぎ | ${t.handoffsOpened}（対応開始 ${t.handoffsTaken}、平均 ${average(t.handoffWaitMinutes, t.handoffsTaken) || "–"} 分） |`);
  out.push("", "## 日ごと", "", "| 日付 | 相談 | 回答 | 解決した | 解決しない | 引き継ぎ |", "|---|---:|---:|---:|---:|---:|");
  for (const d of days) {
    const r = Object.values(d.routes);
    const c = Object.values(d.conversations).reduce((a, b) => a + b, 0);
    out.push(
      `| ${d.day} | ${c} | ${r.reduce((n, x) => n + x.answers, 0)} | ${r.reduce((n, x) => n + x.resolved, 0)} | ${r.reduce((n, x) => n + x.notResolved, 0)} | ${d.handoffsOpened} |`,
    );
  }
  out.push("", "## 回答（ルート）ごと", "", "| ルート | 回答 | 平均質問数 | 解決した | 解決しない | 解決率 |", "|---|---:|---:|---:|---:|---:|");
  for (const [routeId, r] of routes) {
    out.push(`| \`${routeId}\` | ${r.answers} | ${average(r.questionsAsked, r.answers) || "–"} | ${r.resolved} | ${r.notResolved} | ${percent(r.resolved, r.resolved + r.notResolved)} |`);
  }
  out.push("", "## 読み取れなかったメッセージ（多い順）", "");
  if (opts.unread.length === 0) out.push("（ありません）");
  else {
    out.push("| 件数 | メッセージ（電話番号・メール・住所などは伏せてあります） |", "|---:|---|");
    for (const u of opts.unread) out.push(`| ${u.count} | ${mdCell(u.text)} |`);
  }
  return out.join("\n") + "\n";
}
