/**
 * English (issue 14): plain, polite words, with the Japanese term in brackets the first time a message
 * uses it, because the resident will need it at the counter (facts §11). No other Japanese. Labels stay
 * within 20 characters (LINE quick replies).
 */
import type { Catalog } from "./catalog.ts";

const yesNo = { yes: "Yes", no: "No" } as const;
const unknown = "I don't know";
/** The label of the follow-up's "talk to the counter" (the hand-off's unreadable message names it). */
const CONTACT = "Ask the city office";

export const EN: Catalog = {
  questions: {
    text: {
      symptom: "What is the trouble? Choose the closest one, or send the message shown on your screen as it is.",
      certificate:
        "Which password is it?\n• 6–16 letters and numbers: signature certificate (署名用電子証明書), used to file on e-Tax\n• 4 digits: user certificate (利用者証明用電子証明書), used to log in to Mynaportal (マイナポータル), to get certificates at a convenience store, and so on",
      basicInfoChanged:
        "After your certificate (電子証明書) was issued or renewed, did your address or name change (for example, because you moved or got married)?",
      wrongAttempts:
        "How many times in a row did you enter a wrong PIN? (The count does not go back to zero with time. Only a correct entry resets it.)",
      signaturePinKnown:
        "Do you remember the password of your signature certificate (署名用電子証明書)? It has 6–16 letters and numbers.",
      userPinKnown: "Do you remember the 4-digit PIN of your user certificate (利用者証明用電子証明書)?",
      nfcSmartphone: "Do you have a smartphone (with a camera) that can read your My Number Card (マイナンバーカード)?",
      certExpiry:
        "When does your certificate (電子証明書) expire? It is written on the front of your card, in the field for the certificate's expiry date (電子証明書の有効期限). Example: March 15, 2027.",
      cardExpiry:
        "When does your My Number Card (マイナンバーカード) itself expire? It is the date on the front of the card marked \"valid until\" (まで有効). Example: March 15, 2027.",
      issuedOn: "When did you renew or get your certificate (電子証明書)? Example: today, November 20.",
      applicant: "Who will go to the counter (窓口)?",
      foreignResident: "Are you a foreign resident with a residence card (在留カード)?",
      noSignatureReason: "Does one of these apply to your card?",
    },
    labels: {
      symptom: {
        revoked: '"Revoked" (失効)',
        expired: "Certificate expired",
        locked: "PIN is locked",
        "wrong-pin": "Entered a wrong PIN",
        "forgot-pin": "Forgot my PIN",
        renewal: "Renew certificate",
        "not-working-after-renewal": "Renewed, still fails",
        "lost-card": "Lost my card",
        "which-pin": "Which PIN is which?",
        other: "Other / ask a person",
      },
      certificate: { signature: "6–16 letters/numbers", user: "4-digit number", unknown },
      basicInfoChanged: { ...yesNo, unknown },
      signaturePinKnown: yesNo,
      userPinKnown: yesNo,
      nfcSmartphone: { ...yesNo, unknown },
      applicant: { self: "Myself", proxy: "Proxy (代理人)", "legal-representative": "Guardian (法定代理人)" },
      foreignResident: yesNo,
      noSignatureReason: {
        "under-15": "Child under 15",
        "adult-ward": "Adult ward (成年被後見人)",
        "face-auth-card": "Face-auth-only card",
        unknown: "None / not sure",
      },
    },
    count: (n) => (n === 1 ? "1 time" : `${n} times`),
    unknown,
    today: "Today",
    yesterday: "Yesterday",
    retry: {
      unread: "Sorry, I could not read that. Please choose a button or answer in a few words.",
      noSuchDate:
        "Sorry, that date does not exist (February has 28 days, 29 in a leap year; April, June, September and November have 30). Please check the date again.",
      ambiguous: `If you are not sure how many times, choose the closest number or "${unknown}".`,
    },
  },
  followUp: {
    text: "Did this solve your problem? If you need anything else, just type it.",
    labels: { resolved: "Solved", "not-resolved": "Not solved", restart: "Start over", contact: CONTACT },
  },
  messages: {
    greeting:
      "Hello. This is My Number Certificate Rescue (マイナ証明書レスキュー). When the certificates or PINs of your My Number Card (マイナンバーカード) do not work, I will guide you through what to do, step by step.\n*Please do not send your PIN or your 12-digit My Number (個人番号).",
    restarted: "Let's start again from the beginning.",
    freshDiagnosis: "I will look at this as a new question.",
    askAgainGaveUp: `Sorry, I could not read your answer. I will go on as "${unknown}".`,
    askAgainGaveUpToPerson: "Sorry, I could not read your answer. Here is where to ask, so that the counter can check it with you.",
    expired: "It has been a while since your last question, so let's start again from the beginning.",
    versionChanged: "This chat has been updated, so let's start again from the beginning.",
    piiWarning:
      "Please do not send your PIN or your 12-digit My Number (個人番号) in this chat. The number you sent was deleted, not saved. If you are worried, please think about changing your PIN.",
    internalError: "Sorry, something went wrong. Please wait a little and send it again.",
    unsupported: "Sorry, I can only read text messages. Please write your problem in words, or choose a button.",
    localeSwitched: "Switched to English.",
    languagesAvailable: "This chat is also available in Japanese (日本語) and easy Japanese (やさしい日本語). Choose a button to switch.",
  },
  handoff: {
    openedWithinHours: (hoursText) =>
      `Your question has been passed to a staff member, who will answer in turn. The answer will come to this chat, so please wait here.\n(Hours: ${hoursText})`,
    openedOutsideHours: (opensAt, hoursText) =>
      `Your question has been passed to a staff member. The desk is closed now, so staff will answer in turn from ${opensAt}. The answer will come to this chat, so please wait here.\n(Hours: ${hoursText})`,
    openedNoHours: (hoursText) =>
      `Your question has been passed to a staff member, who will answer in turn when the desk opens. The answer will come to this chat.\n(Hours: ${hoursText})`,
    forwarded: "Your message was passed to the staff. Please wait for their answer.",
    staffPrefix: "(Staff) ",
    resolved: "Your talk with the staff has ended. The chat will guide you again from here.",
    withdrawn: "Your request to talk with the staff was withdrawn. Back to the chat's guidance.",
    unreadable: `Because the system was updated, your talk with the staff was ended. If you would like to talk with the staff, please choose "${CONTACT}" again.`,
    unavailable: "Sorry, we could not connect you to the staff just now. Please ask at the counter or call one of the numbers above.",
  },
  feedback: {
    resolved: "Glad it helped. If you need anything else, just type it.",
    notResolved: "Sorry this did not help. Please ask at the counter or by phone.",
    offerPerson: "You can also talk with a staff member in this chat.",
    otherwise: "If you need anything else, just type it.",
    talkToPerson: "Talk with staff",
    startOver: "Start over",
  },
  details: {
    about: "More details",
    proxy: "If a proxy goes",
    guardian: "If a guardian goes",
    parent: "Child under 15",
    bring: "What to bring",
    stores: "Convenience stores",
    fees: "Fees in detail",
    smartphone: "Certificate on phone",
    reservation: "Booking a visit",
    check: "Things to check",
    notes: "Other notes",
    contacts: "Counter and phone",
    pinReset: "Card PINs too",
    etax: "e-Tax password",
  },
};
