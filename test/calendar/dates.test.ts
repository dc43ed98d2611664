import { describe, expect, it } from "vitest";
import {
  TOKYO,
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  firstDayOfMonth,
  isAfter,
  isBefore,
  lastDayOfMonth,
  nowFromEnv,
  parseIsoDate,
  parseIsoMonth,
  todayInTokyo,
  weekdayOf,
} from "../../src/calendar/index.ts";

describe("TOKYO", () => {
  it("is Asia/Tokyo", () => expect(TOKYO).toBe("Asia/Tokyo"));
});

describe("parseIsoDate", () => {
  it.each(["2026-11-21", "2028-02-29", "2000-02-29", "2026-12-31", "2026-04-30"])("accepts %s", (s) => {
    expect(parseIsoDate(s)).toBe(s);
  });
  it.each(["2027-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-4-1", " 2026-04-01", "2026/04/01", "", "2026-04-01T00:00"])(
    "rejects %j",
    (s) => expect(parseIsoDate(s)).toBeUndefined(),
  );
});

describe("parseIsoMonth", () => {
  it("accepts real months only", () => {
    expect(parseIsoMonth("2027-02")).toBe("2027-02");
    expect(parseIsoMonth("2027-13")).toBeUndefined();
    expect(parseIsoMonth("2027-2")).toBeUndefined();
  });
});

describe("addDays", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-11-21", 0)).toBe("2026-11-21");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  });
  it("throws on an invalid date", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it("clamps to the end of the target month", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2027-03-31", -1)).toBe("2027-02-28");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-05-31", -3)).toBe("2027-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
  });
  it("crosses years both ways", () => {
    expect(addMonths("2027-01-15", -1)).toBe("2026-12-15");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2027-05-15", -12)).toBe("2026-05-15");
    expect(addMonths("2027-05-15", -17)).toBe("2025-12-15");
  });
});

describe("comparisons", () => {
  it("compareDates / isBefore / isAfter", () => {
    expect(compareDates("2026-11-21", "2026-11-22")).toBeLessThan(0);
    expect(compareDates("2027-01-01", "2026-12-31")).toBeGreaterThan(0);
    expect(compareDates("2026-11-21", "2026-11-21")).toBe(0);
    expect(isBefore("2026-11-21", "2026-11-22")).toBe(true);
    expect(isBefore("2026-11-22", "2026-11-22")).toBe(false);
    expect(isAfter("2026-11-23", "2026-11-22")).toBe(true);
    expect(isAfter("2026-11-22", "2026-11-22")).toBe(false);
  });
  it("daysBetween is b − a", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-02-28", "2027-03-01")).toBe(1);
    expect(daysBetween("2026-12-31", "2026-01-01")).toBe(-364);
    expect(daysBetween("2026-11-21", "2027-11-21")).toBe(365);
    expect(daysBetween("2027-11-21", "2028-11-21")).toBe(366);
  });
  it("weekdayOf", () => {
    expect(weekdayOf("1970-01-01")).toBe(4);
    expect(weekdayOf("2026-11-21")).toBe(6);
    expect(weekdayOf("2027-01-21")).toBe(4);
    expect(weekdayOf("1969-12-28")).toBe(0);
  });
});

describe("month ends", () => {
  it("lastDayOfMonth", () => {
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2027-02")).toBe("2027-02-28");
    expect(lastDayOfMonth("2100-02")).toBe("2100-02-28");
    expect(lastDayOfMonth("2000-02")).toBe("2000-02-29");
    expect(lastDayOfMonth("2026-04")).toBe("2026-04-30");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
  });
  it("firstDayOfMonth", () => {
    expect(firstDayOfMonth("2027-02")).toBe("2027-02-01");
    expect(() => firstDayOfMonth("2027-13")).toThrow(RangeError);
  });
});

describe("todayInTokyo", () => {
  it("is the Tokyo date near midnight", () => {
    expect(todayInTokyo(new Date("2026-11-21T15:30:00Z"))).toBe("2026-11-22");
    expect(todayInTokyo(new Date("2026-11-21T14:59:59.999Z"))).toBe("2026-11-21");
    expect(todayInTokyo(new Date("2026-11-21T15:00:00Z"))).toBe("2026-11-22");
    expect(todayInTokyo(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
    expect(todayInTokyo(new Date("2026-11-22T00:10:00+09:00"))).toBe("2026-11-22");
  });
  it("throws on an invalid Date", () => {
    expect(() => todayInTokyo(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("nowFromEnv", () => {
  it("uses the real clock when unset or blank", () => {
    for (const v of [undefined, "", "  "]) {
      const before = Date.now();
      const t = nowFromEnv(v)().getTime();
      expect(t).toBeGreaterThanOrEqual(before);
      expect(t).toBeLessThanOrEqual(Date.now());
    }
  });
  it("freezes the clock on an instant with an offset", () => {
    const clock = nowFromEnv("2026-11-21T10:00:00+09:00");
    const a = clock();
    const b = clock();
    expect(a.toISOString()).toBe("2026-11-21T01:00:00.000Z");
    expect(b.getTime()).toBe(a.getTime());
    expect(b).not.toBe(a);
    expect(nowFromEnv("2026-11-21T01:00:00Z")().toISOString()).toBe("2026-11-21T01:00:00.000Z");
    expect(nowFromEnv("2026-11-21T10:00+09:00")().toISOString()).toBe("2026-11-21T01:00:00.000Z");
    expect(nowFromEnv("2026-11-21T10:00:00.250+09:00")().toISOString()).toBe("2026-11-21T01:00:00.250Z");
  });
  it.each(["tomorrow", "2026-11-21", "2026-11-21T10:00:00", "2026-02-30T10:00:00+09:00", "2026-11-21T25:00:00Z", "2026-11-21 10:00:00+09:00"])(
    "throws a clear error for %j",
    (v) => expect(() => nowFromEnv(v)).toThrow(/BOT_NOW.*ISO 8601/),
  );
});
