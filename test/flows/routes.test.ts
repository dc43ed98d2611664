/** Every route renders for the sample city: complete, concrete, polite, and never a stray "undefined". */
import { describe, expect, it } from "vitest";
import { buildRoute } from "../../flows/certificate-recovery/routes.ts";
import { ROUTE_IDS } from "../../flows/certificate-recovery/routes-ids.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import type { Facts } from "../../src/core/slots.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const today = "2026-11-21";

const variants: Facts[] = [
  {},
  { applicant: "self", certificate: "signature", wrongAttempts: 2, certExpiry: "2027-04-20", cardExpiry: "2031-01-01", issuedOn: "2026-11-20" },
  { applicant: "proxy", certificate: "user", wrongAttempts: 1 },
  { applicant: "legal-representative", noSignatureReason: "adult-ward" },
  { noSignatureReason: "face-auth-card", otherPin: "jukinet", certExpiry: "unknown", cardExpiry: "unknown", issuedOn: "unknown" },
];

describe("route texts", () => {
  for (const routeId of ROUTE_IDS) {
    it(`${routeId} renders completely for every kind of applicant`, () => {
      for (const facts of variants) {
        const r = buildRoute(routeId, facts, { city, today });
        expect(r.routeId).toBe(routeId);
        expect(r.title.length).toBeGreaterThan(3);
        expect(r.sections.length).toBeGreaterThanOrEqual(2);
        expect(r.text).not.toMatch(/undefined|NaN|null|\[object/);
        expect(r.text).toMatch(/(です|ます|ください)/);
        for (const s of r.sections) expect(s.items.length).toBeGreaterThan(0);
        expect(r.text.length).toBeLessThan(5000); // fits one LINE text message
      }
    });
  }

  it("counter routes name the city's counter, hours and fee", () => {
    for (const id of ["signature-reissue-after-change", "certificate-reissue-after-expiry", "certificate-renewal", "pin-reset-counter"] as const) {
      const r = buildRoute(id, { applicant: "self" }, { city, today });
      expect(r.text).toContain(city.counter.name);
      expect(r.text).toContain(city.counter.hoursText);
      expect(r.text).toMatch(/手数料/);
    }
  });

  it("a proxy is told about the 照会書 and the second visit", () => {
    expect(buildRoute("certificate-renewal", { applicant: "proxy" }, { city, today }).text).toMatch(/照会書兼回答書/);
    expect(buildRoute("pin-reset-counter", { applicant: "proxy" }, { city, today }).text).toMatch(/照会書.*郵送/);
  });

  it("renewal-not-yet gives the exact opening date; wait-after-issuance the next business day", () => {
    expect(buildRoute("certificate-renewal-not-yet", { certExpiry: "2027-04-20" }, { city, today }).text).toContain("2027年1月21日");
    const wait = buildRoute("wait-after-issuance", { issuedOn: "2026-12-28" }, { city, today: "2026-12-28" }).text;
    expect(wait).toContain("12月29日");
    expect(wait).toContain("2027年1月4日");
  });

  it("retry guidance counts the tries left", () => {
    expect(buildRoute("pin-retry-guidance", { certificate: "signature", wrongAttempts: 3 }, { city, today }).text).toMatch(/あと2回/);
    expect(buildRoute("pin-retry-guidance", { certificate: "user", wrongAttempts: 2 }, { city, today }).text).toMatch(/あと1回/);
  });
});
