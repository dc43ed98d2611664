import { describe, expect, it } from "vitest";
import { isBusinessDay, isNationalHoliday, isYearEndClosure, nextBusinessDay } from "../../src/calendar/index.ts";

describe("isNationalHoliday", () => {
  it.each([
    ["2027-01-01", true], // 元日
    ["2027-01-11", true], // 成人の日
    ["2026-11-23", true], // 勤労感謝の日
    ["2026-05-06", true], // 振替休日
    ["2026-09-22", true], // 国民の休日
    ["2028-02-29", false],
    ["2026-11-24", false],
    ["2026-12-29", false], // year-end closure is not a national holiday
  ])("%s → %s", (d, expected) => expect(isNationalHoliday(d)).toBe(expected));
});

describe("isYearEndClosure", () => {
  it.each([
    ["2026-12-28", false],
    ["2026-12-29", true],
    ["2026-12-31", true],
    ["2027-01-01", true],
    ["2027-01-03", true],
    ["2027-01-04", false],
  ])("%s → %s", (d, expected) => expect(isYearEndClosure(d)).toBe(expected));
});

describe("isBusinessDay", () => {
  it.each([
    ["2026-11-20", true], // Fri
    ["2026-11-21", false], // Sat
    ["2026-11-22", false], // Sun
    ["2026-11-23", false], // 勤労感謝の日 (Mon)
    ["2026-12-28", true],
    ["2026-12-29", false], // Tue, year-end
    ["2027-01-04", true],
    ["2028-02-29", true], // Tue
  ])("%s → %s", (d, expected) => expect(isBusinessDay(d)).toBe(expected));
});

describe("nextBusinessDay", () => {
  it.each([
    ["2026-12-28", "2027-01-04"], // year-end closure
    ["2026-12-25", "2026-12-28"], // Fri → Mon
    ["2027-01-08", "2027-01-12"], // 成人の日 2027-01-11
    ["2026-11-20", "2026-11-24"], // 勤労感謝の日 2026-11-23
    ["2026-11-24", "2026-11-25"], // plain weekday
    ["2026-04-30", "2026-05-01"], // Golden Week 2026: 4/29 holiday, 5/1 Fri open
    ["2026-05-01", "2026-05-07"], // 5/2–5/6 closed (5/6 振替休日)
    ["2027-04-28", "2027-04-30"], // Golden Week 2027: 4/29 昭和の日
    ["2027-04-30", "2027-05-06"], // 5/3–5/5
    ["2028-02-28", "2028-02-29"], // leap day is a business day
  ])("after %s → %s", (d, expected) => expect(nextBusinessDay(d)).toBe(expected));
});
