/**
 * やさしい日本語 (issue 14; 在留支援のためのやさしい日本語ガイドライン, 2020): short sentences, one idea
 * each, です・ます, no double negatives, plain words. A kanji word carries its reading in full-width
 * brackets right after it — 暗証番号（あんしょうばんごう）— which the web page turns into <ruby>; LINE and
 * plain text keep the brackets. Words are spaced by phrase. Labels stay within 20 characters (LINE quick
 * replies), so they are mostly written in hiragana.
 */
import type { Catalog } from "./catalog.ts";

const yesNo = { yes: "はい", no: "いいえ" } as const;
const unknown = "わからない";
/** The label of 「窓口に相談したい」 (the hand-off's unreadable message names it). */
const CONTACT = "まどぐちに そうだんしたい";

export const JA_EASY: Catalog = {
  questions: {
    text: {
      symptom:
        "なにに こまって いますか？\nちかい ものを えらんで ください。\n画面（がめん）に 出（で）た ことばを そのまま 送（おく）っても いいです。",
      certificate:
        "どちらの 暗証番号（あんしょうばんごう）ですか？\n・6〜16けたの 英語（えいご）の 文字（もじ）と 数字（すうじ）：署名用（しょめいよう）です。e-Taxで つかいます。\n・4けたの 数字（すうじ）：利用者証明用（りようしゃしょうめいよう）です。マイナポータルに ログインする ときや、コンビニで 書類（しょるい）を もらう ときに つかいます。",
      basicInfoChanged:
        "電子証明書（でんししょうめいしょ）を つくった あと、住所（じゅうしょ）や 名前（なまえ）が かわりましたか？\n更新（こうしん）した あとに かわった ときも「はい」です。\nれい：ひっこし、けっこん",
      wrongAttempts:
        "つづけて 何回（なんかい） まちがえましたか？\n時間（じかん）が たっても、回数（かいすう）は 0に もどりません。\n正（ただ）しく 入（い）れると、0に もどります。",
      signaturePinKnown:
        "署名用（しょめいよう）の 暗証番号（あんしょうばんごう）を おぼえて いますか？\n6〜16けたの 英語（えいご）の 文字（もじ）と 数字（すうじ）です。",
      userPinKnown:
        "4けたの 暗証番号（あんしょうばんごう）を おぼえて いますか？\n利用者証明用（りようしゃしょうめいよう）の 番号（ばんごう）です。",
      nfcSmartphone:
        "マイナンバーカードを 読（よ）みとれる スマートフォンを もって いますか？\nカメラが ついて いる スマートフォンです。",
      certExpiry:
        "電子証明書（でんししょうめいしょ）の 期限（きげん）は いつですか？\nカードの おもてに 書（か）いて あります。「電子証明書（でんししょうめいしょ）の 有効期限（ゆうこうきげん）」の ところです。\nれい：2027年（ねん）3月（がつ）15日（にち）",
      cardExpiry:
        "マイナンバーカードの 期限（きげん）は いつですか？\nカードの おもてに 「まで有効（ゆうこう）」と 書（か）いて ある 日（ひ）です。\nれい：2027年（ねん）3月（がつ）15日（にち）",
      issuedOn:
        "電子証明書（でんししょうめいしょ）を 更新（こうしん）した 日（ひ）は いつですか？\nはじめて つくった 人（ひと）は、つくった 日（ひ）を 教（おし）えて ください。\nれい：きょう、11月（がつ）20日（にち）",
      applicant: "窓口（まどぐち）には だれが 行（い）きますか？",
      foreignResident: "在留（ざいりゅう）カードを もって いますか？",
      noSignatureReason: "あなたの カードに あてはまる ものは ありますか？",
    },
    labels: {
      symptom: {
        revoked: "「失効（しっこう）」と 出（で）る",
        expired: "期限（きげん）が きれた",
        locked: "ロックされた",
        "wrong-pin": "あんしょうばんごうを まちがえた",
        "forgot-pin": "あんしょうばんごうを わすれた",
        renewal: "しょうめいしょを 更新（こうしん）したい",
        "not-working-after-renewal": "更新（こうしん）したのに つかえない",
        "lost-card": "カードを なくした",
        "which-pin": "あんしょうばんごうの しゅるい",
        other: "ほかの こと・そうだんしたい",
      },
      certificate: { signature: "6〜16けたの えいすうじ", user: "4けたの すうじ", unknown },
      basicInfoChanged: { ...yesNo, unknown },
      signaturePinKnown: yesNo,
      userPinKnown: yesNo,
      nfcSmartphone: { ...yesNo, unknown },
      applicant: { self: "じぶん", proxy: "かぞく など ほかの 人（ひと）", "legal-representative": "親（おや）・こうけんにん" },
      foreignResident: yesNo,
      noSignatureReason: {
        "under-15": "15さいより 下（した）の 人（ひと）",
        "adult-ward": "せいねんひこうけんにん",
        "face-auth-card": "顔認証（かおにんしょう）の カード",
        unknown: "どれでもない・わからない",
      },
    },
    count: (n) => `${n}かい`,
    unknown,
    today: "きょう",
    yesterday: "きのう",
    retry: {
      unread: "すみません。よく わかりませんでした。ボタンを えらんで ください。みじかい ことばで 答（こた）えても いいです。",
      noSuchDate:
        "すみません。その 日（ひ）は ありません。\n2月（がつ）は 28日（にち）までです。うるうどしは 29日（にち）までです。\n4月（がつ）・6月（がつ）・9月（がつ）・11月（がつ）は 30日（にち）までです。\nもう 一度（いちど） 日（ひ）を たしかめて ください。",
      ambiguous: "回数（かいすう）が はっきり しない ときは、いちばん ちかい ものを えらんで ください。「わからない」を えらんでも いいです。",
    },
  },
  followUp: {
    text: "こまって いる ことは かいけつしましたか？\nほかにも こまって いる ことが あれば、そのまま 書（か）いて ください。",
    labels: { resolved: "かいけつした", "not-resolved": "まだ こまって いる", restart: "はじめから やりなおす", contact: CONTACT },
  },
  messages: {
    greeting:
      "こんにちは。マイナ証明書（しょうめいしょ）レスキューです。\nマイナンバーカードの 電子証明書（でんししょうめいしょ）や 暗証番号（あんしょうばんごう）で こまった ときに、手続（てつづ）きを じゅんばんに 教（おし）えます。\n暗証番号（あんしょうばんごう）は 送（おく）らないで ください。\nマイナンバーの 12けたの 番号（ばんごう）も 送（おく）らないで ください。",
    restarted: "はじめから ききます。",
    freshDiagnosis: "あたらしい そうだんとして ききます。",
    askAgainGaveUp: "すみません。答（こた）えが よく わかりませんでした。「わからない」として つぎに すすみます。",
    askAgainGaveUpToPerson:
      "すみません。答（こた）えが よく わかりませんでした。窓口（まどぐち）で たしかめて ください。れんらくさきを 教（おし）えます。",
    expired: "前（まえ）の そうだんから 時間（じかん）が たちました。はじめから ききます。",
    versionChanged: "チャットの しくみが かわりました。はじめから ききます。",
    piiWarning:
      "暗証番号（あんしょうばんごう）は この チャットに 送（おく）らないで ください。マイナンバーの 12けたの 番号（ばんごう）も 送（おく）らないで ください。\n送（おく）られた 番号（ばんごう）は けしました。のこして いません。\nしんぱいな ときは、暗証番号（あんしょうばんごう）を かえる ことも かんがえて ください。",
    internalError: "すみません。いま うまく できませんでした。すこし まってから、もう 一度（いちど） 送（おく）って ください。",
    unsupported:
      "すみません。文字（もじ）の メッセージだけ 読（よ）めます。こまって いる ことを 文（ぶん）で 送（おく）って ください。ボタンから えらんでも いいです。",
    localeSwitched: "やさしい にほんごに かえました。",
    languagesAvailable: "えいご（English）と ふつうの 日本語（にほんご）も えらべます。ボタンを えらんで ください。",
  },
  handoff: {
    openedWithinHours: (hoursText) =>
      `担当者（たんとうしゃ）に つなぎました。じゅんばんに 答（こた）えます。\n答（こた）えは この チャットに きます。このまま まって ください。\n（うけつけ：${hoursText}）`,
    openedOutsideHours: (opensAt, hoursText) =>
      `担当者（たんとうしゃ）に つなぎました。\nいまは うけつけの 時間（じかん）の そとです。${opensAt}から じゅんばんに 答（こた）えます。\n答（こた）えは この チャットに きます。このまま まって ください。\n（うけつけ：${hoursText}）`,
    openedNoHours: (hoursText) =>
      `担当者（たんとうしゃ）に つなぎました。うけつけの 時間（じかん）に なったら、じゅんばんに 答（こた）えます。\n答（こた）えは この チャットに きます。\n（うけつけ：${hoursText}）`,
    forwarded: "担当者（たんとうしゃ）に つたえました。答（こた）えを まって ください。",
    staffPrefix: "（たんとうしゃ）",
    resolved: "担当者（たんとうしゃ）との そうだんが おわりました。これからは チャットが 答（こた）えます。",
    withdrawn: "担当者（たんとうしゃ）との そうだんを やめました。チャットの あんないに もどります。",
    unreadable: `システムが かわりました。担当者（たんとうしゃ）との そうだんは いったん おわりました。\nもう 一度（いちど） そうだんしたい ときは、「${CONTACT}」を えらんで ください。`,
    unavailable: "すみません。いま 担当者（たんとうしゃ）に つなげませんでした。上（うえ）の 窓口（まどぐち）か 電話（でんわ）で そうだんして ください。",
  },
  feedback: {
    resolved: "よかったです。ほかにも こまって いる ことが あれば、そのまま 書（か）いて ください。",
    notResolved: "すみません。窓口（まどぐち）か 電話（でんわ）で そうだんして ください。",
    offerPerson: "担当者（たんとうしゃ）と チャットで そうだんする ことも できます。",
    otherwise: "ほかにも こまって いる ことが あれば、そのまま 書（か）いて ください。",
    talkToPerson: "たんとうしゃと そうだん",
    startOver: "はじめから やりなおす",
  },
  details: {
    about: "くわしい せつめい",
    proxy: "ほかの 人（ひと）が 行（い）く とき",
    guardian: "こうけんにんが 行（い）く とき",
    parent: "15さいより 下（した）の 子（こ）",
    bring: "もって いく もの",
    stores: "つかえる コンビニ",
    fees: "お金（かね）に ついて",
    smartphone: "スマホの 証明書（しょうめいしょ）",
    reservation: "よやくに ついて",
    check: "たしかめて ほしい こと",
    notes: "ほかの ちゅうい",
    contacts: "窓口（まどぐち）と 電話（でんわ）",
    pinReset: "カードの あんしょうばんごうも",
    etax: "e-Taxの あんしょうばんごう",
  },
};
