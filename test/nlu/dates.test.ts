import { describe, expect, it } from "vitest";
import { parseJapaneseDate } from "../../src/nlu/index.ts";

const today = "2026-11-21";
const p = (s: string, t = today) => parseJapaneseDate(s, t);

describe("parseJapaneseDate", () => {
  it("reads 和暦", () => {
    expect(p("令和9年3月15日")).toEqual({ date: "2027-03-15" });
    expect(p("R9.3.15")).toEqual({ date: "2027-03-15" });
    expect(p("R9/3/15")).toEqual({ date: "2027-03-15" });
    expect(p("r9年3月15日")).toEqual({ date: "2027-03-15" });
    expect(p("Ｒ９．３．１５")).toEqual({ date: "2027-03-15" });
    expect(p("令和九年三月十五日")).toEqual({ date: "2027-03-15" });
    expect(p("令和元年5月1日")).toEqual({ date: "2019-05-01" });
    expect(p("平成31年4月30日")).toEqual({ date: "2019-04-30" });
    expect(p("H31.4.30")).toEqual({ date: "2019-04-30" });
    expect(p("令和9年3月")).toEqual({ month: "2027-03" });
  });

  it("reads 西暦", () => {
    expect(p("2027/3/15")).toEqual({ date: "2027-03-15" });
    expect(p("2027-03-15")).toEqual({ date: "2027-03-15" });
    expect(p("2027.3.15")).toEqual({ date: "2027-03-15" });
    expect(p("2027年3月15日まで")).toEqual({ date: "2027-03-15" });
    expect(p("２０２７年３月１５日")).toEqual({ date: "2027-03-15" });
    expect(p("2027年2月")).toEqual({ month: "2027-02" });
  });

  it("reads month-day as the next occurrence on or after today", () => {
    expect(p("3月15日")).toEqual({ date: "2027-03-15" });
    expect(p("12月1日")).toEqual({ date: "2026-12-01" });
    expect(p("11月21日")).toEqual({ date: "2026-11-21" });
    expect(p("11月20日")).toEqual({ date: "2027-11-20" });
    expect(p("3/15")).toEqual({ date: "2027-03-15" });
    expect(p("来年の3月15日")).toEqual({ date: "2027-03-15" });
    expect(p("2月29日", "2027-03-01")).toEqual({ date: "2028-02-29" });
  });

  it("reads relative months and days", () => {
    expect(p("来年2月")).toEqual({ month: "2027-02" });
    expect(p("今年の12月")).toEqual({ month: "2026-12" });
    expect(p("再来年の1月")).toEqual({ month: "2028-01" });
    expect(p("来月")).toEqual({ month: "2026-12" });
    expect(p("今日")).toEqual({ date: "2026-11-21" });
    expect(p("本日更新しました")).toEqual({ date: "2026-11-21" });
    expect(p("昨日")).toEqual({ date: "2026-11-20" });
    expect(p("おととい")).toEqual({ date: "2026-11-19" });
    expect(p("3日前に更新")).toEqual({ date: "2026-11-18" });
    expect(p("昨日", "2027-01-01")).toEqual({ date: "2026-12-31" });
  });

  it("finds the first date in a longer text", () => {
    expect(p("有効期限は令和9年1月10日で、更新は12月16日からです")).toEqual({ date: "2027-01-10" });
    expect(p("期限は2027年4月20日です")).toEqual({ date: "2027-04-20" });
  });

  it("rejects impossible dates and non-dates", () => {
    expect(p("2月30日")).toBeUndefined();
    expect(p("令和9年2月29日")).toBeUndefined();
    expect(p("0120-95-0178")).toBeUndefined();
    expect(p("3回間違えた")).toBeUndefined();
    expect(p("HJS0432E")).toBeUndefined();
    expect(p("")).toBeUndefined();
    expect(p("わからない")).toBeUndefined();
  });

  it("keeps absolute dates when today is invalid", () => {
    expect(p("2027/3/15", "not-a-date")).toEqual({ date: "2027-03-15" });
    expect(p("3月15日", "not-a-date")).toBeUndefined();
  });
});
