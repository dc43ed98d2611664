/**
 * The route answers in Japanese (the default locale). Facts behind each sentence: shared/facts.md,
 * section numbers in comments. A city's content owner reviews this file with routes.ts.
 */
import type { RouteText } from "./types.ts";

/** §3: every PIN the counter may ask for at a renewal, and what to do about a forgotten one. */
const RENEWAL_PIN_ITEMS = [
  "暗証番号を3つとも確かめておいてください（窓口で入力を求められることがあります）：住民基本台帳用（4桁の数字）、利用者証明用（4桁の数字）、署名用（英大文字と数字の6〜16桁）",
  "忘れた暗証番号がある場合は、本人確認書類（運転免許証、パスポートなど）もお持ちください。同じ来庁で再設定でき、そのぶん時間がかかります。",
];

/** §5: an identity document besides the card (the card alone is not enough when its PIN is forgotten). */
const ID_BESIDES_CARD = "本人確認書類（運転免許証、パスポート、資格確認書など。マイナンバーカードとは別に1点）";

/** §3, §5: a forgotten PIN is reset in the same visit, with an identity document besides the card. */
const PIN_FORGOTTEN_ITEM = `暗証番号を忘れた場合は、${ID_BESIDES_CARD}もお持ちください（同じ来庁で再設定できます）。`;

/** §4: always this wording, never a bare 「翌日から使えます」. */
const USABLE_FROM =
  "新しい証明書が使えるのは、早くて発行の翌日からです（当日は使えません）。翌日になっても使えない場合は、翌開庁日（土日・祝日・12月29日〜1月3日を除く日）以降にもう一度お試しください。";

const RENEWAL_BRING = ["マイナンバーカード", "有効期限通知書（届いていれば）", "暗証番号3つ（窓口で入力を求められることがあります）"];

const ETAX_NOT_CARD_PIN = "e-Taxの利用者識別番号の暗証番号は、カードの暗証番号とは別のものです。";

export const ja: RouteText = {
  layout: {
    title: (t) => `【${t}】`,
    heading: (h) => `■${h}`,
    bullet: "・",
    linkLine: (label, url) => `${label}：${url}`,
    sentences: (parts) => parts.join(""),
    list: (parts) => parts.join("・"),
    paren: (text, remark) => `${text}（${remark}）`,
  },

  untranslated: (text) => text,

  links: {
    call: (phone) => `${phone}に電話`,
    reservation: "窓口の予約",
    cityPage: (city) => `${city}のマイナンバーカードのページ`,
    eTaxCertificate: "e-Tax 電子証明書の失効について",
    eTaxPasswordFaq: "e-Taxの暗証番号を忘れた場合",
    eTaxIdPassword: "ID・パスワード方式の紛失",
    jlisPinReset: "J-LIS 暗証番号リセットの案内",
    jlisStores: "対応コンビニの一覧",
  },

  common: {
    counterHeading: "窓口・受付時間",
    address: (a) => `住所：${a}`,
    hours: (h) => `受付時間：${h}`,
    phone: (p) => `電話：${p}`,
    feeAndWait: (fee, wait) => `${fee}・${wait}`,
    bringHeading: "持ち物",
    bringSelfHeading: "持ち物（ご本人が行く場合）",
    bringMoreHeading: "持ち物（くわしく）",
    feeWaitHeading: "手数料・所要時間",
    feeWaitMoreHeading: "手数料・所要時間（くわしく）",
    fee: (fee) => `手数料：${fee}`,
    wait: (wait) => `所要時間：${wait}`,
    feesHeading: "手数料",
    procedureHeading: "手続き",
    cautionHeading: "ご注意",
    reservationHeading: "予約",
    smartphoneHeading: "スマートフォン用電子証明書",
    notesHeading: "そのほかの注意",
    checkHeading: "確認してください",
    aboutHeading: "くわしい説明",
    contactHeading: "問い合わせ",
    nationalHelpLine: (phone, hours) => `マイナンバー総合フリーダイヤル ${phone}（${hours}）`,
    cityHelpDesk: (name, phone, hours) => `${name} ${phone}（${hours}）`,
    counterBrief: (name, hours) => `窓口：${name}（${hours}）`,
    noReservation: "予約は不要です。",
    reservationRequired: "予約が必要です",
    reservationOptional: "窓口の予約ができます",
    reservationLine: (head, url) => `${head}：${url ?? ""}`.trim(),
    reservationWait: "予約をしても、混み具合によってはお待ちいただくことがあります。",
    afterChangeReservationUnknown: "住所・氏名の変更に伴う手続きは、予約の対象外のことがあります。窓口にお問い合わせください。",
    afterChangeReservationNone: "住所・氏名の変更に伴う手続きは、予約の対象外です。",
    usableFrom: USABLE_FROM,
    renewalPinItems: RENEWAL_PIN_ITEMS,
    idBesidesCard: ID_BESIDES_CARD,
    pinForgottenItem: PIN_FORGOTTEN_ITEM,
    smartphoneNote:
      "スマートフォン用電子証明書をお使いの場合は、カードの証明書を発行し直したあと、マイナポータルアプリで設定し直しが必要になることがあります。",
    renewalRule: (months) => `有効期限の${months}か月前の翌日から有効期限の日まで`,
    myNumberCard: "マイナンバーカード",
    pinName: {
      jukinet: "住民基本台帳用",
      kenmen: "券面事項入力補助用",
      both: "署名用・利用者証明用",
      signature: "署名用（6〜16桁の英数字）",
      user: "4桁の利用者証明用",
      card: "マイナンバーカード",
    },
    etaxPasswordWays: [
      "1. 利用者識別番号をマイナンバーカードと連携している場合（マイナンバーカード方式）：カードでe-Taxにログインし、新しい暗証番号を設定できます。",
      "2. 1ができず、メールアドレスと秘密の質問を登録している場合：e-Taxの「再設定用パスワードの取得」から、オンラインで暗証番号を再設定できます。",
      "3. どちらもできない場合：「変更等届出書」（暗証番号等の再発行）をオンラインまたは税務署に出します。数日後に通知が郵送で届きます。",
    ],
    etaxPasswordTooNote:
      "e-Taxの暗証番号（利用者識別番号のパスワード）は、カードの暗証番号とは別のもので、税務署（e-Tax）の手続きです。カードの暗証番号を再設定しても戻りません。",
    etaxPasswordTooHeading: "e-Taxの暗証番号の再設定（国税庁の案内）",
  },

  details: {
    question: "くわしく知りたいことがあれば、選んでください。",
    lead: (headings) => `${headings.join("・")}のご案内です。`,
  },

  proxy: {
    heading: "代理人（家族など）が手続きする場合",
    rules: {
      // seeds 002, 003: one visit with the sealed 照会書兼回答書 from the expiry-notice envelope, else two.
      renewal: [
        "有効期限通知書の封筒に入っている照会書兼回答書（自治体により「回答書兼委任状」）に、ご本人が記入し、暗証番号欄も書いて封をすれば、代理人の1回の来庁で更新できます。",
        "持ち物：ご本人のマイナンバーカード、封をした照会書兼回答書、代理人の本人確認書類（運転免許証など顔写真付きのもの）",
        "照会書兼回答書がない場合は、窓口からご本人あてに照会書を郵送するため、2回の来庁が必要です。",
      ],
      // seed 002 ("代理人での手続きを希望される場合は、別途お問い合わせください"); municipal pages: M.
      "new-issue": [
        "引っ越し・氏名変更や期限切れのあとの発行では、有効期限通知書は使えません。窓口で申請すると、ご本人の住所あてに照会書兼回答書が郵送され、代理人はそれを持ってもう一度お越しいただきます（2回の来庁）。",
        "持ち物：ご本人のマイナンバーカード、ご本人が記入して封をした照会書兼回答書、代理人の本人確認書類（顔写真付き）",
        "扱いは自治体によって異なります。事前に窓口へお問い合わせください。",
      ],
      // seeds 000, 003: a 照会書 is mailed to the resident first.
      "pin-reset": [
        "暗証番号の再設定は、代理人では1回で終わりません。まず窓口で申請すると、ご本人あてに照会書が郵送されます。",
        "照会書にご本人が記入・封をしたものと、ご本人のマイナンバーカード、代理人の本人確認書類（顔写真付き）を持って、もう一度お越しください。",
      ],
      // seed 003; municipal pages: M.
      "new-card": [
        "新しいカードの申請は、ご本人が交付申請書で行います（郵送・スマートフォン・パソコン・証明写真機）。",
        "カードの受け取りを代理人に頼めるのは、病気や障害などで来庁が難しい場合に限られ、そのことを示す書類が必要です。事前に窓口へお問い合わせください。",
      ],
      // municipal pages: M. No expiry notice is mailed, so no 照会書兼回答書 comes with one.
      "foreign-extension": [
        "代理人による手続きは、事前に窓口へお問い合わせください（有効期限通知書は送られてこないため、通知書に入った書類はありません）。",
      ],
    },
    // seed 003: H.
    guardianHeading: "成年後見人が手続きする場合",
    guardianItems: ["ご本人のマイナンバーカード", "成年後見人の本人確認書類（顔写真付き）", "成年後見人であることを確認できる登記事項証明書"],
    // municipal pages: M.
    parentHeading: "15歳未満のお子さんの場合（親権者）",
    parentItems: [
      "お子さんと一緒に、親権者（法定代理人）が手続きします。",
      "お子さんのマイナンバーカードと、親権者の本人確認書類（顔写真付き）",
      "親権者がお子さんと別の世帯の場合は、親子関係がわかる書類（戸籍謄本など）",
    ],
  },

  signatureReissue: {
    title: "署名用電子証明書の再発行（引っ越し・氏名変更のあと）",
    lead: (city, fw) => `住所・氏名の変更で署名用電子証明書が失効しています。${city}の窓口で発行の申請をしてください（${fw}）。`,
    summary:
      "引っ越しや結婚などで住所・氏名が変わると、署名用電子証明書は有効期限が残っていても自動的に失効します。更新の受付期間を待つ必要はありません。住民票のある市区町村の窓口で、署名用電子証明書を新しく発行してもらってください（カードの住所変更だけでは再発行されません）。",
    steps: [
      `窓口で「住所（氏名）の変更で署名用電子証明書が失効したので、発行してほしい」とお伝えください。`,
      "新しい署名用の暗証番号（英大文字と数字の6〜16桁）をその場で設定します。",
    ],
    bring: ["マイナンバーカード", "4桁の暗証番号（窓口で入力を求められます）"],
    more: [PIN_FORGOTTEN_ITEM, "新しい署名用の暗証番号は、事前に決めておくとスムーズです。", "利用者証明用電子証明書（4桁の暗証番号）は引っ越しでは失効しません。"],
  },

  reissueAfterExpiry: {
    titleExpired: "有効期限が切れた電子証明書の発行",
    titleRevoked: "失効した電子証明書の発行",
    whatExpired: (expiry) =>
      `電子証明書の有効期限${expiry ? `（${expiry}）` : ""}が過ぎています。期限が切れたあとでも、窓口で新しく発行できます。`,
    whatRevoked:
      "電子証明書が失効しています。原因は、有効期限切れか、発行後の住所・氏名などの変更のどちらかです。どちらの場合も、窓口で新しく発行できます。",
    cardValidUntil: (date) => `カード本体は${date}まで有効です。`,
    checkExpiryDate: "カード表面の「電子証明書の有効期限」の日付",
    checkMoved: "証明書の発行・更新のあとに、引っ越しや氏名の変更をしたかどうか（した場合は署名用電子証明書の失効です）",
    checkCard: "カード本体の有効期限（表面に記載）。過ぎている場合は、証明書ではなく新しいカードの申請が必要です。",
    happenedExpired: (expiry) => `電子証明書の有効期限${expiry ? `（${expiry}）` : ""}が過ぎています。`,
    happenedRevoked: "電子証明書が失効しています（有効期限切れか、住所・氏名の変更）。",
    lead: (happened, city, fw) => `${happened}${city}の窓口で新しく発行を受けてください（${fw}）。`,
    procedure: (expired) =>
      `窓口で「電子証明書が${expired ? "有効期限切れになった" : "失効した"}ので発行してほしい」とお伝えください。コンビニやオンラインでは発行できません。`,
    bring: ["マイナンバーカード", "設定している暗証番号（窓口で入力を求められます）"],
    more: [`以前に設定した暗証番号が必要です。忘れている場合は、${ID_BESIDES_CARD}を持っていけば、同じ窓口で再設定もできます。`],
  },

  renewal: {
    title: "電子証明書の更新",
    leadUntil: (date, city, fw) => `電子証明書の更新の受付期間中です。${date}までに${city}の窓口で更新してください（${fw}）。`,
    leadRule: (rule, city, fw) => `電子証明書の更新は、${rule}です。${city}の窓口で更新してください（${fw}）。`,
    summaryWindow: (opens, closes, lastDay) =>
      `いまは更新の受付期間中です（${opens}から${closes}まで）。有効期限までに窓口で更新してください。${lastDay ? `有効期限の${closes}は窓口が休みのため、窓口で手続きできるのは${lastDay}までです。` : ""}`,
    summaryRule: (rule) =>
      `電子証明書の更新は、${rule}、窓口で受け付けています（例：有効期限が3月15日なら12月16日から）。カード表面の有効期限をご確認のうえ、窓口へお越しください。`,
    steps: (city) => [`${city}の窓口で更新します。コンビニやオンラインではできません。`, "有効期限通知書がなくても更新できます。"],
    bring: RENEWAL_BRING,
    notes: [
      "受付期間内に更新すると、新しい証明書は更新した日から6回目の誕生日まで有効です（受付期間より前に更新すると短くなります）。",
      "引っ越し・氏名変更をした場合は、署名用電子証明書はすでに失効しています。更新ではなく発行になり、受付期間を待たずに手続きできます。",
      "マイナ保険証への反映は約24時間後です。",
    ],
  },

  renewalNotYet: {
    title: "電子証明書の更新（受付開始前）",
    closedOpening: (opens, firstDay) => `${opens}は窓口が休みのため、窓口で手続きできるのは${firstDay}からです。`,
    leadWindow: (date, city) => `更新の受付はまだ始まっていません。${date}から、${city}の窓口で更新してください。`,
    leadRule: (rule, city) => `更新の受付は、${rule}です。受付が始まったら、${city}の窓口で更新してください。`,
    summaryWindow: (opens, closes, months, closedOpening) =>
      `更新の受付は${opens}から始まります（有効期限${closes}の${months}か月前の翌日）。${closedOpening}それまでお待ちください。`,
    summaryRule: (months) => `更新の受付は、有効期限の${months}か月前の翌日から始まります。`,
    whenWhereHeading: "いつ・どこで",
    window: (opens, closes) => `受付期間：${opens}〜${closes}`,
    where: (city) => `${city}の窓口で更新します（コンビニ・オンラインでは不可）。`,
    bringHeading: "持ち物（受付が始まってから）",
    bring: RENEWAL_BRING,
    bringMore: ["有効期限の2〜3か月前に、地方公共団体情報システム機構（J-LIS）から有効期限通知書が届きます。通知書がなくても更新できます。"],
    cautions: ["受付期間より前に手続きすると、新しい証明書の有効期間が短くなります。"],
    notes: [
      "月末が有効期限の場合やうるう年は、受付開始日が1日ずれることがあります。",
      "引っ越し・氏名変更をしていなければ、それまでの間は今の証明書を使えます。住所や氏名が変わった場合は、署名用電子証明書は失効しているため、受付期間を待たずに窓口で発行を受けてください。",
    ],
  },

  cardRenewal: {
    title: "マイナンバーカードの更新（新しいカードの申請）",
    whyUnknown: "カード本体の有効期限が過ぎたか、まもなく来るため",
    whyPast: (date) => `カード本体の有効期限（${date}）が過ぎているため`,
    whyComing: (date, beforeCert) => `カード本体の有効期限（${date}）が${beforeCert ? "電子証明書より先に" : ""}来るため`,
    lead: (why, fee) => `${why}、新しいカードの申請が必要です。有効期限通知書に同封の交付申請書で申請してください（${fee}）。`,
    summary: (why) => `${why}、電子証明書だけの更新ではなく、新しいカードの申請が必要です。`,
    steps: [
      "有効期限通知書に同封されている交付申請書で、新しいカードを申請します（郵送・スマートフォン・パソコン・証明写真機から申請できます）。",
      "新しいカードができると交付通知書が届きます。受け取りは窓口で、その時に新しい電子証明書も発行されます。",
    ],
    bringOnReceipt: ["受け取りのとき：今のマイナンバーカード、交付通知書、本人確認書類"],
    duration: "申請から受け取りまで1か月程度かかることがあります。早めに申請してください。",
    notes: (wait) => [
      "電子証明書はカードより長く使えないため、カードを新しくすると証明書も新しくなります。",
      `受け取りの窓口の所要時間：${wait}`,
      "在留期間に合わせた有効期限の外国人住民の方は、在留期間の更新のあとに窓口で有効期限の変更手続きをしてください。",
    ],
  },

  foreignExtension: {
    title: "在留期間の更新に伴うカードの有効期限変更（外国人住民の方）",
    lead: (city) =>
      `在留カードを更新しても、マイナンバーカードの有効期限は自動では延びません。${city}の窓口で、有効期限の変更と電子証明書の発行を受けてください。`,
    summary:
      "在留期間に合わせた有効期限のマイナンバーカードは、在留カードを更新しても自動では延長されません。窓口でカードの有効期限の変更と、電子証明書の発行を受けてください。",
    steps: (city) => [
      `${city}の窓口で、カードの有効期限の変更（延長）を申請してください。電子証明書も新しく発行が必要です。`,
      "有効期限通知書は送られてきませんので、在留期間を更新したら早めに手続きしてください。",
    ],
    bring: ["マイナンバーカード", "新しい在留カード", "4桁の暗証番号（窓口で入力します）"],
    foreignHeading: "外国語での問い合わせ",
    foreignLine: (phone) => `マイナンバー総合フリーダイヤル（外国語）${phone}`,
  },

  kiosk: {
    title: "スマートフォンとコンビニで暗証番号を再設定",
    resettingSignature: "署名用（6〜16桁の英数字）",
    resettingUser: "利用者証明用（4桁）",
    otherOfSignature: "4桁の利用者証明用",
    otherOfUser: "署名用（6〜16桁）",
    lead: (resetting, fee) =>
      `${resetting}の暗証番号は、窓口に行かずに、スマートフォンとコンビニのマルチコピー機で再設定できます（${fee}）。まずアプリで予約してください。`,
    stepsHeading: "手順",
    steps: (other, hours, kioskHours) => [
      "1. スマートフォンに「JPKI暗証番号リセット」アプリを入れます（マイナポータルアプリではありません）。",
      `2. アプリで、${other}の暗証番号の入力とカードの読み取り、顔の撮影をして予約します（24時間いつでも可、メンテナンス時間を除く）。`,
      `3. 予約から${hours}時間以内に、コンビニのマルチコピー機（${kioskHours}）で、もう一度同じ暗証番号を入力し、新しい暗証番号を2回入力します。`,
    ],
    bring: ["マイナンバーカード", "アプリを入れたスマートフォン"],
    storesHeading: "使えるコンビニ",
    stores: [
      "セブン-イレブン（一部のイオンも）：署名用・4桁の利用者証明用の両方",
      "ローソン・ファミリーマート・ミニストップ：署名用のみ",
      "対応店舗は変わることがあります。J-LISの案内で最新の情報をご確認ください。",
    ],
    cautionOtherPins: "住民基本台帳用・券面事項入力補助用の暗証番号は、この方法では再設定できません。",
    cautionUserNeedsSignature:
      "署名用電子証明書の有効期限が切れている場合や、発行後に引っ越し・氏名変更をした場合は、この方法は使えません。窓口で再設定してください。",
    cautionExpiredReservation: (hours) => `${hours}時間を過ぎると予約は無効になります。最初からやり直してください。`,
    troubleHeading: "うまくいかないとき",
    troubleItem: (name, hours) => `窓口でも再設定できます：${name}（${hours}）`,
  },

  counterReset: {
    title: "窓口で暗証番号を再設定",
    lead: (pin, city, fee) =>
      `${pin}の暗証番号は、${city}の窓口で再設定できます。マイナンバーカードと本人確認書類を持ってお越しください（${fee}）。`,
    summary: (pin, city) => `${pin}の暗証番号は、${city}の窓口で再設定できます（ロックの解除と新しい暗証番号の設定）。`,
    closedHeading: "コンビニで再設定できない理由",
    closedItem: (reason) =>
      `4桁の暗証番号をスマートフォンとコンビニで再設定するには、有効な署名用電子証明書が必要です。${
        reason === "revoked" ? "引っ越し・氏名変更で署名用電子証明書が失効しているため" : "署名用電子証明書の有効期限が切れているため"
      }、窓口で再設定してください。`,
    closedSameVisit: "同じ来庁で、署名用電子証明書の新しい発行も一緒に受けられます。窓口でお伝えください。",
    tellCounter: "窓口で「暗証番号がロックされた（忘れた）ので再設定したい」とお伝えください。",
    noSignatureSetHere: "新しい4桁の暗証番号はその場で設定します。",
    noSignatureCounterOnly: "署名用電子証明書がないカードのため、4桁の暗証番号の再設定は窓口でだけ受け付けています。",
    setHere: "新しい暗証番号はその場で設定します。4桁の数字、署名用は英大文字と数字の6〜16桁です。",
    otherPinCounterOnly: "この暗証番号の再設定は、窓口でだけ受け付けています。",
    sameFourDigits: "住民基本台帳用・券面事項入力補助用の暗証番号も同じ4桁にしている場合は、まとめて再設定できます。",
    lockNoTimeout: "ロックは時間がたっても解除されません。",
    kioskHint: "もう一方の暗証番号を覚えていて、カードを読み取れるスマートフォンがあれば、コンビニでも再設定できる場合があります。",
  },

  retry: {
    title: "暗証番号の入力はいったん止めてください",
    kindSignature: "署名用（6〜16桁の英数字）",
    kindUser: "4桁の利用者証明用",
    leadRemaining: (kind, remaining) =>
      `${kind}の暗証番号は、あと${remaining}回間違えるとロックされます。確かな番号がわからないときは、続けて試すのは控えて、次の確認をお願いします。`,
    leadLimits: (sig, four) =>
      `署名用（6〜16桁）は${sig}回、4桁の暗証番号は${four}回続けて間違えるとロックされます。これ以上の入力はいったん止めてください。`,
    checkHeading: "まず確認すること",
    checks: [
      "カードを受け取ったときの「暗証番号設定控」などのメモを探してください。",
      "署名用は英大文字と数字の6〜16桁（小文字は使えません）、利用者証明用は4桁の数字です。",
      ETAX_NOT_CARD_PIN,
      "間違えた回数は、正しく入力するまで時間がたってもリセットされません。",
    ],
    unsureHeading: "自信がない場合",
    unsureReset: "試す前に再設定をおすすめします。窓口、または条件がそろえばスマートフォンとコンビニで再設定できます。",
    pinResetFee: (fee) => `再設定：${fee}`,
  },

  lost: {
    title: "マイナンバーカードをなくしたとき",
    lead: (phone, lossReport) =>
      `まず、すぐにマイナンバー総合フリーダイヤル ${phone} に電話して、カードの一時利用停止をしてください。${lossReport}。`,
    nowHeading: "すぐにすること",
    steps: (phone, city) => [
      `1. ${phone} に電話して一時利用停止（24時間受付）`,
      "2. 警察に遺失届（盗難の場合は盗難届）を出し、受理番号を控えてください。",
      `3. ${city}の窓口で再発行を申請します。`,
    ],
    bringHeading: "再発行の持ち物",
    bring: ["本人確認書類（運転免許証など）", "警察の受理番号", "顔写真（窓口でご案内します）"],
    cautions: ["見つかった場合は、窓口で一時停止の解除ができます。", "再発行のカードができるまで1か月程度かかることがあります。"],
  },

  wait: {
    title: "発行したばかりの電子証明書",
    lead: (issued, nextDay, businessDay) =>
      `${issued}に発行された電子証明書は、早ければ${nextDay}から使えます。${businessDay ? `それでも使えない場合は、翌開庁日の${businessDay}以降にもう一度お試しください。` : ""}`,
    usableHeading: "使えるようになる時期",
    usable: ["e-Tax：発行の翌日から（当日は使えません）", "マイナ保険証：反映まで約24時間かかります。"],
    openDaysHeading: "開庁日について",
    openDays: ["自治体によっては「翌開庁日から」と案内しています。土日・祝日・年末年始（12月29日〜1月3日）は開庁日ではありません。"],
    stillHeading: "それでも使えない場合",
    stillCheck: "暗証番号の入力間違いが続いていないか確認してください。",
  },

  noSignature: {
    faceTitle: "顔認証マイナンバーカード（暗証番号のないカード）",
    faceLead:
      "顔認証マイナンバーカードには暗証番号がなく、暗証番号を使うサービスはこのカードでは使えません。使いたい場合は、窓口で通常のカードへの切り替えをご相談ください。",
    faceSummary:
      "顔認証マイナンバーカードには暗証番号がなく、署名用電子証明書も入っていません。このため、暗証番号を使うサービスは、このカードでは使えません。「ロックされています」「暗証番号が違います」などの表示は、このカードの暗証番号から出たものではありません。",
    faceCannotHeading: "このカードで使えないもの",
    faceCannot: [
      "マイナポータルへの暗証番号でのログイン",
      "コンビニ交付（コンビニでの住民票の写しなどの取得）",
      "e-Taxのマイナンバーカード方式（電子署名・ログイン）",
    ],
    whatToDoHeading: "どうすればよいか",
    faceWhatToDo: [
      "これらを使いたい場合は、窓口で暗証番号を設定したカード（通常のマイナンバーカード）への切り替えをご相談ください。",
      "e-Taxの申告は、ID・パスワード方式や書面での提出もできます。",
    ],
    whoAdultWard: "成年被後見人の方",
    whoUnder15: "15歳未満の方",
    whoEither: "15歳未満の方や成年被後見人の方",
    title: "署名用電子証明書がないカード",
    lead: (who) =>
      `${who}のカードには、原則として署名用電子証明書がありません。暗証番号の問題ではありません。e-Taxは、ID・パスワード方式や書面でも提出できます。`,
    summary: (who) =>
      `${who}のカードには、原則として署名用電子証明書が発行されていません。e-Taxの送信など署名用電子証明書を使う操作で「ロックされています」などの表示が出ても、暗証番号の問題ではありません。`,
    whatToDo: [
      "e-Taxの申告は、ID・パスワード方式や書面での提出もできます。",
      "4桁の暗証番号（利用者証明用）がロックされた・忘れた場合は、窓口で再設定できます（コンビニではできません）。",
      "詳しくは窓口でご相談ください。",
    ],
  },

  whichPin: {
    title: "暗証番号と電子証明書の種類",
    lead: "マイナンバーカードには、目的の違う2つの電子証明書と、4種類の暗証番号があります。どの場面でどれを使うかをご確認ください。",
    summary: "マイナンバーカードには、目的の違う2つの電子証明書と、4種類の暗証番号があります。",
    signatureHeading: "署名用電子証明書",
    signatureItems: (limit) => [
      "使う場面：e-Tax（確定申告）の送信、オンライン申請など「書類に署名する」とき",
      `暗証番号：英大文字と数字の6〜16桁。${limit}回続けて間違えるとロック`,
      "引っ越し・結婚などで住所や氏名が変わると失効します",
    ],
    userHeading: "利用者証明用電子証明書",
    userItems: (limit) => [
      "使う場面：マイナポータルのログイン、コンビニ交付、マイナ保険証など「本人であることを示す」とき",
      `暗証番号：4桁の数字。${limit}回続けて間違えるとロック`,
      "引っ越しでは失効しません",
    ],
    otherHeading: "そのほかの暗証番号（どちらも4桁）",
    otherItems: (limit) => [
      `住民基本台帳用、券面事項入力補助用。${limit}回続けて間違えるとロック`,
      "4桁の暗証番号は3つとも同じ数字にしている方が多いです",
      "e-Taxの利用者識別番号の暗証番号は、カードの暗証番号とは別のものです",
    ],
  },

  contact: {
    title: "窓口・電話でご相談ください",
    lead: (name, phone) => `このチャットではご案内しきれない内容のようです。お手数ですが、${name}（${phone}）か窓口にご相談ください。`,
    phoneHeading: "電話で相談",
    foreignLine: (phone) => `外国語：${phone}`,
    handyHeading: "相談のときにあると便利なもの",
    handy: ["マイナンバーカード", "画面に出たメッセージ（エラーコードなど）のメモ"],
  },

  etax: {
    title: "e-Taxの暗証番号（利用者識別番号のパスワード）",
    lead: "e-Taxの暗証番号は、マイナンバーカードの暗証番号とは別のもので、市区町村の窓口では再設定できません。下の国税庁の方法で再設定してください。",
    summary:
      "e-Taxの利用者識別番号の暗証番号は、マイナンバーカードの暗証番号とは別のものです。カードの暗証番号を再設定しても戻りません。これは税務署（e-Tax）の手続きで、市区町村の窓口では再設定できません。次のいずれかの方法で再設定してください。",
    waysHeading: "再設定の方法（国税庁の案内）",
    idPasswordHeading: "確定申告書等作成コーナーのID・パスワード方式の場合",
    idPasswordItems: ["税務署で発行されたIDとパスワードです。わからなくなった場合は、税務署で再発行を受けてください。"],
    cardTooHeading: "カードの暗証番号もロックされた・忘れた場合",
    cardTooItem: (city, id) => `カードの暗証番号は、${city}の窓口で再設定できます。マイナンバーカードと${id}をお持ちください。`,
    pinResetHeading: "カードの暗証番号の再設定（くわしく）",
    pinResetItems: [
      `署名用・4桁の利用者証明用は、もう一方の暗証番号を覚えていて、カードを読み取れるスマートフォンがあれば、「JPKI暗証番号リセット」アプリとコンビニでも再設定できます。住民基本台帳用・券面事項入力補助用の暗証番号は窓口だけです。`,
      "このチャットで「カードの暗証番号がロックされた」などと送っていただければ、詳しくご案内します。",
    ],
  },
};
