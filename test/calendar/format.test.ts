import { describe, expect, it } from "vitest";
import { formatJapaneseDate, formatMonthDay, toWareki, warekiToGregorianYear } from "../../src/calendar/index.ts";

describe("formatJapaneseDate", () => {
  it("formats with weekday and year by default", () => {
    expect(formatJapaneseDate("2027-01-21")).toBe("2027年1月21日（木）");
    expect(formatJapaneseDate("2028-02-29")).toBe("2028年2月29日（火）");
    expect(formatJapaneseDate("2026-11-22")).toBe("2026年11月22日（日）");
  });
  it("honours the options", () => {
    expect(formatJapaneseDate("2027-01-21", { weekday: false })).toBe("2027年1月21日");
    expect(formatJapaneseDate("2027-01-21", { year: false })).toBe("1月21日（木）");
    expect(formatJapaneseDate("2027-01-21", { year: false, weekday: false })).toBe("1月21日");
  });
  it("formatMonthDay", () => {
    expect(formatMonthDay("2027-01-21")).toBe("1月21日");
    expect(formatMonthDay("2026-12-16")).toBe("12月16日");
  });
});

describe("toWareki", () => {
  it.each([
    ["2027-01-21", "令和9年1月21日"],
    ["2019-05-01", "令和元年5月1日"],
    ["2020-01-01", "令和2年1月1日"],
    ["2019-04-30", "平成31年4月30日"],
    ["1989-01-08", "平成元年1月8日"],
    ["1989-01-07", "昭和64年1月7日"],
    ["1926-12-25", "昭和元年12月25日"],
    ["1926-12-24", "大正15年12月24日"],
  ])("%s → %s", (d, expected) => expect(toWareki(d)).toBe(expected));
  it("throws before 大正", () => expect(() => toWareki("1912-07-29")).toThrow(RangeError));
});

describe("warekiToGregorianYear", () => {
  it("converts", () => {
    expect(warekiToGregorianYear("令和", 9)).toBe(2027);
    expect(warekiToGregorianYear("令和", 1)).toBe(2019);
    expect(warekiToGregorianYear("平成", 31)).toBe(2019);
    expect(warekiToGregorianYear("平成", 1)).toBe(1989);
    expect(warekiToGregorianYear("昭和", 64)).toBe(1989);
    expect(warekiToGregorianYear("昭和", 55)).toBe(1980);
  });
  it("rejects years an era never had", () => {
    expect(() => warekiToGregorianYear("平成", 32)).toThrow(RangeError);
    expect(() => warekiToGregorianYear("昭和", 65)).toThrow(RangeError);
    expect(() => warekiToGregorianYear("令和", 0)).toThrow(RangeError);
    expect(() => warekiToGregorianYear("令和", 1.5)).toThrow(RangeError);
  });
});
