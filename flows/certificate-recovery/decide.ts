/**
 * The diagnosis as one pure function: given what is known, either the next question to ask or the
 * route to answer with. Every rule traces to shared/facts.md (section numbers in the comments).
 *
 * Questions are asked only when the answer changes the route and is not known yet. The order of the
 * checks below is the order of the questions.
 */
import type { Facts, IsoDate, Slot } from "../../src/core/slots.ts";
import {
  compareDates,
  firstDayOfMonth,
  lastDayOfMonth,
  nextBusinessDay,
  renewalWindowStatus,
} from "../../src/calendar/index.ts";
import type { RouteId } from "./routes-ids.ts";

export type Step = { kind: "ask"; slot: Slot } | { kind: "route"; routeId: RouteId };

/**
 * The slots decide() asks about, in the order of SLOTS. `applicant`, `foreignResident` and
 * `noSignatureReason` are never asked: they are facts read from a message (or the Slack form) that
 * decide() and the answers use when given (test/flows/reachable-questions.test.ts walks decide()).
 */
export const ASKED_SLOTS = [
  "symptom",
  "certificate",
  "basicInfoChanged",
  "wrongAttempts",
  "signaturePinKnown",
  "userPinKnown",
  "nfcSmartphone",
  "certExpiry",
  "cardExpiry",
  "issuedOn",
] as const satisfies readonly Slot[];
export type AskedSlot = (typeof ASKED_SLOTS)[number];

/**
 * Why a route was chosen: a typed code per rule of decide() below, with the facts that rule read. Staff
 * views word them (explain.ts); nothing re-derives them.
 */
export type Reason =
  | { code: "wants-person" }
  | { code: "lost-card" }
  | { code: "etax-password" }
  | { code: "no-signature-card"; noSignatureReason?: Facts["noSignatureReason"] }
  | { code: "residence-status-changed" }
  | { code: "symptom-other" }
  | { code: "which-pin" }
  | { code: "just-issued"; issuedOn?: IsoDate }
  | { code: "past-next-business-day"; issuedOn: IsoDate; nextBusinessDay: IsoDate }
  | { code: "basic-info-changed" }
  | { code: "revoked-change-likely" }
  | { code: "revoked-within-validity" }
  | { code: "cert-expired"; certExpiry?: IsoDate; symptom?: Facts["symptom"] }
  | { code: "card-still-valid"; cardExpiry?: IsoDate }
  | { code: "card-needs-renewal"; cardExpiry?: IsoDate }
  | { code: "renewal-window-open"; certExpiry?: IsoDate }
  | { code: "renewal-window-not-open"; certExpiry?: IsoDate }
  | { code: "counter-only-without-signature" }
  | { code: "other-pin"; otherPin: NonNullable<Facts["otherPin"]> }
  | { code: "both-pins" }
  | { code: "certificate-unknown"; then: "counter" | "retry" }
  | { code: "other-pin-forgotten" }
  | { code: "no-nfc-smartphone" }
  | { code: "signature-revoked" }
  | { code: "signature-expired"; certExpiry: IsoDate }
  | { code: "not-locked-yet"; wrongAttempts: number | "unknown"; limit: number }
  | { code: "kiosk-possible" };

/** decide()'s step with, for a route, the reasons behind it. */
export type ReasonedStep = { kind: "ask"; slot: AskedSlot } | { kind: "route"; routeId: RouteId; reasons: Reason[] };

const ask = (slot: AskedSlot): ReasonedStep => ({ kind: "ask", slot });
const route = (routeId: RouteId, ...reasons: Reason[]): ReasonedStep => ({ kind: "route", routeId, reasons });

/**
 * Wrong entries in a row that lock a PIN (§1): the signature PIN 5, each 4-digit PIN (利用者証明用,
 * 住民基本台帳用, 券面事項入力補助用) 3. The decision and every text read these.
 */
export const LOCK_LIMITS = { signature: 5, fourDigit: 3 } as const;

/** Wrong entries that lock the PIN of `certificate` (§1). */
export function lockLimit(certificate: Facts["certificate"]): number {
  return certificate === "signature" ? LOCK_LIMITS.signature : LOCK_LIMITS.fourDigit;
}

/** §1: under-15s and 成年被後見人 have no signature certificate in principle. */
export function hasNoSignatureCertificate(facts: Facts): boolean {
  return facts.noSignatureReason === "under-15" || facts.noSignatureReason === "adult-ward";
}

/**
 * §10: besides e-Tax's own password, a card PIN is the trouble too. Only facts that name a card PIN
 * count (the 4-digit PIN, the 住基用 / 券面事項入力補助用 PIN, both PINs, a count of wrong entries):
 * "e-Tax" alone implies the signature certificate and is no sign of a card PIN problem.
 */
export function cardPinTroubleToo(facts: Facts): boolean {
  return (
    facts.bothPins === true ||
    facts.otherPin !== undefined ||
    facts.certificate === "user" ||
    facts.userPinKnown === "no" ||
    typeof facts.wrongAttempts === "number"
  );
}

/** A date answer, or undefined when not given or unknown. */
function dateOf(value: string | undefined): IsoDate | undefined {
  return value !== undefined && value !== "unknown" ? value : undefined;
}

type ExpiryStatus = "before" | "open" | "expired";

/**
 * The certificate's renewal status (§3), from the exact date, or from the month when every day of that
 * month gives the same answer. Undefined when it cannot be told yet.
 */
export function certificateStatus(facts: Facts, today: IsoDate): ExpiryStatus | undefined {
  const exact = dateOf(facts.certExpiry);
  if (exact) return renewalWindowStatus(exact, today);
  if (facts.certExpiryMonth) {
    const first = renewalWindowStatus(firstDayOfMonth(facts.certExpiryMonth), today);
    const last = renewalWindowStatus(lastDayOfMonth(facts.certExpiryMonth), today);
    if (first === last) return first;
  }
  return undefined;
}

/** The card's own expiry as a date: exact, or the last day of a month given alone. */
function cardExpiryDate(facts: Facts): IsoDate | undefined {
  return dateOf(facts.cardExpiry) ?? (facts.cardExpiryMonth ? lastDayOfMonth(facts.cardExpiryMonth) : undefined);
}

function certExpiryDate(facts: Facts): IsoDate | undefined {
  return dateOf(facts.certExpiry) ?? (facts.certExpiryMonth ? lastDayOfMonth(facts.certExpiryMonth) : undefined);
}

/**
 * The card itself must be renewed (§3): it has expired, or it expires on or before the certificate
 * (a certificate never outlives the card).
 */
export function cardNeedsRenewal(facts: Facts, today: IsoDate): boolean {
  const card = cardExpiryDate(facts);
  if (!card) return false;
  if (compareDates(card, today) < 0) return true;
  const cert = certExpiryDate(facts);
  return cert !== undefined && compareDates(card, cert) <= 0;
}

/** The next step of the diagnosis. */
export function decide(facts: Facts, today: IsoDate): Step {
  const step = decideWithReasons(facts, today);
  return step.kind === "route" ? { kind: "route", routeId: step.routeId } : step;
}

/** The next step of the diagnosis and, for a route, why (the staff view's "why this route"). */
export function decideWithReasons(facts: Facts, today: IsoDate): ReasonedStep {
  if (facts.wantsPerson) return route("contact-city", { code: "wants-person" });
  if (facts.symptom === "lost-card") return route("card-lost", { code: "lost-card" });

  // §10: e-Tax's own 利用者識別番号 password is the tax office's matter, never a card PIN reset. A card
  // PIN route only when a card PIN is the trouble too (the diagnosis below goes on, and that route's
  // answer says the e-Tax password is a separate matter); a question which password is which stays
  // `which-pin`, whose answer says the same.
  if (facts.etaxPassword && facts.symptom !== "which-pin" && !cardPinTroubleToo(facts)) {
    return route("etax-password", { code: "etax-password" });
  }

  // §1: a 顔認証カード has no PINs and no signature certificate at all.
  if (facts.noSignatureReason === "face-auth-card") {
    return route("no-signature-certificate", { code: "no-signature-card", noSignatureReason: "face-auth-card" });
  }

  const symptom = facts.symptom ?? inferSymptom(facts);
  const pinTrouble = symptom === "locked" || symptom === "wrong-pin" || symptom === "forgot-pin";

  // §1: under-15s and 成年被後見人 have no signature certificate in principle: whatever the symptom,
  // a question about the signature certificate (e-Tax) has this answer.
  const noSignature = hasNoSignatureCertificate(facts);
  if (noSignature && (facts.certificate === "signature" || facts.eTax || symptom === "revoked")) {
    return route("no-signature-certificate", { code: "no-signature-card", noSignatureReason: facts.noSignatureReason });
  }

  // §3: a foreign resident's card follows the 在留期間 and is not extended automatically.
  if (facts.foreignResident === "yes" && facts.residenceStatusChanged && !pinTrouble && symptom !== "which-pin") {
    return route("foreign-resident-extension", { code: "residence-status-changed" });
  }

  if (symptom === undefined) return ask("symptom");
  if (symptom === "other") return route("contact-city", { code: "symptom-other" });
  if (symptom === "which-pin") return route("which-pin", { code: "which-pin" });

  switch (symptom) {
    case "not-working-after-renewal":
      return afterIssuance(facts, today);
    case "revoked":
      return revoked(facts, today);
    case "expired":
      return expired(facts, today);
    case "renewal":
      return renewal(facts, today);
    case "locked":
    case "forgot-pin":
    case "wrong-pin":
      return pin(facts, symptom, noSignature, today);
    case "lost-card":
      return route("card-lost", { code: "lost-card" });
  }
}

/** A symptom implied by other facts when the resident did not name one. */
function inferSymptom(facts: Facts): Facts["symptom"] {
  if (typeof facts.wrongAttempts === "number") return facts.wrongAttempts > 0 ? "wrong-pin" : undefined;
  if (facts.aboutCard || facts.certExpiry || facts.certExpiryMonth || facts.cardExpiry) return "renewal";
  if (facts.basicInfoChanged === "yes" && (facts.eTax || facts.certificate === "signature")) return "revoked";
  return undefined;
}

/** §4: a new certificate works from the next day, at the latest after the next business day. */
function afterIssuance(facts: Facts, today: IsoDate): ReasonedStep {
  if (facts.issuedOn === undefined) return ask("issuedOn");
  const issued = dateOf(facts.issuedOn);
  if (!issued) return route("wait-after-issuance", { code: "just-issued" });
  // Past the next business day it should work: something else is wrong, a person has to look.
  const next = nextBusinessDay(issued);
  if (compareDates(today, next) > 0) {
    return route("contact-city", { code: "past-next-business-day", issuedOn: issued, nextBusinessDay: next });
  }
  return route("wait-after-issuance", { code: "just-issued", issuedOn: issued });
}

/** §2: 失効. A move or name change revokes the signature certificate; otherwise it is expiry. */
function revoked(facts: Facts, today: IsoDate): ReasonedStep {
  if (facts.certificate !== "user") {
    if (facts.basicInfoChanged === undefined) return ask("basicInfoChanged");
    if (facts.basicInfoChanged === "yes") return route("signature-reissue-after-change", { code: "basic-info-changed" });
  }
  const status = certificateStatus(facts, today);
  if (status === undefined && facts.certExpiry === undefined) return ask("certExpiry");
  if (status === "before" || status === "open") {
    // Still within its validity yet revoked: not expiry. If a change is possible, it is the change;
    // otherwise (revoked on request, or we cannot tell) a person must look.
    if (facts.basicInfoChanged === "unknown") {
      return route("signature-reissue-after-change", { code: "revoked-change-likely" });
    }
    return route("contact-city", { code: "revoked-within-validity" });
  }
  return expired(facts, today);
}

/** §3: the certificate's validity has ended. Re-issue it, unless the card itself must be renewed. */
function expired(facts: Facts, today: IsoDate): ReasonedStep {
  if (facts.cardExpiry === undefined && !facts.cardExpiryMonth) return ask("cardExpiry");
  if (cardNeedsRenewal(facts, today)) return route("card-renewal", cardNeedsRenewalReason(facts));
  return route("certificate-reissue-after-expiry", ...certExpiredReasons(facts));
}

/** §3, §9: the certificate's validity ended (the date when known) and the card outlives it. */
function certExpiredReasons(facts: Facts): Reason[] {
  const certExpiry = dateOf(facts.certExpiry);
  const cardExpiry = dateOf(facts.cardExpiry);
  return [
    { code: "cert-expired", ...(certExpiry ? { certExpiry } : {}), ...(facts.symptom ? { symptom: facts.symptom } : {}) },
    { code: "card-still-valid", ...(cardExpiry ? { cardExpiry } : {}) },
  ];
}

function cardNeedsRenewalReason(facts: Facts): Reason {
  const cardExpiry = dateOf(facts.cardExpiry);
  return { code: "card-needs-renewal", ...(cardExpiry ? { cardExpiry } : {}) };
}

/** §3: renewal window, opening the day after the date three months before expiry. */
function renewal(facts: Facts, today: IsoDate): ReasonedStep {
  const cardKnown = facts.cardExpiry !== undefined || facts.cardExpiryMonth !== undefined;
  if (facts.aboutCard && !cardKnown) return ask("cardExpiry");
  if (facts.aboutCard && cardExpiryDate(facts) !== undefined && facts.certExpiry === undefined && !facts.certExpiryMonth) {
    // The resident speaks of the card's expiry: that is the card renewal, whatever the certificate says.
    return route("card-renewal", cardNeedsRenewalReason(facts));
  }
  // §2, §3: a move or name change already revoked the signature certificate: it is a new issue, now,
  // not a renewal when the window opens (unless the resident speaks of the 4-digit user certificate,
  // which survives a move).
  if (facts.basicInfoChanged === "yes" && facts.certificate !== "user" && !cardNeedsRenewal(facts, today)) {
    return route("signature-reissue-after-change", { code: "basic-info-changed" });
  }
  let status = certificateStatus(facts, today);
  if (status === undefined && facts.certExpiry === undefined) return ask("certExpiry");
  if (!cardKnown) return ask("cardExpiry");
  if (cardNeedsRenewal(facts, today)) return route("card-renewal", cardNeedsRenewalReason(facts));
  status ??= "open"; // the resident does not know the date: explain the window, send to the counter
  if (status === "expired") return route("certificate-reissue-after-expiry", ...certExpiredReasons(facts));
  const certExpiry = dateOf(facts.certExpiry);
  if (status === "before") {
    // The opening date needs the day: ask for it unless the resident already said they do not know.
    if (facts.certExpiry === undefined) return ask("certExpiry");
    return route("certificate-renewal-not-yet", { code: "renewal-window-not-open", ...(certExpiry ? { certExpiry } : {}) });
  }
  return route("certificate-renewal", { code: "renewal-window-open", ...(certExpiry ? { certExpiry } : {}) });
}

/** §5: PIN locked, forgotten, or entered wrongly. */
function pin(
  facts: Facts,
  symptom: "locked" | "forgot-pin" | "wrong-pin",
  noSignature: boolean,
  today: IsoDate,
): ReasonedStep {
  // The 住基用 and 券面事項入力補助用 PINs cannot be reset at a kiosk; neither can two PINs at once.
  if (facts.otherPin) return route("pin-reset-counter", { code: "other-pin", otherPin: facts.otherPin });
  if (facts.bothPins) return route("pin-reset-counter", { code: "both-pins" });
  // §1: without a signature certificate the only PIN in question is a 4-digit one.
  if (noSignature && facts.certificate !== "user") return pin({ ...facts, certificate: "user" }, symptom, noSignature, today);
  if (facts.certificate === undefined) return ask("certificate");
  const certificate = facts.certificate;
  if (certificate === "unknown") {
    if (symptom === "wrong-pin") return route("pin-retry-guidance", { code: "certificate-unknown", then: "retry" });
    return route("pin-reset-counter", { code: "certificate-unknown", then: "counter" });
  }
  // A new signature PIN is set when the revoked certificate is re-issued (§2).
  if (certificate === "signature" && facts.basicInfoChanged === "yes") {
    return route("signature-reissue-after-change", { code: "basic-info-changed" });
  }
  if (symptom === "wrong-pin") {
    if (facts.wrongAttempts === undefined) return ask("wrongAttempts");
    const limit = lockLimit(certificate);
    if (facts.wrongAttempts === "unknown" || facts.wrongAttempts < limit) {
      return route("pin-retry-guidance", { code: "not-locked-yet", wrongAttempts: facts.wrongAttempts, limit });
    }
  }
  // §1: no signature certificate → the kiosk (which needs the signature PIN) is closed: counter only,
  // and asking about the signature PIN is pointless.
  if (noSignature) return route("pin-reset-counter", { code: "counter-only-without-signature" });
  // Locked or forgotten: the kiosk needs the other PIN and an NFC smartphone (§5).
  const otherKnown = certificate === "signature" ? facts.userPinKnown : facts.signaturePinKnown;
  if (otherKnown === undefined) return ask(certificate === "signature" ? "userPinKnown" : "signaturePinKnown");
  if (otherKnown === "no") return route("pin-reset-counter", { code: "other-pin-forgotten" });
  if (facts.nfcSmartphone === undefined) return ask("nfcSmartphone");
  if (facts.nfcSmartphone !== "yes") return route("pin-reset-counter", { code: "no-nfc-smartphone" });
  if (certificate === "user") {
    // Resetting the 4-digit PIN needs a valid signature certificate: no move or name change since issue.
    if (facts.basicInfoChanged === undefined) return ask("basicInfoChanged");
    if (facts.basicInfoChanged === "yes") return route("pin-reset-counter", { code: "signature-revoked" });
    // An expired signature certificate closes the kiosk too. After a wrong-PIN count the path is
    // already five questions long: then the answer only warns about it instead of asking.
    if (facts.certExpiry === undefined && !facts.certExpiryMonth && symptom !== "wrong-pin") return ask("certExpiry");
    const certExpiry = certExpiryDate(facts);
    if (certExpiry !== undefined && compareDates(certExpiry, today) < 0) {
      return route("pin-reset-counter", { code: "signature-expired", certExpiry });
    }
  }
  return route("pin-reset-kiosk", { code: "kiosk-possible" });
}
