/**
 * Three or more realistic fact sets per route, on their day ({@link CASES_TODAY}): the route tests of
 * every locale render each route for each of them (test/flows/route-text.test.ts, ja-easy-routes.test.ts).
 */
import type { RouteId } from "../../flows/certificate-recovery/routes-ids.ts";
import type { Facts } from "../../src/core/slots.ts";

export const CASES_TODAY = "2026-12-02";

export const CASES: Record<RouteId, Facts[]> = {
  "signature-reissue-after-change": [
    { symptom: "revoked", basicInfoChanged: "yes" },
    { symptom: "revoked", basicInfoChanged: "yes", applicant: "self" },
    { symptom: "revoked", basicInfoChanged: "yes", certificate: "signature", applicant: "proxy" },
  ],
  "certificate-reissue-after-expiry": [
    { symptom: "expired", certExpiry: "2026-10-01" },
    { symptom: "revoked", certExpiry: "2026-11-30", cardExpiry: "2031-03-01", applicant: "self" },
    { symptom: "revoked", applicant: "legal-representative" },
  ],
  "certificate-renewal": [
    { symptom: "renewal", certExpiry: "2027-01-20" },
    { symptom: "renewal", certExpiry: "2027-01-03", applicant: "self" },
    { symptom: "renewal", applicant: "proxy" },
  ],
  "certificate-renewal-not-yet": [
    { symptom: "renewal", certExpiry: "2027-04-20" },
    { symptom: "renewal", certExpiry: "2027-06-01", applicant: "self" },
    { symptom: "renewal", certExpiry: "2027-03-02", applicant: "proxy" },
  ],
  "card-renewal": [
    { symptom: "renewal", cardExpiry: "2027-01-10", certExpiry: "2027-03-01" },
    { symptom: "expired", cardExpiry: "2026-11-01", applicant: "self" },
    { symptom: "renewal", applicant: "proxy" },
  ],
  "foreign-resident-extension": [
    { foreignResident: "yes" },
    { foreignResident: "yes", applicant: "self" },
    { foreignResident: "yes", certExpiry: "2027-01-01", applicant: "proxy" },
  ],
  "pin-reset-kiosk": [
    { symptom: "locked", certificate: "signature", userPinKnown: "yes", nfcSmartphone: "yes" },
    { symptom: "forgot-pin", certificate: "user", signaturePinKnown: "yes", nfcSmartphone: "yes", applicant: "self" },
    { symptom: "locked", certificate: "user", nfcSmartphone: "yes", etaxPassword: true },
  ],
  "pin-reset-counter": [
    { symptom: "locked", certificate: "user", basicInfoChanged: "yes" },
    { symptom: "forgot-pin", otherPin: "jukinet", applicant: "self" },
    { symptom: "locked", certificate: "signature", userPinKnown: "no", applicant: "proxy" },
    { symptom: "locked", certificate: "user", certExpiry: "2026-01-01", noSignatureReason: "under-15", applicant: "legal-representative" },
  ],
  "pin-retry-guidance": [
    { symptom: "wrong-pin", certificate: "signature", wrongAttempts: 3 },
    { symptom: "wrong-pin", certificate: "user", wrongAttempts: 2 },
    { symptom: "wrong-pin", etaxPassword: true },
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
