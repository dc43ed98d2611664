/**
 * The words of the route answers, one catalog per locale (issue 14: a locale is a catalog, not a copy of
 * the flow). routes.ts and proxy.ts decide which blocks apply for which facts and compute every date and
 * number; a catalog only says them. Members are plain strings, string lists, or small functions for
 * sentences with values in them. Values passed in are already in the locale: dates formatted with
 * `formatDate(date, locale)`, city texts from the city file's variant for the locale (flows/cities/text.ts).
 *
 * Every locale implements the whole interface; test/flows/route-text.test.ts checks the keys at run time.
 */
import type { Procedure } from "../proxy.ts";

/** A certificate or PIN named in a sentence, by the facts (routes.ts picks the key). */
export type PinKey = "jukinet" | "kenmen" | "both" | "signature" | "user" | "card";

export interface RouteText {
  /** How the plain-text answer is laid out. */
  layout: {
    /** The title line: 【…】. */
    title(title: string): string;
    /** A section's heading line: ■…. */
    heading(heading: string): string;
    /** The mark before each item: ・. */
    bullet: string;
    /** A web link as a line of the plain text: 「label：url」. */
    linkLine(label: string, url: string): string;
    /** Sentences put together (ja: no space; en: a space). */
    sentences(parts: readonly string[]): string;
    /** A list of names in a sentence or a lead: 「A・B」. */
    list(parts: readonly string[]): string;
    /** An item with its parenthesised remark: 「name（hours）」. */
    paren(text: string, remark: string): string;
  };

  /** A city-file text that has no variant in this locale: ja returns it as is; en adds "(in Japanese)". */
  untranslated(text: string): string;

  /** Labels of the links an answer carries. */
  links: {
    call(phone: string): string;
    reservation: string;
    cityPage(cityName: string): string;
    eTaxCertificate: string;
    eTaxPasswordFaq: string;
    eTaxIdPassword: string;
    jlisPinReset: string;
    jlisStores: string;
  };

  /** Shared headings and lines. */
  common: {
    counterHeading: string;
    address(address: string): string;
    hours(hoursText: string): string;
    phone(phone: string): string;
    /** 「無料・30分〜1時間程度」 for a lead. */
    feeAndWait(fee: string, wait: string): string;
    bringHeading: string;
    /** The bring list when the resident has not said who goes. */
    bringSelfHeading: string;
    bringMoreHeading: string;
    feeWaitHeading: string;
    feeWaitMoreHeading: string;
    fee(fee: string): string;
    wait(wait: string): string;
    feesHeading: string;
    procedureHeading: string;
    cautionHeading: string;
    reservationHeading: string;
    smartphoneHeading: string;
    notesHeading: string;
    checkHeading: string;
    aboutHeading: string;
    contactHeading: string;
    nationalHelpLine(phone: string, hoursText: string): string;
    cityHelpDesk(name: string, phone: string, hoursText: string): string;
    /** 「窓口：name（hours）」. */
    counterBrief(name: string, hoursText: string): string;
    noReservation: string;
    reservationRequired: string;
    reservationOptional: string;
    /** 「予約が必要です：url」 (without a url: the head alone). */
    reservationLine(head: string, url: string | undefined): string;
    reservationWait: string;
    afterChangeReservationUnknown: string;
    afterChangeReservationNone: string;
    /** §4: when a new certificate works. */
    usableFrom: string;
    /** §3: the PINs to check before a renewal visit. */
    renewalPinItems: readonly string[];
    /** §5: an identity document besides the card. */
    idBesidesCard: string;
    /** §3, §5: a forgotten PIN is reset in the same visit. */
    pinForgottenItem: string;
    smartphoneNote: string;
    /** §4: the renewal window in words. */
    renewalRule(months: number): string;
    myNumberCard: string;
    /** The PIN a sentence is about. */
    pinName: Record<PinKey, string>;
    /** §10: the NTA's three ways to reset a forgotten e-Tax password. */
    etaxPasswordWays: readonly string[];
    etaxPasswordTooNote: string;
    etaxPasswordTooHeading: string;
  };

  /** The choices after an answer and the answer to one of them. */
  details: {
    question: string;
    /** The lead of a detail's answer, from the headings shown. */
    lead(headings: readonly string[]): string;
  };

  /**
   * The section an answer in another language ends with (issue 14): the Japanese sentence to show the
   * clerk and the foreign-language help line. Absent for `ja`.
   */
  showAtCounter?: {
    heading: string;
    /** The line before the Japanese sentence, e.g. "Show this sentence:". Empty: no line. */
    intro: string;
    helpLine(phone: string, hoursText: string): string;
  };

  /** §7: who may go instead of the resident, by procedure (proxy.ts picks the row). */
  proxy: {
    heading: string;
    rules: Record<Procedure, readonly string[]>;
    guardianHeading: string;
    guardianItems: readonly string[];
    parentHeading: string;
    parentItems: readonly string[];
  };

  signatureReissue: {
    title: string;
    lead(city: string, feeAndWait: string): string;
    summary: string;
    steps: readonly string[];
    bring: readonly string[];
    more: readonly string[];
  };

  reissueAfterExpiry: {
    titleExpired: string;
    titleRevoked: string;
    /** `expiry` is the formatted date, or undefined when unknown. */
    whatExpired(expiry: string | undefined): string;
    whatRevoked: string;
    cardValidUntil(date: string): string;
    checkExpiryDate: string;
    checkMoved: string;
    checkCard: string;
    happenedExpired(expiry: string | undefined): string;
    happenedRevoked: string;
    lead(happened: string, city: string, feeAndWait: string): string;
    procedure(expired: boolean): string;
    bring: readonly string[];
    more: readonly string[];
  };

  renewal: {
    title: string;
    leadUntil(date: string, city: string, feeAndWait: string): string;
    leadRule(rule: string, city: string, feeAndWait: string): string;
    /** `lastDay` when the last day of the window is a closed day. */
    summaryWindow(opens: string, closes: string, lastDay: string | undefined): string;
    summaryRule(rule: string): string;
    steps(city: string): readonly string[];
    bring: readonly string[];
    notes: readonly string[];
  };

  renewalNotYet: {
    title: string;
    closedOpening(opens: string, firstDay: string): string;
    leadWindow(date: string, city: string): string;
    leadRule(rule: string, city: string): string;
    summaryWindow(opens: string, closes: string, months: number, closedOpening: string): string;
    summaryRule(months: number): string;
    whenWhereHeading: string;
    window(opens: string, closes: string): string;
    where(city: string): string;
    bringHeading: string;
    bring: readonly string[];
    /** After the renewal PIN items. */
    bringMore: readonly string[];
    cautions: readonly string[];
    notes: readonly string[];
  };

  cardRenewal: {
    title: string;
    whyUnknown: string;
    whyPast(date: string): string;
    whyComing(date: string, beforeCertificate: boolean): string;
    lead(why: string, fee: string): string;
    summary(why: string): string;
    steps: readonly string[];
    bringOnReceipt: readonly string[];
    duration: string;
    notes(typicalWait: string): readonly string[];
  };

  foreignExtension: {
    title: string;
    lead(city: string): string;
    summary: string;
    steps(city: string): readonly string[];
    bring: readonly string[];
    foreignHeading: string;
    foreignLine(phone: string): string;
  };

  kiosk: {
    title: string;
    resettingSignature: string;
    resettingUser: string;
    /** The PIN the app asks for: the other one. */
    otherOfSignature: string;
    otherOfUser: string;
    lead(resetting: string, fee: string): string;
    stepsHeading: string;
    steps(other: string, reservationHours: number, kioskHours: string): readonly string[];
    bring: readonly string[];
    storesHeading: string;
    stores: readonly string[];
    cautionOtherPins: string;
    cautionUserNeedsSignature: string;
    cautionExpiredReservation(reservationHours: number): string;
    troubleHeading: string;
    troubleItem(counterName: string, hoursText: string): string;
  };

  counterReset: {
    title: string;
    lead(pin: string, city: string, fee: string): string;
    summary(pin: string, city: string): string;
    closedHeading: string;
    closedItem(reason: "revoked" | "expired"): string;
    closedSameVisit: string;
    tellCounter: string;
    noSignatureSetHere: string;
    noSignatureCounterOnly: string;
    setHere: string;
    otherPinCounterOnly: string;
    sameFourDigits: string;
    lockNoTimeout: string;
    kioskHint: string;
  };

  retry: {
    title: string;
    kindSignature: string;
    kindUser: string;
    /** `kind` may be empty when the certificate is unknown. */
    leadRemaining(kind: string, remaining: number): string;
    leadLimits(signature: number, fourDigit: number): string;
    checkHeading: string;
    checks: readonly string[];
    unsureHeading: string;
    unsureReset: string;
    pinResetFee(fee: string): string;
  };

  lost: {
    title: string;
    lead(phone: string, lossReportText: string): string;
    nowHeading: string;
    steps(phone: string, city: string): readonly string[];
    bringHeading: string;
    bring: readonly string[];
    cautions: readonly string[];
  };

  wait: {
    title: string;
    /** `businessDay` when the next open day is later than the next day. */
    lead(issued: string, nextDay: string, businessDay: string | undefined): string;
    usableHeading: string;
    usable: readonly string[];
    openDaysHeading: string;
    openDays: readonly string[];
    stillHeading: string;
    stillCheck: string;
  };

  noSignature: {
    faceTitle: string;
    faceLead: string;
    faceSummary: string;
    faceCannotHeading: string;
    faceCannot: readonly string[];
    whatToDoHeading: string;
    faceWhatToDo: readonly string[];
    whoAdultWard: string;
    whoUnder15: string;
    whoEither: string;
    title: string;
    lead(who: string): string;
    summary(who: string): string;
    whatToDo: readonly string[];
  };

  whichPin: {
    title: string;
    lead: string;
    summary: string;
    signatureHeading: string;
    signatureItems(limit: number): readonly string[];
    userHeading: string;
    userItems(limit: number): readonly string[];
    otherHeading: string;
    otherItems(limit: number): readonly string[];
  };

  contact: {
    title: string;
    lead(deskName: string, deskPhone: string): string;
    phoneHeading: string;
    foreignLine(phone: string): string;
    handyHeading: string;
    handy: readonly string[];
  };

  etax: {
    title: string;
    lead: string;
    summary: string;
    waysHeading: string;
    idPasswordHeading: string;
    idPasswordItems: readonly string[];
    cardTooHeading: string;
    cardTooItem(city: string, idBesidesCard: string): string;
    pinResetHeading: string;
    pinResetItems: readonly string[];
  };
}
