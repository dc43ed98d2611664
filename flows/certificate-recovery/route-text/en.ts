/**
 * The route answers in English (issue 14, facts §11): plain words, the Japanese term in brackets where a
 * resident first meets it in an answer (they will need it at the counter), polite, short, concrete, the
 * lead first. No other Japanese: the sentence to show at the counter is route-text/counter-sentence.ts,
 * and city texts come from the city file's `i18n.en` (or the Japanese with "(in Japanese)").
 */
import type { RouteText } from "./types.ts";

/** A noun phrase inside a sentence: "An identity document" → "an identity document". */
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const CARD = "My Number Card (マイナンバーカード)";
const SIGNATURE = "signature certificate (署名用電子証明書)";
const USER = "user certificate (利用者証明用電子証明書)";

const RENEWAL_PIN_ITEMS = [
  "Check all three PINs (暗証番号) before you go; the counter may ask you to enter them: the Resident Registry PIN (住民基本台帳用, 4 digits), the user certificate PIN (4 digits) and the signature certificate PIN (6–16 capital letters and numbers).",
  "If you forgot a PIN, also bring an identity document (本人確認書類) such as a driver's license or passport. The PIN can be reset in the same visit; it takes longer.",
];

const ID_BESIDES_CARD =
  "An identity document (本人確認書類) other than the card, such as a driver's license or passport";

const PIN_FORGOTTEN_ITEM = `If you forgot your PIN, also bring ${lower(ID_BESIDES_CARD)}. The PIN can be reset in the same visit.`;

const USABLE_FROM =
  "A new certificate works from the day after issue at the earliest, not the same day. If it still fails, try again after the next business day (開庁日: not weekends, holidays or Dec 29–Jan 3).";

const RENEWAL_BRING = [CARD, "The expiry notice (有効期限通知書), if you received it", "Your three PINs (the counter may ask you to enter them)"];

const ETAX_NOT_CARD_PIN = "The e-Tax password (利用者識別番号の暗証番号) is different from the card's PINs.";

export const en: RouteText = {
  layout: {
    title: (t) => `[${t}]`,
    heading: (h) => `■ ${h}`,
    bullet: "• ",
    linkLine: (label, url) => `${label}: ${url}`,
    sentences: (parts) => parts.join(" "),
    list: (parts) => parts.join(", "),
    paren: (text, remark) => `${text} (${remark})`,
  },

  untranslated: (text) => `${text} (in Japanese)`,

  links: {
    call: (phone) => `Call ${phone}`,
    reservation: "Counter reservation",
    cityPage: (city) => `${city}: My Number Card page`,
    eTaxCertificate: "e-Tax: revoked certificates (Japanese)",
    eTaxPasswordFaq: "e-Tax: forgotten password (Japanese)",
    eTaxIdPassword: "e-Tax: lost ID and password (Japanese)",
    jlisPinReset: "J-LIS: PIN reset guide",
    jlisStores: "J-LIS: stores with kiosks",
  },

  common: {
    counterHeading: "Counter (窓口) and hours",
    address: (a) => `Address: ${a}`,
    hours: (h) => `Hours: ${h}`,
    phone: (p) => `Phone: ${p}`,
    feeAndWait: (fee, wait) => `${fee}, ${wait}`,
    bringHeading: "What to bring",
    bringSelfHeading: "What to bring (if you go yourself)",
    bringMoreHeading: "What to bring (more)",
    feeWaitHeading: "Fee and time",
    feeWaitMoreHeading: "Fee and time (more)",
    fee: (fee) => `Fee: ${fee}`,
    wait: (wait) => `Time: ${wait}`,
    feesHeading: "Fee",
    procedureHeading: "What to do",
    cautionHeading: "Please note",
    reservationHeading: "Reservations",
    smartphoneHeading: "Smartphone certificate",
    notesHeading: "Other notes",
    checkHeading: "Please check",
    aboutHeading: "More about this",
    contactHeading: "Questions",
    nationalHelpLine: (phone, hours) => `My Number general toll-free line (マイナンバー総合フリーダイヤル) ${phone} (${hours})`,
    cityHelpDesk: (name, phone, hours) => `${name} ${phone} (${hours})`,
    counterBrief: (name, hours) => `Counter: ${name} (${hours})`,
    noReservation: "No reservation is needed.",
    reservationRequired: "A reservation is required",
    reservationOptional: "You can reserve a time at the counter",
    reservationLine: (head, url) => (url ? `${head}: ${url}` : `${head}.`),
    reservationWait: "Even with a reservation, you may have to wait when it is busy.",
    afterChangeReservationUnknown:
      "Procedures after a change of address or name may not be reservable. Please ask the counter.",
    afterChangeReservationNone: "Procedures after a change of address or name cannot be reserved.",
    usableFrom: USABLE_FROM,
    renewalPinItems: RENEWAL_PIN_ITEMS,
    idBesidesCard: ID_BESIDES_CARD,
    pinForgottenItem: PIN_FORGOTTEN_ITEM,
    smartphoneNote:
      "If you use the smartphone certificate (スマホ用電子証明書), you may need to set it up again in the Mynaportal (マイナポータル) app after the card's certificate is issued again.",
    renewalRule: (months) => `opens the day after the date ${months} months before the expiry date, and closes on the expiry date`,
    myNumberCard: CARD,
    pinName: {
      jukinet: "Resident Registry (住民基本台帳用) PIN",
      kenmen: "Card information input support (券面事項入力補助用) PIN",
      both: "signature and user certificate PINs",
      signature: "signature certificate PIN (署名用, 6–16 letters and numbers)",
      user: "4-digit user certificate PIN (利用者証明用)",
      card: "card PIN (暗証番号)",
    },
    etaxPasswordWays: [
      "1. If your e-Tax user ID (利用者識別番号) is linked to your My Number Card (マイナンバーカード方式): log in to e-Tax with the card and set a new password.",
      "2. If not, and you registered an e-mail address and a secret question: use 「再設定用パスワードの取得」 (get a reset password) on e-Tax and reset it online.",
      "3. If neither works: submit a change notification form (変更等届出書, 暗証番号等の再発行) online or at the tax office (税務署). A notice comes by post a few days later.",
    ],
    etaxPasswordTooNote:
      "The e-Tax password (利用者識別番号のパスワード) is different from the card's PINs; it is a tax office (税務署) matter. Resetting a card PIN does not reset it.",
    etaxPasswordTooHeading: "Resetting the e-Tax password (National Tax Agency)",
  },

  details: {
    question: "Choose a topic if you want more details.",
    lead: (headings) => `About: ${headings.join(", ")}.`,
  },

  showAtCounter: {
    heading: "Show this at the counter (窓口で見せてください)",
    intro: "",
    helpLine: (phone, hours) => `Help in English and other languages: ${phone} (${hours})`,
  },

  proxy: {
    heading: "If someone goes for you (proxy, 代理人)",
    rules: {
      renewal: [
        "The expiry notice envelope holds an inquiry and response form (照会書兼回答書; in some cities 回答書兼委任状). If you fill it in, write your PIN in its box and seal it, your proxy can renew in one visit.",
        "The proxy brings: your My Number Card, the sealed form, and the proxy's own photo ID (such as a driver's license).",
        "Without the form, the counter mails one to you, so the proxy has to come twice.",
      ],
      "new-issue": [
        "After a move, a name change or expiry, the expiry notice cannot be used. After the application, an inquiry and response form (照会書兼回答書) is mailed to your address, and the proxy comes again with it (two visits).",
        "The proxy brings: your My Number Card, the form filled in and sealed by you, and the proxy's own photo ID.",
        "This differs between cities. Please ask the counter before going.",
      ],
      "pin-reset": [
        "A proxy cannot finish a PIN reset in one visit. After the first application, an inquiry form (照会書) is mailed to you.",
        "The proxy comes again with the form filled in and sealed by you, your My Number Card, and the proxy's own photo ID.",
      ],
      "new-card": [
        "You apply for the new card yourself with the application form (交付申請書): by post, smartphone, computer or photo booth.",
        "A proxy can receive the card only if you cannot come because of illness, disability or similar, with documents showing this. Please ask the counter first.",
      ],
      "foreign-extension": [
        "For a proxy, please ask the counter first (no expiry notice is mailed, so there is no form from it).",
      ],
    },
    guardianHeading: "If an adult guardian (成年後見人) goes",
    guardianItems: [
      "The resident's My Number Card",
      "The guardian's photo ID",
      "A certificate of registered matters (登記事項証明書) showing the guardianship",
    ],
    parentHeading: "For a child under 15 (parent, 親権者)",
    parentItems: [
      "A parent (legal representative, 法定代理人) does the procedure together with the child.",
      "The child's My Number Card and the parent's photo ID",
      "If the parent lives in another household: a document showing the relationship (for example 戸籍謄本, a family register copy)",
    ],
  },

  signatureReissue: {
    title: "New signature certificate (署名用電子証明書) after a move or name change",
    lead: (city, fw) => `Your ${SIGNATURE} ended because your address or name changed. Apply for a new one at the ${city} counter (窓口) (${fw}).`,
    summary:
      "When your address or name changes (a move, a marriage), the signature certificate ends (失効) automatically, even before its expiry date. You do not need to wait for the renewal period. Ask the counter of the city where you are registered to issue a new one (changing the address on the card does not do it).",
    steps: [
      "At the counter, say that your signature certificate ended because your address (or name) changed, and ask for a new one (発行).",
      "You set a new signature PIN (6–16 capital letters and numbers) there.",
    ],
    bring: [CARD, "Your 4-digit PIN (暗証番号); the counter will ask you to enter it"],
    more: [
      PIN_FORGOTTEN_ITEM,
      "Decide your new signature PIN before you go; it saves time.",
      `Your ${USER} (4-digit PIN) does not end when you move.`,
    ],
  },

  reissueAfterExpiry: {
    titleExpired: "New electronic certificate (電子証明書) after expiry",
    titleRevoked: "New electronic certificate (電子証明書) after it ended",
    whatExpired: (expiry) =>
      `Your electronic certificate's expiry date${expiry ? ` (${expiry})` : ""} has passed. The counter can still issue a new one after expiry.`,
    whatRevoked:
      "Your electronic certificate has ended (失効). The cause is either its expiry date, or a change of address or name after it was issued. In both cases the counter can issue a new one.",
    cardValidUntil: (date) => `The card itself is valid until ${date}.`,
    checkExpiryDate: "The certificate's expiry date (電子証明書の有効期限) on the front of the card",
    checkMoved: "Whether you moved or changed your name after the certificate was issued or renewed (if so, the signature certificate ended)",
    checkCard: "The card's own expiry date (on the front). If it has passed, you need a new card, not a new certificate.",
    happenedExpired: (expiry) => `Your electronic certificate (電子証明書) expired${expiry ? ` on ${expiry}` : ""}.`,
    happenedRevoked: "Your electronic certificate (電子証明書) has ended (expiry, or a change of address or name).",
    lead: (happened, city, fw) => `${happened} Get a new one at the ${city} counter (窓口) (${fw}).`,
    procedure: (expired) =>
      `At the counter, say that your electronic certificate ${expired ? "expired" : "ended (失効)"} and ask for a new one (発行). This cannot be done at a convenience store or online.`,
    bring: [CARD, "Your PINs (暗証番号); the counter will ask you to enter them"],
    more: [`You need the PIN you set before. If you forgot it, bring ${lower(ID_BESIDES_CARD)}; the same counter can reset it.`],
  },

  renewal: {
    title: "Renewing your electronic certificates (更新)",
    leadUntil: (date, city, fw) => `You can renew (更新) your electronic certificates now. Go to the ${city} counter (窓口) by ${date} (${fw}).`,
    leadRule: (rule, city, fw) => `Renewal (更新) ${rule}. Renew at the ${city} counter (窓口) (${fw}).`,
    summaryWindow: (opens, closes, lastDay) =>
      `The renewal period is now open (${opens} to ${closes}). Please renew at the counter before the expiry date.${lastDay ? ` The counter is closed on ${closes}, the expiry date, so the last day you can go is ${lastDay}.` : ""}`,
    summaryRule: (rule) =>
      `Renewal at the counter ${rule} (for example, expiry on March 15: from December 16). Check the expiry date on the front of your card, then go to the counter.`,
    steps: (city) => [`Renew at the ${city} counter. This cannot be done at a convenience store or online.`, "You can renew without the expiry notice."],
    bring: RENEWAL_BRING,
    notes: [
      "If you renew within the renewal period, the new certificate is valid until your 6th birthday after renewal (renewing earlier makes it shorter).",
      "If you moved or changed your name, your signature certificate has already ended. You need a new issue (発行), not a renewal, and you do not have to wait for the renewal period.",
      "The My Number health insurance card (マイナ保険証) shows the renewal after about 24 hours.",
    ],
  },

  renewalNotYet: {
    title: "Renewal (更新) not open yet",
    closedOpening: (opens, firstDay) => `The counter is closed on ${opens}, so the first day you can go is ${firstDay}.`,
    leadWindow: (date, city) => `Renewal (更新) is not open yet. From ${date}, renew your certificates at the ${city} counter (窓口).`,
    leadRule: (rule, city) => `Renewal (更新) ${rule}. When it opens, renew at the ${city} counter (窓口).`,
    summaryWindow: (opens, closes, months, closedOpening) =>
      `Renewal opens on ${opens} (the day after the date ${months} months before the expiry date, ${closes}). ${closedOpening ? `${closedOpening} ` : ""}Please wait until then.`,
    summaryRule: (months) => `Renewal opens on the day after the date ${months} months before the expiry date.`,
    whenWhereHeading: "When and where",
    window: (opens, closes) => `Renewal period: ${opens} to ${closes}`,
    where: (city) => `Renew at the ${city} counter (not at a convenience store, not online).`,
    bringHeading: "What to bring (once renewal opens)",
    bring: RENEWAL_BRING,
    bringMore: [
      "About 2–3 months before expiry, J-LIS (地方公共団体情報システム機構) mails an expiry notice (有効期限通知書). You can renew without it.",
    ],
    cautions: ["If you renew before the renewal period, the new certificate is valid for a shorter time."],
    notes: [
      "When the expiry date is at the end of a month or in a leap year, the opening day can move by one day.",
      "If you have not moved or changed your name, you can keep using your current certificate until then. If your address or name changed, your signature certificate has ended: get a new one at the counter now, without waiting.",
    ],
  },

  cardRenewal: {
    title: "A new My Number Card (マイナンバーカード) when the card expires",
    whyUnknown: "Your card itself has expired or will expire soon",
    whyPast: (date) => `Your card itself expired on ${date}`,
    whyComing: (date, beforeCert) => `Your card itself expires on ${date}${beforeCert ? ", before its certificates" : ""}`,
    lead: (why, fee) => `${why}, so you need a new card. Apply with the application form (交付申請書) sent with the expiry notice (fee: ${fee}).`,
    summary: (why) => `${why}, so you need to apply for a new card, not only renew the certificates.`,
    steps: [
      "Apply for a new card with the application form (交付申請書) in the expiry notice envelope (by post, smartphone, computer or photo booth).",
      "When the card is ready, a notice (交付通知書) comes. You receive the card at the counter, and new certificates are issued then.",
    ],
    bringOnReceipt: ["When you receive the card: your current My Number Card, the notice (交付通知書) and an identity document (本人確認書類)"],
    duration: "From application to receiving the card can take about a month. Please apply early.",
    notes: (wait) => [
      "Certificates cannot outlive the card, so a new card comes with new certificates.",
      `Time at the counter when you receive the card: ${wait}`,
      "Foreign residents whose card expires with their period of stay (在留期間): after renewing your period of stay, change the card's expiry date at the counter.",
    ],
  },

  foreignExtension: {
    title: "Extending your card after renewing your period of stay (在留期間)",
    lead: (city) =>
      `Renewing your residence card (在留カード) does not extend your ${CARD}. At the ${city} counter (窓口), extend the card and get new certificates.`,
    summary:
      "A My Number Card that expires with your period of stay is not extended automatically when you renew your residence card. At the counter, change the card's expiry date and get new electronic certificates (電子証明書) issued.",
    steps: (city) => [
      `At the ${city} counter, apply to change (extend) the card's expiry date (有効期限の変更). New electronic certificates must be issued too.`,
      "No expiry notice is mailed to you, so please go soon after renewing your period of stay.",
    ],
    bring: [CARD, "Your new residence card (在留カード)", "Your 4-digit PIN (暗証番号); you enter it at the counter"],
    foreignHeading: "Help in other languages",
    foreignLine: (phone) => `My Number general toll-free line, foreign languages: ${phone}`,
  },

  kiosk: {
    title: "Reset your PIN with a smartphone and a convenience store",
    resettingSignature: "signature certificate PIN (署名用, 6–16 letters and numbers)",
    resettingUser: "4-digit user certificate PIN (利用者証明用)",
    otherOfSignature: "4-digit user certificate PIN",
    otherOfUser: "signature certificate PIN (6–16 characters)",
    lead: (resetting, fee) =>
      `You can reset your ${resetting} without the counter: a smartphone app and a store kiosk (fee: ${fee}). First reserve in the app.`,
    stepsHeading: "Steps",
    steps: (other, hours, kioskHours) => [
      "1. Install the 「JPKI暗証番号リセット」 app (JPKI PIN reset) on your smartphone (not the Mynaportal app).",
      `2. In the app, enter your ${other}, read the card and take a photo of your face to reserve (any time, except maintenance).`,
      `3. Within ${hours} hours, at a convenience store multi-copy machine (マルチコピー機, ${kioskHours.replace("〜", "–")}), enter the same PIN again and then the new PIN twice.`,
    ],
    bring: [CARD, "The smartphone with the app"],
    storesHeading: "Which stores",
    stores: [
      "Seven-Eleven (and some AEON stores): both the signature PIN and the 4-digit user PIN",
      "Lawson, FamilyMart, Ministop: the signature PIN only",
      "The stores can change. Please check J-LIS's page for the current list.",
    ],
    cautionOtherPins: "The Resident Registry (住民基本台帳用) and card information input support (券面事項入力補助用) PINs cannot be reset this way.",
    cautionUserNeedsSignature:
      "If your signature certificate has expired, or you moved or changed your name after it was issued, this way does not work. Please reset at the counter.",
    cautionExpiredReservation: (hours) => `After ${hours} hours the reservation ends. Then start again from the beginning.`,
    troubleHeading: "If it does not work",
    troubleItem: (name, hours) => `The counter can reset it too: ${name} (${hours})`,
  },

  counterReset: {
    title: "Reset your PIN (暗証番号) at the counter",
    lead: (pin, city, fee) => `The ${city} counter (窓口) can reset your ${pin}. Bring your My Number Card (マイナンバーカード) and an ID document (fee: ${fee}).`,
    summary: (pin, city) => `The ${city} counter can reset your ${pin} (unlock it and set a new PIN).`,
    closedHeading: "Why a convenience store cannot reset it",
    closedItem: (reason) =>
      `To reset the 4-digit PIN with a smartphone and a convenience store, you need a valid signature certificate (署名用電子証明書). ${
        reason === "revoked" ? "Yours ended because your address or name changed" : "Yours has expired"
      }, so please reset it at the counter.`,
    closedSameVisit: "In the same visit you can also get a new signature certificate. Please tell the counter.",
    tellCounter: "At the counter, say that your PIN is locked (or forgotten) and you want to reset it.",
    noSignatureSetHere: "You set the new 4-digit PIN there.",
    noSignatureCounterOnly: "Your card has no signature certificate, so the 4-digit PIN can be reset only at the counter.",
    setHere: "You set the new PIN there: 4 digits, or 6–16 capital letters and numbers for the signature PIN.",
    otherPinCounterOnly: "This PIN can be reset only at the counter.",
    sameFourDigits: "If your Resident Registry and card information input support PINs are the same 4 digits, they can be reset together.",
    lockNoTimeout: "A lock does not end with time.",
    kioskHint: "If you remember the other PIN and have a smartphone that can read the card, a convenience store may also work.",
  },

  retry: {
    title: "Please stop entering the PIN (暗証番号) for now",
    kindSignature: "signature certificate PIN (署名用, 6–16 letters and numbers)",
    kindUser: "4-digit user certificate PIN (利用者証明用)",
    leadRemaining: (kind, remaining) =>
      `${remaining} more wrong ${remaining === 1 ? "try" : "tries"} will lock your ${kind || "PIN (暗証番号)"}. If you are not sure of the number, please stop and check first.`,
    leadLimits: (sig, four) =>
      `The signature PIN (6–16 characters) locks after ${sig} wrong tries in a row, a 4-digit PIN after ${four}. Please stop entering it for now.`,
    checkHeading: "Check first",
    checks: [
      "Look for the PIN memo (暗証番号設定控) you got with the card.",
      "The signature PIN is 6–16 capital letters and numbers (no small letters); the user certificate PIN is 4 digits.",
      ETAX_NOT_CARD_PIN,
      "The count of wrong tries does not reset with time, only after a correct entry.",
    ],
    unsureHeading: "If you are not sure",
    unsureReset: "We recommend resetting the PIN before trying again: at the counter, or with a smartphone and a convenience store if you meet the conditions.",
    pinResetFee: (fee) => `Reset: ${fee}`,
  },

  lost: {
    title: "If you lost your My Number Card (マイナンバーカード)",
    lead: (phone, lossReport) => `First, call ${phone} now to suspend your card (一時利用停止). ${lossReport}.`,
    nowHeading: "Do this now",
    steps: (phone, city) => [
      `1. Call ${phone} to suspend the card (24 hours)`,
      "2. Report it to the police (lost: 遺失届, stolen: 盗難届) and note the report number (受理番号).",
      `3. Apply for a new card (再発行) at the ${city} counter.`,
    ],
    bringHeading: "What to bring for a new card",
    bring: ["An identity document (本人確認書類), such as a driver's license", "The police report number", "A face photo (the counter will explain)"],
    cautions: ["If you find the card, the counter can lift the suspension.", "A new card can take about a month."],
  },

  wait: {
    title: "A certificate issued just now",
    lead: (issued, nextDay, businessDay) =>
      `A certificate issued on ${issued} works from ${nextDay} at the earliest.${businessDay ? ` If not, try again on or after ${businessDay} (next business day).` : ""}`,
    usableHeading: "When it starts working",
    usable: ["e-Tax: from the day after issue (not the same day)", "My Number health insurance card (マイナ保険証): about 24 hours"],
    openDaysHeading: "About business days",
    openDays: [
      "Some cities say \"from the next business day (翌開庁日)\". Weekends, national holidays and December 29–January 3 are not business days.",
    ],
    stillHeading: "If it still does not work",
    stillCheck: "Check that you have not entered a wrong PIN several times.",
  },

  noSignature: {
    faceTitle: "Face-authentication card (顔認証マイナンバーカード, a card without PINs)",
    faceLead:
      "A face-authentication card has no PINs, so services that need a PIN do not work with it. To use them, ask the counter (窓口) about switching to a card with PINs.",
    faceSummary:
      "A face-authentication card (顔認証マイナンバーカード) has no PINs and no signature certificate. So services that use a PIN do not work with this card. Messages such as \"locked\" or \"wrong PIN\" do not come from this card's PINs.",
    faceCannotHeading: "What this card cannot do",
    faceCannot: [
      "Log in to Mynaportal (マイナポータル) with a PIN",
      "Get certificates at a convenience store (コンビニ交付), such as a copy of your residence record",
      "The e-Tax My Number Card method (e-signature and log-in)",
    ],
    whatToDoHeading: "What you can do",
    faceWhatToDo: [
      "To use these, ask the counter about switching to a card with PINs (a regular My Number Card).",
      "You can file e-Tax returns with the ID and password method or on paper.",
    ],
    whoAdultWard: "an adult ward (成年被後見人)",
    whoUnder15: "a child under 15",
    whoEither: "a child under 15 or an adult ward (成年被後見人)",
    title: "A card without a signature certificate (署名用電子証明書)",
    lead: (who) =>
      `The card of ${who} normally has no signature certificate. This is not a PIN problem. You can file e-Tax returns with an ID and password or on paper.`,
    summary: (who) =>
      `The card of ${who} is normally issued without a signature certificate (署名用電子証明書). If a message such as "locked" appears when you use e-Tax or another signing service, it is not a PIN problem.`,
    whatToDo: [
      "You can file e-Tax returns with the ID and password method or on paper.",
      "If the 4-digit PIN (user certificate) is locked or forgotten, the counter can reset it (not a convenience store).",
      "For more, please ask the counter.",
    ],
  },

  whichPin: {
    title: "Your card's PINs (暗証番号) and certificates",
    lead: `Your ${CARD} has two electronic certificates (電子証明書) for different purposes, and four PINs (暗証番号). Please check which one is used when.`,
    summary: "Your My Number Card has two electronic certificates for different purposes, and four PINs.",
    signatureHeading: "Signature certificate (署名用電子証明書)",
    signatureItems: (limit) => [
      "Used for: sending e-Tax tax returns (確定申告), online applications: when you \"sign a document\"",
      `PIN: 6–16 capital letters and numbers. Locks after ${limit} wrong tries in a row`,
      "Ends when your address or name changes (a move, a marriage)",
    ],
    userHeading: "User certificate (利用者証明用電子証明書)",
    userItems: (limit) => [
      "Used for: logging in to Mynaportal (マイナポータル), certificates at convenience stores (コンビニ交付), the health insurance card (マイナ保険証): when you \"show it is you\"",
      `PIN: 4 digits. Locks after ${limit} wrong tries in a row`,
      "Does not end when you move",
    ],
    otherHeading: "Other PINs (both 4 digits)",
    otherItems: (limit) => [
      `Resident Registry (住民基本台帳用) and card information input support (券面事項入力補助用). Lock after ${limit} wrong tries in a row`,
      "Many people set all three 4-digit PINs to the same number",
      "The e-Tax password (利用者識別番号の暗証番号) is different from the card's PINs",
    ],
  },

  contact: {
    title: "Please ask the counter or call",
    lead: (name, phone) => `This chat cannot fully answer your question. Please call ${name} (${phone}) or ask at the counter (窓口).`,
    phoneHeading: "Ask by phone",
    foreignLine: (phone) => `Foreign languages: ${phone}`,
    handyHeading: "Useful to have with you",
    handy: ["Your My Number Card", "A note of the message on the screen (such as an error code)"],
  },

  etax: {
    title: "Your e-Tax password (利用者識別番号の暗証番号)",
    lead: "The e-Tax password is not a My Number Card PIN, and the city counter cannot reset it. Please reset it in one of the National Tax Agency's ways below.",
    summary:
      "The password of your e-Tax user ID (利用者識別番号) is different from the My Number Card PINs. Resetting a card PIN does not bring it back. It is a tax office (税務署, e-Tax) matter; the city counter cannot reset it. Please use one of these ways.",
    waysHeading: "How to reset it (National Tax Agency)",
    idPasswordHeading: "If you use the ID and password method (ID・パスワード方式) of the tax return site",
    idPasswordItems: ["The ID and password are issued by the tax office. If you lost them, the tax office (税務署) issues them again."],
    cardTooHeading: "If a card PIN is locked or forgotten too",
    cardTooItem: (city, id) => `The ${city} counter can reset the card's PINs. Bring your My Number Card and ${lower(id)}.`,
    pinResetHeading: "Resetting the card's PINs (more)",
    pinResetItems: [
      "If you remember the other PIN and have a smartphone that can read the card, the signature PIN and the 4-digit user PIN can also be reset with the 「JPKI暗証番号リセット」 app and a convenience store. The Resident Registry and card information input support PINs: counter only.",
      "Tell this chat, for example, \"my card PIN is locked\", and we will guide you.",
    ],
  },
};
