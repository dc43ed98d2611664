/**
 * Issue #13: answers that fit a phone. Every route, for realistic fact sets: a lead of at most 200
 * characters, a first screen (title + lead + sections not marked `detail`) of at most 600 characters for
 * the resident going themselves, a `tel:` link for every phone number shown, a link for every URL, and
 * details offered as choices that each open.
 */
import { describe, expect, it } from "vitest";
import { DETAIL_LABELS, detailIdOf } from "../../flows/certificate-recovery/blocks.ts";
import { buildRoute, detailChoices, detailReply } from "../../flows/certificate-recovery/routes.ts";
import { ROUTE_IDS, type RouteId } from "../../flows/certificate-recovery/routes-ids.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { firstScreen } from "../../src/core/reply.ts";
import type { Facts } from "../../src/core/slots.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const today = "2026-12-02";

/** Three or more realistic fact sets per route, for a resident going themselves (or not saying). */
const CASES: Record<RouteId, Facts[]> = {
  "signature-reissue-after-change": [
    { symptom: "revoked", basicInfoChanged: "yes" },
    { symptom: "revoked", basicInfoChanged: "yes", applicant: "self" },
    { symptom: "revoked", basicInfoChanged: "yes", certificate: "signature", certExpiry: "2029-05-01" },
  ],
  "certificate-reissue-after-expiry": [
    { symptom: "expired", certExpiry: "2026-10-01" },
    { symptom: "revoked", certExpiry: "2026-11-30", cardExpiry: "2031-03-01", applicant: "self" },
    { symptom: "revoked" },
  ],
  "certificate-renewal": [
    { symptom: "renewal", certExpiry: "2027-01-20" },
    { symptom: "renewal", certExpiry: "2027-01-03", applicant: "self" },
    { symptom: "renewal" },
  ],
  "certificate-renewal-not-yet": [
    { symptom: "renewal", certExpiry: "2027-04-20" },
    { symptom: "renewal", certExpiry: "2027-06-01", applicant: "self" },
    { symptom: "renewal", certExpiry: "2027-03-02" },
  ],
  "card-renewal": [
    { symptom: "renewal", cardExpiry: "2027-01-10", certExpiry: "2027-03-01" },
    { symptom: "expired", cardExpiry: "2026-11-01", applicant: "self" },
    { symptom: "renewal" },
  ],
  "foreign-resident-extension": [
    { foreignResident: "yes" },
    { foreignResident: "yes", applicant: "self" },
    { foreignResident: "yes", certExpiry: "2027-01-01" },
  ],
  "pin-reset-kiosk": [
    { symptom: "locked", certificate: "signature", userPinKnown: "yes", nfcSmartphone: "yes" },
    { symptom: "forgot-pin", certificate: "user", signaturePinKnown: "yes", nfcSmartphone: "yes", applicant: "self" },
    { symptom: "locked", certificate: "user", nfcSmartphone: "yes" },
  ],
  "pin-reset-counter": [
    { symptom: "locked", certificate: "user", basicInfoChanged: "yes" },
    { symptom: "forgot-pin", otherPin: "jukinet", applicant: "self" },
    { symptom: "locked", certificate: "signature", userPinKnown: "no" },
    { symptom: "locked", bothPins: true },
  ],
  "pin-retry-guidance": [
    { symptom: "wrong-pin", certificate: "signature", wrongAttempts: 3 },
    { symptom: "wrong-pin", certificate: "user", wrongAttempts: 1 },
    { symptom: "wrong-pin" },
  ],
  "card-lost": [{ symptom: "lost-card" }, { symptom: "lost-card", applicant: "self" }, { symptom: "lost-card", certificate: "signature" }],
  "wait-after-issuance": [
    { symptom: "not-working-after-renewal", issuedOn: "2026-12-01" },
    { symptom: "not-working-after-renewal", issuedOn: "2026-11-28" },
    { symptom: "not-working-after-renewal", issuedOn: "unknown" },
  ],
  "no-signature-certificate": [
    { noSignatureReason: "under-15" },
    { noSignatureReason: "adult-ward" },
    { noSignatureReason: "face-auth-card" },
  ],
  "which-pin": [{}, { certificate: "signature" }, { symptom: "forgot-pin" }],
  "contact-city": [{}, { symptom: "other" }, { symptom: "lost-card", applicant: "self" }],
  "etax-password": [{ etaxPassword: true }, { etaxPassword: true, certificate: "user", wrongAttempts: 2 }, { etaxPassword: true, applicant: "self" }],
};

const PHONE = /0\d{1,4}-\d{1,4}-\d{3,4}/g;

describe("answers that fit a phone (issue #13)", () => {
  for (const routeId of ROUTE_IDS) {
    it(`${routeId}: lead ≤ 200, first screen ≤ 600, a tel: link per phone number, a link per URL`, () => {
      expect(CASES[routeId].length).toBeGreaterThanOrEqual(3);
      for (const facts of CASES[routeId]) {
        const r = buildRoute(routeId, facts, { city, today });
        expect(r.lead.length, `${routeId} lead`).toBeGreaterThan(10);
        expect(r.lead.length, `${routeId} lead: ${r.lead}`).toBeLessThanOrEqual(200);
        expect(r.text).toContain(r.lead);
        const screen = firstScreen(r);
        expect(screen.length, `${routeId} ${JSON.stringify(facts)}:\n${screen}`).toBeLessThanOrEqual(600);
        const tels = (r.links ?? []).filter((l) => l.url.startsWith("tel:")).map((l) => l.url);
        for (const phone of r.text.match(PHONE) ?? []) expect(tels, phone).toContain(`tel:${phone.replace(/-/g, "")}`);
        for (const url of r.text.match(/https?:\/\/[^\s、。（）]+/g) ?? []) expect((r.links ?? []).map((l) => l.url)).toContain(url);
        // The whole answer stays in `text`: every section's every item.
        for (const s of r.sections) for (const item of s.items) expect(r.text).toContain(item);
      }
    });
  }

  it("every detail offered opens as its own answer, and labels fit LINE (≤ 20)", () => {
    for (const routeId of ROUTE_IDS) {
      for (const facts of CASES[routeId]) {
        const choices = detailChoices(routeId, facts, { city, today });
        expect(choices.length).toBeLessThanOrEqual(11); // room for the follow-up choices in 13 quick replies
        for (const c of choices) {
          expect(c.label.length).toBeLessThanOrEqual(20);
          const id = detailIdOf(c.value)!;
          expect(DETAIL_LABELS[id]).toBe(c.label);
          const shown = detailReply(routeId, id, facts, { city, today })!;
          expect(shown.sections.length).toBeGreaterThan(0);
          expect(shown.sections.every((s) => !s.detail)).toBe(true);
        }
      }
    }
  });

  it("another person's documents are a detail unless the resident said that person goes", () => {
    const heading = "代理人（家族など）が手続きする場合";
    const unsaid = buildRoute("certificate-renewal", {}, { city, today });
    expect(unsaid.sections.find((s) => s.heading === heading)?.detail).toBe(true);
    expect(firstScreen(unsaid)).not.toContain("照会書兼回答書");
    const proxy = buildRoute("certificate-renewal", { applicant: "proxy" }, { city, today });
    expect(proxy.sections.find((s) => s.heading === heading)?.detail).toBeUndefined();
    expect(firstScreen(proxy)).toContain("照会書兼回答書");
    const guardian = buildRoute("pin-reset-counter", { applicant: "legal-representative", noSignatureReason: "adult-ward" }, { city, today });
    expect(firstScreen(guardian)).toContain("登記事項証明書");
  });

  it("the lost-card answer opens with the call that stops the card, as a tel: link first", () => {
    const r = buildRoute("card-lost", {}, { city, today });
    expect(r.lead).toContain(city.nationalHelpLine.phone);
    expect(r.links?.[0]).toEqual({ label: `${city.nationalHelpLine.phone}に電話`, url: "tel:0120950178" });
  });
});
