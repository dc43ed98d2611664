/**
 * The route answers in やさしい日本語 (issue 14), after the 在留支援のためのやさしい日本語ガイドライン
 * (出入国在留管理庁・文化庁, 2020; shared/facts.md §11): short sentences with one idea each, lists, no double
 * negatives, です・ます, plain words instead of katakana loanwords and 漢語 where one exists, and words
 * written with spaces between them (分かち書き).
 *
 * Readings: a kanji word is followed by its reading in full-width brackets, `窓口（まどぐち）`; the web page
 * turns «kanji + （hiragana）» into `<ruby>`, LINE and plain text keep the brackets. So a bracket holding only
 * hiragana is always a reading, right after its kanji; a remark in brackets always holds something else
 * (a digit, a kanji, a name), and never a reading: no brackets inside brackets (as the questions' catalog,
 * text/ja-easy.ts) — a remark with kanji in it becomes a sentence of its own, and a city text follows a
 * colon. A word gets its reading at its first use in an item, not twice in a sentence. Words with
 * okurigana get one bracket per kanji run: `受（う）け取（と）る`.
 *
 * A city text with no やさしい日本語 variant is shown as written with ［ふつうの 日本語（にほんご）］ after it,
 * unless the readings of `cityWords` make it plain (「無料」「30分〜1時間程度」).
 *
 * The same facts as ja.ts, in the same places (shared/facts.md sections in comments): every number, rule
 * and date is the same; only the words are plainer. Quoted text 「…」 (what a screen shows, an app's name,
 * what to say at the counter) stays as the resident will see or say it.
 */
import type { RouteText } from "./types.ts";

// Words used in many places, with their readings (first use in an item).
const CARD = "マイナンバーカード";
const PIN = "暗証番号（あんしょうばんごう）";
const CERT = "電子証明書（でんししょうめいしょ）";
const SIG_CERT = "署名用電子証明書（しょめいようでんししょうめいしょ）";
const USER_CERT = "利用者証明用電子証明書（りようしゃしょうめいようでんししょうめいしょ）";
const COUNTER = "窓口（まどぐち）";
const ID_DOC = "本人確認書類（ほんにんかくにんしょるい）";
const NOTICE = "有効期限通知書（ゆうこうきげんつうちしょ）";
const EXPIRY = "有効期限（ゆうこうきげん）";
const JUKI = "住民基本台帳用（じゅうみんきほんだいちょうよう）";
const KENMEN = "券面事項入力補助用（けんめんじこうにゅうりょくほじょよう）";
/** §1: the signature PIN's form. */
const SIG_PIN_FORM = "アルファベットの 大文字（おおもじ）と 数字（すうじ）で 6〜16けた";
/** "a move or a name change" */
const MOVED = "ひっこしや 名前（なまえ）の 変更（へんこう）";

/** §3: every PIN the counter may ask for at a renewal, and what to do about a forgotten one. */
const RENEWAL_PIN_ITEMS = [
  `${COUNTER}で ${PIN}を 入（い）れる ことが あります。3つとも たしかめて おいて ください。`,
  `${JUKI}：数字（すうじ） 4けた`,
  "利用者証明用（りようしゃしょうめいよう）：数字（すうじ） 4けた",
  `署名用（しょめいよう）：${SIG_PIN_FORM}`,
  `わすれた ${PIN}が ある ときは、${ID_DOC}も もって きて ください。たとえば 運転免許証（うんてんめんきょしょう）、パスポートです。`,
  `同（おな）じ 日（ひ）に、${COUNTER}で ${PIN}を 決（き）めなおせます。その ぶん 時間（じかん）が かかります。`,
];

/** §5: an identity document besides the card (the card alone is not enough when its PIN is forgotten). */
const ID_BESIDES_CARD = `${CARD}の ほかの ${ID_DOC} 1つ`;
/** Examples of an identity document, as a sentence of its own. */
const ID_EXAMPLES = "たとえば 運転免許証（うんてんめんきょしょう）、パスポート、資格確認書（しかくかくにんしょ）です。";

/** §3, §5: a forgotten PIN is reset in the same visit, with an identity document besides the card. */
const PIN_FORGOTTEN_ITEM = `${PIN}を わすれた ときは、${ID_BESIDES_CARD}も もって きて ください。${ID_EXAMPLES}同（おな）じ 日（ひ）に ${PIN}を 決（き）めなおせます。`;

/** §4: always this wording (from the next day at the earliest; else after the next business day). */
const USABLE_FROM = [
  "新（あたら）しい 証明書（しょうめいしょ）は、発行（はっこう）した 日（ひ）には 使（つか）えません。",
  "早（はや）くて 次（つぎ）の 日から 使えます。",
  "次の 日も 使えない ときは、次の 開庁日（かいちょうび）から もう一度（いちど） ためして ください。",
  "開庁日は、土日（どにち）・祝日（しゅくじつ）・12月29日〜1月3日 以外（いがい）の 日です。",
].join("");

const RENEWAL_BRING = [
  CARD,
  `${NOTICE}：とどいて いれば もって きて ください。`,
  `3つの ${PIN}を おぼえて きて ください。${COUNTER}で 入（い）れる ことが あります。`,
];

const ETAX_NOT_CARD_PIN = `e-Taxの 利用者識別番号（りようしゃしきべつばんごう）の ${PIN}は、カードの 暗証番号とは ちがいます。`;

/**
 * Readings for the words a city's fee and waiting time are usually made of (「無料」「1,000円」「30分〜1時間程度」):
 * with them such a text needs no note. 分 reads ふん after 2, 5, 7, 9 and ぷん after the other digits.
 */
const cityWords = (text: string) =>
  text
    .replace(/無料(?!（)/g, "無料（むりょう）")
    .replace(/程度(?!（)/g, "程度（ていど）")
    .replace(/時間(?!（)/g, "時間（じかん）")
    .replace(/(?<=[0-9])円(?!（)/g, "円（えん）")
    .replace(/(?<=([0-9]))分(?!（)/g, (_m, digit: string) => `分（${"2579".includes(digit) ? "ふん" : "ぷん"}）`);

/** After a city text shown in ordinary Japanese, for want of a やさしい日本語 variant (issue 14). */
export const UNTRANSLATED_NOTE = "［ふつうの 日本語（にほんご）］";

/** A phrase with the city's name: 「見本市の 窓口（まどぐち）」. */
const cityCounter = (city: string) => `${city}の ${COUNTER}`;

export const jaEasy: RouteText = {
  layout: {
    title: (t) => `【${t}】`,
    heading: (h) => `■${h}`,
    bullet: "・",
    linkLine: (label, url) => `${label}：${url}`,
    sentences: (parts) => parts.join(""),
    list: (parts) => parts.join("・"),
    // No brackets around a city text: a reading inside them would nest brackets.
    paren: (text, remark) => `${text}：${remark}`,
  },

  // A city text with no やさしい日本語 variant is shown as written, with a short note; one that needs no
  // more than the readings above (「無料」) is shown with them instead.
  // (`untranslated("")` is the note itself: routes.ts finds the note at a text's end with it.)
  untranslated: (text) => {
    if (text === "") return UNTRANSLATED_NOTE;
    const glossed = cityWords(text);
    const bareKanji = glossed.replace(/[\u4e00-\u9fff々]+（[ぁ-ゖー]+）/g, "");
    return /[\u4e00-\u9fff々]/.test(bareKanji) ? `${text}${UNTRANSLATED_NOTE}` : glossed;
  },

  links: {
    call: (phone) => `${phone}に 電話（でんわ）`,
    reservation: "窓口（まどぐち）の 予約（よやく）",
    cityPage: (city) => `${city}の マイナンバーカードの ページ`,
    eTaxCertificate: "e-Tax 電子証明書（でんししょうめいしょ）の 失効（しっこう）",
    eTaxPasswordFaq: "e-Taxの 暗証番号（あんしょうばんごう）を わすれた とき",
    eTaxIdPassword: "ID・パスワード方式（ほうしき）の IDを なくした とき",
    jlisPinReset: "J-LIS 暗証番号（あんしょうばんごう）を 決（き）めなおす",
    jlisStores: "使（つか）える コンビニ",
  },

  common: {
    counterHeading: "窓口（まどぐち）と 時間（じかん）",
    address: (a) => `住所（じゅうしょ）：${a}`,
    hours: (h) => `受付（うけつけ）の 時間（じかん）：${h}`,
    phone: (p) => `電話（でんわ）：${p}`,
    // For a lead, after its last sentence: 「無料（むりょう）です。30分〜1時間程度（ていど） かかります。」
    feeAndWait: (fee, wait) => `${cityWords(fee)}です。${cityWords(wait)} かかります。`,
    bringHeading: "もって いく もの",
    bringSelfHeading: "自分（じぶん）で 行（い）く とき：もって いく もの",
    bringMoreHeading: "もって いく もの：くわしく",
    feeWaitHeading: "お金（かね）と 時間（じかん）",
    feeWaitMoreHeading: "お金（かね）と 時間（じかん）：くわしく",
    fee: (fee) => `手数料（てすうりょう）：${cityWords(fee)}`,
    wait: (wait) => `どのくらい かかるか：${cityWords(wait)}`,
    feesHeading: "手数料（てすうりょう）",
    procedureHeading: "すること",
    cautionHeading: "気（き）を つけて ください",
    reservationHeading: "予約（よやく）",
    smartphoneHeading: "スマホ用（よう）の 電子証明書（でんししょうめいしょ）",
    notesHeading: "そのほかの 注意（ちゅうい）",
    checkHeading: "たしかめて ください",
    aboutHeading: "くわしい 説明（せつめい）",
    contactHeading: "電話（でんわ）で 聞（き）く",
    nationalHelpLine: (phone, hours) => `マイナンバー総合（そうごう）フリーダイヤル：${phone}。時間（じかん）：${hours}`,
    cityHelpDesk: (name, phone, hours) => `${name}：${phone}。時間（じかん）：${hours}`,
    counterBrief: (name, hours) => `${COUNTER}：${name}。時間（じかん）：${hours}`,
    noReservation: "予約（よやく）は いりません。",
    reservationRequired: "予約（よやく）が 必要（ひつよう）です",
    reservationOptional: "窓口（まどぐち）の 予約（よやく）が できます",
    reservationLine: (head, url) => `${head}：${url ?? ""}`.replace(/：$/, ""),
    // §3: a reservation never rules out waiting.
    reservationWait: "予約（よやく）を しても、こんで いると 待（ま）つ ことが あります。",
    afterChangeReservationUnknown: `${MOVED}の 手続（てつづ）きは、予約（よやく）が できない ことが あります。${COUNTER}に 聞（き）いて ください。`,
    afterChangeReservationNone: `${MOVED}の 手続（てつづ）きは、予約（よやく）が できません。`,
    usableFrom: USABLE_FROM,
    renewalPinItems: RENEWAL_PIN_ITEMS,
    // In a list of things to bring (routes.ts); in a sentence, ID_BESIDES_CARD and ID_EXAMPLES.
    idBesidesCard: `${ID_BESIDES_CARD}。${ID_EXAMPLES}`,
    pinForgottenItem: PIN_FORGOTTEN_ITEM,
    // §2: "may need", never a promise.
    smartphoneNote:
      "スマホ用（よう）の 電子証明書（でんししょうめいしょ）を 使（つか）って いる 人（ひと）へ。カードの 証明書（しょうめいしょ）を 新（あたら）しく したあと、スマホの 証明書も 設定（せってい）しなおす ことが あります。マイナポータルの アプリで 設定します。",
    renewalRule: (months) =>
      `${EXPIRY}の ${months}か月（げつ）前（まえ）の 次（つぎ）の 日（ひ）から、有効期限の 日まで`,
    myNumberCard: CARD,
    pinName: {
      jukinet: JUKI,
      kenmen: KENMEN,
      both: "署名用（しょめいよう）と 利用者証明用（りようしゃしょうめいよう）",
      signature: "6〜16けたの 署名用（しょめいよう）",
      user: "4けたの 利用者証明用（りようしゃしょうめいよう）",
      card: CARD,
    },
    // §10: the NTA's three ways, in this order.
    etaxPasswordWays: [
      "1. マイナンバーカード方式（ほうしき）の 人（ひと）：利用者識別番号（りようしゃしきべつばんごう）を カードと つないで いる 人です。カードで e-Taxに 入（はい）って、新（あたら）しい 暗証番号（あんしょうばんごう）を 決（き）められます。",
      "2. 1が できない 人（ひと）で、メールアドレスと 秘密（ひみつ）の 質問（しつもん）を 登録（とうろく）した 人。インターネットで 暗証番号（あんしょうばんごう）を 決（き）めなおせます。e-Taxの 「再設定用パスワードの取得」から です。",
      "3. どちらも できない 人（ひと）：「変更等届出書」（暗証番号等の再発行）を 出（だ）します。インターネットか、税務署（ぜいむしょ）に 出します。何日（なんにち）か あとに、お知（し）らせが 郵便（ゆうびん）で とどきます。",
    ],
    etaxPasswordTooNote:
      "e-Taxの 暗証番号（あんしょうばんごう）は、カードの 暗証番号とは ちがいます。税務署（ぜいむしょ）（e-Tax）の 手続（てつづ）きです。カードの 暗証番号を 決（き）めなおしても、e-Taxの 暗証番号は 使（つか）えるように なりません。",
    etaxPasswordTooHeading: "e-Taxの 暗証番号（あんしょうばんごう）を 決（き）めなおす 方法（ほうほう）",
  },

  details: {
    question: "もっと 知（し）りたい ことが あれば、えらんで ください。",
    // 「「予約（よやく）」に ついて です。」 (a heading may itself hold 説明, so the lead does not).
    lead: (headings) => `「${headings.join("・")}」に ついて です。`,
  },

  showAtCounter: {
    heading: "窓口（まどぐち）で 見（み）せて ください",
    intro: "窓口（まどぐち）の 人（ひと）に、この 日本語（にほんご）を 見（み）せて ください。",
    helpLine: (phone, hours) => `外国語（がいこくご）で 聞（き）ける 電話（でんわ）：${phone}。時間（じかん）：${hours}`,
  },

  // §7: what a proxy needs, by procedure; never one procedure's text for another.
  proxy: {
    heading: "家族（かぞく）などの 代理人（だいりにん）が 行（い）く とき",
    rules: {
      // seeds 002, 003: one visit with the sealed 照会書兼回答書 from the expiry-notice envelope, else two.
      renewal: [
        `${NOTICE}の 封筒（ふうとう）に、照会書兼回答書（しょうかいしょけんかいとうしょ）が 入（はい）って います。役所（やくしょ）に よっては 「回答書兼委任状」と いう 名前（なまえ）です。`,
        `本人（ほんにん）が これに 書（か）きます。${PIN}の 欄（らん）も 書いて、封（ふう）を します。そう すれば、代理人（だいりにん）は 1回（かい） 行（い）くだけで 更新（こうしん）できます。`,
        "代理人（だいりにん）が もって いく もの は 3つです。",
        `1. 本人（ほんにん）の ${CARD}`,
        "2. 封（ふう）を した 照会書兼回答書（しょうかいしょけんかいとうしょ）",
        `3. 代理人（だいりにん）の ${ID_DOC}。顔写真（かおじゃしん）の ある ものです。たとえば 運転免許証（うんてんめんきょしょう）です。`,
        `照会書兼回答書（しょうかいしょけんかいとうしょ）が ない ときは、${COUNTER}から 本人（ほんにん）に 照会書（しょうかいしょ）を 郵便（ゆうびん）で 送（おく）ります。だから、代理人（だいりにん）は 2回（かい） 行（い）く ことに なります。`,
      ],
      // seed 002; municipal pages: M.
      "new-issue": [
        `${MOVED}の あとや、期限（きげん）が 切（き）れた あとの 発行（はっこう）では、${NOTICE}は 使（つか）えません。`,
        `${COUNTER}で 申請（しんせい）すると、本人（ほんにん）の 住所（じゅうしょ）に 照会書兼回答書（しょうかいしょけんかいとうしょ）が 郵便（ゆうびん）で とどきます。代理人（だいりにん）は それを もって、もう一度（いちど） 行（い）きます。2回（かい） 行く ことに なります。`,
        "代理人（だいりにん）が もって いく もの は 3つです。",
        `1. 本人（ほんにん）の ${CARD}`,
        "2. 本人（ほんにん）が 書（か）いて 封（ふう）を した 照会書兼回答書（しょうかいしょけんかいとうしょ）",
        `3. 代理人（だいりにん）の ${ID_DOC}。顔写真（かおじゃしん）の ある ものです。`,
        `やりかたは 役所（やくしょ）に よって ちがいます。行（い）く 前（まえ）に ${COUNTER}に 聞（き）いて ください。`,
      ],
      // seeds 000, 003: a 照会書 is mailed to the resident first.
      "pin-reset": [
        `代理人（だいりにん）が ${PIN}を 決（き）めなおす ときは、1回（かい）では 終（お）わりません。`,
        `まず ${COUNTER}で 申請（しんせい）します。本人（ほんにん）に 照会書（しょうかいしょ）が 郵便（ゆうびん）で とどきます。本人が 照会書に 書（か）いて、封（ふう）を します。`,
        "代理人（だいりにん）は もう一度（いちど） 行（い）きます。その とき もって いく もの は 3つです。",
        "1. 本人（ほんにん）が 書（か）いて 封（ふう）を した 照会書（しょうかいしょ）",
        `2. 本人（ほんにん）の ${CARD}`,
        `3. 代理人（だいりにん）の ${ID_DOC}。顔写真（かおじゃしん）の ある ものです。`,
      ],
      // seed 003; municipal pages: M.
      "new-card": [
        "新（あたら）しい カードは、本人（ほんにん）が 交付申請書（こうふしんせいしょ）で 申請（しんせい）します。郵便（ゆうびん）、スマホ、パソコン、証明写真機（しょうめいしゃしんき）で できます。",
        `代理人（だいりにん）が カードを 受（う）け取（と）れるのは、病気（びょうき）や 障害（しょうがい）などで 本人（ほんにん）が 行（い）けない ときだけです。その ことが わかる 書類（しょるい）が 必要（ひつよう）です。行く 前（まえ）に ${COUNTER}に 聞（き）いて ください。`,
      ],
      // municipal pages: M. No expiry notice is mailed, so no 照会書兼回答書 comes with one.
      "foreign-extension": [
        `代理人（だいりにん）が 手続（てつづ）きを する ときは、先（さき）に ${COUNTER}に 聞（き）いて ください。${NOTICE}は 送（おく）られて きません。だから、通知書（つうちしょ）に 入（はい）って いる 書類（しょるい）も ありません。`,
      ],
    },
    // seed 003: H.
    guardianHeading: "成年後見人（せいねんこうけんにん）が 行（い）く とき",
    guardianItems: [
      `本人（ほんにん）の ${CARD}`,
      `成年後見人（せいねんこうけんにん）の ${ID_DOC}。顔写真（かおじゃしん）の ある ものです。`,
      "成年後見人（せいねんこうけんにん）で ある ことが わかる 登記事項証明書（とうきじこうしょうめいしょ）",
    ],
    // municipal pages: M. 「15歳未満」 = 14歳まで.
    parentHeading: "14歳（さい）までの 子（こ）どもの とき：親（おや）が 行（い）きます",
    parentItems: [
      "子（こ）どもと いっしょに、親権者（しんけんしゃ）が 手続（てつづ）きを します。親権者は 法定代理人（ほうていだいりにん）です。",
      `子（こ）どもの ${CARD}と、親権者（しんけんしゃ）の ${ID_DOC}。顔写真（かおじゃしん）の ある ものです。`,
      "親権者（しんけんしゃ）と 子（こ）どもの 世帯（せたい）が ちがう ときは、親子（おやこ）だと わかる 書類（しょるい）も 必要（ひつよう）です。たとえば 戸籍謄本（こせきとうほん）です。",
    ],
  },

  // §2: a move or name change revokes the signature certificate: a new issue, now.
  signatureReissue: {
    title: `${MOVED}の あと：署名用電子証明書（しょめいようでんししょうめいしょ）を 新（あたら）しく する`,
    lead: (city, fw) =>
      `${MOVED}で、${SIG_CERT}が 失効（しっこう）しました。もう 使（つか）えません。${cityCounter(city)}で、新（あたら）しく 発行（はっこう）して もらって ください。${fw}`,
    summary: [
      `住所（じゅうしょ）や 名前（なまえ）が かわると、${SIG_CERT}は 自動（じどう）で 失効（しっこう）します。`,
      `${EXPIRY}が まだ あっても 同（おな）じです。`,
      "更新（こうしん）の 期間（きかん）を 待（ま）つ 必要（ひつよう）は ありません。",
      `住民票（じゅうみんひょう）の ある 市区町村（しくちょうそん）の ${COUNTER}で、新（あたら）しく 発行（はっこう）して もらって ください。`,
      "カードの 住所（じゅうしょ）を かえる だけでは、証明書（しょうめいしょ）は 新（あたら）しく なりません。",
    ].join(""),
    steps: [
      `${COUNTER}で、「住所（氏名）の変更で署名用電子証明書が失効したので、発行してほしい」と 言（い）って ください。`,
      `新（あたら）しい 署名用（しょめいよう）の ${PIN}を、その 場（ば）で 決（き）めます。${SIG_PIN_FORM}です。`,
    ],
    bring: [CARD, `4けたの ${PIN}を おぼえて きて ください。${COUNTER}で 入（い）れます。`],
    more: [
      PIN_FORGOTTEN_ITEM,
      `新（あたら）しい 署名用（しょめいよう）の ${PIN}を、先（さき）に 決（き）めて おくと 早（はや）く 終（お）わります。`,
      `${USER_CERT}は、ひっこしでは 失効（しっこう）しません。4けたの ${PIN}の 証明書（しょうめいしょ）です。`,
    ],
  },

  // §9: 「失効しています」 means revoked or expired; without a past date, say so and what to check.
  reissueAfterExpiry: {
    titleExpired: `${EXPIRY}が 過（す）ぎた 電子証明書（でんししょうめいしょ）`,
    titleRevoked: `失効（しっこう）した 電子証明書（でんししょうめいしょ）`,
    whatExpired: (expiry) =>
      [
        `${CERT}の ${EXPIRY}が 過（す）ぎました。`,
        expiry ? `有効期限は ${expiry}でした。` : "",
        `期限（きげん）が 過（す）ぎても、${COUNTER}で 新（あたら）しく 発行（はっこう）できます。`,
      ].join(""),
    whatRevoked: [
      `${CERT}が 失効（しっこう）して います。もう 使（つか）えません。`,
      `理由（りゆう）は 2つの どちらかです。${EXPIRY}が 過（す）ぎたか、発行（はっこう）の あとで 住所（じゅうしょ）や 名前（なまえ）が かわったかです。`,
      `どちらでも、${COUNTER}で 新（あたら）しく 発行（はっこう）できます。`,
    ].join(""),
    cardValidUntil: (date) => `カードは ${date}まで 使（つか）えます。`,
    checkExpiryDate: `カードの 表（おもて）に ある 「電子証明書の有効期限」の 日（ひ）`,
    checkMoved: `証明書（しょうめいしょ）の 発行（はっこう）や 更新（こうしん）の あとに、${MOVED}が あったか。あった ときは、${SIG_CERT}の 失効（しっこう）です。`,
    checkCard: `カードの ${EXPIRY}。カードの 表（おもて）に あります。過（す）ぎて いる ときは、新（あたら）しい カードの 申請（しんせい）が 必要（ひつよう）です。証明書（しょうめいしょ）だけの 手続（てつづ）きでは ありません。`,
    happenedExpired: (expiry) =>
      `${CERT}の ${EXPIRY}が 過（す）ぎました。${expiry ? `有効期限は ${expiry}でした。` : ""}`,
    happenedRevoked: `${CERT}が 失効（しっこう）して います。${EXPIRY}が 過（す）ぎたか、住所（じゅうしょ）や 名前（なまえ）が かわったからです。`,
    lead: (happened, city, fw) => `${happened}${cityCounter(city)}で、新（あたら）しく 発行（はっこう）して もらって ください。${fw}`,
    procedure: (expired) =>
      `${COUNTER}で、「電子証明書が${expired ? "有効期限切れになった" : "失効した"}ので発行してほしい」と 言（い）って ください。コンビニや インターネットでは 発行（はっこう）できません。`,
    bring: [CARD, `今（いま）の ${PIN}を おぼえて きて ください。${COUNTER}で 入（い）れます。`],
    more: [
      `前（まえ）に 決（き）めた ${PIN}が 必要（ひつよう）です。`,
      `わすれた ときは、${ID_BESIDES_CARD}を もって きて ください。${ID_EXAMPLES}同（おな）じ ${COUNTER}で 決（き）めなおせます。`,
    ],
  },

  // §3: the renewal window; renewal only at the counter; the notice is not needed.
  renewal: {
    title: "電子証明書（でんししょうめいしょ）の 更新（こうしん）",
    leadUntil: (date, city, fw) =>
      `今（いま）は ${CERT}の 更新（こうしん）が できる 期間（きかん）です。${date}までに、${cityCounter(city)}で 更新（こうしん）して ください。${fw}`,
    leadRule: (rule, city, fw) =>
      `${CERT}の 更新（こうしん）が できるのは、${rule}です。${cityCounter(city)}で 更新（こうしん）して ください。${fw}`,
    summaryWindow: (opens, closes, lastDay) =>
      [
        `今（いま）は 更新（こうしん）が できる 期間（きかん）です。`,
        `期間（きかん）は ${opens}から ${closes}までです。`,
        `${EXPIRY}までに、${COUNTER}で 更新（こうしん）して ください。`,
        lastDay ? `${closes}は ${COUNTER}が 休（やす）みです。${COUNTER}で 手続（てつづ）きが できるのは ${lastDay}までです。` : "",
      ].join(""),
    summaryRule: (rule) =>
      [
        `${CERT}の 更新（こうしん）は、${rule}、${COUNTER}で できます。`,
        `たとえば、${EXPIRY}が 3月15日なら、12月16日から できます。`,
        `カードの 表（おもて）に ある ${EXPIRY}を 見（み）て、${COUNTER}へ 行（い）って ください。`,
      ].join(""),
    steps: (city) => [
      `${cityCounter(city)}で 更新（こうしん）します。`,
      "コンビニや インターネットでは できません。",
      `${NOTICE}が なくても 更新（こうしん）できます。`,
    ],
    bring: RENEWAL_BRING,
    notes: [
      "更新（こうしん）が できる 期間（きかん）に 更新すると、新（あたら）しい 証明書（しょうめいしょ）は、更新した 日（ひ）から 6回目（かいめ）の 誕生日（たんじょうび）まで 使（つか）えます。",
      "期間（きかん）より 前（まえ）に 更新（こうしん）すると、使（つか）える 期間が 短（みじか）く なります。",
      `${MOVED}を した ときは、${SIG_CERT}は もう 失効（しっこう）して います。更新（こうしん）では なく、発行（はっこう）に なります。期間（きかん）を 待（ま）たずに 手続（てつづ）きが できます。`,
      "マイナ保険証（ほけんしょう）で 新（あたら）しい 証明書（しょうめいしょ）が 使（つか）えるまで、24時間（じかん）ぐらい かかります。",
    ],
  },

  renewalNotYet: {
    title: "電子証明書（でんししょうめいしょ）の 更新（こうしん）：受付（うけつけ）の 前（まえ）",
    closedOpening: (opens, firstDay) =>
      `${opens}は ${COUNTER}が 休（やす）みです。${COUNTER}で 手続（てつづ）きが できるのは ${firstDay}からです。`,
    leadWindow: (date, city) =>
      `更新（こうしん）の 受付（うけつけ）は、まだ 始（はじ）まって いません。${date}から、${cityCounter(city)}で 更新（こうしん）して ください。`,
    leadRule: (rule, city) =>
      `更新（こうしん）の 受付（うけつけ）は、${rule}です。受付が 始（はじ）まったら、${cityCounter(city)}で 更新して ください。`,
    summaryWindow: (opens, closes, months, closedOpening) =>
      [
        `更新（こうしん）の 受付（うけつけ）は、${opens}から 始（はじ）まります。`,
        `${EXPIRY}は ${closes}です。受付は、その ${months}か月（げつ）前（まえ）の 次（つぎ）の 日（ひ）から です。`,
        closedOpening,
        "それまで 待（ま）って ください。",
      ].join(""),
    summaryRule: (months) =>
      `更新（こうしん）の 受付（うけつけ）は、${EXPIRY}の ${months}か月（げつ）前（まえ）の 次（つぎ）の 日（ひ）から 始（はじ）まります。`,
    whenWhereHeading: "いつ・どこで",
    window: (opens, closes) => `受付（うけつけ）の 期間（きかん）：${opens}〜${closes}`,
    where: (city) => `${cityCounter(city)}で 更新（こうしん）します。コンビニや インターネットでは できません。`,
    bringHeading: "受付（うけつけ）が 始（はじ）まったら もって いく もの",
    bring: RENEWAL_BRING,
    bringMore: [
      `${EXPIRY}の 2〜3か月（げつ）前（まえ）に、J-LISから ${NOTICE}が とどきます。`,
      "通知書（つうちしょ）が なくても 更新（こうしん）できます。",
    ],
    cautions: [
      "受付（うけつけ）の 期間（きかん）より 前（まえ）に 手続（てつづ）きを すると、新（あたら）しい 証明書（しょうめいしょ）を 使（つか）える 期間が 短（みじか）く なります。",
    ],
    notes: [
      `${EXPIRY}が 月（つき）の 最後（さいご）の 日（ひ）の ときや、うるう年（どし）は、受付（うけつけ）が 始（はじ）まる 日が 1日（にち） ずれる ことが あります。`,
      `${MOVED}が なければ、それまでは 今（いま）の 証明書（しょうめいしょ）を 使（つか）えます。`,
      `住所（じゅうしょ）や 名前（なまえ）が かわった ときは、${SIG_CERT}は 失効（しっこう）して います。受付（うけつけ）の 期間（きかん）を 待（ま）たずに、${COUNTER}で 発行（はっこう）して もらって ください。`,
    ],
  },

  // §3: a card past (or near) its expiry needs a new card, not a certificate renewal.
  cardRenewal: {
    title: "新（あたら）しい マイナンバーカードの 申請（しんせい）",
    whyUnknown: `カードの ${EXPIRY}が 過（す）ぎたか、もうすぐ 過ぎます。`,
    whyPast: (date) => `カードの ${EXPIRY}は ${date}でした。もう 過（す）ぎて います。`,
    whyComing: (date, beforeCert) =>
      `カードの ${EXPIRY}は ${date}です。${beforeCert ? `${CERT}より 先（さき）に 来（き）ます。` : ""}`,
    lead: (why, fee) =>
      `${why}新（あたら）しい カードの 申請（しんせい）が 必要（ひつよう）です。${NOTICE}に 入（はい）って いる 交付申請書（こうふしんせいしょ）で 申請して ください。${cityWords(fee)}です。`,
    summary: (why) =>
      `${why}${CERT}だけの 更新（こうしん）では ありません。新（あたら）しい カードの 申請（しんせい）が 必要（ひつよう）です。`,
    steps: [
      `${NOTICE}と いっしょに、交付申請書（こうふしんせいしょ）が 入（はい）って います。`,
      "その 交付申請書（こうふしんせいしょ）で、新（あたら）しい カードを 申請（しんせい）します。郵便（ゆうびん）、スマホ、パソコン、証明写真機（しょうめいしゃしんき）で できます。",
      "新（あたら）しい カードが できると、交付通知書（こうふつうちしょ）が とどきます。",
      `${COUNTER}で カードを 受（う）け取（と）ります。その とき、新（あたら）しい ${CERT}も 発行（はっこう）されます。`,
    ],
    bringOnReceipt: [
      `受（う）け取（と）る とき：今（いま）の ${CARD}、交付通知書（こうふつうちしょ）、${ID_DOC}`,
    ],
    duration: "申請（しんせい）から 受（う）け取（と）りまで、1か月（げつ）ぐらい かかる ことが あります。早（はや）めに 申請して ください。",
    notes: (wait) => [
      `${CERT}は、カードより 長（なが）く 使（つか）えません。カードを 新（あたら）しく すると、証明書（しょうめいしょ）も 新しく なります。`,
      `受（う）け取（と）りの ${COUNTER}で どのくらい かかるか：${cityWords(wait)}`,
      `外国人（がいこくじん）で、カードの ${EXPIRY}が 在留期間（ざいりゅうきかん）と 同（おな）じ 人（ひと）へ。在留期間を 更新（こうしん）した あと、${COUNTER}で カードの 有効期限を かえる 手続（てつづ）きを して ください。`,
    ],
  },

  // §3: a foreign resident's card does not follow the residence card by itself; no notice is mailed.
  foreignExtension: {
    title: "在留期間（ざいりゅうきかん）の 更新（こうしん）と マイナンバーカードの 有効期限（ゆうこうきげん）",
    lead: (city) =>
      `在留（ざいりゅう）カードを 更新（こうしん）しても、${CARD}の ${EXPIRY}は 自動（じどう）では のびません。${cityCounter(city)}で、有効期限を のばして もらって ください。${CERT}も 新（あたら）しく 発行（はっこう）して もらいます。`,
    summary: [
      `在留期間（ざいりゅうきかん）に あわせた ${EXPIRY}の ${CARD}が あります。`,
      "在留（ざいりゅう）カードを 更新（こうしん）しても、この 有効期限は 自動（じどう）では のびません。",
      `${COUNTER}で、カードの 有効期限を のばす 手続（てつづ）きを して ください。`,
      `${CERT}も 新（あたら）しく 発行（はっこう）して もらって ください。`,
    ].join(""),
    steps: (city) => [
      `${cityCounter(city)}で、カードの ${EXPIRY}を のばす 申請（しんせい）を して ください。`,
      `${CERT}も、新（あたら）しく 発行（はっこう）が 必要（ひつよう）です。`,
      `${NOTICE}は 送（おく）られて きません。`,
      "在留期間（ざいりゅうきかん）を 更新（こうしん）したら、早（はや）めに 手続（てつづ）きを して ください。",
    ],
    bring: [CARD, "新（あたら）しい 在留（ざいりゅう）カード", `4けたの ${PIN}を おぼえて きて ください。${COUNTER}で 入（い）れます。`],
    foreignHeading: "外国語（がいこくご）で 聞（き）きたい とき",
    foreignLine: (phone) => `外国語（がいこくご）の マイナンバー総合（そうごう）フリーダイヤル：${phone}`,
  },

  // §5: the smartphone app and the store kiosk.
  kiosk: {
    title: "スマホと コンビニで 暗証番号（あんしょうばんごう）を 決（き）めなおす",
    resettingSignature: "6〜16けたの 署名用（しょめいよう）",
    resettingUser: "4けたの 利用者証明用（りようしゃしょうめいよう）",
    otherOfSignature: "4けたの 利用者証明用（りようしゃしょうめいよう）",
    otherOfUser: "6〜16けたの 署名用（しょめいよう）",
    lead: (resetting, fee) =>
      `${resetting}の ${PIN}は、${COUNTER}に 行（い）かなくても 決（き）めなおせます。スマホと、コンビニの マルチコピー機（き）を 使（つか）います。まず アプリで 予約（よやく）して ください。${cityWords(fee)}です。`,
    stepsHeading: "やりかた",
    steps: (other, hours, kioskHours) => [
      "1. スマホに 「JPKI暗証番号リセット」アプリを 入（い）れます。マイナポータルの アプリでは ありません。",
      `2. アプリで ${other}の ${PIN}を 入（い）れます。カードを 読（よ）み取（と）って、顔（かお）の 写真（しゃしん）を とります。そして 予約（よやく）します。`,
      "予約（よやく）は 24時間（じかん） いつでも できます。点検（てんけん）の 時間は できません。",
      `3. 予約（よやく）から ${hours}時間（じかん）以内（いない）に、コンビニの マルチコピー機（き）に 行（い）きます。マルチコピー機は ${kioskHours}に 使（つか）えます。`,
      `4. 同（おな）じ ${PIN}を もう一度（いちど） 入（い）れます。`,
      "5. 新（あたら）しい 暗証番号（あんしょうばんごう）を 2回（かい） 入（い）れます。",
    ],
    bring: [CARD, "アプリを 入（い）れた スマホ"],
    storesHeading: "使（つか）える コンビニ",
    stores: [
      "セブン-イレブンと 一部（いちぶ）の イオン：署名用（しょめいよう）と 4けたの 利用者証明用（りようしゃしょうめいよう）の 両方（りょうほう）",
      "ローソン・ファミリーマート・ミニストップ：署名用（しょめいよう）だけ",
      "使（つか）える 店（みせ）は かわる ことが あります。J-LISの ページで、新（あたら）しい 情報（じょうほう）を 見（み）て ください。",
    ],
    cautionOtherPins: `${JUKI}と ${KENMEN}の ${PIN}は、この やりかたでは 決（き）めなおせません。`,
    cautionUserNeedsSignature: [
      `${SIG_CERT}の ${EXPIRY}が 過（す）ぎて いる ときは、この やりかたは 使（つか）えません。`,
      `発行（はっこう）の あとに ${MOVED}を した ときも、使（つか）えません。`,
      `${COUNTER}で 決（き）めなおして ください。`,
    ].join(""),
    cautionExpiredReservation: (hours) =>
      `${hours}時間（じかん）を 過（す）ぎると、予約（よやく）は 使（つか）えなく なります。はじめから やりなおして ください。`,
    troubleHeading: "うまく いかない とき",
    troubleItem: (name, hours) => `${COUNTER}でも 決（き）めなおせます。${name}。時間（じかん）：${hours}`,
  },

  // §5: the counter, always possible, with an identity document besides the card.
  counterReset: {
    title: "窓口（まどぐち）で 暗証番号（あんしょうばんごう）を 決（き）めなおす",
    lead: (pin, city, fee) =>
      `${pin}の ${PIN}は、${cityCounter(city)}で 決（き）めなおせます。${CARD}と ${ID_DOC}を もって きて ください。${cityWords(fee)}です。`,
    summary: (pin, city) =>
      `${pin}の ${PIN}は、${cityCounter(city)}で 決（き）めなおせます。使（つか）えなく なった 暗証番号を もとに もどして、新（あたら）しい 番号（ばんごう）を 決めます。`,
    closedHeading: "コンビニで 決（き）めなおせない 理由（りゆう）",
    closedItem: (reason) =>
      [
        `4けたの ${PIN}を スマホと コンビニで 決（き）めなおすには、使（つか）える ${SIG_CERT}が 必要（ひつよう）です。`,
        reason === "revoked"
          ? `${MOVED}で、署名用電子証明書が 失効（しっこう）して います。`
          : `署名用電子証明書の ${EXPIRY}が 過（す）ぎて います。`,
        `だから、${COUNTER}で 決めなおして ください。`,
      ].join(""),
    closedSameVisit: `同（おな）じ 日（ひ）に、${SIG_CERT}も 新（あたら）しく 発行（はっこう）して もらえます。${COUNTER}で 言（い）って ください。`,
    tellCounter: `${COUNTER}で、「暗証番号がロックされた（忘れた）ので再設定したい」と 言（い）って ください。`,
    noSignatureSetHere: `新（あたら）しい 4けたの ${PIN}を、その 場（ば）で 決（き）めます。`,
    noSignatureCounterOnly: `この カードには ${SIG_CERT}が ありません。だから、4けたの 暗証番号は ${COUNTER}でだけ 決（き）めなおせます。`,
    setHere: `新（あたら）しい ${PIN}を、その 場（ば）で 決（き）めます。4けたの 暗証番号は 数字（すうじ） 4けたです。署名用（しょめいよう）は ${SIG_PIN_FORM}です。`,
    otherPinCounterOnly: `この ${PIN}は、${COUNTER}でだけ 決（き）めなおせます。`,
    sameFourDigits: `${JUKI}と ${KENMEN}の ${PIN}も 同（おな）じ 4けたの 人（ひと）は、いっしょに 決（き）めなおせます。`,
    lockNoTimeout: `使（つか）えなく なった ${PIN}は、時間（じかん）が たっても もとに もどりません。`,
    kioskHint: `もう 1つの ${PIN}を おぼえて いる 人（ひと）へ。カードを 読（よ）める スマホが あれば、コンビニでも 決（き）めなおせる ことが あります。`,
  },

  // §5: tries left = limit − wrong entries; the count never resets with time.
  retry: {
    title: "暗証番号（あんしょうばんごう）を 入（い）れるのを いったん やめて ください",
    kindSignature: "6〜16けたの 署名用（しょめいよう）",
    kindUser: "4けたの 利用者証明用（りようしゃしょうめいよう）",
    leadRemaining: (kind, remaining) =>
      [
        `${kind ? `${kind}の ` : ""}${PIN}は、あと ${remaining}回（かい） まちがえると 使（つか）えなく なります。`,
        "正（ただ）しい 番号（ばんごう）が わからない ときは、もう 入（い）れないで ください。",
        "下（した）の ことを たしかめて ください。",
      ].join(""),
    leadLimits: (sig, four) =>
      [
        `署名用（しょめいよう）の ${PIN}は ${sig}回（かい）、4けたの 暗証番号は ${four}回 つづけて まちがえると 使（つか）えなく なります。`,
        "今（いま）は もう 入（い）れないで ください。",
      ].join(""),
    checkHeading: "まず たしかめる こと",
    checks: [
      `カードを 受（う）け取（と）った ときの 「暗証番号設定控」など、番号（ばんごう）を 書（か）いた 紙（かみ）を さがして ください。`,
      `署名用（しょめいよう）は、${SIG_PIN_FORM}です。小文字（こもじ）は 使（つか）えません。`,
      "利用者証明用（りようしゃしょうめいよう）は、数字（すうじ） 4けたです。",
      ETAX_NOT_CARD_PIN,
      "まちがえた 回数（かいすう）は、時間（じかん）が たっても 0に もどりません。正（ただ）しく 入（い）れた ときだけ もどります。",
    ],
    unsureHeading: "番号（ばんごう）に 自信（じしん）が ない とき",
    unsureReset: `ためす 前（まえ）に、${PIN}を 決（き）めなおす ことを すすめます。${COUNTER}で できます。条件（じょうけん）が あえば、スマホと コンビニでも できます。`,
    pinResetFee: (fee) => `決（き）めなおす 手数料（てすうりょう）：${cityWords(fee)}`,
  },

  // §8: suspend at once (24 hours), police, re-issue at the counter.
  lost: {
    title: "マイナンバーカードを なくした とき",
    // The city's words on loss reports when it wrote them in やさしい日本語; else the same fact (§8) in ours.
    lead: (phone, lossReport) =>
      `すぐに マイナンバー総合（そうごう）フリーダイヤル ${phone}に 電話（でんわ）して ください。カードを 使（つか）えないように 止（と）めて もらいます。${
        lossReport.endsWith(UNTRANSLATED_NOTE) ? "24時間（じかん）、365日（にち） いつでも 電話（でんわ）できます。" : `${lossReport.replace(/。$/, "")}。`
      }`,
    nowHeading: "すぐに する こと",
    steps: (phone, city) => [
      `1. ${phone}に 電話（でんわ）して、カードを 止（と）めて もらいます。24時間（じかん） いつでも 電話できます。`,
      "2. 警察（けいさつ）に 遺失届（いしつとどけ）を 出（だ）します。とられた ときは 盗難届（とうなんとどけ）です。受理番号（じゅりばんごう）を 書（か）いて おいて ください。",
      `3. ${cityCounter(city)}で、カードの 再発行（さいはっこう）を 申請（しんせい）します。`,
    ],
    bringHeading: "再発行（さいはっこう）の とき もって いく もの",
    bring: [
      `${ID_DOC}：運転免許証（うんてんめんきょしょう）など`,
      "警察（けいさつ）の 受理番号（じゅりばんごう）",
      "顔写真（かおじゃしん）：窓口（まどぐち）で 説明（せつめい）します",
    ],
    cautions: [
      "カードが 見（み）つかった ときは、窓口（まどぐち）で また 使（つか）えるように できます。",
      "新（あたら）しい カードが できるまで、1か月（げつ）ぐらい かかる ことが あります。",
    ],
  },

  // §4: from the next day at the earliest; if it still fails, after the next business day.
  wait: {
    title: "発行（はっこう）した ばかりの 電子証明書（でんししょうめいしょ）",
    lead: (issued, nextDay, businessDay) =>
      [
        `${issued}に 発行（はっこう）した ${CERT}は、早（はや）くて ${nextDay}から 使（つか）えます。`,
        businessDay ? `使（つか）えない ときは、次（つぎ）の 開庁日（かいちょうび）の ${businessDay}から、もう一度（いちど） ためして ください。` : "",
      ].join(""),
    usableHeading: "使（つか）えるように なる 日（ひ）",
    usable: [
      "e-Tax：発行（はっこう）の 次（つぎ）の 日（ひ）から です。発行した 日は 使（つか）えません。",
      "マイナ保険証（ほけんしょう）：使（つか）えるまで 24時間（じかん）ぐらい かかります。",
    ],
    openDaysHeading: "開庁日（かいちょうび）",
    openDays: [
      "役所（やくしょ）に よっては、「翌開庁日から」と 説明（せつめい）して います。",
      "開庁日（かいちょうび）は、役所（やくしょ）が あいて いる 日（ひ）です。",
      "土曜日（どようび）・日曜日（にちようび）・祝日（しゅくじつ）・年末年始（ねんまつねんし）（12月29日〜1月3日）は、開庁日（かいちょうび）では ありません。",
    ],
    stillHeading: "それでも 使（つか）えない とき",
    stillCheck: `${PIN}を 何回（なんかい）も まちがえて いないか、たしかめて ください。`,
  },

  // §1: no signature certificate (under 15, 成年被後見人) or no PINs at all (顔認証マイナンバーカード).
  noSignature: {
    faceTitle: "顔認証（かおにんしょう）マイナンバーカード：暗証番号（あんしょうばんごう）の ない カード",
    faceLead: [
      `顔認証（かおにんしょう）マイナンバーカードには、${PIN}が ありません。`,
      "だから、暗証番号を 使（つか）う ことは、この カードでは できません。",
      `使（つか）いたい ときは、${COUNTER}で、ふつうの カードに かえる 相談（そうだん）を して ください。`,
    ].join(""),
    faceSummary: [
      `顔認証（かおにんしょう）マイナンバーカードには、${PIN}が ありません。`,
      `${SIG_CERT}も 入（はい）って いません。`,
      "だから、暗証番号を 使（つか）う ことは、この カードでは できません。",
      "「ロックされています」「暗証番号が違います」などと 出（で）ても、この カードの 暗証番号の ことでは ありません。",
    ].join(""),
    faceCannotHeading: "この カードで できない こと",
    faceCannot: [
      "マイナポータルに 暗証番号（あんしょうばんごう）で 入（はい）る こと",
      "コンビニ交付（こうふ）：コンビニで 住民票（じゅうみんひょう）の 写（うつ）しなどを とる こと",
      "e-Taxの マイナンバーカード方式（ほうしき）：電子署名（でんししょめい）と、カードで 入（はい）る こと",
    ],
    whatToDoHeading: "どう すれば いいか",
    faceWhatToDo: [
      `これらを 使（つか）いたい ときは、${COUNTER}で 相談（そうだん）して ください。${PIN}の ある ふつうの ${CARD}に かえる 相談です。`,
      "e-Taxの 申告（しんこく）は、ID・パスワード方式（ほうしき）や 紙（かみ）でも 出（だ）せます。",
    ],
    whoAdultWard: "成年被後見人（せいねんひこうけんにん）の 人（ひと）",
    whoUnder15: "14歳（さい）までの 子（こ）ども",
    whoEither: "14歳（さい）までの 子（こ）どもや 成年被後見人（せいねんひこうけんにん）の 人（ひと）",
    title: "署名用電子証明書（しょめいようでんししょうめいしょ）が ない カード",
    lead: (who) =>
      [
        `${who}の カードには、ふつう ${SIG_CERT}が ありません。`,
        `${PIN}の 問題（もんだい）では ありません。`,
        "e-Taxは、ID・パスワード方式（ほうしき）や 紙（かみ）でも 出（だ）せます。",
      ].join(""),
    summary: (who) =>
      [
        `${who}の カードには、ふつう ${SIG_CERT}が ありません。`,
        "e-Taxの 送信（そうしん）などで 「ロックされています」などと 出（で）る ことが あります。",
        `これは ${PIN}の 問題（もんだい）では ありません。`,
      ].join(""),
    whatToDo: [
      "e-Taxの 申告（しんこく）は、ID・パスワード方式（ほうしき）や 紙（かみ）でも 出（だ）せます。",
      `4けたの ${PIN}は、利用者証明用（りようしゃしょうめいよう）の 暗証番号です。`,
      `4けたの 暗証番号が 使（つか）えなく なった とき、わすれた ときは、${COUNTER}で 決（き）めなおせます。コンビニでは できません。`,
      `くわしくは ${COUNTER}で 相談（そうだん）して ください。`,
    ],
  },

  // §1: two certificates, four PINs.
  whichPin: {
    title: "暗証番号（あんしょうばんごう）と 電子証明書（でんししょうめいしょ）の 種類（しゅるい）",
    lead: `${CARD}には、${CERT}が 2つ あります。${PIN}は 4つ あります。どの とき どれを 使（つか）うか、下（した）で たしかめて ください。`,
    summary: `${CARD}には、使（つか）う 目的（もくてき）の ちがう ${CERT}が 2つと、${PIN}が 4つ あります。`,
    signatureHeading: SIG_CERT,
    signatureItems: (limit) => [
      "使（つか）う とき：e-Taxで 確定申告（かくていしんこく）を 送（おく）る とき、インターネットでの 申請（しんせい）など。「書類（しょるい）に 署名（しょめい）する」 ときです。",
      `${PIN}：${SIG_PIN_FORM}。${limit}回（かい） つづけて まちがえると 使（つか）えなく なります。`,
      "ひっこしや 結婚（けっこん）などで、住所（じゅうしょ）や 名前（なまえ）が かわると 失効（しっこう）します。",
    ],
    userHeading: USER_CERT,
    userItems: (limit) => [
      "使（つか）う とき：マイナポータルに 入（はい）る とき、コンビニ交付（こうふ）、マイナ保険証（ほけんしょう）など。「本人（ほんにん）で ある ことを しめす」 ときです。",
      `${PIN}：数字（すうじ） 4けた。${limit}回（かい） つづけて まちがえると 使（つか）えなく なります。`,
      "ひっこしでは 失効（しっこう）しません。",
    ],
    otherHeading: "そのほかの 暗証番号（あんしょうばんごう）（どちらも 4けた）",
    otherItems: (limit) => [
      `${JUKI}と ${KENMEN}です。`,
      `${limit}回（かい） つづけて まちがえると 使（つか）えなく なります。`,
      `4けたの ${PIN}を、3つとも 同（おな）じ 数字（すうじ）に して いる 人（ひと）が 多（おお）いです。`,
      ETAX_NOT_CARD_PIN,
    ],
  },

  contact: {
    title: "窓口（まどぐち）や 電話（でんわ）で 相談（そうだん）して ください",
    lead: (name, phone) =>
      `この チャットでは 答（こた）えられない 内容（ないよう）の ようです。${name}か、${COUNTER}に 相談（そうだん）して ください。電話（でんわ）は ${phone}です。`,
    phoneHeading: "電話（でんわ）で 相談（そうだん）",
    foreignLine: (phone) => `外国語（がいこくご）：${phone}`,
    handyHeading: "相談（そうだん）の とき あると いい もの",
    handy: [CARD, "画面（がめん）に 出（で）た 文（ぶん）や 番号（ばんごう）を 書（か）いた もの（HJS0432Eなど）"],
  },

  // §10: e-Tax's own password is the tax office's matter.
  etax: {
    title: "e-Taxの 暗証番号（あんしょうばんごう）：利用者識別番号（りようしゃしきべつばんごう）の パスワード",
    lead: [
      `e-Taxの ${PIN}は、${CARD}の 暗証番号とは ちがいます。`,
      `市区町村（しくちょうそん）の ${COUNTER}では、決（き）めなおせません。`,
      "下（した）の 国税庁（こくぜいちょう）の 方法（ほうほう）で 決（き）めなおして ください。",
    ].join(""),
    summary: [
      `e-Taxの 利用者識別番号（りようしゃしきべつばんごう）の ${PIN}は、${CARD}の 暗証番号とは ちがいます。`,
      "カードの 暗証番号を 決（き）めなおしても、e-Taxの 暗証番号は 使（つか）えるように なりません。",
      "これは 税務署（ぜいむしょ）（e-Tax）の 手続（てつづ）きです。",
      `市区町村（しくちょうそん）の ${COUNTER}では 決（き）めなおせません。`,
      "次（つぎ）の どれかの 方法（ほうほう）で 決（き）めなおして ください。",
    ].join(""),
    waysHeading: "決（き）めなおす 方法（ほうほう）：国税庁（こくぜいちょう）の 案内（あんない）",
    idPasswordHeading: "確定申告書等作成（かくていしんこくしょとうさくせい）コーナーの ID・パスワード方式（ほうしき）の とき",
    idPasswordItems: [
      "税務署（ぜいむしょ）が 出（だ）した IDと パスワードです。",
      "わからなく なった ときは、税務署（ぜいむしょ）で もう一度（いちど） 出（だ）して もらって ください。",
    ],
    cardTooHeading: "カードの 暗証番号（あんしょうばんごう）も 使（つか）えない とき・わすれた とき",
    // (`idBesidesCard` is the list form; the sentence names the document itself.)
    cardTooItem: (city) =>
      `カードの ${PIN}は、${cityCounter(city)}で 決（き）めなおせます。${CARD}と、${ID_BESIDES_CARD}を もって きて ください。${ID_EXAMPLES}`,
    pinResetHeading: "カードの 暗証番号（あんしょうばんごう）を 決（き）めなおす：くわしく",
    pinResetItems: [
      "署名用（しょめいよう）と 4けたの 利用者証明用（りようしゃしょうめいよう）は、スマホと コンビニでも 決（き）めなおせます。",
      "もう 1つの 暗証番号（あんしょうばんごう）を おぼえて いて、カードを 読（よ）める スマホが ある ときです。「JPKI暗証番号リセット」アプリを 使（つか）います。",
      `${JUKI}と ${KENMEN}の ${PIN}は、${COUNTER}だけです。`,
      "この チャットで 「カードの暗証番号がロックされた」などと 送（おく）って ください。くわしく 説明（せつめい）します。",
    ],
  },
};
