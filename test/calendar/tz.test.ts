import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const calendar = pathToFileURL(`${root}src/calendar/index.ts`).href;

// Computed in a fresh process so that TZ is set before any Date is used.
const probe = `
import * as c from ${JSON.stringify(calendar)};
const hours = { mon: [{ open: "08:30", close: "17:15" }], fri: [{ open: "08:30", close: "17:15" }] };
const instants = ["2026-11-21T14:59:59Z", "2026-11-21T15:30:00Z", "2026-12-31T15:00:00Z", "2027-03-14T10:00:00Z", "2027-11-07T09:30:00Z"];
const dates = ["2026-11-21", "2026-12-28", "2026-12-25", "2027-01-08", "2027-01-11", "2026-05-01", "2027-04-30", "2028-02-29", "2027-03-14", "2027-11-07", "2026-11-03", "2027-05-05"];
const out = {
  offset: new Date(2026, 0, 1).getTimezoneOffset(),
  today: instants.map((s) => c.todayInTokyo(new Date(s))),
  within: instants.map((s) => c.isWithinHours(new Date(s), hours)),
  next: instants.map((s) => c.nextOpening(new Date(s), hours)?.toISOString()),
  frozen: c.nowFromEnv("2026-11-21T10:00:00+09:00")().toISOString(),
  days: dates.map((d) => [
    c.isNationalHoliday(d), c.isBusinessDay(d), c.nextBusinessDay(d), c.addDays(d, 1), c.addMonths(d, -3),
    c.weekdayOf(d), c.formatJapaneseDate(d), c.toWareki(d), c.renewalWindow(d).opens,
    c.certificateExpiryFrom(d, "2000-02-29"),
  ]),
};
console.log(JSON.stringify(out));
`;

function runIn(tz: string): { offset: number } & Record<string, unknown> {
  const stdout = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], {
    cwd: root,
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
  });
  return JSON.parse(stdout) as { offset: number } & Record<string, unknown>;
}

describe("results do not depend on the process TZ", () => {
  it("UTC and America/Los_Angeles give the same answers as Asia/Tokyo", () => {
    const tokyo = runIn("Asia/Tokyo");
    const utc = runIn("UTC");
    const la = runIn("America/Los_Angeles");
    // The TZ really changed in each child process…
    expect([tokyo.offset, utc.offset, la.offset]).toEqual([-540, 0, 480]);
    // …and nothing else did.
    const strip = ({ offset: _offset, ...rest }: { offset: number } & Record<string, unknown>) => rest;
    expect(strip(utc)).toEqual(strip(tokyo));
    expect(strip(la)).toEqual(strip(tokyo));
    expect(tokyo["today"]).toEqual(["2026-11-21", "2026-11-22", "2027-01-01", "2027-03-14", "2027-11-07"]);
  });
});
