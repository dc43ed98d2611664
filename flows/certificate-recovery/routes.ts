/**
 * The route answers as data: for each route, its title, its lead (what happened and the one next
 * action), and its blocks — where and when, what to bring, what it costs, what to watch out for —
 * each built from the facts it depends on, shared/facts.md (section numbers in comments) and the city's
 * configuration. Blocks a resident reads only on request (another person going, the store list, the fee
 * breakdown, the smartphone certificate) are details. One function, {@link buildRoute}, turns a route
 * into the `Reply`; a city's content owner reviews this file.
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
  formatJapaneseDate,
  isOpenOn,
  lastOpenDayUpTo,
  nextBusinessDay,
  RENEWAL_WINDOW_MONTHS,
  renewalWindow,
} from "../../src/calendar/index.ts";
import type { CityConfig } from "../cities/schema.ts";
import type { Locale } from "../../src/core/locale.ts";
import { detail, DETAIL_LABELS, detailValue, type Block, type DetailId } from "./blocks.ts";
import { cardPinTroubleToo, hasNoSignatureCertificate, LOCK_LIMITS, lockLimit } from "./decide.ts";
import { applicantSections } from "./proxy.ts";
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

const d = (date: IsoDate) => formatJapaneseDate(date);
const known = (date: string | undefined): IsoDate | undefined => (date && date !== "unknown" ? date : undefined);
/** A city text's main part, before any parenthesis: 「無料（自治体により…）」 → 「無料」. */
const short = (text: string) => text.split(/[（(]/)[0]!.trim();

/** §4: the renewal window in words (the number is the calendar's). */
const RENEWAL_RULE = `有効期限の${RENEWAL_WINDOW_MONTHS}か月前の翌日から有効期限の日まで`;

function counterSection(city: CityConfig): Block {
  const c = city.counter;
  const items = [`${c.name}`, `住所：${c.address}`, `受付時間：${c.hoursText}`, `電話：${c.phone}`];
  if (c.note) items.push(c.note);
  for (const b of city.branches) items.push(`${b.name}（${b.hoursText}）`);
  return { heading: "窓口・受付時間", items };
}

/** The fee and the usual wait, for a lead: 「無料・30分〜1時間程度」. */
function feeAndWait(fee: string, city: CityConfig): string {
  return `${short(fee)}・${short(city.typicalWait)}`;
}

function selfBring(items: string[], facts: Facts): Block[] {
  if (facts.applicant && facts.applicant !== "self") return [];
  return [{ heading: facts.applicant === "self" ? "持ち物" : "持ち物（ご本人が行く場合）", items }];
}

/**
 * A counter visit: what to bring (by who goes: the proxy and legal-representative texts come from the
 * route's procedure in proxy.ts, facts §7), where and when, the fee, how long it takes.
 */
function counterVisit(
  routeId: RouteId,
  facts: Facts,
  city: CityConfig,
  visit: { bring: string[]; more?: string[]; fee: string },
): Block[] {
  return [
    ...selfBring(visit.bring, facts),
    ...(visit.more?.length ? [detail("bring", "持ち物（くわしく）", visit.more)] : []),
    counterSection(city),
    ...feeAndWaitSections(visit.fee, city),
    ...applicantSections(routeId, facts),
  ];
}

/** The fee and the wait in short on the first screen; the breakdown and the busy seasons as a detail. */
function feeAndWaitSections(fee: string, city: CityConfig): Block[] {
  const full = [`手数料：${fee}`, `所要時間：${city.typicalWait}`];
  const brief = [`手数料：${short(fee)}`, `所要時間：${short(city.typicalWait)}`];
  if (full.join() === brief.join()) return [{ heading: "手数料・所要時間", items: full }];
  return [{ heading: "手数料・所要時間", items: brief }, detail("fees", "手数料・所要時間（くわしく）", full)];
}

function helpLineItem(city: CityConfig): string {
  return `マイナンバー総合フリーダイヤル ${city.nationalHelpLine.phone}（${city.nationalHelpLine.hoursText}）`;
}

function cityHelpDeskItem(city: CityConfig): string {
  return `${city.cityHelpDesk.name} ${city.cityHelpDesk.phone}（${city.cityHelpDesk.hoursText}）`;
}

/** §3: a reservation never rules out waiting. */
const RESERVATION_WAIT = "予約をしても、混み具合によってはお待ちいただくことがあります。";

function reservationLine(kind: "none" | "optional" | "required", url: string | undefined): string[] {
  if (kind === "none") return ["予約は不要です。"];
  const head = kind === "required" ? "予約が必要です" : "窓口の予約ができます";
  return [`${head}：${url ?? ""}`.trim(), RESERVATION_WAIT];
}

/** Reservations for a renewal (the city file). */
function reservationItem(city: CityConfig): string[] {
  const r = city.reservations;
  return [...reservationLine(r.renewal, r.url), ...(r.note ? [r.note] : [])];
}

/** Reservations for a new issue after a move or name change (§3: not reservable in some cities). */
function afterChangeReservationItem(city: CityConfig): string[] {
  const kind = city.reservations.afterChange;
  if (kind === undefined) return ["住所・氏名の変更に伴う手続きは、予約の対象外のことがあります。窓口にお問い合わせください。"];
  if (kind === "none") return ["住所・氏名の変更に伴う手続きは、予約の対象外です。"];
  return reservationLine(kind, city.reservations.url);
}

/**
 * §4: when a certificate issued or renewed today can be used. Always this wording, never a bare
 * 「翌日から使えます」.
 */
const USABLE_FROM =
  "新しい証明書が使えるのは、早くて発行の翌日からです（当日は使えません）。翌日になっても使えない場合は、翌開庁日（土日・祝日・12月29日〜1月3日を除く日）以降にもう一度お試しください。";

/** §3: every PIN the counter may ask for at a renewal, and what to do about a forgotten one. */
const RENEWAL_PIN_ITEMS = [
  "暗証番号を3つとも確かめておいてください（窓口で入力を求められることがあります）：住民基本台帳用（4桁の数字）、利用者証明用（4桁の数字）、署名用（英大文字と数字の6〜16桁）",
  "忘れた暗証番号がある場合は、本人確認書類（運転免許証、パスポートなど）もお持ちください。同じ来庁で再設定でき、そのぶん時間がかかります。",
];

/** §5: an identity document besides the card (the card alone is not enough when its PIN is forgotten). */
const ID_BESIDES_CARD = "本人確認書類（運転免許証、パスポート、資格確認書など。マイナンバーカードとは別に1点）";

/** §3, §5: a forgotten PIN is reset in the same visit, with an identity document besides the card. */
const PIN_FORGOTTEN_ITEM = `暗証番号を忘れた場合は、${ID_BESIDES_CARD}もお持ちください（同じ来庁で再設定できます）。`;

/** §4: a date the resident can act on at the counter is a day it is open. */
function firstCounterDay(city: CityConfig, date: IsoDate): IsoDate | undefined {
  return isOpenOn(date, city.counter.hours) ? undefined : firstOpenDayFrom(date, city.counter.hours);
}
function lastCounterDay(city: CityConfig, date: IsoDate): IsoDate | undefined {
  return isOpenOn(date, city.counter.hours) ? undefined : lastOpenDayUpTo(date, city.counter.hours);
}

const smartphoneNote = "スマートフォン用電子証明書をお使いの場合は、カードの証明書を発行し直したあと、マイナポータルアプリで設定し直しが必要になることがあります。";


type RouteSpec = (facts: Facts, ctx: RouteContext) => RouteContent;

/** Every route's content, by route id (contract §1). */
export const ROUTE_CONTENT: { readonly [K in RouteId]: RouteSpec } = {
  "signature-reissue-after-change": (facts, { city }) => ({
    title: "署名用電子証明書の再発行（引っ越し・氏名変更のあと）",
    lead: `住所・氏名の変更で署名用電子証明書が失効しています。${city.name}の窓口で発行の申請をしてください（${feeAndWait(city.fees.certificateReissue, city)}）。`,
    summary:
      "引っ越しや結婚などで住所・氏名が変わると、署名用電子証明書は有効期限が残っていても自動的に失効します。更新の受付期間を待つ必要はありません。住民票のある市区町村の窓口で、署名用電子証明書を新しく発行してもらってください（カードの住所変更だけでは再発行されません）。",
    blocks: [
      {
        heading: "手続き",
        items: [
          `窓口で「住所（氏名）の変更で署名用電子証明書が失効したので、発行してほしい」とお伝えください。`,
          "新しい署名用の暗証番号（英大文字と数字の6〜16桁）をその場で設定します。",
        ],
      },
      ...counterVisit("signature-reissue-after-change", facts, city, {
        bring: ["マイナンバーカード", "4桁の暗証番号（窓口で入力を求められます）"],
        more: [PIN_FORGOTTEN_ITEM, "新しい署名用の暗証番号は、事前に決めておくとスムーズです。", "利用者証明用電子証明書（4桁の暗証番号）は引っ越しでは失効しません。"],
        fee: city.fees.certificateReissue,
      }),
      detail("reservation", "予約", afterChangeReservationItem(city)),
      { heading: "ご注意", items: [USABLE_FROM] },
      detail("smartphone", "スマートフォン用電子証明書", [smartphoneNote]),
    ],
  }),

  "certificate-reissue-after-expiry": (facts, { city, today }) => {
    const expiry = known(facts.certExpiry);
    const card = known(facts.cardExpiry);
    const certPast = expiry !== undefined && compareDates(expiry, today) < 0;
    const cardValid = card !== undefined && compareDates(card, today) >= 0;
    // §9: 「失効しています」 means revoked or expired; without a past date, say so and what to check.
    const certainlyExpired = certPast || (expiry === undefined && facts.symptom === "expired");
    const what = certainlyExpired
      ? `電子証明書の有効期限${expiry ? `（${d(expiry)}）` : ""}が過ぎています。期限が切れたあとでも、窓口で新しく発行できます。`
      : "電子証明書が失効しています。原因は、有効期限切れか、発行後の住所・氏名などの変更のどちらかです。どちらの場合も、窓口で新しく発行できます。";
    const cardLine = cardValid ? `カード本体は${d(card!)}まで有効です。` : "";
    const check = [
      ...(certainlyExpired ? [] : ["カード表面の「電子証明書の有効期限」の日付"]),
      ...(certainlyExpired || facts.basicInfoChanged === "no"
        ? []
        : ["証明書の発行・更新のあとに、引っ越しや氏名の変更をしたかどうか（した場合は署名用電子証明書の失効です）"]),
      ...(cardValid ? [] : ["カード本体の有効期限（表面に記載）。過ぎている場合は、証明書ではなく新しいカードの申請が必要です。"]),
    ];
    const happened = certainlyExpired
      ? `電子証明書の有効期限${expiry ? `（${d(expiry)}）` : ""}が過ぎています。`
      : "電子証明書が失効しています（有効期限切れか、住所・氏名の変更）。";
    return {
      title: certainlyExpired ? "有効期限が切れた電子証明書の発行" : "失効した電子証明書の発行",
      lead: `${happened}${city.name}の窓口で新しく発行を受けてください（${feeAndWait(city.fees.certificateReissue, city)}）。`,
      summary: `${what}${cardLine}`,
      blocks: [
        {
          heading: "手続き",
          items: [
            `窓口で「電子証明書が${certainlyExpired ? "有効期限切れになった" : "失効した"}ので発行してほしい」とお伝えください。コンビニやオンラインでは発行できません。`,
          ],
        },
        ...counterVisit("certificate-reissue-after-expiry", facts, city, {
          bring: ["マイナンバーカード", "設定している暗証番号（窓口で入力を求められます）"],
          more: [`以前に設定した暗証番号が必要です。忘れている場合は、${ID_BESIDES_CARD}を持っていけば、同じ窓口で再設定もできます。`],
          fee: city.fees.certificateReissue,
        }),
        ...(check.length ? [detail("check", "確認してください", check)] : []),
        { heading: "ご注意", items: [USABLE_FROM] },
        detail("smartphone", "スマートフォン用電子証明書", [smartphoneNote]),
      ],
    };
  },

  "certificate-renewal": (facts, { city, today }) => {
    const expiry = known(facts.certExpiry);
    const window = expiry ? renewalWindow(expiry) : undefined;
    const lastDay = window && compareDates(window.closes, today) >= 0 ? lastCounterDay(city, window.closes) : undefined;
    const until = lastDay ?? window?.closes;
    return {
      title: "電子証明書の更新",
      lead: until
        ? `電子証明書の更新の受付期間中です。${d(until)}までに${city.name}の窓口で更新してください（${feeAndWait(city.fees.certificateRenewal, city)}）。`
        : `電子証明書の更新は、${RENEWAL_RULE}です。${city.name}の窓口で更新してください（${feeAndWait(city.fees.certificateRenewal, city)}）。`,
      summary: window
        ? `いまは更新の受付期間中です（${d(window.opens)}から${d(window.closes)}まで）。有効期限までに窓口で更新してください。${lastDay ? `有効期限の${d(window.closes)}は窓口が休みのため、窓口で手続きできるのは${d(lastDay)}までです。` : ""}`
        : `電子証明書の更新は、${RENEWAL_RULE}、窓口で受け付けています（例：有効期限が3月15日なら12月16日から）。カード表面の有効期限をご確認のうえ、窓口へお越しください。`,
      blocks: [
        {
          heading: "手続き",
          items: [`${city.name}の窓口で更新します。コンビニやオンラインではできません。`, "有効期限通知書がなくても更新できます。"],
        },
        ...counterVisit("certificate-renewal", facts, city, {
          bring: ["マイナンバーカード", "有効期限通知書（届いていれば）", "暗証番号3つ（窓口で入力を求められることがあります）"],
          more: RENEWAL_PIN_ITEMS,
          fee: city.fees.certificateRenewal,
        }),
        detail("reservation", "予約", reservationItem(city)),
        { heading: "ご注意", items: [USABLE_FROM] },
        detail("notes", "そのほかの注意", [
          "受付期間内に更新すると、新しい証明書は更新した日から6回目の誕生日まで有効です（受付期間より前に更新すると短くなります）。",
          "引っ越し・氏名変更をした場合は、署名用電子証明書はすでに失効しています。更新ではなく発行になり、受付期間を待たずに手続きできます。",
          "マイナ保険証への反映は約24時間後です。",
        ]),
        detail("smartphone", "スマートフォン用電子証明書", [smartphoneNote]),
      ],
    };
  },

  "certificate-renewal-not-yet": (facts, { city }) => {
    const expiry = known(facts.certExpiry);
    const window = expiry ? renewalWindow(expiry) : undefined;
    const firstDay = window ? firstCounterDay(city, window.opens) : undefined;
    const closedOpening = window && firstDay ? `${d(window.opens)}は窓口が休みのため、窓口で手続きできるのは${d(firstDay)}からです。` : "";
    return {
      title: "電子証明書の更新（受付開始前）",
      lead: window
        ? `更新の受付はまだ始まっていません。${d(firstDay ?? window.opens)}から、${city.name}の窓口で更新してください。`
        : `更新の受付は、${RENEWAL_RULE}です。受付が始まったら、${city.name}の窓口で更新してください。`,
      summary: window
        ? `更新の受付は${d(window.opens)}から始まります（有効期限${d(window.closes)}の${RENEWAL_WINDOW_MONTHS}か月前の翌日）。${closedOpening}それまでお待ちください。`
        : `更新の受付は、有効期限の${RENEWAL_WINDOW_MONTHS}か月前の翌日から始まります。`,
      blocks: [
        {
          heading: "いつ・どこで",
          items: [
            ...(window ? [`受付期間：${d(window.opens)}〜${d(window.closes)}`] : []),
            ...(closedOpening ? [closedOpening] : []),
            `${city.name}の窓口で更新します（コンビニ・オンラインでは不可）。`,
          ],
        },
        {
          heading: "持ち物（受付が始まってから）",
          items: ["マイナンバーカード", "有効期限通知書（届いていれば）", "暗証番号3つ（窓口で入力を求められることがあります）"],
        },
        detail("bring", "持ち物（くわしく）", [
          ...RENEWAL_PIN_ITEMS,
          "有効期限の2〜3か月前に、地方公共団体情報システム機構（J-LIS）から有効期限通知書が届きます。通知書がなくても更新できます。",
        ]),
        ...applicantSections("certificate-renewal-not-yet", facts),
        { ...counterSection(city), id: "contacts", detail: true },
        detail("fees", "手数料", [city.fees.certificateRenewal]),
        detail("reservation", "予約", reservationItem(city)),
        {
          heading: "ご注意",
          items: ["受付期間より前に手続きすると、新しい証明書の有効期間が短くなります。"],
        },
        detail("notes", "そのほかの注意", [
          "月末が有効期限の場合やうるう年は、受付開始日が1日ずれることがあります。",
          "引っ越し・氏名変更をしていなければ、それまでの間は今の証明書を使えます。住所や氏名が変わった場合は、署名用電子証明書は失効しているため、受付期間を待たずに窓口で発行を受けてください。",
        ]),
      ],
    };
  },

  "card-renewal": (facts, { city, today }) => {
    const card = known(facts.cardExpiry);
    const why = !card
      ? "カード本体の有効期限が過ぎたか、まもなく来るため"
      : compareDates(card, today) < 0
        ? `カード本体の有効期限（${d(card)}）が過ぎているため`
        : `カード本体の有効期限（${d(card)}）が${known(facts.certExpiry) ? "電子証明書より先に" : ""}来るため`;
    return {
      title: "マイナンバーカードの更新（新しいカードの申請）",
      lead: `${why}、新しいカードの申請が必要です。有効期限通知書に同封の交付申請書で申請してください（${short(city.fees.cardRenewal)}）。`,
      summary: `${why}、電子証明書だけの更新ではなく、新しいカードの申請が必要です。`,
      blocks: [
        {
          heading: "手続き",
          items: [
            "有効期限通知書に同封されている交付申請書で、新しいカードを申請します（郵送・スマートフォン・パソコン・証明写真機から申請できます）。",
            "新しいカードができると交付通知書が届きます。受け取りは窓口で、その時に新しい電子証明書も発行されます。",
          ],
        },
        ...selfBring(["受け取りのとき：今のマイナンバーカード、交付通知書、本人確認書類"], facts),
        ...applicantSections("card-renewal", facts),
        { ...counterSection(city), id: "contacts", detail: true },
        {
          heading: "手数料・所要時間",
          items: [`手数料：${city.fees.cardRenewal}`, "申請から受け取りまで1か月程度かかることがあります。早めに申請してください。"],
        },
        detail("notes", "そのほかの注意", [
          "電子証明書はカードより長く使えないため、カードを新しくすると証明書も新しくなります。",
          `受け取りの窓口の所要時間：${city.typicalWait}`,
          "在留期間に合わせた有効期限の外国人住民の方は、在留期間の更新のあとに窓口で有効期限の変更手続きをしてください。",
        ]),
      ],
    };
  },

  "foreign-resident-extension": (facts, { city }) => ({
    title: "在留期間の更新に伴うカードの有効期限変更（外国人住民の方）",
    lead: `在留カードを更新しても、マイナンバーカードの有効期限は自動では延びません。${city.name}の窓口で、有効期限の変更と電子証明書の発行を受けてください。`,
    summary:
      "在留期間に合わせた有効期限のマイナンバーカードは、在留カードを更新しても自動では延長されません。窓口でカードの有効期限の変更と、電子証明書の発行を受けてください。",
    blocks: [
      {
        heading: "手続き",
        items: [
          `${city.name}の窓口で、カードの有効期限の変更（延長）を申請してください。電子証明書も新しく発行が必要です。`,
          "有効期限通知書は送られてきませんので、在留期間を更新したら早めに手続きしてください。",
        ],
      },
      ...counterVisit("foreign-resident-extension", facts, city, {
        bring: ["マイナンバーカード", "新しい在留カード", "4桁の暗証番号（窓口で入力します）"],
        more: [PIN_FORGOTTEN_ITEM],
        fee: city.fees.certificateReissue,
      }),
      { heading: "ご注意", items: [USABLE_FROM] },
      {
        heading: "外国語での問い合わせ",
        items: [`マイナンバー総合フリーダイヤル（外国語）${city.nationalHelpLine.foreignLanguagePhone}`],
      },
    ],
  }),

  "pin-reset-kiosk": (facts, { city }) => {
    const resetting = facts.certificate === "signature" ? "署名用（6〜16桁の英数字）" : "利用者証明用（4桁）";
    const other = facts.certificate === "signature" ? "4桁の利用者証明用" : "署名用（6〜16桁）";
    const etax = etaxPasswordToo(facts, city);
    return {
      title: "スマートフォンとコンビニで暗証番号を再設定",
      lead: `${resetting}の暗証番号は、窓口に行かずに、スマートフォンとコンビニのマルチコピー機で再設定できます（${short(city.fees.pinReset)}）。まずアプリで予約してください。`,
      blocks: [
        {
          heading: "手順",
          items: [
            "1. スマートフォンに「JPKI暗証番号リセット」アプリを入れます（マイナポータルアプリではありません）。",
            `2. アプリで、${other}の暗証番号の入力とカードの読み取り、顔の撮影をして予約します（24時間いつでも可、メンテナンス時間を除く）。`,
            `3. 予約から${KIOSK.reservationHours}時間以内に、コンビニのマルチコピー機（${KIOSK.hours}）で、もう一度同じ暗証番号を入力し、新しい暗証番号を2回入力します。`,
          ],
        },
        { heading: "持ち物", items: ["マイナンバーカード", "アプリを入れたスマートフォン"] },
        detail("stores", "使えるコンビニ", [
          "セブン-イレブン（一部のイオンも）：署名用・4桁の利用者証明用の両方",
          "ローソン・ファミリーマート・ミニストップ：署名用のみ",
          "対応店舗は変わることがあります。J-LISの案内で最新の情報をご確認ください。",
        ]),
        detail("fees", "手数料", [city.fees.pinReset]),
        {
          heading: "ご注意",
          items: [
            "住民基本台帳用・券面事項入力補助用の暗証番号は、この方法では再設定できません。",
            ...(facts.certificate === "user"
              ? ["署名用電子証明書の有効期限が切れている場合や、発行後に引っ越し・氏名変更をした場合は、この方法は使えません。窓口で再設定してください。"]
              : []),
            `${KIOSK.reservationHours}時間を過ぎると予約は無効になります。最初からやり直してください。`,
            ...etax.note,
          ],
        },
        detail("contacts", "うまくいかないとき", [`窓口でも再設定できます：${city.counter.name}（${city.counter.hoursText}）`]),
        ...etax.blocks,
      ],
      links: [
        { label: "J-LIS 暗証番号リセットの案内", url: city.links.jlisPinReset },
        { label: "対応コンビニの一覧", url: city.links.jlisStores },
        ...etax.links,
      ],
    };
  },

  "pin-reset-counter": (facts, { city, today }) => {
    const noSignature = hasNoSignatureCertificate(facts);
    const closed = kioskClosedBySignatureCertificate(facts, today);
    // §5: only where the kiosk could still open does the answer mention it (never for the 住基用 /
    // 券面事項入力補助用 PINs, two PINs at once, a card without a signature certificate, or a known cause).
    const otherKnown = facts.certificate === "signature" ? facts.userPinKnown : facts.signaturePinKnown;
    const kioskHint =
      !facts.otherPin && !facts.bothPins && !noSignature && !closed && otherKnown !== "no" && facts.nfcSmartphone !== "yes";
    const etax = etaxPasswordToo(facts, city);
    return {
      title: "窓口で暗証番号を再設定",
      lead: `${pinName(facts)}の暗証番号は、${city.name}の窓口で再設定できます。マイナンバーカードと本人確認書類を持ってお越しください（${short(city.fees.pinReset)}）。`,
      summary: `${pinName(facts)}の暗証番号は、${city.name}の窓口で再設定できます（ロックの解除と新しい暗証番号の設定）。`,
      blocks: [
        ...(closed
          ? [
              {
                heading: "コンビニで再設定できない理由",
                items: [
                  `4桁の暗証番号をスマートフォンとコンビニで再設定するには、有効な署名用電子証明書が必要です。${
                    closed === "revoked" ? "引っ越し・氏名変更で署名用電子証明書が失効しているため" : "署名用電子証明書の有効期限が切れているため"
                  }、窓口で再設定してください。`,
                  "同じ来庁で、署名用電子証明書の新しい発行も一緒に受けられます。窓口でお伝えください。",
                ],
              },
            ]
          : []),
        {
          heading: "手続き",
          items: [
            "窓口で「暗証番号がロックされた（忘れた）ので再設定したい」とお伝えください。",
            ...(noSignature
              ? [
                  "新しい4桁の暗証番号はその場で設定します。",
                  "署名用電子証明書がないカードのため、4桁の暗証番号の再設定は窓口でだけ受け付けています。",
                ]
              : ["新しい暗証番号はその場で設定します。4桁の数字、署名用は英大文字と数字の6〜16桁です。"]),
            ...(facts.otherPin ? ["この暗証番号の再設定は、窓口でだけ受け付けています。"] : []),
          ],
        },
        ...counterVisit("pin-reset-counter", facts, city, {
          bring: ["マイナンバーカード", ID_BESIDES_CARD],
          more:
            facts.certificate === "signature" && facts.userPinKnown !== "no"
              ? []
              : ["住民基本台帳用・券面事項入力補助用の暗証番号も同じ4桁にしている場合は、まとめて再設定できます。"],
          fee: city.fees.pinReset,
        }),
        {
          heading: "ご注意",
          items: [
            "ロックは時間がたっても解除されません。",
            ...(kioskHint
              ? ["もう一方の暗証番号を覚えていて、カードを読み取れるスマートフォンがあれば、コンビニでも再設定できる場合があります。"]
              : []),
            ...etax.note,
          ],
        },
        ...etax.blocks,
      ],
      ...(etax.links.length > 0 ? { links: etax.links } : {}),
    };
  },

  "pin-retry-guidance": (facts, { city }) => {
    const limit = lockLimit(facts.certificate);
    const attempts = typeof facts.wrongAttempts === "number" ? facts.wrongAttempts : undefined;
    const remaining = attempts !== undefined ? limit - attempts : undefined;
    const kind = facts.certificate === "signature" ? "署名用（6〜16桁の英数字）" : facts.certificate === "user" ? "4桁の利用者証明用" : "";
    const etax = etaxPasswordToo(facts, city);
    return {
      title: "暗証番号の入力はいったん止めてください",
      lead:
        remaining !== undefined
          ? `${kind}の暗証番号は、あと${remaining}回間違えるとロックされます。確かな番号がわからないときは、続けて試すのは控えて、次の確認をお願いします。`
          : `署名用（6〜16桁）は${LOCK_LIMITS.signature}回、4桁の暗証番号は${LOCK_LIMITS.fourDigit}回続けて間違えるとロックされます。これ以上の入力はいったん止めてください。`,
      blocks: [
        {
          heading: "まず確認すること",
          items: [
            "カードを受け取ったときの「暗証番号設定控」などのメモを探してください。",
            "署名用は英大文字と数字の6〜16桁（小文字は使えません）、利用者証明用は4桁の数字です。",
            "e-Taxの利用者識別番号の暗証番号は、カードの暗証番号とは別のものです。",
            "間違えた回数は、正しく入力するまで時間がたってもリセットされません。",
          ],
        },
        {
          heading: "自信がない場合",
          items: [
            "試す前に再設定をおすすめします。窓口、または条件がそろえばスマートフォンとコンビニで再設定できます。",
            `窓口：${city.counter.name}（${city.counter.hoursText}）`,
          ],
        },
        detail("fees", "手数料", [`再設定：${city.fees.pinReset}`]),
        ...etax.blocks,
      ],
      ...(etax.links.length > 0 ? { links: etax.links } : {}),
    };
  },

  "card-lost": (_facts, { city }) => ({
    title: "マイナンバーカードをなくしたとき",
    lead: `まず、すぐにマイナンバー総合フリーダイヤル ${city.nationalHelpLine.phone} に電話して、カードの一時利用停止をしてください。${city.nationalHelpLine.lossReportText}。`,
    blocks: [
      {
        heading: "すぐにすること",
        items: [
          `1. ${city.nationalHelpLine.phone} に電話して一時利用停止（24時間受付）`,
          "2. 警察に遺失届（盗難の場合は盗難届）を出し、受理番号を控えてください。",
          `3. ${city.name}の窓口で再発行を申請します。`,
        ],
      },
      { heading: "再発行の持ち物", items: ["本人確認書類（運転免許証など）", "警察の受理番号", "顔写真（窓口でご案内します）"] },
      { ...counterSection(city), id: "contacts", detail: true },
      { heading: "手数料", items: [city.fees.cardReissueLost] },
      {
        heading: "ご注意",
        items: ["見つかった場合は、窓口で一時停止の解除ができます。", "再発行のカードができるまで1か月程度かかることがあります。"],
      },
    ],
  }),

  "wait-after-issuance": (facts, { city }) => {
    const issued = known(facts.issuedOn);
    if (!issued) return { title: "発行したばかりの電子証明書", lead: USABLE_FROM, blocks: waitSections(city) };
    const nextDay = addDays(issued, 1);
    const businessDay = nextBusinessDay(issued);
    const later = businessDay !== nextDay;
    return {
      title: "発行したばかりの電子証明書",
      lead: `${d(issued)}に発行された電子証明書は、早ければ${d(nextDay)}から使えます。${later ? `それでも使えない場合は、翌開庁日の${d(businessDay)}以降にもう一度お試しください。` : ""}`,
      blocks: waitSections(city),
    };
  },

  "no-signature-certificate": (facts, { city }) => {
    const reason = facts.noSignatureReason;
    const contact: Block = { heading: "問い合わせ", items: [cityHelpDeskItem(city)] };
    if (reason === "face-auth-card") {
      // §1: no PINs at all → no PIN login, no コンビニ交付, no e-Tax card method with this card.
      return {
        title: "顔認証マイナンバーカード（暗証番号のないカード）",
        lead: "顔認証マイナンバーカードには暗証番号がなく、暗証番号を使うサービスはこのカードでは使えません。使いたい場合は、窓口で通常のカードへの切り替えをご相談ください。",
        summary:
          "顔認証マイナンバーカードには暗証番号がなく、署名用電子証明書も入っていません。このため、暗証番号を使うサービスは、このカードでは使えません。「ロックされています」「暗証番号が違います」などの表示は、このカードの暗証番号から出たものではありません。",
        blocks: [
          {
            heading: "このカードで使えないもの",
            items: [
              "マイナポータルへの暗証番号でのログイン",
              "コンビニ交付（コンビニでの住民票の写しなどの取得）",
              "e-Taxのマイナンバーカード方式（電子署名・ログイン）",
            ],
          },
          {
            heading: "どうすればよいか",
            items: [
              "これらを使いたい場合は、窓口で暗証番号を設定したカード（通常のマイナンバーカード）への切り替えをご相談ください。",
              "e-Taxの申告は、ID・パスワード方式や書面での提出もできます。",
            ],
          },
          { ...counterSection(city), id: "contacts", detail: true },
          contact,
        ],
      };
    }
    const who = reason === "adult-ward" ? "成年被後見人の方" : reason === "under-15" ? "15歳未満の方" : "15歳未満の方や成年被後見人の方";
    return {
      title: "署名用電子証明書がないカード",
      lead: `${who}のカードには、原則として署名用電子証明書がありません。暗証番号の問題ではありません。e-Taxは、ID・パスワード方式や書面でも提出できます。`,
      summary: `${who}のカードには、原則として署名用電子証明書が発行されていません。e-Taxの送信など署名用電子証明書を使う操作で「ロックされています」などの表示が出ても、暗証番号の問題ではありません。`,
      blocks: [
        {
          heading: "どうすればよいか",
          items: [
            "e-Taxの申告は、ID・パスワード方式や書面での提出もできます。",
            "4桁の暗証番号（利用者証明用）がロックされた・忘れた場合は、窓口で再設定できます（コンビニではできません）。",
            "詳しくは窓口でご相談ください。",
          ],
        },
        { ...counterSection(city), id: "contacts", detail: true },
        contact,
      ],
    };
  },

  "which-pin": () => ({
    title: "暗証番号と電子証明書の種類",
    lead: "マイナンバーカードには、目的の違う2つの電子証明書と、4種類の暗証番号があります。どの場面でどれを使うかをご確認ください。",
    summary: "マイナンバーカードには、目的の違う2つの電子証明書と、4種類の暗証番号があります。",
    blocks: [
      {
        heading: "署名用電子証明書",
        items: [
          "使う場面：e-Tax（確定申告）の送信、オンライン申請など「書類に署名する」とき",
          `暗証番号：英大文字と数字の6〜16桁。${LOCK_LIMITS.signature}回続けて間違えるとロック`,
          "引っ越し・結婚などで住所や氏名が変わると失効します",
        ],
      },
      {
        heading: "利用者証明用電子証明書",
        items: [
          "使う場面：マイナポータルのログイン、コンビニ交付、マイナ保険証など「本人であることを示す」とき",
          `暗証番号：4桁の数字。${LOCK_LIMITS.fourDigit}回続けて間違えるとロック`,
          "引っ越しでは失効しません",
        ],
      },
      {
        heading: "そのほかの暗証番号（どちらも4桁）",
        items: [
          `住民基本台帳用、券面事項入力補助用。${LOCK_LIMITS.fourDigit}回続けて間違えるとロック`,
          "4桁の暗証番号は3つとも同じ数字にしている方が多いです",
          "e-Taxの利用者識別番号の暗証番号は、カードの暗証番号とは別のものです",
        ],
      },
    ],
  }),

  "contact-city": (_facts, { city }) => ({
    title: "窓口・電話でご相談ください",
    lead: `このチャットではご案内しきれない内容のようです。お手数ですが、${city.cityHelpDesk.name}（${city.cityHelpDesk.phone}）か窓口にご相談ください。`,
    blocks: [
      counterSection(city),
      {
        heading: "電話で相談",
        items: [cityHelpDeskItem(city), helpLineItem(city), `外国語：${city.nationalHelpLine.foreignLanguagePhone}`],
      },
      { heading: "相談のときにあると便利なもの", items: ["マイナンバーカード", "画面に出たメッセージ（エラーコードなど）のメモ"] },
    ],
  }),

  "etax-password": (facts, { city }) => {
    // §10: e-Tax's own password; the tax office's matter. The card PIN routes only if a card PIN is
    // the trouble too (cardPinTroubleToo).
    const cardToo = cardPinTroubleToo(facts);
    return {
      title: "e-Taxの暗証番号（利用者識別番号のパスワード）",
      lead: "e-Taxの暗証番号は、マイナンバーカードの暗証番号とは別のもので、市区町村の窓口では再設定できません。下の国税庁の方法で再設定してください。",
      summary:
        "e-Taxの利用者識別番号の暗証番号は、マイナンバーカードの暗証番号とは別のものです。カードの暗証番号を再設定しても戻りません。これは税務署（e-Tax）の手続きで、市区町村の窓口では再設定できません。次のいずれかの方法で再設定してください。",
      blocks: [
        {
          heading: "再設定の方法（国税庁の案内）",
          items: ETAX_PASSWORD_WAYS,
        },
        detail("notes", "確定申告書等作成コーナーのID・パスワード方式の場合", [
          "税務署で発行されたIDとパスワードです。わからなくなった場合は、税務署で再発行を受けてください。",
        ]),
        ...(cardToo
          ? [
              {
                heading: "カードの暗証番号もロックされた・忘れた場合",
                items: [
                  `カードの暗証番号は、${city.name}の窓口で再設定できます。マイナンバーカードと${ID_BESIDES_CARD}をお持ちください。`,
                  `窓口：${city.counter.name}（${city.counter.hoursText}）`,
                ],
              },
              {
                ...detail("pinReset", "カードの暗証番号の再設定（くわしく）", []),
                items: [
                  `署名用・4桁の利用者証明用は、もう一方の暗証番号を覚えていて、カードを読み取れるスマートフォンがあれば、「JPKI暗証番号リセット」アプリとコンビニでも再設定できます。住民基本台帳用・券面事項入力補助用の暗証番号は窓口だけです。`,
                  "このチャットで「カードの暗証番号がロックされた」などと送っていただければ、詳しくご案内します。",
                ],
              },
            ]
          : []),
      ],
      links: [
        { label: "e-Taxの暗証番号を忘れた場合", url: city.links.eTaxPasswordFaq },
        { label: "ID・パスワード方式の紛失", url: city.links.eTaxIdPassword },
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

function pinName(facts: Facts): string {
  if (facts.otherPin === "jukinet") return "住民基本台帳用";
  if (facts.otherPin === "kenmen") return "券面事項入力補助用";
  if (facts.bothPins) return "署名用・利用者証明用";
  if (facts.certificate === "signature") return "署名用（6〜16桁の英数字）";
  if (facts.certificate === "user") return "4桁の利用者証明用";
  return "マイナンバーカード";
}

function waitSections(city: CityConfig): Block[] {
  return [
    {
      heading: "使えるようになる時期",
      items: ["e-Tax：発行の翌日から（当日は使えません）", "マイナ保険証：反映まで約24時間かかります。"],
    },
    detail("notes", "開庁日について", [
      "自治体によっては「翌開庁日から」と案内しています。土日・祝日・年末年始（12月29日〜1月3日）は開庁日ではありません。",
    ]),
    {
      heading: "それでも使えない場合",
      items: ["暗証番号の入力間違いが続いていないか確認してください。", cityHelpDeskItem(city)],
    },
  ];
}

/** The route's content: lead, blocks (the longer explanation first, as a detail) and links. */
export function routeContent(routeId: RouteId, facts: Facts, ctx: RouteContext): RouteContent & { links: RouteLink[] } {
  const c = ROUTE_CONTENT[routeId](facts, ctx);
  const about = c.summary && c.summary !== c.lead ? [detail("about", "くわしい説明", [c.summary])] : [];
  return { ...c, blocks: [...about, ...c.blocks], links: c.links ?? defaultLinks(routeId, ctx.city) };
}

/**
 * The route as a Reply: title, lead, sections (details marked), links (a `tel:` link for every phone
 * number shown, a link for every URL), and the whole answer as plain text.
 */
export function buildRoute(routeId: RouteId, facts: Facts, ctx: RouteContext): RouteReply {
  const c = routeContent(routeId, facts, ctx);
  return toReply(routeId, c.title, c.lead, c.blocks, c.links, ctx.city);
}

function toReply(routeId: RouteId, title: string, lead: string, blocks: Block[], given: RouteLink[], city: CityConfig): RouteReply {
  const sections = blocks.map(({ heading, items, detail }) => ({ heading, items: [...items], ...(detail ? { detail } : {}) }));
  const body = [
    `【${title}】`,
    lead,
    ...blocks.map((s) => `■${s.heading}\n${s.items.map((i) => `・${i}`).join("\n")}`),
  ].join("\n\n");
  const links = linksFor(body, given, city);
  const text = [body, ...(links.some(isWeb) ? [links.filter(isWeb).map((l) => `${l.label}：${l.url}`).join("\n")] : [])].join("\n\n");
  return { type: "route", routeId, title, lead, text, sections, ...(links.length ? { links } : {}) };
}

const isWeb = (l: RouteLink) => /^https?:\/\//.test(l.url);
const URL_PATTERN = /https?:\/\/[^\s、。（）()「」]+/g;

/** A `tel:` link for every phone number in the text (first), the given links, then any other URL in the text. */
function linksFor(text: string, given: RouteLink[], city: CityConfig): RouteLink[] {
  const tel = phonesIn(text).flatMap((phone) => {
    const url = telUri(phone);
    return url ? [{ label: `${phone}に電話`, url }] : [];
  });
  const urls = new Set(given.map((l) => l.url));
  const more = [...new Set(text.match(URL_PATTERN) ?? [])]
    .filter((u) => !urls.has(u))
    .map((url) => ({ label: url === city.reservations.url ? "窓口の予約" : new URL(url).hostname, url }));
  return [...tel, ...given, ...more];
}

function defaultLinks(routeId: RouteId, city: CityConfig): RouteLink[] {
  const links: RouteLink[] = [];
  if (city.links.cityPage) links.push({ label: `${city.name}のマイナンバーカードのページ`, url: city.links.cityPage });
  if (routeId === "signature-reissue-after-change" || routeId === "certificate-reissue-after-expiry") {
    links.push({ label: "e-Tax 電子証明書の失効について", url: city.links.eTaxCertificate });
  }
  const r = city.reservations;
  const reservable =
    routeId === "certificate-renewal"
      ? r.renewal !== "none"
      : routeId === "signature-reissue-after-change"
        ? r.afterChange === "optional" || r.afterChange === "required"
        : false;
  if (reservable && r.url) links.push({ label: "窓口の予約", url: r.url });
  return links;
}

/** The slot of the question that offers a route's details after the answer. */
export const DETAIL_SLOT = "detail";

/** The details of a route answer, as choices `detail:<id>` (once each, in the answer's order). */
export function detailChoices(routeId: RouteId, facts: Facts, ctx: RouteContext, except?: DetailId): Choice[] {
  const ids = routeContent(routeId, facts, ctx).blocks.flatMap((b) => (b.detail && b.id && b.id !== except ? [b.id] : []));
  return [...new Set(ids)].map((id) => ({ label: DETAIL_LABELS[id], value: detailValue(id) }));
}

/** The question offering a route's details, or nothing when it has none. */
export function detailQuestion(routeId: RouteId, facts: Facts, ctx: RouteContext, except?: DetailId): QuestionReply[] {
  const choices = detailChoices(routeId, facts, ctx, except);
  if (choices.length === 0) return [];
  return [{ type: "question", slot: DETAIL_SLOT, text: "くわしく知りたいことがあれば、選んでください。", input: "choice", choices }];
}

/** One detail of a route answer, asked for after it: the route's title, the detail as its only section. */
export function detailReply(routeId: RouteId, id: DetailId, facts: Facts, ctx: RouteContext): RouteReply | undefined {
  const c = routeContent(routeId, facts, ctx);
  const blocks = c.blocks.filter((b) => b.id === id).map(({ detail: _folded, ...b }) => b);
  if (blocks.length === 0) return undefined;
  const lead = blocks.map((b) => b.heading).join("・");
  return toReply(routeId, c.title, `${lead}のご案内です。`, blocks, [], ctx.city);
}

/** §10: the NTA's three ways to reset a forgotten e-Tax 暗証番号, in this order. */
const ETAX_PASSWORD_WAYS = [
  "1. 利用者識別番号をマイナンバーカードと連携している場合（マイナンバーカード方式）：カードでe-Taxにログインし、新しい暗証番号を設定できます。",
  "2. 1ができず、メールアドレスと秘密の質問を登録している場合：e-Taxの「再設定用パスワードの取得」から、オンラインで暗証番号を再設定できます。",
  "3. どちらもできない場合：「変更等届出書」（暗証番号等の再発行）をオンラインまたは税務署に出します。数日後に通知が郵送で届きます。",
];

/**
 * §10: a card PIN route for a resident whose e-Tax password is the trouble too (decide.ts goes on to
 * the card PIN diagnosis then): a line that it is a separate matter, the three ways as a detail, and
 * the NTA's page. Nothing when the e-Tax password is not in question.
 */
function etaxPasswordToo(facts: Facts, city: CityConfig): { note: string[]; blocks: Block[]; links: RouteLink[] } {
  if (!facts.etaxPassword) return { note: [], blocks: [], links: [] };
  return {
    note: ["e-Taxの暗証番号（利用者識別番号のパスワード）は、カードの暗証番号とは別のもので、税務署（e-Tax）の手続きです。カードの暗証番号を再設定しても戻りません。"],
    blocks: [detail("etax", "e-Taxの暗証番号の再設定（国税庁の案内）", ETAX_PASSWORD_WAYS)],
    links: [{ label: "e-Taxの暗証番号を忘れた場合", url: city.links.eTaxPasswordFaq }],
  };
}
