import { describe, expect, it } from "vitest";
import { firstOpenDayFrom, isOpenOn, isWithinHours, lastOpenDayUpTo, nextOpening, type WeeklyHours } from "../../src/calendar/index.ts";

const weekday = [{ open: "08:30", close: "17:15" }];
const counter: WeeklyHours = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday };
const withLunch: WeeklyHours = {
  ...counter,
  sat: [
    { open: "09:00", close: "12:00" },
    { open: "13:00", close: "15:00" },
  ],
};
const jst = (s: string) => new Date(`${s}+09:00`);

describe("isWithinHours", () => {
  it("uses Tokyo wall-clock time", () => {
    expect(isWithinHours(jst("2026-11-20T10:00:00"), counter)).toBe(true); // Fri
    expect(isWithinHours(jst("2026-11-20T08:29:59"), counter)).toBe(false);
    expect(isWithinHours(jst("2026-11-20T08:30:00"), counter)).toBe(true);
    expect(isWithinHours(jst("2026-11-20T17:15:00"), counter)).toBe(false); // close is exclusive
    // Friday 08:45 in Tokyo is still Thursday in UTC.
    expect(isWithinHours(new Date("2026-11-19T23:45:00Z"), counter)).toBe(true);
  });
  it("is closed at weekends without an entry", () => {
    expect(isWithinHours(jst("2026-11-21T10:00:00"), counter)).toBe(false);
    expect(isWithinHours(jst("2026-11-21T10:00:00"), withLunch)).toBe(true);
    expect(isWithinHours(jst("2026-11-21T12:30:00"), withLunch)).toBe(false);
  });
  it("is closed on national holidays, 12/29–1/3 and closedDates", () => {
    expect(isWithinHours(jst("2026-11-23T10:00:00"), counter)).toBe(false); // 勤労感謝の日
    expect(isWithinHours(jst("2026-12-29T10:00:00"), counter)).toBe(false);
    expect(isWithinHours(jst("2027-01-04T10:00:00"), counter)).toBe(true);
    expect(isWithinHours(jst("2026-11-24T10:00:00"), counter, ["2026-11-24"])).toBe(false);
  });
});

describe("nextOpening", () => {
  it("is now when open", () => {
    const now = jst("2026-11-20T10:00:00");
    expect(nextOpening(now, counter)?.getTime()).toBe(now.getTime());
  });
  it("later the same day", () => {
    expect(nextOpening(jst("2026-11-20T07:00:00"), counter)?.toISOString()).toBe("2026-11-19T23:30:00.000Z");
    expect(nextOpening(jst("2026-11-21T12:30:00"), withLunch)?.toISOString()).toBe(jst("2026-11-21T13:00:00").toISOString());
  });
  it("skips weekends and holidays", () => {
    // Fri after closing → Mon 11/23 is a holiday → Tue 11/24 08:30
    expect(nextOpening(jst("2026-11-20T17:15:00"), counter)?.toISOString()).toBe(jst("2026-11-24T08:30:00").toISOString());
  });
  it("skips the year-end closure", () => {
    expect(nextOpening(jst("2026-12-28T18:00:00"), counter)?.toISOString()).toBe("2027-01-03T23:30:00.000Z");
  });
  it("skips closedDates", () => {
    expect(nextOpening(jst("2026-11-24T07:00:00"), counter, ["2026-11-24"])?.toISOString()).toBe(
      jst("2026-11-25T08:30:00").toISOString(),
    );
  });
  it("is undefined when never open", () => {
    expect(nextOpening(jst("2026-11-20T10:00:00"), {})).toBeUndefined();
  });
});

describe("open days (facts §4: a renewal window opening on a closed day)", () => {
  it("a Sunday → the Monday; 1月1日 → the first open day after the year-end closure", () => {
    expect(isOpenOn("2027-03-14", counter)).toBe(false); // Sunday
    expect(firstOpenDayFrom("2027-03-14", counter)).toBe("2027-03-15");
    expect(firstOpenDayFrom("2027-01-01", counter)).toBe("2027-01-04");
    expect(firstOpenDayFrom("2026-12-28", counter)).toBe("2026-12-28"); // open: itself
    expect(firstOpenDayFrom("2027-03-13", withLunch)).toBe("2027-03-13"); // a Saturday counter
  });
  it("holidays and closedDates are skipped; the last open day on or before a date", () => {
    expect(firstOpenDayFrom("2026-11-21", counter)).toBe("2026-11-24"); // Sat, Sun, 11/23 勤労感謝の日
    expect(firstOpenDayFrom("2026-11-24", counter, ["2026-11-24"])).toBe("2026-11-25");
    expect(lastOpenDayUpTo("2027-06-13", counter)).toBe("2027-06-11"); // Sunday → Friday
    expect(lastOpenDayUpTo("2027-01-03", counter)).toBe("2026-12-28");
    expect(firstOpenDayFrom("2026-11-21", {})).toBeUndefined();
  });
});
