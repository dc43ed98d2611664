/**
 * The route answers as data: for each route, its title, its lead (what happened and the one next
 * action), and its blocks — where and when, what to bring, what it costs, what to watch out for —
 * each built from the facts it depends on, shared/facts.md (section numbers in comments) and the city's
 * configuration. Blocks a resident reads only on request (another person going, the store list, the fee
 * breakdown, the smartphone certificate) are details. One function, {@link buildRoute}, turns a route
 * into the `Reply`; a city's content owner reviews this file with the catalogs.
 *
 * This file holds the logic only: which blocks apply for which facts, and every date and number. The
 * words are the locale's catalog (route-text/: ja, ja-easy, en), the city's texts its variant for the
 * locale (flows/cities/text.ts). An answer in another language than Japanese ends with the sentence to
 * show at the counter (route-text/counter-sentence.ts) and the foreign-language help line (facts §8, §11).
 *
 * Numbers and rules are read, never re-typed: the lock limits (decide.ts), the renewal window
 * (src/calendar), the kiosk's hours and reservation window ({@link KIOSK}), the help lines (the city
 * file), the proxy table (proxy.ts).
 *
 * Never asks for, repeats or stores a PIN or a 個人番号.
 */
import { phonesIn, telUri, type Choice, type QuestionReply, type RouteLink, type RouteReply } from "../../src/core/reply.ts";
import type { Facts, IsoDate } from "../../src/core/slots.ts";
import {
  addDays,
  compareDates,
  firstOpenDayFrom,
  formatDate,
  isOpenOn,
  lastOpenDayUpTo,
  nextBusinessDay,
  RENEWAL_WINDOW_MONTHS,
  renewalWindow,
} from "../../src/calendar/index.ts";
import type { CityConfig } from "../cities/schema.ts";
import { localizedCity } from "../cities/text.ts";
import type { Locale } from "../../src/core/locale.ts";
import { detail, detailLabel, detailValue, type Block, type DetailId } from "./blocks.ts";
import { cardPinTroubleToo, hasNoSignatureCertificate, LOCK_LIMITS, lockLimit } from "./decide.ts";
import { applicantSections } from "./proxy.ts";
import { counterSentence } from "./route-text/counter-sentence.ts";
import { routeText, type PinKey, type RouteText } from "./route-text/index.ts";
import type { RouteId } from "./routes-ids.ts";

export interface RouteContext {
  city: CityConfig;
  today: IsoDate;
  /** The conversation's language (issue 14); `ja` when unset. */
  locale?: Locale;
}

/** One route's answer before rendering. */
export interface RouteContent {
  title: string;
  /** What happened and the one next action (≤ 200 characters): shown first. */
  lead: string;
  /** The longer explanation, when the lead does not say everything: a detail. */
  summary?: string;
  blocks: Block[];
  links?: RouteLink[];
}

/** §5: the JPKI PIN-reset kiosk: multi-copy machines' hours, and how long a reservation in the app holds. */
export const KIOSK = { hours: "6:30〜23:00", reservationHours: 24 } as const;

/** What a route's content is built with: the facts' day, the locale's words and the city in that locale. */
interface Env {
  /** The city with its free texts in the locale. */
  city: CityConfig;
  today: IsoDate;
  locale: Locale;
  t: RouteText;
  /** A date in the locale. */
  d: (date: IsoDate) => string;
}

function envOf(ctx: RouteContext): Env {
  const locale = ctx.locale ?? "ja";
  const t = routeText(locale);
  return { city: localizedCity(ctx.city, locale, t.untranslated), today: ctx.today, locale, t, d: (date) => formatDate(date, locale) };
}

const known = (date: string | undefined): IsoDate | undefined => (date && date !== "unknown" ? date : undefined);
/** A city text's main part, before any parenthesis: 「無料（自治体により…）」 → 「無料」. */
const mainPart = (text: string) => text.split(/[（(]/)[0]!.trim();

/**
 * A city text in short, for a lead or the first screen: its main part. A text shown in Japanese for want
 * of a variant in the locale keeps the locale's note ("無料 (in Japanese)").
 */
function shortText(text: string, t: RouteText): string {
  const note = t.untranslated("");
  if (note && text.endsWith(note)) return t.untranslated(mainPart(text.slice(0, -note.length)));
  return mainPart(text);
}

function counterSection({ city, t }: Env): Block {
  const c = city.counter;
  const items = [`${c.name}`, t.common.address(c.address), t.common.hours(c.hoursText), t.common.phone(c.phone)];
  if (c.note) items.push(c.note);
  for (const b of city.branches) items.push(t.layout.paren(b.name, b.hoursText));
  return { heading: t.common.counterHeading, items };
}

/** The fee and the usual wait, for a lead: 「無料・30分〜1時間程度」. */
function feeAndWait(fee: string, { city, t }: Env): string {
  return t.common.feeAndWait(shortText(fee, t), shortText(city.typicalWait, t));
}

function selfBring(items: readonly string[], facts: Facts, t: RouteText): Block[] {
  if (facts.applicant && facts.applicant !== "self") return [];
  return [{ heading: facts.applicant === "self" ? t.common.bringHeading : t.common.bringSelfHeading, items: [...items] }];
}

/**
 * A counter visit: what to bring (by who goes: the proxy and legal-representative texts come from the
 * route's procedure in proxy.ts, facts §7), where and when, the fee, how long it takes.
 */
function counterVisit(
  routeId: RouteId,
  facts: Facts,
  env: Env,
  visit: { bring: readonly string[]; more?: readonly string[]; fee: string },
): Block[] {
  const { t } = env;
  return [
    ...selfBring(visit.bring, facts, t),
    ...(visit.more?.length ? [detail("bring", t.common.bringMoreHeading, [...visit.more])] : []),
    counterSection(env),
    ...feeAndWaitSections(visit.fee, env),
    ...applicantSections(routeId, facts, t),
  ];
}

/** The fee and the wait in short on the first screen; the breakdown and the busy seasons as a detail. */
function feeAndWaitSections(fee: string, { city, t }: Env): Block[] {
  const full = [t.common.fee(fee), t.common.wait(city.typicalWait)];
  const brief = [t.common.fee(shortText(fee, t)), t.common.wait(shortText(city.typicalWait, t))];
  if (full.join() === brief.join()) return [{ heading: t.common.feeWaitHeading, items: full }];
  return [{ heading: t.common.feeWaitHeading, items: brief }, detail("fees", t.common.feeWaitMoreHeading, full)];
}

function helpLineItem({ city, t }: Env): string {
  return t.common.nationalHelpLine(city.nationalHelpLine.phone, city.nationalHelpLine.hoursText);
}

function cityHelpDeskItem({ city, t }: Env): string {
  return t.common.cityHelpDesk(city.cityHelpDesk.name, city.cityHelpDesk.phone, city.cityHelpDesk.hoursText);
}

function counterBrief({ city, t }: Env): string {
  return t.common.counterBrief(city.counter.name, city.counter.hoursText);
}

function reservationLine(kind: "none" | "optional" | "required", url: string | undefined, t: RouteText): string[] {
  if (kind === "none") return [t.common.noReservation];
  const head = kind === "required" ? t.common.reservationRequired : t.common.reservationOptional;
  // §3: a reservation never rules out waiting.
  return [t.common.reservationLine(head, url), t.common.reservationWait];
}

/** Reservations for a renewal (the city file). */
function reservationItem({ city, t }: Env): string[] {
  const r = city.reservations;
  return [...reservationLine(r.renewal, r.url, t), ...(r.note ? [r.note] : [])];
}

/** Reservations for a new issue after a move or name change (§3: not reservable in some cities). */
function afterChangeReservationItem({ city, t }: Env): string[] {
  const kind = city.reservations.afterChange;
  if (kind === undefined) return [t.common.afterChangeReservationUnknown];
  if (kind === "none") return [t.common.afterChangeReservationNone];
  return reservationLine(kind, city.reservations.url, t);
}

/** §4: a date the resident can act on at the counter is a day it is open. */
function firstCounterDay(city: CityConfig, date: IsoDate): IsoDate | undefined {
  return isOpenOn(date, city.counter.hours) ? undefined : firstOpenDayFrom(date, city.counter.hours);
}
function lastCounterDay(city: CityConfig, date: IsoDate): IsoDate | undefined {
  return isOpenOn(date, city.counter.hours) ? undefined : lastOpenDayUpTo(date, city.counter.hours);
}

type RouteSpec = (facts: Facts, env: Env) => RouteContent;

/** Every route's content, by route id (contract §1). */
export const ROUTE_CONTENT: { readonly [K in RouteId]: RouteSpec } = {
  "signature-reissue-after-change": (facts, env) => {
    const { city, t } = env;
    const s = t.signatureReissue;
    return {
      title: s.title,
      lead: s.lead(city.name, feeAndWait(city.fees.certificateReissue, env)),
      summary: s.summary,
      blocks: [
        { heading: t.common.procedureHeading, items: [...s.steps] },
        ...counterVisit("signature-reissue-after-change", facts, env, { bring: s.bring, more: s.more, fee: city.fees.certificateReissue }),
        detail("reservation", t.common.reservationHeading, afterChangeReservationItem(env)),
        { heading: t.common.cautionHeading, items: [t.common.usableFrom] },
        detail("smartphone", t.common.smartphoneHeading, [t.common.smartphoneNote]),
      ],
    };
  },

  "certificate-reissue-after-expiry": (facts, env) => {
    const { city, today, t, d } = env;
    const s = t.reissueAfterExpiry;
    const expiry = known(facts.certExpiry);
    const card = known(facts.cardExpiry);
    const certPast = expiry !== undefined && compareDates(expiry, today) < 0;
    const cardValid = card !== undefined && compareDates(card, today) >= 0;
    // §9: 「失効しています」 means revoked or expired; without a past date, say so and what to check.
    const certainlyExpired = certPast || (expiry === undefined && facts.symptom === "expired");
    const expiryText = expiry ? d(expiry) : undefined;
    const what = certainlyExpired ? s.whatExpired(expiryText) : s.whatRevoked;
    const check = [
      ...(certainlyExpired ? [] : [s.checkExpiryDate]),
      ...(certainlyExpired || facts.basicInfoChanged === "no" ? [] : [s.checkMoved]),
      ...(cardValid ? [] : [s.checkCard]),
    ];
    const happened = certainlyExpired ? s.happenedExpired(expiryText) : s.happenedRevoked;
    return {
      title: certainlyExpired ? s.titleExpired : s.titleRevoked,
      lead: s.lead(happened, city.name, feeAndWait(city.fees.certificateReissue, env)),
      summary: t.layout.sentences([what, ...(cardValid ? [s.cardValidUntil(d(card!))] : [])]),
      blocks: [
        { heading: t.common.procedureHeading, items: [s.procedure(certainlyExpired)] },
        ...counterVisit("certificate-reissue-after-expiry", facts, env, { bring: s.bring, more: s.more, fee: city.fees.certificateReissue }),
        ...(check.length ? [detail("check", t.common.checkHeading, check)] : []),
        { heading: t.common.cautionHeading, items: [t.common.usableFrom] },
        detail("smartphone", t.common.smartphoneHeading, [t.common.smartphoneNote]),
      ],
    };
  },

  "certificate-renewal": (facts, env) => {
    const { city, today, t, d } = env;
    const s = t.renewal;
    const expiry = known(facts.certExpiry);
    const window = expiry ? renewalWindow(expiry) : undefined;
    const lastDay = window && compareDates(window.closes, today) >= 0 ? lastCounterDay(city, window.closes) : undefined;
    const until = lastDay ?? window?.closes;
    const fw = feeAndWait(city.fees.certificateRenewal, env);
    const rule = t.common.renewalRule(RENEWAL_WINDOW_MONTHS);
    return {
      title: s.title,
      lead: until ? s.leadUntil(d(until), city.name, fw) : s.leadRule(rule, city.name, fw),
      summary: window ? s.summaryWindow(d(window.opens), d(window.closes), lastDay ? d(lastDay) : undefined) : s.summaryRule(rule),
      blocks: [
        { heading: t.common.procedureHeading, items: [...s.steps(city.name)] },
        ...counterVisit("certificate-renewal", facts, env, { bring: s.bring, more: t.common.renewalPinItems, fee: city.fees.certificateRenewal }),
        detail("reservation", t.common.reservationHeading, reservationItem(env)),
        { heading: t.common.cautionHeading, items: [t.common.usableFrom] },
        detail("notes", t.common.notesHeading, [...s.notes]),
        detail("smartphone", t.common.smartphoneHeading, [t.common.smartphoneNote]),
      ],
    };
  },

  "certificate-renewal-not-yet": (facts, env) => {
    const { city, t, d } = env;
    const s = t.renewalNotYet;
    const expiry = known(facts.certExpiry);
    const window = expiry ? renewalWindow(expiry) : undefined;
    const firstDay = window ? firstCounterDay(city, window.opens) : undefined;
    const closedOpening = window && firstDay ? s.closedOpening(d(window.opens), d(firstDay)) : "";
    const rule = t.common.renewalRule(RENEWAL_WINDOW_MONTHS);
    return {
      title: s.title,
      lead: window ? s.leadWindow(d(firstDay ?? window.opens), city.name) : s.leadRule(rule, city.name),
      summary: window ? s.summaryWindow(d(window.opens), d(window.closes), RENEWAL_WINDOW_MONTHS, closedOpening) : s.summaryRule(RENEWAL_WINDOW_MONTHS),
      blocks: [
        {
          heading: s.whenWhereHeading,
          items: [...(window ? [s.window(d(window.opens), d(window.closes))] : []), ...(closedOpening ? [closedOpening] : []), s.where(city.name)],
        },
        { heading: s.bringHeading, items: [...s.bring] },
        detail("bring", t.common.bringMoreHeading, [...t.common.renewalPinItems, ...s.bringMore]),
        ...applicantSections("certificate-renewal-not-yet", facts, t),
        { ...counterSection(env), id: "contacts", detail: true },
        detail("fees", t.common.feesHeading, [city.fees.certificateRenewal]),
        detail("reservation", t.common.reservationHeading, reservationItem(env)),
        { heading: t.common.cautionHeading, items: [...s.cautions] },
        detail("notes", t.common.notesHeading, [...s.notes]),
      ],
    };
  },

  "card-renewal": (facts, env) => {
    const { city, today, t, d } = env;
    const s = t.cardRenewal;
    const card = known(facts.cardExpiry);
    const why = !card ? s.whyUnknown : compareDates(card, today) < 0 ? s.whyPast(d(card)) : s.whyComing(d(card), known(facts.certExpiry) !== undefined);
    return {
      title: s.title,
      lead: s.lead(why, shortText(city.fees.cardRenewal, t)),
      summary: s.summary(why),
      blocks: [
        { heading: t.common.procedureHeading, items: [...s.steps] },
        ...selfBring(s.bringOnReceipt, facts, t),
        ...applicantSections("card-renewal", facts, t),
        { ...counterSection(env), id: "contacts", detail: true },
        { heading: t.common.feeWaitHeading, items: [t.common.fee(city.fees.cardRenewal), s.duration] },
        detail("notes", t.common.notesHeading, [...s.notes(city.typicalWait)]),
      ],
    };
  },

  "foreign-resident-extension": (facts, env) => {
    const { city, t } = env;
    const s = t.foreignExtension;
    return {
      title: s.title,
      lead: s.lead(city.name),
      summary: s.summary,
      blocks: [
        { heading: t.common.procedureHeading, items: [...s.steps(city.name)] },
        ...counterVisit("foreign-resident-extension", facts, env, { bring: s.bring, more: [t.common.pinForgottenItem], fee: city.fees.certificateReissue }),
        { heading: t.common.cautionHeading, items: [t.common.usableFrom] },
        { heading: s.foreignHeading, items: [s.foreignLine(city.nationalHelpLine.foreignLanguagePhone)] },
      ],
    };
  },

  "pin-reset-kiosk": (facts, env) => {
    const { city, t } = env;
    const s = t.kiosk;
    const signature = facts.certificate === "signature";
    const etax = etaxPasswordToo(facts, env);
    return {
      title: s.title,
      lead: s.lead(signature ? s.resettingSignature : s.resettingUser, shortText(city.fees.pinReset, t)),
      blocks: [
        { heading: s.stepsHeading, items: [...s.steps(signature ? s.otherOfSignature : s.otherOfUser, KIOSK.reservationHours, KIOSK.hours)] },
        { heading: t.common.bringHeading, items: [...s.bring] },
        detail("stores", s.storesHeading, [...s.stores]),
        detail("fees", t.common.feesHeading, [city.fees.pinReset]),
        {
          heading: t.common.cautionHeading,
          items: [
            s.cautionOtherPins,
            ...(facts.certificate === "user" ? [s.cautionUserNeedsSignature] : []),
            s.cautionExpiredReservation(KIOSK.reservationHours),
            ...etax.note,
          ],
        },
        detail("contacts", s.troubleHeading, [s.troubleItem(city.counter.name, city.counter.hoursText)]),
        ...etax.blocks,
      ],
      links: [{ label: t.links.jlisPinReset, url: city.links.jlisPinReset }, { label: t.links.jlisStores, url: city.links.jlisStores }, ...etax.links],
    };
  },

  "pin-reset-counter": (facts, env) => {
    const { city, today, t } = env;
    const s = t.counterReset;
    const noSignature = hasNoSignatureCertificate(facts);
    const closed = kioskClosedBySignatureCertificate(facts, today);
    // §5: only where the kiosk could still open does the answer mention it (never for the 住基用 /
    // 券面事項入力補助用 PINs, two PINs at once, a card without a signature certificate, or a known cause).
    const otherKnown = facts.certificate === "signature" ? facts.userPinKnown : facts.signaturePinKnown;
    const kioskHint =
      !facts.otherPin && !facts.bothPins && !noSignature && !closed && otherKnown !== "no" && facts.nfcSmartphone !== "yes";
    const etax = etaxPasswordToo(facts, env);
    const pin = t.common.pinName[pinKey(facts)];
    return {
      title: s.title,
      lead: s.lead(pin, city.name, shortText(city.fees.pinReset, t)),
      summary: s.summary(pin, city.name),
      blocks: [
        ...(closed ? [{ heading: s.closedHeading, items: [s.closedItem(closed), s.closedSameVisit] }] : []),
        {
          heading: t.common.procedureHeading,
          items: [
            s.tellCounter,
            ...(noSignature ? [s.noSignatureSetHere, s.noSignatureCounterOnly] : [s.setHere]),
            ...(facts.otherPin ? [s.otherPinCounterOnly] : []),
          ],
        },
        ...counterVisit("pin-reset-counter", facts, env, {
          bring: [t.common.myNumberCard, t.common.idBesidesCard],
          more: facts.certificate === "signature" && facts.userPinKnown !== "no" ? [] : [s.sameFourDigits],
          fee: city.fees.pinReset,
        }),
        { heading: t.common.cautionHeading, items: [s.lockNoTimeout, ...(kioskHint ? [s.kioskHint] : []), ...etax.note] },
        ...etax.blocks,
      ],
      ...(etax.links.length > 0 ? { links: etax.links } : {}),
    };
  },

  "pin-retry-guidance": (facts, env) => {
    const { city, t } = env;
    const s = t.retry;
    const limit = lockLimit(facts.certificate);
    const attempts = typeof facts.wrongAttempts === "number" ? facts.wrongAttempts : undefined;
    const remaining = attempts !== undefined ? limit - attempts : undefined;
    const kind = facts.certificate === "signature" ? s.kindSignature : facts.certificate === "user" ? s.kindUser : "";
    const etax = etaxPasswordToo(facts, env);
    return {
      title: s.title,
      lead: remaining !== undefined ? s.leadRemaining(kind, remaining) : s.leadLimits(LOCK_LIMITS.signature, LOCK_LIMITS.fourDigit),
      blocks: [
        { heading: s.checkHeading, items: [...s.checks] },
        { heading: s.unsureHeading, items: [s.unsureReset, counterBrief(env)] },
        detail("fees", t.common.feesHeading, [s.pinResetFee(city.fees.pinReset)]),
        ...etax.blocks,
      ],
      ...(etax.links.length > 0 ? { links: etax.links } : {}),
    };
  },

  "card-lost": (_facts, env) => {
    const { city, t } = env;
    const s = t.lost;
    return {
      title: s.title,
      lead: s.lead(city.nationalHelpLine.phone, city.nationalHelpLine.lossReportText),
      blocks: [
        { heading: s.nowHeading, items: [...s.steps(city.nationalHelpLine.phone, city.name)] },
        { heading: s.bringHeading, items: [...s.bring] },
        { ...counterSection(env), id: "contacts", detail: true },
        { heading: t.common.feesHeading, items: [city.fees.cardReissueLost] },
        { heading: t.common.cautionHeading, items: [...s.cautions] },
      ],
    };
  },

  "wait-after-issuance": (facts, env) => {
    const { t, d } = env;
    const issued = known(facts.issuedOn);
    if (!issued) return { title: t.wait.title, lead: t.common.usableFrom, blocks: waitSections(env) };
    const nextDay = addDays(issued, 1);
    const businessDay = nextBusinessDay(issued);
    const later = businessDay !== nextDay;
    return {
      title: t.wait.title,
      lead: t.wait.lead(d(issued), d(nextDay), later ? d(businessDay) : undefined),
      blocks: waitSections(env),
    };
  },

  "no-signature-certificate": (facts, env) => {
    const { t } = env;
    const s = t.noSignature;
    const reason = facts.noSignatureReason;
    const contact: Block = { heading: t.common.contactHeading, items: [cityHelpDeskItem(env)] };
    if (reason === "face-auth-card") {
      // §1: no PINs at all → no PIN login, no コンビニ交付, no e-Tax card method with this card.
      return {
        title: s.faceTitle,
        lead: s.faceLead,
        summary: s.faceSummary,
        blocks: [
          { heading: s.faceCannotHeading, items: [...s.faceCannot] },
          { heading: s.whatToDoHeading, items: [...s.faceWhatToDo] },
          { ...counterSection(env), id: "contacts", detail: true },
          contact,
        ],
      };
    }
    const who = reason === "adult-ward" ? s.whoAdultWard : reason === "under-15" ? s.whoUnder15 : s.whoEither;
    return {
      title: s.title,
      lead: s.lead(who),
      summary: s.summary(who),
      blocks: [{ heading: s.whatToDoHeading, items: [...s.whatToDo] }, { ...counterSection(env), id: "contacts", detail: true }, contact],
    };
  },

  "which-pin": (_facts, { t }) => {
    const s = t.whichPin;
    return {
      title: s.title,
      lead: s.lead,
      summary: s.summary,
      blocks: [
        { heading: s.signatureHeading, items: [...s.signatureItems(LOCK_LIMITS.signature)] },
        { heading: s.userHeading, items: [...s.userItems(LOCK_LIMITS.fourDigit)] },
        { heading: s.otherHeading, items: [...s.otherItems(LOCK_LIMITS.fourDigit)] },
      ],
    };
  },

  "contact-city": (_facts, env) => {
    const { city, t } = env;
    const s = t.contact;
    return {
      title: s.title,
      lead: s.lead(city.cityHelpDesk.name, city.cityHelpDesk.phone),
      blocks: [
        counterSection(env),
        { heading: s.phoneHeading, items: [cityHelpDeskItem(env), helpLineItem(env), s.foreignLine(city.nationalHelpLine.foreignLanguagePhone)] },
        { heading: s.handyHeading, items: [...s.handy] },
      ],
    };
  },

  "etax-password": (facts, env) => {
    const { city, t } = env;
    const s = t.etax;
    // §10: e-Tax's own password; the tax office's matter. The card PIN routes only if a card PIN is
    // the trouble too (cardPinTroubleToo).
    const cardToo = cardPinTroubleToo(facts);
    return {
      title: s.title,
      lead: s.lead,
      summary: s.summary,
      blocks: [
        { heading: s.waysHeading, items: [...t.common.etaxPasswordWays] },
        detail("notes", s.idPasswordHeading, [...s.idPasswordItems]),
        ...(cardToo
          ? [
              { heading: s.cardTooHeading, items: [s.cardTooItem(city.name, t.common.idBesidesCard), counterBrief(env)] },
              detail("pinReset", s.pinResetHeading, [...s.pinResetItems]),
            ]
          : []),
      ],
      links: [
        { label: t.links.eTaxPasswordFaq, url: city.links.eTaxPasswordFaq },
        { label: t.links.eTaxIdPassword, url: city.links.eTaxIdPassword },
      ],
    };
  },
};

/**
 * §5: why the kiosk cannot reset the 4-digit user PIN because of the signature certificate: revoked by a
 * move or name change, or expired. Undefined when neither is known.
 */
function kioskClosedBySignatureCertificate(facts: Facts, today: IsoDate): "revoked" | "expired" | undefined {
  if (facts.certificate !== "user" || facts.otherPin || facts.bothPins || hasNoSignatureCertificate(facts)) return undefined;
  if (facts.basicInfoChanged === "yes") return "revoked";
  const expiry = known(facts.certExpiry);
  if (expiry && compareDates(expiry, today) < 0) return "expired";
  return undefined;
}

/** Which PIN the answer is about, by the facts. */
export function pinKey(facts: Facts): PinKey {
  if (facts.otherPin === "jukinet") return "jukinet";
  if (facts.otherPin === "kenmen") return "kenmen";
  if (facts.bothPins) return "both";
  if (facts.certificate === "signature") return "signature";
  if (facts.certificate === "user") return "user";
  return "card";
}

function waitSections(env: Env): Block[] {
  const s = env.t.wait;
  return [
    { heading: s.usableHeading, items: [...s.usable] },
    detail("notes", s.openDaysHeading, [...s.openDays]),
    { heading: s.stillHeading, items: [s.stillCheck, cityHelpDeskItem(env)] },
  ];
}

/**
 * The section an answer in another language ends with (facts §11): the Japanese sentence to show at the
 * counter and the foreign-language help line (§8). Not a detail: it is on the first screen.
 */
function showAtCounterSection(routeId: RouteId, facts: Facts, { city, t }: Env): Block[] {
  if (!t.showAtCounter) return [];
  const s = t.showAtCounter;
  return [
    {
      heading: s.heading,
      items: [...(s.intro ? [s.intro] : []), counterSentence(routeId, facts), s.helpLine(city.nationalHelpLine.foreignLanguagePhone, city.nationalHelpLine.hoursText)],
    },
  ];
}

/** The route's content: lead, blocks (the longer explanation first, as a detail) and links. */
export function routeContent(routeId: RouteId, facts: Facts, ctx: RouteContext): RouteContent & { links: RouteLink[] } {
  return contentIn(routeId, facts, envOf(ctx));
}

function contentIn(routeId: RouteId, facts: Facts, env: Env): RouteContent & { links: RouteLink[] } {
  const c = ROUTE_CONTENT[routeId](facts, env);
  const about = c.summary && c.summary !== c.lead ? [detail("about", env.t.common.aboutHeading, [c.summary])] : [];
  return {
    ...c,
    blocks: [...about, ...c.blocks, ...showAtCounterSection(routeId, facts, env)],
    links: c.links ?? defaultLinks(routeId, env),
  };
}

/**
 * The route as a Reply: title, lead, sections (details marked), links (a `tel:` link for every phone
 * number shown, a link for every URL), and the whole answer as plain text.
 */
export function buildRoute(routeId: RouteId, facts: Facts, ctx: RouteContext): RouteReply {
  const env = envOf(ctx);
  const c = contentIn(routeId, facts, env);
  return toReply(routeId, c.title, c.lead, c.blocks, c.links, env);
}

function toReply(routeId: RouteId, title: string, lead: string, blocks: Block[], given: RouteLink[], env: Env): RouteReply {
  const { layout } = env.t;
  const sections = blocks.map(({ heading, items, detail }) => ({ heading, items: [...items], ...(detail ? { detail } : {}) }));
  const body = [
    layout.title(title),
    lead,
    ...blocks.map((s) => `${layout.heading(s.heading)}\n${s.items.map((i) => `${layout.bullet}${i}`).join("\n")}`),
  ].join("\n\n");
  const links = linksFor(body, given, env);
  const text = [body, ...(links.some(isWeb) ? [links.filter(isWeb).map((l) => layout.linkLine(l.label, l.url)).join("\n")] : [])].join("\n\n");
  return { type: "route", routeId, title, lead, text, sections, ...(links.length ? { links } : {}) };
}

const isWeb = (l: RouteLink) => /^https?:\/\//.test(l.url);
const URL_PATTERN = /https?:\/\/[^\s、。（）()「」]+/g;

/**
 * The phone numbers shown in a text, in order: those the phone pattern finds, and the city file's numbers
 * it misses (0120-0178-27, the foreign-language line, ends in two digits).
 */
function phonesShown(text: string, city: CityConfig): string[] {
  const known = [
    city.counter.phone,
    ...city.branches.map((b) => b.phone),
    city.cityHelpDesk.phone,
    city.nationalHelpLine.phone,
    city.nationalHelpLine.foreignLanguagePhone,
  ].filter((p) => text.includes(p));
  return [...new Set([...phonesIn(text), ...known])].sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

/** A `tel:` link for every phone number in the text (first), the given links, then any other URL in the text. */
function linksFor(text: string, given: RouteLink[], { city, t }: Env): RouteLink[] {
  const tel = phonesShown(text, city).flatMap((phone) => {
    const url = telUri(phone);
    return url ? [{ label: t.links.call(phone), url }] : [];
  });
  const urls = new Set(given.map((l) => l.url));
  const more = [...new Set(text.match(URL_PATTERN) ?? [])]
    .filter((u) => !urls.has(u))
    .map((url) => ({ label: url === city.reservations.url ? t.links.reservation : new URL(url).hostname, url }));
  return [...tel, ...given, ...more];
}

function defaultLinks(routeId: RouteId, { city, t }: Env): RouteLink[] {
  const links: RouteLink[] = [];
  if (city.links.cityPage) links.push({ label: t.links.cityPage(city.name), url: city.links.cityPage });
  if (routeId === "signature-reissue-after-change" || routeId === "certificate-reissue-after-expiry") {
    links.push({ label: t.links.eTaxCertificate, url: city.links.eTaxCertificate });
  }
  const r = city.reservations;
  const reservable =
    routeId === "certificate-renewal"
      ? r.renewal !== "none"
      : routeId === "signature-reissue-after-change"
        ? r.afterChange === "optional" || r.afterChange === "required"
        : false;
  if (reservable && r.url) links.push({ label: t.links.reservation, url: r.url });
  return links;
}

/** The slot of the question that offers a route's details after the answer. */
export const DETAIL_SLOT = "detail";

/** The details of a route answer, as choices `detail:<id>` (once each, in the answer's order). */
export function detailChoices(routeId: RouteId, facts: Facts, ctx: RouteContext, except?: DetailId): Choice[] {
  const locale = ctx.locale ?? "ja";
  const ids = routeContent(routeId, facts, ctx).blocks.flatMap((b) => (b.detail && b.id && b.id !== except ? [b.id] : []));
  return [...new Set(ids)].map((id) => ({ label: detailLabel(id, locale), value: detailValue(id) }));
}

/** The question offering a route's details, or nothing when it has none. */
export function detailQuestion(routeId: RouteId, facts: Facts, ctx: RouteContext, except?: DetailId): QuestionReply[] {
  const choices = detailChoices(routeId, facts, ctx, except);
  if (choices.length === 0) return [];
  return [{ type: "question", slot: DETAIL_SLOT, text: routeText(ctx.locale ?? "ja").details.question, input: "choice", choices }];
}

/** One detail of a route answer, asked for after it: the route's title, the detail as its only section. */
export function detailReply(routeId: RouteId, id: DetailId, facts: Facts, ctx: RouteContext): RouteReply | undefined {
  const env = envOf(ctx);
  const c = contentIn(routeId, facts, env);
  const blocks = c.blocks.filter((b) => b.id === id).map(({ detail: _folded, ...b }) => b);
  if (blocks.length === 0) return undefined;
  return toReply(routeId, c.title, env.t.details.lead(blocks.map((b) => b.heading)), blocks, [], env);
}

/**
 * §10: a card PIN route for a resident whose e-Tax password is the trouble too (decide.ts goes on to
 * the card PIN diagnosis then): a line that it is a separate matter, the three ways as a detail, and
 * the NTA's page. Nothing when the e-Tax password is not in question.
 */
function etaxPasswordToo(facts: Facts, { city, t }: Env): { note: string[]; blocks: Block[]; links: RouteLink[] } {
  if (!facts.etaxPassword) return { note: [], blocks: [], links: [] };
  return {
    note: [t.common.etaxPasswordTooNote],
    blocks: [detail("etax", t.common.etaxPasswordTooHeading, [...t.common.etaxPasswordWays])],
    links: [{ label: t.links.eTaxPasswordFaq, url: city.links.eTaxPasswordFaq }],
  };
}
