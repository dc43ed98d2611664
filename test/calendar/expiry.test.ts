import { describe, expect, it } from "vitest";
import { cardExpiryFrom, certificateExpiryFrom, renewalWindow, renewalWindowStatus } from "../../src/calendar/index.ts";

describe("renewalWindow", () => {
  it.each([
    ["2027-03-15", "2026-12-16"],
    ["2027-05-05", "2027-02-06"],
    ["2027-05-31", "2027-03-01"], // 02-31 clamps to 02-28, then +1
    ["2027-05-28", "2027-03-01"],
    ["2028-05-31", "2028-03-01"], // leap year: 02-29 + 1
    ["2028-05-29", "2028-03-01"],
    ["2028-05-28", "2028-02-29"],
    ["2027-03-31", "2027-01-01"], // 12-31 + 1 crosses the year
    ["2027-01-10", "2026-10-11"],
  ])("expiry %s opens %s", (expiry, opens) => {
    expect(renewalWindow(expiry)).toEqual({ opens, closes: expiry });
  });
});

describe("renewalWindowStatus", () => {
  it.each([
    ["2026-12-15", "before"],
    ["2026-12-16", "open"],
    ["2027-01-20", "open"],
    ["2027-03-15", "open"],
    ["2027-03-16", "expired"],
  ])("expiry 2027-03-15, today %s → %s", (today, status) => {
    expect(renewalWindowStatus("2027-03-15", today)).toBe(status);
  });
});

describe("certificateExpiryFrom", () => {
  it("is the 5th birthday after issue", () => {
    expect(certificateExpiryFrom("2022-06-10", "1980-08-01")).toBe("2026-08-01");
    expect(certificateExpiryFrom("2022-07-31", "1980-08-01")).toBe("2026-08-01");
    expect(certificateExpiryFrom("2022-12-01", "1980-08-01")).toBe("2027-08-01");
  });
  it("does not count a birthday on the day of issue", () => {
    expect(certificateExpiryFrom("2022-08-01", "1980-08-01")).toBe("2027-08-01");
  });
  it("treats 2月29日 as 2月28日 in non-leap years", () => {
    expect(certificateExpiryFrom("2023-03-01", "2000-02-29")).toBe("2028-02-29");
    expect(certificateExpiryFrom("2024-03-01", "2000-02-29")).toBe("2029-02-28");
    expect(certificateExpiryFrom("2023-02-27", "2000-02-29")).toBe("2027-02-28");
    expect(certificateExpiryFrom("2023-02-28", "2000-02-29")).toBe("2028-02-29"); // 2023's birthday is the issue day
    expect(certificateExpiryFrom("2024-02-29", "2000-02-29")).toBe("2029-02-28");
  });
  it("never outlives the card", () => {
    expect(certificateExpiryFrom("2022-06-10", "1980-08-01", "2025-08-01")).toBe("2025-08-01");
    expect(certificateExpiryFrom("2022-06-10", "1980-08-01", "2032-08-01")).toBe("2026-08-01");
  });
  it("rejects a birth date after issue and invalid dates", () => {
    expect(() => certificateExpiryFrom("2022-06-10", "2023-01-01")).toThrow(RangeError);
    expect(() => certificateExpiryFrom("2022-06-31", "1980-08-01")).toThrow(RangeError);
  });
});

describe("cardExpiryFrom", () => {
  it("10th birthday for adults (18+ from 2022-04-01)", () => {
    expect(cardExpiryFrom("2022-06-10", "1980-08-01", 41, "2022-05-01")).toBe("2031-08-01");
    expect(cardExpiryFrom("2022-06-10", "2004-03-01", 18, "2022-04-01")).toBe("2032-03-01");
  });
  it("5th birthday under 18", () => {
    expect(cardExpiryFrom("2022-06-10", "2005-08-01", 17, "2022-05-01")).toBe("2026-08-01");
  });
  it("before 2022-04-01 the threshold was 20", () => {
    expect(cardExpiryFrom("2021-06-10", "2002-08-01", 19, "2021-05-01")).toBe("2025-08-01");
    expect(cardExpiryFrom("2021-06-10", "2001-03-01", 20, "2021-03-31")).toBe("2031-03-01");
    expect(cardExpiryFrom("2022-06-10", "2003-08-01", 19, "2022-04-01")).toBe("2031-08-01");
  });
  it("handles 2月29日 like certificates", () => {
    expect(cardExpiryFrom("2024-03-01", "2000-02-29", 24, "2024-01-10")).toBe("2034-02-28");
  });
});
