/**
 * English understanding (issue 14): the same Facts as the Japanese reading, for messages written in
 * English. Pure functions, no I/O; `extractFacts` and `parseAnswer` hand an English message here (see
 * {@link isEnglishText}), so the machine calls one entry point for both languages.
 *
 * The text is first put in an English match form ({@link englishForm}): matchForm (NFKC, lower case), curly
 * apostrophes straight, and the spellings residents type folded to one ("cant" → "can't", "pls", "mynumber",
 * "e tax", "pasword", "certficate"). Every pattern below is written against that form.
 *
 * Negation comes BEFORE the word in English ("isn't locked", "haven't moved", "I don't think it's
 * expired"): {@link negatedBefore} looks back within the clause (a clause ends at . , ; ! ? and at
 * and / but / so / because …) for not / n't / never / no longer, at most three words away.
 * Hypotheticals ("what happens if it gets locked", "before it expires", "afraid it will lock") are
 * {@link hypotheticalBefore}: if / will / might / before / afraid / worried … earlier in the clause.
 *
 * Every regex is linear (no nested unbounded quantifiers; windows are sliced before testing).
 */
import type { CertificateKind, Facts, Slot, Symptom, YesNoUnknown } from "../core/slots.ts";
import { findDates, previousOccurrence, type DateHit } from "./dates.ts";
import { matchForm } from "./normalize.ts";
import { findAll, has, type Hit } from "./patterns.ts";

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const LATIN_WORD = /[a-z]{2}/i;

/** True when the message is English: Latin words and no Japanese script at all. */
export function isEnglishText(text: string): boolean {
  return LATIN_WORD.test(text) && !JAPANESE.test(text);
}

const JAPANESE_G = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu;
const LATIN_WORD_G = /[a-z]{2,}/gi;

/**
 * True when an English message quotes a few Japanese words ("my 署名用 password is locked, I haven't
 * moved"): at least three English words and more Latin letters than twice the Japanese characters.
 * Such a message is read both ways, the English reading winning where both say something.
 */
export function isMostlyEnglish(text: string): boolean {
  if (text.length > 2000) return false;
  const words = text.match(LATIN_WORD_G);
  if (words === null || words.length < 3) return false;
  const ja = text.match(JAPANESE_G)?.length ?? 0;
  let latin = 0;
  for (const w of words) latin += w.length;
  return latin > 2 * ja;
}

const SPELLINGS: [RegExp, string][] = [
  [/[\u2018\u2019\u02bc`´]/g, "'"],
  [/(?<![a-z])(can|don|didn|doesn|isn|wasn|haven|hasn|hadn|won|wouldn|couldn|shouldn|aren|weren)t(?![a-z])/g, "$1't"],
  [/(?<![a-z])cannot(?![a-z])/g, "can't"],
  [/(?<![a-z])(it|that|there|what)s(?= )/g, "$1's"],
  [/(?<![a-z])(i)m(?= )/g, "$1'm"],
  [/(?<![a-z])(?:pls|plz|pleas|plese)(?![a-z])/g, "please"],
  [/(?<![a-z])(?:my ?number|my-number|mynumbr|mynumer)(?![a-z])/g, "my number"],
  [/(?<![a-z])e[ .]?tax(?![a-z])/g, "e-tax"],
  [/(?<![a-z])(?:pasword|passwrod|passwrd|passward|pass word|passcode|pass code|pw)(?![a-z])/g, "password"],
  [/(?<![a-z])(?:pin code|pin number|pincode|p\.i\.n\.?)(?![a-z])/g, "pin"],
  [/(?<![a-z])(?:certficate|certificat|certifcate|certificte|sertificate|certifikate|cert)(s?)(?![a-z])/g, "certificate$1"],
  [/(?<![a-z])(?:recieve|recive)/g, "receive"],
  [/(?<![a-z])(?:adress|addres|adres|adresse|addrss|adddress|addresss|adrress|addess)(?![a-z])/g, "address"],
  [/(?<![a-z])(?:lockd|lock out|loked)(?![a-z])/g, "locked"],
  [/(?<![a-z])(?:forgor|forgotted|fogot|frogot|forgt|forggot)(?![a-z])/g, "forgot"],
  [/(?<![a-z])(?:expird|expierd|exipred|expred)(?![a-z])/g, "expired"],
  [/(?<![a-z])(?:revokd|revocked|revoke)(?![a-z])/g, "revoked"],
  [/(?<![a-z])(?:renue|renw|reneww)(?![a-z])/g, "renew"],
  [/(?<![a-z])(?:4|four)[\- ]?(?:digits?|numbers?|nums?)(?![a-z])/g, "4-digit"],
  [/(?<![a-z])u(?![a-z'])/g, "you"],
  // Japanese terms an English message quotes (the bot's English replies give them in brackets).
  [/署名用(?:電子証明書)?/g, " signature certificate "],
  [/利用者証明用(?:電子証明書)?/g, " user certificate "],
  [/暗証番号/g, " pin "],
  [/引っ?越し?|転居|転入/g, " moved "],
  [/住所変更/g, " changed address "],
  [/結婚/g, " married "],
  [/失効/g, " revoked "],
  [/期限切れ/g, " expired "],
  [/更新/g, " renewal "],
  [/代理人?/g, " proxy "],
  [/在留(?:カード|かーど|期間|資格)?/g, " residence card "],
  [/(?<![a-z])r(?= (?:you|u)\b)/g, "are"],
];

let lastText: string | undefined;
let lastForm = "";

/** The English match form: matchForm plus folded spellings. Cached for the last text (read twice a turn). */
export function englishForm(text: string): string {
  if (text === lastText) return lastForm;
  let s = matchForm(text);
  for (const [re, to] of SPELLINGS) s = s.replace(re, to);
  lastText = text;
  lastForm = s;
  return s;
}

// ---------------------------------------------------------------------------------------------------------
// Clauses, negation, hypotheticals

const CLAUSE_BREAK = /[.,;!?\n]|(?<![a-z])(?:and|but|so|because|cause|cuz|though|although|however|then|also|plus)(?![a-z])/g;

/** The text from the start of the clause holding `index` up to `index` (at most 60 characters). */
function clauseBefore(t: string, index: number): string {
  const w = t.slice(Math.max(0, index - 60), index);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(w)) !== null) cut = m.index + m[0].length;
  return w.slice(cut);
}

const NEG_BEFORE = /(?:(?<![a-z])(?:not|never|no longer|nor|neither|hardly)|n't)(?:\s+[a-z'\-]+){0,3}\s*$/;
/** "isn't locked", "haven't moved", "i don't think it's expired", "not expired yet", "never moved". */
export function negatedBefore(t: string, index: number): boolean {
  return NEG_BEFORE.test(clauseBefore(t, index));
}

const HYPO_BEFORE =
  /(?<![a-z])(?:if|whether|will|would|might|may|could|gonna|going to|about to|before|afraid|worried|scared|worry|avoid|prevent|in case|what happens|don't want|how (?:many|long|to)|until|when does|when will|before it|can it|does it|is it)(?![a-z])/;
/** "what happens if it gets locked", "before it expires", "i'm worried it will lock". */
export function hypotheticalBefore(t: string, index: number): boolean {
  return HYPO_BEFORE.test(clauseBefore(t, index));
}

/** Hits neither negated nor (optionally) hypothetical. */
function positive(re: RegExp, t: string, hypo = true): Hit[] {
  return findAll(re, t).filter((h) => !negatedBefore(t, h.index) && !(hypo && hypotheticalBefore(t, h.index)));
}

function negated(re: RegExp, t: string): Hit[] {
  return findAll(re, t).filter((h) => negatedBefore(t, h.index));
}

// ---------------------------------------------------------------------------------------------------------
// Patterns

const B = "(?<![a-z])";
const E = "(?![a-z])";
const rxe = (src: string): RegExp => new RegExp(src, "g");

const PIN = "(?:pin|pins|password|passwords|code|passcode|number)";

// --- symptoms
const RE_LOST = rxe(
  `${B}(?:lost|lose|losing|misplaced|stolen|stole|dropped|left)${E}(?!\\s(?:my |the |a )?(?:pin|password|code|letter|paper|notice|note|memo|way|track|it at home|it home)${E})` +
    `|${B}(?:can't|couldn't|can not|could not|unable to|don't|didn't) find (?:my |the |our |her |his )?(?:my number |residence )?(?:card|wallet|purse|bag|it)${E}` +
    `|${B}(?:card|wallet|purse) (?:is |was |went |has gone |got )?(?:missing|gone|stolen)${E}|${B}missing (?:my number )?card${E}|${B}theft${E}|${B}pickpocket`,
);
/** "i'm lost", "a bit lost", "lost my password": not a lost card. */
const LOST_NOT_CARD_BEFORE = /(?:i'm|i am|im|bit|little|so|totally|completely|very|feel|feeling|kinda|kind of|really)\s$/;
const RE_LOST_PIN = rxe(`${B}(?:lost|lose|misplaced) (?:my |the |our )?(?:pin|password|code|letter with the pin|pin paper|password paper)`);
const RE_FOUND_AFTER = /^[^.!?\n]{0,30}?(?<![a-z])(?:found it|found the card|found my card|turned up|came back)/;

const RE_LOCKED = rxe(
  `${B}(?:locked|lock|locking|lockout|blocked|unlock|unlocking|unlocked)${E}|too many (?:wrong |incorrect |failed )?(?:attempts|tries|times|entries|mistakes)|${B}(?:exceeded|reached|hit|over) (?:the )?(?:limit|maximum|max)|limit exceeded|hjs0?432e`,
);
const RE_WRONG = rxe(
  `${B}(?:wrong|incorrect|invalid|mistyped|mis-typed|mistake|mistakes|typo)\\s(?:${PIN}|one|pin|number|again)${E}` +
    `|${B}${PIN} (?:is |was |were |are )?(?:wrong|incorrect|not correct|rejected|not accepted|didn't work|does not match|doesn't match|didn't match|mismatch|error)${E}` +
    `|${B}(?:entered|typed|put|input|inputted|inserted|used|tried|got|keyed|type|enter) (?:in )?(?:the |a |my |it )?(?:wrong|incorrect|wrongly|incorrectly|mistakenly)${E}` +
    `|${B}(?:[0-9]|one|two|three|four) (?:attempts?|tries|try|chances?) (?:left|remaining|more)${E}|${B}(?:failed|mistyped|wrong) (?:[0-9]|once|twice|three|four|two)${E}|doesn't match|does not match|didn't match|got it wrong|${B}(?:i )?(?:was |am )?wrong (?:[0-9]|once|twice|three|two|several|a few|many)`,
);
const RE_FORGOT = rxe(
  `${B}(?:forgot|forgotten|forget|forgetting|forgets)${E}|${B}(?:don't|do not|can't|can not|couldn't|didn't) (?:remember|recall|recollect)${E}|${B}(?:don't|do not|didn't) know (?:my |the |our |his |her |what (?:my |the )?)(?:${PIN}|4-digit|signature)` +
    `|no idea (?:what )?(?:my |the )?(?:${PIN}|4-digit)|${B}(?:${PIN}) (?:is )?(?:gone from my (?:head|memory)|slipped my mind)|${B}(?:lost|lose|misplaced) (?:my |the |our )?(?:pin|password|code)${E}`,
);
/** Forgot the card, to bring it, the date: not a PIN. */
const FORGOT_NOT_PIN_AFTER = /^\s(?:which|to (?:bring|take|renew|go|apply|book|make)|my card|the card|my wallet|(?:the |my )?(?:date|day|appointment|reservation|when)|it at home|at home)/;
const RE_WHICH = rxe(
  `${B}which (?:${PIN}|one|certificate|pins|passwords|is which)${E}|${B}what (?:is|'s) the difference|difference between|${B}how many (?:digits|characters|numbers|pins|passwords|letters)${E}|${B}what (?:${PIN}|password|pin) (?:do|should|to|is)|${B}(?:same|different) (?:${PIN}|pins|passwords)|${B}(?:pins?|passwords?) (?:are |is )?(?:the same|different)|${B}which one do i|confused about (?:the |my )?(?:pin|password)|${B}(?:pin|password) or (?:the )?(?:pin|password)|4-digit or|or (?:the )?4-digit|or (?:the )?signature|signature or|${B}(?:two|2|several|multiple) (?:pins|passwords|codes)${E}|${B}confus(?:ed|ing)${E}(?=[^.!?\\n]{0,25}(?:pin|password|code))|${B}(?:pin|password|code)s?${E}[^.!?\\n]{0,15}confus`,
);
const RE_DONE = rxe(
  `${B}(?:renewed|reissued|re-issued|updated|got (?:it |them |the certificate |my certificate |the card |a new card |a new one |new one )?(?:renewed|reissued|re-issued|updated)|did (?:the )?(?:renewal|update|reissue)|renewal (?:is |was )?(?:done|finished|completed|complete)|already renewed|after (?:the )?(?:renewal|renewing|reissue|updating|update)|just renewed|went to (?:the )?(?:city hall|ward office|city office|office) (?:and|to) (?:renew|renewed|update|updated|reissue))${E}`,
);
const RE_FAIL = rxe(
  `${B}(?:doesn't work|does not work|didn't work|not working|isn't working|won't work|still (?:get|gets|getting|shows?|showing|says|say|error|fails?|can't|doesn't|not|no good)|error|errors|can't (?:log|use|sign|login|submit|file|read)|unable to (?:log|use|sign|login)|fails|failed|failing|rejected|not accepted|doesn't accept|won't accept|same problem|same error|no good|useless)${E}`,
);
const RE_EXPIRED = rxe(
  `${B}(?:expired|expires? already|(?:is|are|was|has|got|already|been) expire|expire already|out of date|outdated|past (?:the |its |it's )?(?:expiry|expiration|due) date|expiry date (?:has |have )?passed|expiration date (?:has )?passed|passed (?:the |its )?(?:expiry|expiration)|no longer valid|validity (?:has )?ended|ran out|run out|has run out)${E}` +
    // "the validity period of my certificate is over", "expiry date is already past", "its validity ended"
    `|${B}(?:validity|valid period|validity period|expiry date|expiration date|expiry|expiration)${E}[^.!?,\\n]{0,40}?${B}(?:is|was|has|have|are|already) (?:already |now |been )?(?:over|ended|finished|past|up|gone by|passed)${E}`,
);
const RE_REVOKED = rxe(
  `${B}(?:revoked|revocation|invalidated|invalid|not valid|verification failed|failed to verify|failed verification|validation failed|could not be verified|couldn't be verified|can't be verified|ei123-?2008)${E}|${B}(?:certificate|certificates) (?:has been |have been |was |is |got )?(?:cancell?ed|canceled)${E}`,
);
const RE_EI_CODE = rxe("ei123-?2008|verification failed|failed to verify|could not be verified|couldn't be verified");
const RE_RENEWAL = rxe(
  `${B}(?:renew|renewal|renewing|(?:extend|update|updating|extending) (?:it|them|(?:the |my |our )?(?:my number |electronic |e-|digital |signature |user )?(?:certificates?|card)))${E}|${B}(?:about to|going to|gonna|will|soon|almost|nearly) (?:be )?expir(?:e|ed|ing)|${B}expir(?:es|ing|e) (?:soon|next|this|in|on|at|by|before|shortly)|${B}(?:expiry|expiration|renewal) (?:notice|letter|notification|date is (?:coming|near|close|soon))|${B}(?:got|received|receive|have) (?:a |the )?(?:letter|notice|notification) (?:about|for|saying|that)`,
);

// --- e-Tax and its own password (facts §10)
const RE_ETAX = rxe(`e-tax|${B}tax return|${B}tax filing|${B}filing (?:my )?tax|${B}kakutei|${B}file (?:my )?taxes|hjs0?432e`);
const RE_ETAX_PW = rxe(
  `e-tax(?:'s)? (?:login )?(?:password|pin|id)|(?:password|pin|id) (?:for|of) (?:the )?e-tax|${B}user (?:identification|id) (?:number|no)|${B}riyosha shikibetsu|${B}(?:id and password|id\\/password|id & password|id-password)`,
);

// --- certificates
const RE_SIG = rxe(
  `${B}(?:signature|signing|sign)${E}|${B}alphanumeric|letters and (?:numbers|digits)|letters & (?:numbers|digits)|numbers and letters|${B}6 ?(?:to|-|~) ?16${E}|(?<![0-9])(?:[6-9]|1[0-6])[- ]?(?:digits?|characters?|chars?|letters?)${E}|${B}(?:long|longer|longest) (?:one|password|pin)${E}|${B}upper ?case|${B}capital letters?|hjs0?432e`,
);
const RE_USER = rxe(
  `4-digit|${B}(?:user|users|user's) (?:certificate|cert|verification|authentication|identification certificate)|${B}user certificate|${B}(?:short|shorter) (?:one|pin|password)${E}|${B}identity verification|${B}login (?:pin|certificate|one)`,
);
const RE_MED_SIG = rxe(`e-tax|${B}tax${E}|${B}online application|${B}electronic (?:signature|application|filing)`);
const RE_MED_USER = rxe(
  `${B}(?:log ?in|logging in|sign in|mynaportal|myna portal|mynaportaru|myna-portal|convenience store|konbini|7-eleven|seven eleven|family ?mart|lawson|juminhyo|resident record|certificate of residence|health insurance|insurance card|hospital|clinic|pharmacy|doctor)`,
);
const RE_WEAK_SIG = rxe(`${B}passwords?${E}`);
const RE_BOTH = rxe(`${B}(?:both|all of them|both of them|either of them|neither|each of them|all pins|all passwords|all the pins|2 pins|two pins|all my pins)${E}`);
/**
 * The resident says they do not know which PIN is in trouble: "idk which pin it is", "no idea which one",
 * "not sure which password", "dunno what kind of pin". Read only with a PIN trouble and no PIN named.
 */
const RE_CERT_UNKNOWN = rxe(
  `${B}(?:i )?(?:don't know|do not know|didn't know|not sure|unsure|no idea|idk|dunno|no clue|can't tell|cannot tell|not certain|don't understand|no clue about)(?: about| of)? (?:which|what) (?:one|ones|pin|pins|password|passwords|code|codes|certificate|certificates|of them|of the (?:pins|passwords|two)|kind|type|number)${E}` +
    `|${B}which (?:one|pin|password|certificate)(?: it is| it was| is it)?\\?? (?:i )?(?:don't know|no idea|idk|dunno|not sure|no clue)${E}`,
);
const RE_JUKI = rxe(`${B}(?:juki|jukinet|juki-net|basic resident regist)`);
const RE_KENMEN = rxe(`${B}(?:kenmen|card surface|text input support|ticket surface)`);

// --- PIN known
const RE_KNOWN = rxe(
  `${B}(?:i )?(?:know|remember|recall|have it|have them|wrote it down|written down|noted|still know|still remember)${E}|${B}(?:is|it's) (?:fine|ok|okay)${E}`,
);

// --- basic information
const RE_BASIC_YES = rxe(
  `${B}(?:moved|relocated|move house|moved house|moving house)${E}|${B}move (?:to|from|in|out)[^.!?\\n]{0,30}?(?:last|ago|already|recently|yesterday|before)${E}|${B}changed (?:my |our |the |her |his )?(?:address|name|surname|last name|family name|family-name|residence|gender|sex)${E}|${B}(?:address|name|surname|last name) (?:has |have |was |is |got )?(?:changed|different now|updated)${E}|${B}(?:address|name) change${E}|${B}new (?:address|surname|last name|family name)${E}|${B}(?:got married|married|marriage|marry|divorced|divorce|wedding|maiden name)${E}|${B}took (?:my )?(?:husband's|wife's|partner's) (?:name|surname)`,
);
const BASIC_FUTURE_BEFORE = /(?<![a-z])(?:will|going to|gonna|plan(?:ning)? to|want to|wanna|about to|before|if|when i|soon)(?![a-z])[^.!?\n]{0,20}$/;
const RE_BASIC_NO = rxe(
  `${B}(?:no (?:change|changes)|nothing (?:has )?changed|nothing like that|same (?:address|name|surname)|(?:address|name) (?:is |are |stayed |stays |remains )?(?:still )?the same|still (?:live|living) (?:in )?(?:the same|same)|(?:haven't|have not|didn't|did not|never) (?:moved|move|changed|change|married|get married|got married|marry))${E}`,
);
const RE_REISSUED_SINCE = rxe(`${B}(?:then|after that|afterwards|later|since then)${E}[^.!?\\n]{0,30}?(?:renewed|reissued|re-issued|got a new)`);

// --- foreign residents
const RE_FOREIGN_YES = rxe(
  `${B}(?:visa|visas|residence card|zairyu|period of stay|status of residence|residence status|residency status|residence permit|foreigner|foreign|foreign resident|permanent resident|student visa|work visa|technical intern|specified skilled|refugee|not japanese|non-japanese|spouse visa|expat|gaijin)${E}`,
);
const RE_FOREIGN_NO = rxe(`${B}(?:i'm|i am|im) (?:a )?japanese${E}|${B}japanese (?:citizen|national|nationality)${E}`);
const RE_RESIDENCE = `(?:my |our |the |his |her )?(?:visa|residence card|zairyu card|zairyu|period of stay|status of residence|residence status|residency|residence permit)`;
const RE_RES_CHANGED = rxe(
  `${B}(?:renewed|extended|changed|updated|got|received) ${RE_RESIDENCE}${E}|${B}${RE_RESIDENCE} (?:was |has been |have been |is |got |just )?(?:renewed|extended|changed|updated|approved)${E}|${B}(?:got|received|have|picked up) (?:a |my |the )?(?:new visa|new residence card|new zairyu(?: card)?|new period of stay|new status of residence|permanent residency|permanent residence)${E}` +
    // "after renewing my period of stay", "since extending my visa": done, not pending.
    `|${B}(?:after|since|just finished|finished|done) (?:renewing|extending|changing|updating) ${RE_RESIDENCE}${E}`,
);
const RES_PENDING_BEFORE = /(?<![a-z])(?:will|need to|have to|must|going to|gonna|want to|applying|applied|apply|waiting|plan|before|should)(?![a-z])[^.!?\n]{0,20}$/;
const RE_RES_MASK = rxe(
  `${B}(?:renewed|renew|renewing|extended|extend|changed|updated|got|received) ${RE_RESIDENCE}${E}|${B}${RE_RESIDENCE}(?:'s)? (?:(?:is |was |has been |will be |got |just )?(?:renewed|extended|changed|updated|approved|expired|expiring|expires?|valid)|(?:expiry|expiration|renewal))${E}`,
);

// --- applicant
const FAMILY = "(?:mother|mom|mum|mama|father|dad|papa|husband|wife|spouse|partner|parents?|grandmother|grandma|grandfather|grandpa|brother|sister|sibling|aunt|uncle|friend|relative|family member|family|daughter-in-law|son-in-law|neighbor|neighbour|cousin|colleague|boss)";
const CHILD = "(?:child|children|kid|kids|son|daughter|baby|infant|toddler|minor)";
const KID_ADJ = "(?:[0-9]{1,2}[- ]?(?:year|yr)s?[- ]?old |little |young |youngest |eldest |oldest |baby |small )?";
const RE_LEGAL = rxe(
  `${B}(?:guardian|legal representative|legal guardian|parent of|custod|i'm (?:her|his|the) (?:mother|father|mom|dad|parent)|i am (?:her|his|the) (?:mother|father|mom|dad|parent))${E}|${B}for (?:my|our) ${KID_ADJ}${CHILD}(?:'s)?${E}|${B}(?:my|our) ${KID_ADJ}${CHILD}(?:'s)?${E}(?! (?:will|is going to|is gonna|can|could|goes|would))|${B}for (?:my|our) [0-9]{1,2}[- ]?(?:year|yr)s?[- ]?old${E}|${B}${CHILD}'s (?:card|pin|certificate|password)`,
);
const RE_PROXY = rxe(
  `${B}(?:proxy|representative|on (?:my|her|his|their) behalf|instead of (?:me|her|him|them)|(?:go|goes|going|come|comes|apply|visit)(?: there| to the (?:city hall|office|counter))? instead|in (?:my|her|his) place|for me${E}|someone else|somebody else|power of attorney|letter of attorney|delegat)` +
    `|${B}my (?:old |elderly |sick |older |younger |little |big |aged |disabled )?${FAMILY}(?:'s)?${E}|${B}for (?:my )?(?:old |elderly |sick |aged |disabled )?${FAMILY}${E}|${B}(?:she|he|they) (?:can't|can not|couldn't|is unable|are unable|is not able) (?:go|come|walk|leave)|${B}(?:in (?:the )?hospital|hospitali[sz]ed|bedridden|nursing home|care home)`,
);
const RE_SELF = rxe(`${B}(?:myself|by myself|in person|me myself|i (?:will|'ll|can|am going to|'m going to|go|gonna) go${E}|my own card)`);

// --- no signature certificate
const RE_AGE = /(?<![0-9])([0-9]{1,2}) ?(?:years? old|yrs? old|yo|y\/o|year-old|-year-old)(?![a-z])|(?<![a-z])(?:is|aged|age) ([0-9]{1,2})(?![0-9])/g;
const RE_UNDER15 = rxe(
  `${B}(?:under 15|under fifteen|younger than 15|less than 15|below 15|baby|babies|infant|newborn|toddler|kindergarten|nursery|preschool|elementary school|primary school|junior high|middle school|grade [1-9])${E}`,
);
const RE_ADULT_WARD = rxe(`${B}(?:adult ward|under guardianship|ward of|seinen koken)`);
const RE_FACE = rxe(`${B}(?:face (?:recognition|authentication|auth|id|verification)(?: only)? (?:card|my number card)|card (?:with|without) (?:a |any )?(?:no )?pin${E}|no pin (?:card|set)|(?:never|didn't|did not) set (?:a |any )?(?:pin|password)|face-auth)`);

// --- people, phones
const RE_WANTS_PERSON = rxe(
  `${B}(?:talk|speak|chat) (?:to|with) (?:a |an |the |some )?(?:real )?(?:person|human|someone|somebody|staff|operator|officer|agent|people)${E}|${B}(?:real person|human please|a human|call (?:the )?(?:city|office|staff|someone)|contact (?:the )?(?:city|office|staff)|operator|phone number (?:to call|for)|who (?:can|do) i (?:call|ask)|ask (?:the )?staff)${E}`,
);
const RE_PHONE = rxe(`${B}(?:phone|smartphone|smart phone|iphone|android|mobile|cellphone|cell phone|pixel|galaxy|xperia|aquos)${E}`);
const RE_NFC_NO = rxe(
  `${B}(?:no |don't have (?:a |any |an )?|do not have (?:a |any |an )?|don't own (?:a |any |an )?|do not own (?:a |any |an )?|don't use (?:a |any |an )?|haven't got (?:a |any |an )?|without (?:a |any |an )?)(?:smartphone|smart phone|smartphones|iphone|android|nfc|mobile phone|cell phone|cellphone|phone)${E}(?! (?:number|numbers|call|calls|line))|${B}(?:flip phone|feature phone|garakei|keitai|old-style phone)${E}|${B}(?:phone|smartphone|iphone|android) (?:doesn't|does not|don't|can't|cannot|won't) (?:support|have|do|read|scan|recogni[sz]e)(?: (?:the )?(?:nfc|card|it))?${E}|${B}(?:no|without) nfc${E}|${B}nfc (?:doesn't|does not|don't|isn't) work`,
);
const RE_NFC_UNKNOWN = rxe(
  `${B}(?:not sure|don't know|do not know|no idea|unsure|idk|dunno)(?: if| whether| about)?[^.!?\\n]{0,24}?(?:nfc|support|read the card|read cards|scan)|${B}nfc\\?|${B}what is nfc|${B}old (?:phone|iphone|android|smartphone)${E}|${B}(?:phone|smartphone|iphone|android) is (?:very |quite |pretty |really |a bit |kind of )?old${E}`,
);
const RE_NFC_YES = rxe(
  `${B}nfc${E}|${B}(?:iphone|android|pixel|galaxy|xperia|aquos)${E}|${B}(?:have|got|use|using|own) (?:a |an |my )?(?:smartphone|smart phone)${E}|${B}(?:phone|smartphone) (?:supports|has|can read|reads|read) `,
);
/** Reading the card, counted only in a message about a phone. */
const RE_NFC_READ_NO = rxe(`${B}(?:can't|unable to|doesn't|won't|couldn't|does not) (?:read|scan|recogni[sz]e) (?:the |my )?card`);
const RE_NFC_READ_YES = rxe(`${B}(?:can|could|does|did) (?:read|scan) (?:the |my )?card`,
);

// --- counts
const NUMBER_WORDS: Record<string, number> = {
  once: 1, twice: 2, thrice: 3, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  zero: 0, no: 0,
};
const RE_COUNT = /(?<![a-z0-9.\/\-])([0-9]{1,2}|once|twice|thrice|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s?x(?![a-z])|\s(?:times?|tries|try|attempts?|wrong|incorrect|in a row|mistakes?|failures?|failed)(?![a-z])|(?<=once|twice|thrice)(?![a-z]))/g;
const ATTEMPT_NEAR = /(?<![a-z])(?:wrong|incorrect|mistake|mistyped|typed|entered|enter|input|tried|try|tries|attempts?|failed|fail|locked|lock|error|times)(?![a-z])/;
const RE_REMAINING = /(?<![a-z0-9])([0-9]|one|two|three|four|five) (?:more )?(?:attempts?|tries|try|chances?|times?) (?:left|remaining|more)(?![a-z])|(?<![a-z])(?:only |just )?([0-9]|one|two|three|four|five) (?:left|remaining)(?![a-z])/;
const RE_SEVERAL = rxe(`${B}(?:a few|few|a couple(?: of)?|couple(?: of)?|several|some|multiple|2 or 3|2-3|two or three|3 or 4|a number of)(?: (?:times|tries|attempts|wrong))?${E}`);
const RE_MANY = rxe(`${B}(?<!how )(?:many times|so many|too many|lots of times|lots|a lot|countless|many many|loads of times|numerous times|dozens)${E}`);
const RE_COUNT_UNKNOWN = rxe(`${B}(?:don't know|not sure|no idea|lost count|don't remember|can't remember) how many${E}`);
const RE_NEVER_WRONG = rxe(`${B}(?:never|not once|haven't|have not|didn't|did not) (?:even )?(?:entered|typed|got|put|input|tried|made)?\\s?(?:it |the |a )?(?:wrong|incorrect|a mistake|mistakes|wrongly)${E}`);

// --- dates
const RE_ISSUED_WORD = rxe(
  `${B}(?:renewed|reissued|re-issued|issued|updated|received|picked up|got (?:it|them|the card|my card|a new card|the new card|the certificate|it renewed|it updated|renewed|reissued)|did (?:the )?(?:renewal|update|procedure)|went to (?:the )?(?:city hall|ward office|city office|office|counter)|made (?:it|the card|my card))${E}`,
);
const RE_ISSUED_TOPIC = rxe(`${B}(?:renewal|reissue|issue|issued|renewed) (?:date |day )?(?:was|is|on)${E}`);
const RE_EXPIRY_WORD = rxe(`${B}(?:expir\\w*|valid (?:until|till|thru|through|to)|until|till|due|deadline|runs out|run out|ends|end|good until|validity|expiry)${E}`);
const RE_CARD_WORD = rxe(`${B}(?:card(?:'s)?|the card itself|card itself)${E}`);
const RE_CERT_WORD = rxe(`${B}(?:certificate|certificates|signature|4-digit)${E}`);
/** "the card expires", "my card's expiry", "card is expired": the card's own expiry. */
const RE_ABOUT_CARD = rxe(
  `${B}card(?:'s| itself)? (?:expiry|expiration|validity|valid|is valid|expires?|expired|has expired|is expired|is expire|will expire|renewal)${E}|${B}(?:expiry|expiration) (?:date )?of (?:the |my )?card${E}|${B}renew (?:the |my )?card${E}`,
);

// ---------------------------------------------------------------------------------------------------------

type Kind = "signature" | "user";

/**
 * The clauses of a text: sentences split at . ! ? ; and line breaks, then at "but" (and, with `fine`,
 * at commas and "and" too).
 */
function clauses(t: string, fine = false): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = fine
    ? /[.!?;,\n]+|(?<![a-z])(?:but|however|though|although|and|while|whereas)(?![a-z])/g
    : /[.!?;\n]+|(?<![a-z])(?:but|however|though|although)(?![a-z])/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (t.length > start) out.push({ start, end: t.length });
  return out;
}

interface PinStatus {
  sigProblem: boolean;
  userProblem: boolean;
  sigKnown?: "yes" | "no";
  userKnown?: "yes" | "no";
}

/**
 * Which PIN each statement is about: per clause, the kinds named in it (4-digit, signature, both) take
 * its statements (forgot / locked / wrong / know); a clause with statements but no kind takes the kinds of
 * the clause before, or of the next clause naming one ("i forgot it. the 4-digit one").
 */
function analysePins(t: string): PinStatus {
  const res: PinStatus = { sigProblem: false, userProblem: false };
  // "password" alone hints at the signature PIN, but not in a message that names the 4-digit one
  // ("wrong password error on my card, the 4 digit"): there it is the resident's word for that PIN.
  const weakSig = !has(RE_USER, t);
  let last: Kind[] = [];
  // Kinds named in a clause with no statement wait for the next statement: "the 4-digit and the
  // signature are locked", "the 4-digit pin, i forgot it".
  let waiting: Kind[] = [];
  let orphan: ("forgot" | "locked" | "wrong" | "known")[] = [];
  const apply = (kinds: Kind[], st: "forgot" | "locked" | "wrong" | "known"): void => {
    for (const k of kinds) {
      if (st === "known") {
        if (k === "signature") res.sigKnown = "yes";
        else res.userKnown = "yes";
        continue;
      }
      if (k === "signature") res.sigProblem = true;
      else res.userProblem = true;
      if (st === "forgot") {
        if (k === "signature") res.sigKnown = "no";
        else res.userKnown = "no";
      }
    }
  };
  for (const c of clauses(t, true)) {
    const s = t.slice(c.start, c.end);
    const kinds: Kind[] = [];
    if (has(RE_BOTH, s)) kinds.push("signature", "user");
    else {
      if (has(RE_SIG, s) || (weakSig && has(RE_WEAK_SIG, s) && !has(RE_MED_USER, s))) kinds.push("signature");
      if (has(RE_USER, s)) kinds.push("user");
    }
    const states: ("forgot" | "locked" | "wrong" | "known")[] = [];
    const forgot = findAll(RE_FORGOT, s).filter((h) => !FORGOT_NOT_PIN_AFTER.test(s.slice(h.end, h.end + 20)));
    if (forgot.some((h) => !negatedBefore(s, h.index))) states.push("forgot");
    else if (forgot.length > 0) states.push("known");
    if (positive(RE_LOCKED, s).length > 0) states.push("locked");
    if (positive(RE_WRONG, s).length > 0) states.push("wrong");
    if (!states.includes("forgot") && positive(RE_KNOWN, s, false).length > 0) states.push("known");
    if (negated(RE_KNOWN, s).length > 0 && !states.includes("forgot")) {
      for (const k of kinds) {
        if (k === "signature") res.sigKnown = "no";
        else res.userKnown = "no";
      }
    }
    if (states.length === 0) {
      if (kinds.length > 0 && orphan.length > 0) {
        for (const o of orphan) apply(kinds, o);
        orphan = [];
      }
      if (kinds.length > 0) {
        last = kinds;
        waiting = [...new Set([...waiting, ...kinds])];
      }
      continue;
    }
    const group = waiting.length > 0 ? [...new Set([...waiting, ...kinds])] : kinds.length > 0 ? kinds : last;
    waiting = [];
    if (group.length === 0) {
      orphan.push(...states);
      continue;
    }
    for (const st of states) apply(group, st);
    last = group;
  }
  return res;
}

function tierCertificate(t: string): Kind | "both" | undefined {
  const tiers: [boolean, boolean][] = [
    [has(RE_SIG, t), has(RE_USER, t)],
    [has(RE_MED_SIG, t), has(RE_MED_USER, t)],
    [has(RE_WEAK_SIG, t), false],
  ];
  for (const [sig, user] of tiers) {
    if (sig && user) return "both";
    if (sig) return "signature";
    if (user) return "user";
  }
  return undefined;
}

function detectLost(t: string): boolean {
  return findAll(RE_LOST, t).some((h) => {
    if (negatedBefore(t, h.index) || hypotheticalBefore(t, h.index)) return false;
    if (LOST_NOT_CARD_BEFORE.test(t.slice(Math.max(0, h.index - 12), h.index))) return false;
    if (/^(?:left|dropped)$/.test(h.text) && !/^\s(?:my |the |our )?(?:my number )?(?:card|wallet|purse|bag)/.test(t.slice(h.end, h.end + 24))) return false;
    if (/^lose|^losing/.test(h.text)) return false;
    if (has(RE_LOST_PIN, t.slice(h.index, h.index + 30)) && /^lost|^lose|^misplaced/.test(h.text)) return false;
    return !RE_FOUND_AFTER.test(t.slice(h.end, h.end + 40));
  });
}

function doneThenFailing(t: string): boolean {
  const done = positive(RE_DONE, t, false);
  if (done.length === 0) return false;
  const fails = positive(RE_FAIL, t, false);
  return done.some((d) => fails.some((f) => (f.index >= d.end && f.index - d.end <= 90) || (f.end <= d.index && d.index - f.end <= 60)));
}

function detectSymptom(t: string): Symptom | undefined {
  if (detectLost(t)) return "lost-card";
  // "how do i unlock it" is locked; "it isn't locked" is not.
  if (positive(RE_LOCKED, t).length > 0) return "locked";
  if (positive(RE_WRONG, t).length > 0) return "wrong-pin";
  const forgot = findAll(RE_FORGOT, t).some(
    (h) => !negatedBefore(t, h.index) && !hypotheticalBefore(t, h.index) && !FORGOT_NOT_PIN_AFTER.test(t.slice(h.end, h.end + 20)),
  );
  if (forgot) return "forgot-pin";
  if (has(RE_WHICH, t)) return "which-pin";
  if (doneThenFailing(t)) return "not-working-after-renewal";
  const revoked = positive(RE_REVOKED, t, false).length > 0;
  const expired = positive(RE_EXPIRED, t).length > 0;
  if (expired) return "expired";
  if (revoked) return "revoked";
  if (positive(RE_RENEWAL, t, false).length > 0) return "renewal";
  return undefined;
}

function detectBasicInfo(t: string): YesNoUnknown | undefined {
  let neg = false;
  for (const h of findAll(RE_BASIC_YES, t)) {
    if (negatedBefore(t, h.index)) {
      neg = true;
      continue;
    }
    if (BASIC_FUTURE_BEFORE.test(clauseBefore(t, h.index))) continue;
    return "yes";
  }
  if (neg || has(RE_BASIC_NO, t)) return "no";
  return undefined;
}

function wordNumber(w: string | undefined): number | undefined {
  if (w === undefined) return undefined;
  if (/^[0-9]+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

interface Counts {
  wrong?: number | "unknown";
  remaining?: number;
}

function detectCounts(t: string): Counts {
  const out: Counts = {};
  const rem = RE_REMAINING.exec(t);
  if (rem) out.remaining = wordNumber(rem[1] ?? rem[2]);
  let max = -1;
  for (const h of findAll(RE_COUNT, t)) {
    const n = wordNumber(h.groups[0]);
    if (n === undefined) continue;
    if (rem && h.index >= rem.index && h.index < rem.index + rem[0].length) continue;
    const near = t.slice(Math.max(0, h.index - 30), Math.min(t.length, h.end + 30));
    if (!ATTEMPT_NEAR.test(near.replace(/times?/, ""))) {
      if (!/(?:times?|tries|attempts?|wrong|incorrect|mistakes?|failed)/.test(h.text)) continue;
      if (!/(?:tries|attempts?|wrong|incorrect|mistakes?|failed)/.test(h.text) && !ATTEMPT_NEAR.test(near.replace(h.text, ""))) continue;
    }
    if (hypotheticalBefore(t, h.index)) continue;
    if (negatedBefore(t, h.index)) continue;
    max = Math.max(max, n);
  }
  if (max >= 0) out.wrong = Math.min(5, max);
  else if (has(RE_NEVER_WRONG, t)) out.wrong = 0;
  else if (has(RE_COUNT_UNKNOWN, t) || (has(RE_MANY, t) && ATTEMPT_NEAR.test(t))) out.wrong = "unknown";
  return out;
}

function detectNfc(t: string): YesNoUnknown | undefined {
  if (has(RE_NFC_UNKNOWN, t)) return "unknown";
  if (has(RE_NFC_NO, t)) return "no";
  const phone = has(RE_PHONE, t);
  if (phone && has(RE_NFC_READ_NO, t)) return "no";
  if (positive(RE_NFC_YES, t, false).length > 0) return "yes";
  if (phone && positive(RE_NFC_READ_YES, t, false).length > 0) return "yes";
  if (has(RE_PHONE, t) && negated(RE_NFC_YES, t).length > 0) return "no";
  return undefined;
}

function firstAtOrAfter(words: Hit[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid]?.index ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Distance from a date to the nearest word of the list within [lo, hi), or Infinity. */
function distance(words: Hit[], from: number, to: number, lo: number, hi: number): number {
  const i = firstAtOrAfter(words, to);
  let best = Infinity;
  const after = words[i];
  if (after !== undefined && after.index < hi) best = after.index - to;
  const before = words[i - 1];
  if (before !== undefined && before.end > lo) best = Math.min(best, before.end <= from ? from - before.end : 0);
  return best;
}

function detectDates(t: string, today: string, facts: Partial<Facts>): void {
  const hits: DateHit[] = findDates(t, today);
  if (hits.length === 0) return;
  const issued = [...findAll(RE_ISSUED_WORD, t), ...findAll(RE_ISSUED_TOPIC, t)].sort((a, b) => a.index - b.index);
  const expiry = findAll(RE_EXPIRY_WORD, t);
  const cards = findAll(RE_CARD_WORD, t);
  const certs = findAll(RE_CERT_WORD, t);
  const sents = clauses(t.replace(/(?<![a-z])(?:but|however|though|although)(?![a-z])/g, (m) => " ".repeat(m.length)));
  for (const h of hits) {
    const s = sents.find((c) => h.index >= c.start && h.index < c.end) ?? { start: 0, end: t.length };
    const lo = Math.max(s.start, h.index - 40);
    const hi = Math.min(s.end, h.end + 40);
    const dI = distance(issued, h.index, h.end, lo, hi);
    const dE = distance(expiry, h.index, h.end, lo, hi);
    let role: "issued" | "expiry" | undefined;
    if (dI < dE) role = "issued";
    else if (dE < Infinity) role = "expiry";
    else if (!h.relative && expiry.length > 0) role = "expiry";
    if (role === "issued") {
      const date = h.yearless ? previousOccurrence(today, h.yearless.m, h.yearless.d) : h.date;
      if (date !== undefined && facts.issuedOn === undefined) facts.issuedOn = date;
      continue;
    }
    if (role !== "expiry") continue;
    const lastBefore = (words: Hit[]): number => {
      const w = words[firstAtOrAfter(words, h.index) - 1];
      return w !== undefined && w.index >= s.start ? w.index : -1;
    };
    const firstAfter = (words: Hit[]): number => {
      const w = words[firstAtOrAfter(words, h.end)];
      return w !== undefined && w.index < s.end ? w.index : Infinity;
    };
    const cb = lastBefore(cards);
    const eb = lastBefore(certs);
    const isCard = cb >= 0 || eb >= 0 ? cb > eb : firstAfter(cards) < firstAfter(certs);
    if (isCard) {
      facts.aboutCard = true;
      if (h.date !== undefined) facts.cardExpiry ??= h.date;
      else if (h.month !== undefined) facts.cardExpiryMonth ??= h.month;
    } else if (h.date !== undefined) facts.certExpiry ??= h.date;
    else if (h.month !== undefined) facts.certExpiryMonth ??= h.month;
  }
  if (facts.certExpiry !== undefined) delete facts.certExpiryMonth;
  if (facts.cardExpiry !== undefined) delete facts.cardExpiryMonth;
}

/** Every fact an English message carries (the text is already PII-redacted). */
export function extractEnglish(text: string, today: string): Partial<Facts> {
  const t0 = englishForm(text);
  const facts: Partial<Facts> = {};
  if (t0.length === 0) return facts;
  if (has(RE_ETAX, t0)) facts.eTax = true;
  if (has(RE_ETAX_PW, t0)) facts.etaxPassword = true;
  const t = facts.etaxPassword ? t0.replace(RE_ETAX_PW, "[etax-pw]") : t0;

  // Foreign residents first: renewing a visa is not renewing a certificate.
  if (positive(RE_FOREIGN_YES, t, false).length > 0) facts.foreignResident = "yes";
  else if (has(RE_FOREIGN_NO, t) || negated(RE_FOREIGN_YES, t).length > 0) facts.foreignResident = "no";
  if (positive(RE_RES_CHANGED, t, false).some((h) => !RES_PENDING_BEFORE.test(clauseBefore(t, h.index)))) {
    facts.residenceStatusChanged = true;
    facts.foreignResident = "yes";
  }
  // The mask keeps the date words ("my visa expires on …" still gives the expiry, as 在留期間 does).
  const masked = t.replace(RE_RES_MASK, (m) => (/expir|valid/.test(m) ? "[residence] expires" : "[residence]"));

  if (has(RE_JUKI, t)) facts.otherPin = "jukinet";
  else if (has(RE_KENMEN, t)) facts.otherPin = "kenmen";

  let symptom = detectSymptom(masked.replace(/\[residence\] expires/g, "[residence] until"));
  // e-Tax's own password: forgetting or locking it is no card PIN's trouble (facts §10).
  if (facts.etaxPassword && (symptom === "forgot-pin" || symptom === "locked" || symptom === "wrong-pin")) {
    const rest = t.replace(/\[etax-pw\]/g, " ");
    if (!has(RE_SIG, rest) && !has(RE_USER, rest) && !/(?<![a-z])(?:card|pin)(?![a-z])/.test(rest)) symptom = undefined;
  }
  const pins = analysePins(t);
  if (pins.sigKnown !== undefined) facts.signaturePinKnown = pins.sigKnown;
  if (pins.userKnown !== undefined) facts.userPinKnown = pins.userKnown;
  const dropFour = facts.otherPin !== undefined;
  let certificate: CertificateKind | undefined;
  const sigP = pins.sigProblem;
  const userP = pins.userProblem && !dropFour;
  if (sigP && !userP) certificate = "signature";
  else if (userP && !sigP) certificate = "user";
  else if (!sigP && !userP) {
    const pinTrouble = symptom === "locked" || symptom === "forgot-pin" || symptom === "wrong-pin";
    const ignore: Kind | undefined =
      !pinTrouble ? undefined
      : pins.sigKnown === "yes" && pins.userKnown !== "yes" ? "signature"
      : pins.userKnown === "yes" && pins.sigKnown !== "yes" ? "user"
      : undefined;
    const tier = tierCertificate(dropFour ? t.replace(/4-digit/g, " ") : t);
    if ((tier === "signature" || tier === "user") && tier !== ignore) certificate = tier;
  }
  if (/hjs0?432e/.test(t) && !userP) certificate = "signature";
  const pinTroubleSymptom = symptom === "locked" || symptom === "forgot-pin" || symptom === "wrong-pin";
  // "idk which pin it is": unknown, unless a PIN is named or hinted by more than the bare word "password".
  if (pinTroubleSymptom && has(RE_CERT_UNKNOWN, t) && !has(RE_SIG, t) && !has(RE_USER, t) && !has(RE_MED_SIG, t) && !has(RE_MED_USER, t)) {
    certificate = "unknown";
  }
  if (certificate !== undefined) facts.certificate = certificate;

  let basic = detectBasicInfo(t);
  if (basic === "yes" && has(RE_REISSUED_SINCE, t)) basic = "no";
  if (basic !== undefined) facts.basicInfoChanged = basic;

  if (/hjs0?432e/.test(t) && symptom !== "lost-card") symptom = "locked";
  if (symptom === "expired" || symptom === "revoked") {
    const revoked = positive(RE_REVOKED, masked, false).length > 0;
    const expired = positive(RE_EXPIRED, masked).length > 0;
    if (expired) symptom = revoked && basic === "yes" ? "revoked" : "expired";
    else if (revoked || has(RE_EI_CODE, masked)) symptom = "revoked";
  }

  const counts = detectCounts(masked);
  const limit = facts.certificate === "signature" ? 5 : facts.certificate === "user" || facts.otherPin !== undefined ? 3 : undefined;
  if (counts.wrong !== undefined) facts.wrongAttempts = counts.wrong;
  else if (counts.remaining !== undefined && limit !== undefined && counts.remaining <= limit) facts.wrongAttempts = limit - counts.remaining;
  if (symptom === undefined && typeof facts.wrongAttempts === "number" && facts.wrongAttempts > 0) symptom = "wrong-pin";
  if (symptom === undefined && basic === "yes" && facts.certificate !== "user" && positive(RE_FAIL, masked, false).length > 0) symptom = "revoked";
  if ((symptom === "wrong-pin" || symptom === undefined) && limit !== undefined && typeof facts.wrongAttempts === "number" && facts.wrongAttempts >= limit) {
    symptom = "locked";
  }
  if (symptom !== undefined) facts.symptom = symptom;

  const pinSymptom = symptom === "locked" || symptom === "forgot-pin" || symptom === "wrong-pin";
  if ((sigP && userP && pinSymptom) || (has(RE_BOTH, t) && (symptom === "locked" || symptom === "forgot-pin") && !has(RE_WHICH, t))) {
    facts.bothPins = true;
    delete facts.certificate;
    if (symptom === "forgot-pin") {
      facts.signaturePinKnown ??= "no";
      facts.userPinKnown ??= "no";
    }
  }

  detectDates(masked, today, facts);
  if (has(RE_ABOUT_CARD, masked)) facts.aboutCard = true;

  if (has(RE_ADULT_WARD, t)) facts.noSignatureReason = "adult-ward";
  else if (has(RE_FACE, t)) facts.noSignatureReason = "face-auth-card";
  else if (under15(t)) facts.noSignatureReason = "under-15";

  if (has(RE_ADULT_WARD, t) || has(RE_LEGAL, t)) facts.applicant = "legal-representative";
  else if (positive(RE_PROXY, t, false).length > 0) facts.applicant = "proxy";
  else if (has(RE_SELF, t)) facts.applicant = "self";

  if (positive(RE_WANTS_PERSON, t, false).length > 0) facts.wantsPerson = true;

  const nfc = detectNfc(t);
  if (nfc !== undefined) facts.nfcSmartphone = nfc;
  return facts;
}

const RE_PERSON_BEFORE = new RegExp(`${B}(?:${CHILD}|she|he|she's|he's|i'm|i am|im|they|they're)${E}`);

/** A child under 15: "my son is 10", "she's 8 years old", "a baby", "elementary school". */
function under15(t: string): boolean {
  if (has(RE_UNDER15, t)) return true;
  for (const h of findAll(RE_AGE, t)) {
    const n = Number(h.groups[0] ?? h.groups[1]);
    if (!(n < 15)) continue;
    // A person's age, not a card's: "my son is 10", "she is 8 years old", "a 10-year-old".
    const before = t.slice(Math.max(0, h.index - 24), h.index);
    const noun = h.groups[0] !== undefined && /(?<![a-z])(?:my|our|a|an)\s$/.test(before); // "my 8 year old"
    if (!RE_PERSON_BEFORE.test(before) && !noun && !/^[0-9]{1,2} ?-?year-old/.test(h.text)) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Answers to an open question

const RE_UNKNOWN = rxe(
  `${B}(?:i )?(?:don't know|do not know|dont know|not sure|unsure|no idea|idk|dunno|no clue|not certain|can't remember|don't remember|do not remember|can't recall|forgot|forget|forgotten|maybe|perhaps|i guess|not clear|unknown|who knows|hmm+|\\?+)${E}|^\\?+$`,
);
const RE_YES = rxe(
  `^(?:y|ya|ye|yes+|yeah|yea|yep|yup|yess|sure|ok|okay|correct|right|true|of course|definitely|absolutely|affirmative|i do|i did|i have|i know|that's right|indeed|exactly|probably)${E}|${B}(?:yes|yeah|yep|yup|of course|i do|i did|i have|correct|that's right|i know it|i remember|i think so|think so|i believe so|should be)${E}`,
);
const RE_NO = rxe(
  `^(?:n|no+|nope|nah|nop|not really|never|none|negative|not at all|wrong)${E}|${B}(?:no|nope|nah|not really|i don't|i didn't|i haven't|i do not|i did not|i have not|none|never|nothing)${E}`,
);
const RE_OTHER = rxe(`${B}(?:other|something else|none of (?:these|them|those|the above)|else|different problem|another problem|not listed)${E}`);
const RE_ANS_SIG = rxe(`${B}(?:signature|sign|signing|alphanumeric|letters|long|longer|longest|6|6 ?- ?16|6 to 16|e-tax|tax|password)${E}|(?<![0-9])(?:[6-9]|1[0-6])[- ]?(?:digits?|characters?|chars?)${E}`);
const RE_ANS_USER = rxe(`4-digit|^4$|${B}(?:user|short|shorter|login|log in|mynaportal|myna portal|convenience store|health insurance|four)${E}`);
const RE_ANS_SELF = rxe(`${B}(?:me|myself|i|i'll|i will|self|by myself|in person|i'm going|i am going|my own)${E}`);
const RE_ANS_LEGAL = rxe(`${B}(?:guardian|legal|parent|child|children|kid|son|daughter|minor|baby|my kid)${E}`);
const RE_ANS_PROXY = rxe(`${B}(?:proxy|representative|someone else|somebody else|family|${FAMILY})${E}`);
const RE_ANS_FOREIGN = rxe(
  `${B}(?:foreign|foreigner|visa|residence card|not japanese|non-japanese|zairyu|permanent resident|(?:i'm|i am|im) from (?!japan)[a-z]+|(?:vietnamese|chinese|filipino|filipina|nepali|nepalese|korean|brazilian|indonesian|indian|american|british|peruvian|thai|burmese|myanmar|sri lankan|bangladeshi|pakistani|mongolian|taiwanese|french|german|australian|canadian))${E}`,
);
const RE_ANS_JAPANESE = rxe(`${B}(?:japanese|japanese citizen|japanese national)${E}`);
const RE_ANS_UNDER15 = rxe(`${B}(?:child|kid|son|daughter|baby|under 15|under fifteen|minor|young)${E}`);
const RE_ANS_WARD = rxe(`${B}(?:ward|guardianship)${E}`);
const RE_ANS_FACE = rxe(`${B}(?:face|no pin)${E}`);

function yesNo(t: string): "yes" | "no" | undefined {
  if (has(RE_NO, t)) return "no";
  if (has(RE_YES, t)) return "yes";
  return undefined;
}

/** A count answer: "3", "three times", "twice", "none", "2 tries left" (with the certificate known). */
function countAnswer(t: string, facts: Partial<Facts> | undefined): number | "unknown" | null | undefined {
  const rem = RE_REMAINING.exec(t);
  if (rem) {
    const remaining = wordNumber(rem[1] ?? rem[2]);
    const cert = facts?.certificate;
    const limit = cert === "signature" ? 5 : cert === "user" || facts?.otherPin !== undefined ? 3 : undefined;
    return limit !== undefined && remaining !== undefined && remaining <= limit ? limit - remaining : null;
  }
  if (has(RE_NEVER_WRONG, t) || /^(?:0|zero|none|never|not (?:even )?once|not yet|none yet|no times?|no mistakes?)(?![a-z0-9])/.test(t)) return 0;
  if (has(RE_COUNT_UNKNOWN, t) || has(RE_MANY, t)) return "unknown";
  if (has(RE_SEVERAL, t)) return null;
  let max = -1;
  for (const m of t.matchAll(/(?<![a-z0-9])([0-9]+|once|twice|thrice|one|two|three|four|five|six|seven|eight|nine|ten)(?![a-z0-9])/g)) {
    const w = m[1] ?? "";
    if (/^[0-9]+$/.test(w) && w.length > 2) return null; // a year, a PIN or noise — never echo it
    const n = wordNumber(w);
    if (n !== undefined) max = Math.max(max, n);
  }
  if (max >= 0) return Math.min(5, max);
  if (has(RE_UNKNOWN, t)) return "unknown";
  if (has(RE_NO, t)) return 0;
  return undefined;
}

function dateAnswer(t: string, today: string, past: boolean): string | undefined {
  const hits = findDates(t, today);
  const full = hits.find((h) => h.date !== undefined);
  if (full?.date !== undefined) {
    if (past && full.yearless) return previousOccurrence(today, full.yearless.m, full.yearless.d);
    return full.date;
  }
  if (hits.length > 0) return undefined;
  if (has(RE_UNKNOWN, t)) return "unknown";
  return undefined;
}

const RE_ANS_BOTH = rxe(`${B}(?:both|both of them|all of them|each of them|the two|two of them|both pins|both passwords|2 pins|two pins|all pins|all my pins|all the pins)${E}`);

/** True when an English answer to "which PIN?" says both of them ("both", "both of them", "the two"). */
export function englishSaysBoth(text: string): boolean {
  const t = englishForm(text);
  return has(RE_ANS_BOTH, t) && !has(RE_WHICH, t) && negated(RE_ANS_BOTH, t).length === 0;
}

/** True when an English count answer says "some times" without a number ("a few times"). */
export function englishSeveral(text: string): boolean {
  const t = englishForm(text);
  return has(RE_SEVERAL, t) && !has(RE_MANY, t);
}

/**
 * An English typed answer to the question about `slot` → the slot's value; undefined when English words
 * do not answer it (then the Japanese reading is tried: digits, dates, "yes"/"no" are read there too);
 * null when the text is an answer that gives no value ("a few times", "2 tries left" with no certificate).
 */
export function parseEnglishAnswer(slot: Slot, text: string, today: string, facts?: Partial<Facts>): string | number | null | undefined {
  const t = englishForm(text);
  if (t.length === 0) return undefined;
  switch (slot) {
    case "symptom": {
      const f = extractEnglish(text, today);
      if (f.symptom !== undefined) return f.symptom;
      if (f.etaxPassword) return undefined;
      if (has(RE_OTHER, t) || has(RE_UNKNOWN, t)) return "other";
      return undefined;
    }
    case "certificate": {
      if (has(RE_BOTH, t)) return undefined;
      if (has(RE_UNKNOWN, t) && !has(RE_SIG, t) && !has(RE_USER, t)) return "unknown";
      const sig = has(RE_ANS_SIG, t);
      const user = has(RE_ANS_USER, t);
      if (sig && !user) return "signature";
      if (user && !sig) return "user";
      if (has(RE_SIG, t) && !has(RE_USER, t)) return "signature";
      if (has(RE_USER, t) && !has(RE_SIG, t)) return "user";
      return undefined;
    }
    case "basicInfoChanged": {
      if (/(?<![a-z])not (?:that i know|as far as i know|that i remember)/.test(t)) return "no";
      const b = detectBasicInfo(t);
      if (b !== undefined) return b;
      if (has(RE_UNKNOWN, t)) return "unknown";
      return yesNo(t);
    }
    case "signaturePinKnown":
    case "userPinKnown": {
      const forgot = findAll(RE_FORGOT, t);
      if (forgot.length > 0) return forgot.every((h) => negatedBefore(t, h.index)) ? "yes" : "no";
      if (has(RE_UNKNOWN, t)) return "no";
      if (negated(RE_KNOWN, t).length > 0) return "no";
      if (positive(RE_KNOWN, t, false).length > 0) return "yes";
      return yesNo(t);
    }
    case "nfcSmartphone": {
      if (has(RE_NFC_UNKNOWN, t)) return "unknown";
      const nfc = detectNfc(t);
      if (nfc !== undefined) return nfc;
      if (has(RE_UNKNOWN, t)) return "unknown";
      return yesNo(t);
    }
    case "wrongAttempts":
      return countAnswer(t, facts);
    case "certExpiry":
    case "cardExpiry":
      return dateAnswer(t, today, false);
    case "issuedOn":
      return dateAnswer(t, today, true);
    case "applicant": {
      if (has(RE_LEGAL, t)) return "legal-representative";
      if (positive(RE_PROXY, t, false).length > 0) return "proxy";
      if (has(RE_ANS_LEGAL, t)) return "legal-representative";
      if (has(RE_ANS_PROXY, t)) return "proxy";
      if (has(RE_SELF, t) || has(RE_ANS_SELF, t)) return "self";
      return undefined;
    }
    case "foreignResident": {
      if (has(RE_FOREIGN_NO, t)) return "no";
      if (has(RE_ANS_FOREIGN, t)) return negated(RE_ANS_FOREIGN, t).length > 0 ? "no" : "yes";
      if (has(RE_ANS_JAPANESE, t)) return negated(RE_ANS_JAPANESE, t).length > 0 ? "yes" : "no";
      if (has(RE_UNKNOWN, t)) return undefined;
      return yesNo(t);
    }
    case "noSignatureReason": {
      if (has(RE_ADULT_WARD, t) || has(RE_ANS_WARD, t)) return "adult-ward";
      if (has(RE_FACE, t) || has(RE_ANS_FACE, t)) return "face-auth-card";
      if (under15(t) || has(RE_ANS_UNDER15, t)) return "under-15";
      if (has(RE_UNKNOWN, t)) return "unknown";
      return undefined;
    }
    default:
      return undefined;
  }
}
