/** Which reminder a route offers and on which morning it is sent (src/reminders/plan.ts, pure). */
import { describe, expect, it } from "vitest";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { firstOpenDay, planReminder, sendTime } from "../../src/reminders/plan.ts";

const hours = loadCityConfig(SAMPLE_CITY_PATH).counter.hours;
const TODAY = "2026-11-21";

describe("firstOpenDay", () => {
  it.each([
    ["2027-03-16", "2027-03-16", "a Tuesday stays"],
    ["2027-02-28", "2027-03-01", "a Sunday moves to Monday"],
    ["2027-02-27", "2027-03-01", "a Saturday moves to Monday"],
    ["2027-05-03", "2027-05-06", "Golden Week (5/3–5/5, national holidays) moves to Thursday"],
    ["2027-12-29", "2028-01-04", "the year-end closure 12/29–1/3 moves to 1/4"],
    ["2028-01-01", "2028-01-04", "New Year's Day too"],
  ])("%s → %s (%s)", (date, expected) => {
    expect(firstOpenDay(date, hours)).toBe(expected);
  });

  it("follows the counter's own hours: a counter open on Saturdays is open on a Saturday", () => {
    expect(firstOpenDay("2027-02-27", { ...hours, sat: [{ open: "09:00", close: "12:00" }] })).toBe("2027-02-27");
  });
});

describe("sendTime", () => {
  it("is 9:00 in Asia/Tokyo whatever the process TZ", () => {
    expect(new Date(sendTime("2027-03-01")).toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });
});

describe("planReminder", () => {
  it("certificate-renewal-not-yet: the window's opening day, and two weeks before the expiry", () => {
    expect(planReminder("certificate-renewal-not-yet", { symptom: "renewal", certExpiry: "2027-06-15" }, TODAY, hours)).toEqual({
      kind: "certificate-renewal-opens",
      date: "2027-03-16",
      dueDate: "2027-03-16",
      also: [{ kind: "certificate-expiry-soon", date: "2027-06-15", dueDate: "2027-06-01" }],
    });
    expect(planReminder("certificate-renewal-not-yet", { symptom: "renewal", certExpiry: "unknown" }, TODAY, hours)).toBeUndefined();
  });

  it("card-renewal: the card's window while it is ahead, else two weeks before the card's expiry, else nothing", () => {
    expect(planReminder("card-renewal", { cardExpiry: "2027-06-15" }, TODAY, hours)).toMatchObject({ kind: "card-renewal-opens", date: "2027-03-16" });
    // Window open since 11/1: two weeks before 2027-01-31 is Sunday 1/17 → Monday 1/18.
    expect(planReminder("card-renewal", { cardExpiry: "2027-01-31" }, TODAY, hours)).toEqual({
      kind: "card-expiry-soon",
      date: "2027-01-31",
      dueDate: "2027-01-18",
    });
    expect(planReminder("card-renewal", { cardExpiry: "2026-11-30" }, TODAY, hours)).toBeUndefined();
    expect(planReminder("card-renewal", { cardExpiry: "2026-10-01" }, TODAY, hours)).toBeUndefined();
  });

  it("foreign-resident-extension: two weeks before the 在留期間's end when the resident gave it", () => {
    const facts = { foreignResident: "yes", residenceStatusChanged: true } as const;
    expect(planReminder("foreign-resident-extension", { ...facts, cardExpiry: "2027-01-31" }, TODAY, hours)).toEqual({
      kind: "residence-period-ends",
      date: "2027-01-31",
      dueDate: "2027-01-18",
    });
    expect(planReminder("foreign-resident-extension", facts, TODAY, hours)).toBeUndefined();
  });

  it("no other route offers a reminder", () => {
    expect(planReminder("certificate-renewal", { certExpiry: "2027-01-31" }, TODAY, hours)).toBeUndefined();
  });
});
