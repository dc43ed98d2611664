/**
 * 日本語: the reference catalog (text/catalog.ts). A city's content owner reviews this file; the other
 * locales follow its keys. Labels stay within 20 characters (LINE quick replies).
 */
import type { Catalog } from "./catalog.ts";

const yesNo = { yes: "はい", no: "いいえ" } as const;
const unknown = "わからない";

/** The label of 「窓口に相談したい」 (the hand-off's unreadable message names it). */
const CONTACT = "窓口に相談したい";

export const JA: Catalog = {
  questions: {
    text: {
      symptom: "どのようなことでお困りですか？近いものを選ぶか、画面に出たメッセージをそのまま送ってください。",
      certificate:
        "どちらの暗証番号のことですか？\n・6〜16桁の英数字：署名用（e-Taxの送信など）\n・4桁の数字：利用者証明用（マイナポータルのログイン、コンビニ交付など）",
      basicInfoChanged: "電子証明書を発行・更新したあとに、引っ越しや結婚などで住所・氏名が変わりましたか？",
      wrongAttempts: "続けて何回間違えましたか？（正しく入力するまで、回数は時間がたってもリセットされません）",
      signaturePinKnown: "署名用の暗証番号（6〜16桁の英数字）は覚えていますか？",
      userPinKnown: "4桁の暗証番号（利用者証明用）は覚えていますか？",
      nfcSmartphone: "マイナンバーカードを読み取れるスマートフォン（カメラ付き）をお持ちですか？",
      certExpiry:
        "電子証明書の有効期限を教えてください。カード表面の「電子証明書の有効期限」欄に書かれています（例：2027年3月15日、令和9年3月15日）。",
      cardExpiry:
        "マイナンバーカード本体の有効期限を教えてください。カード表面の「○年○月○日まで有効」の日付です（例：2027年3月15日）。",
      issuedOn: "電子証明書を更新・発行したのはいつですか？（例：今日、11月20日）",
      applicant: "窓口にはどなたが行かれますか？",
      foreignResident: "在留カードをお持ちの外国人住民の方ですか？",
      noSignatureReason: "カードについて、あてはまるものはありますか？",
    },
    labels: {
      symptom: {
        revoked: "「失効」と表示される",
        expired: "有効期限が切れた",
        locked: "暗証番号がロックされた",
        "wrong-pin": "暗証番号を間違えた",
        "forgot-pin": "暗証番号を忘れた",
        renewal: "電子証明書を更新したい",
        "not-working-after-renewal": "更新したのに使えない",
        "lost-card": "カードをなくした",
        "which-pin": "暗証番号の種類を知りたい",
        other: "その他・相談したい",
      },
      certificate: { signature: "6〜16桁の英数字(署名用)", user: "4桁の数字(利用者証明用)", unknown },
      basicInfoChanged: { ...yesNo, unknown },
      signaturePinKnown: yesNo,
      userPinKnown: yesNo,
      nfcSmartphone: { ...yesNo, unknown },
      applicant: { self: "本人", proxy: "代理人（家族など）", "legal-representative": "法定代理人・成年後見人" },
      foreignResident: yesNo,
      noSignatureReason: {
        "under-15": "15歳未満のカード",
        "adult-ward": "成年被後見人のカード",
        "face-auth-card": "顔認証マイナンバーカード",
        unknown: "どれでもない・わからない",
      },
    },
    count: (n) => `${n}回`,
    unknown,
    today: "今日",
    yesterday: "昨日",
    retry: {
      unread: "すみません、うまく読み取れませんでした。ボタンで選ぶか、短くお答えください。",
      noSuchDate:
        "すみません、その日付はありません（たとえば2月は28日まで、うるう年は29日まで、4月・6月・9月・11月は30日までです）。日付をもう一度お確かめください。",
      ambiguous: "回数がはっきりしない場合は、いちばん近いものを選ぶか「わからない」を選んでください。",
    },
  },
  followUp: {
    text: "解決しましたか？ほかにもお困りのことがあれば、そのまま入力してください。",
    labels: { resolved: "解決した", "not-resolved": "解決しない", restart: "最初からやり直す", contact: CONTACT },
  },
  messages: {
    greeting:
      "こんにちは。マイナ証明書レスキューです。マイナンバーカードの電子証明書や暗証番号で困ったときの手続きを、順番にご案内します。\n※暗証番号やマイナンバー（12桁）は送らないでください。",
    restarted: "最初からお伺いします。",
    freshDiagnosis: "新しいご相談として確認します。",
    askAgainGaveUp: "すみません、お答えを読み取れませんでした。「わからない」として先に進みます。",
    askAgainGaveUpToPerson: "すみません、お答えを読み取れませんでした。窓口でご確認いただけるよう、連絡先をご案内します。",
    expired: "前回のご相談から時間がたったため、最初からお伺いします。",
    versionChanged: "会話の仕組みが更新されたので、最初からお伺いします。",
    piiWarning:
      "暗証番号やマイナンバー（12桁）は、このチャットに送らないでください。送られた番号は保存せずに破棄しました。念のため、ご心配な場合は暗証番号の変更をご検討ください。",
    internalError: "申し訳ありません。ただいま処理できませんでした。少し時間をおいて、もう一度お送りください。",
    unsupported:
      "申し訳ありません。文字のメッセージだけ読み取れます。お困りのことを文章で送るか、ボタンから選んでください。",
    localeSwitched: "表示する言語を切り替えました。",
    languagesAvailable: "English・やさしい日本語でもご案内できます。ボタンで選ぶか、「English」「やさしい日本語」と送ってください。",
  },
  handoff: {
    openedWithinHours: (hoursText) =>
      `担当者に引き継ぎました。担当者が順番にお答えします。返事はこのチャットに届きますので、このままお待ちください。\n（受付時間：${hoursText}）`,
    openedOutsideHours: (opensAt, hoursText) =>
      `担当者に引き継ぎました。ただいま受付時間外のため、${opensAt}から担当者が順番にお答えします。返事はこのチャットに届きますので、このままお待ちください。\n（受付時間：${hoursText}）`,
    openedNoHours: (hoursText) =>
      `担当者に引き継ぎました。受付時間になりましたら、担当者が順番にお答えします。返事はこのチャットに届きます。\n（受付時間：${hoursText}）`,
    forwarded: "担当者にお伝えしました。担当者からの返事をお待ちください。",
    staffPrefix: "（担当者）",
    resolved: "担当者との相談を終了しました。引き続きチャットでご案内します。",
    withdrawn: "担当者へのご相談を取り下げ、チャットでのご案内に戻ります。",
    unreadable: `システムの更新のため、担当者へのご相談をいったん終了しました。お手数ですが、担当者との相談を希望される場合は、もう一度「${CONTACT}」を選んでください。`,
    unavailable: "申し訳ありません。ただいま担当者におつなぎできませんでした。お手数ですが、上の窓口またはお電話でご相談ください。",
  },
  feedback: {
    resolved: "お役に立ててよかったです。ほかにもお困りのことがあれば、そのまま入力してください。",
    notResolved: "お役に立てず申し訳ありません。窓口またはお電話でご相談ください。",
    offerPerson: "担当者とチャットで相談することもできます。",
    otherwise: "ほかにもお困りのことがあれば、そのまま入力してください。",
    talkToPerson: "担当者と相談する",
    startOver: "最初からやり直す",
  },
  details: {
    about: "くわしい説明",
    proxy: "代理人が行く場合",
    guardian: "成年後見人が行く場合",
    parent: "15歳未満のお子さんの場合",
    bring: "持ち物をくわしく",
    stores: "使えるコンビニ",
    fees: "手数料のくわしい内訳",
    smartphone: "スマホ用の証明書",
    reservation: "予約について",
    check: "確認してほしいこと",
    notes: "そのほかの注意",
    contacts: "窓口・電話の案内",
    pinReset: "カードの暗証番号も",
    etax: "e-Taxの暗証番号",
  },
};
