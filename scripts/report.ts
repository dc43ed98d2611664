/**
 * The city's report from the configured store (issue 18):
 *
 *   npm run report -- --since 2026-11-01 [--until 2026-11-30] [--format md|csv] > report.csv
 *
 * Reads `SESSION_STORE` (and `MUNICIPALITY_CONFIG` for the city's name, `BOT_NOW` for "today") as the
 * server does; `--until` defaults to today (Asia/Tokyo). Markdown (the default) has the period's
 * totals, each day, each route and the most frequent messages the bot could not read; CSV (UTF-8 with
 * a BOM, so that Excel opens it as such) one row per day and route. Exits 0, or 2 with a usage line.
 * Run it where the server's store is: the SQLite file, or the same Redis.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../flows/cities/schema.ts";
import { readFigures } from "../src/analytics/figures.ts";
import { reportCsv, reportMarkdown } from "../src/analytics/report.ts";
import { createTallyStore } from "../src/analytics/tally.ts";
import { topUnread } from "../src/analytics/unread.ts";
import { nowFromEnv, parseIsoDate, todayInTokyo } from "../src/calendar/index.ts";

const USAGE = "usage: npm run report -- --since YYYY-MM-DD [--until YYYY-MM-DD] [--format md|csv]\n";

export async function runReport(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  let values: { since?: string | undefined; until?: string | undefined; format?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { since: { type: "string" }, until: { type: "string" }, format: { type: "string", default: "md" } },
      strict: true,
    }));
  } catch (e) {
    err.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const since = values.since ? parseIsoDate(values.since) : undefined;
  const until = values.until ? parseIsoDate(values.until) : todayInTokyo(nowFromEnv(env.BOT_NOW?.trim() || undefined)());
  const format = values.format;
  if (!since || !until || since > until || (format !== "md" && format !== "csv")) {
    err.write(USAGE);
    return 2;
  }
  const spec = env.SESSION_STORE?.trim() || "sqlite:./data/sessions.db";
  if (spec === "memory") {
    err.write("SESSION_STORE=memory keeps nothing between processes: point it at the server's SQLite file or Redis\n");
    return 2;
  }
  const tally = await createTallyStore(spec);
  try {
    const days = await readFigures(tally, since, until);
    if (format === "csv") out.write(reportCsv(days));
    else {
      const city = loadCityConfig(env.MUNICIPALITY_CONFIG?.trim() || SAMPLE_CITY_PATH);
      out.write(reportMarkdown(days, { since, until, unread: await topUnread(tally, since, until), cityName: city.name }));
    }
  } finally {
    await tally.close();
  }
  return 0;
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await runReport(process.argv.slice(2));
}
