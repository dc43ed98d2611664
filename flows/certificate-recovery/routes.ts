/**
 * The route answers: what happened, where to go, what to bring, when it is open, what it costs, how
 * long it takes, and what to watch out for. Built from shared/facts.md (section numbers in comments)
 * and the city's configuration; a city's content owner reviews this file.
 *
 * Never asks for, repeats or stores a PIN or a 個人番号.
 */
import type { RouteReply, RouteSection } from "../../src/core/reply.ts";
import type { Facts, IsoDate } from "../../src/core/slots.ts";
import {
  addDays,
  formatJapaneseDate,
  nextBusinessDay,
  renewalWindow,
} from "../../src/calendar/index.ts";
import type { CityConfig } from "../cities/schema.ts";
import { lockLimit } from "./decide.ts";
import type { RouteId } from "./routes-ids.ts";

export interface RouteContext {
  city: CityConfig;
  today: IsoDate;
}

interface RouteContent {
  title: string;
  /** One or two sentences: what happened and the way out. */
  summary: string;
  sections: RouteSection[];
  links?: { label: string; url: string }[];
}

const d = (date: IsoDate) => formatJapaneseDate(date);
const known = (date: string | undefined): IsoDate | undefined => (date && date !== "unknown" ? date : undefined);

function counterSection(city: CityConfig): RouteSection {
  const c = city.counter;
  const items = [`${c.name}`, `住所：${c.address}`, `受付時間：${c.hoursText}`, `電話：${c.phone}`];
  if (c.note) items.push(c.note);
  for (const b of city.branches) items.push(`${b.name}（${b.hoursText}）`);
  return { heading: "窓口・受付時間", items };
}

function waitSection(city: CityConfig): RouteSection {
  return { heading: "所要時間", items: [city.typicalWait] };
}

/** What a proxy brings (§5, §7): a PIN reset always takes two visits; otherwise the sealed 照会書兼回答書. */
function proxySection(kind: "certificate" | "pin" | "card"): RouteSection {
  if (kind === "pin") {
    return {
      heading: "代理人が手続きする場合",
      items: [
        "暗証番号の再設定は、代理人では1回で終わりません。まず窓口で申請すると、ご本人あてに照会書が郵送されます。",
        "照会書にご本人が記入・封をしたものと、ご本人のマイナンバーカード、代理人の本人確認書類（顔写真付き）を持って、もう一度お越しください。",
      ],
    };
  }
  return {
    heading: "代理人が手続きする場合",
    items: [
      "ご本人のマイナンバーカード",
      "有効期限通知書の封筒に入っている照会書兼回答書（委任状）：ご本人が記入し、暗証番号欄も書いて封をしたもの",
      "代理人の本人確認書類（運転免許証など顔写真付きのもの）",
      "照会書兼回答書がない場合は、窓口からご本人あてに照会書を郵送するため、2回来庁が必要です。",
    ],
  };
}

const LEGAL_REPRESENTATIVE: RouteSection = {
  heading: "法定代理人・成年後見人が手続きする場合",
  items: [
    "ご本人のマイナンバーカード",
    "法定代理人（成年後見人）の本人確認書類（顔写真付き）",
    "成年後見人の場合は、代理権を確認できる登記事項証明書",
    "親権者の場合など、必要な書類は事前に窓口へお問い合わせください。",
  ],
};

/**
 * What the person going to the counter brings, by who is going (§7). The bot does not ask who goes:
 * when the resident has not said, the answer covers a proxy and a legal representative too.
 */
function applicantItems(facts: Facts, kind: "certificate" | "pin" | "card"): RouteSection[] {
  switch (facts.applicant) {
    case "self":
      return [];
    case "proxy":
      return [proxySection(kind)];
    case "legal-representative":
      return [LEGAL_REPRESENTATIVE];
    case undefined:
      return [proxySection(kind), LEGAL_REPRESENTATIVE];
  }
}

function selfBring(items: string[], facts: Facts): RouteSection[] {
  if (facts.applicant && facts.applicant !== "self") return [];
  return [{ heading: facts.applicant === "self" ? "持ち物" : "持ち物（ご本人が行く場合）", items }];
}

/** A counter visit: what to bring (by who goes), where and when, the fee, how long it takes. */
function counterVisit(
  facts: Facts,
  city: CityConfig,
  visit: { bring: string[]; kind: "certificate" | "pin" | "card"; fee: string },
): RouteSection[] {
  return [
    ...selfBring(visit.bring, facts),
    ...applicantItems(facts, visit.kind),
    counterSection(city),
    { heading: "手数料", items: [visit.fee] },
    waitSection(city),
  ];
}

function helpLineItem(city: CityConfig): string {
  return `マイナンバー総合フリーダイヤル ${city.nationalHelpLine.phone}（${city.nationalHelpLine.hoursText}）`;
}

function reservationItem(city: CityConfig): string[] {
  const r = city.reservations;
  if (r.renewal === "none") return ["予約は不要です。"];
  const head = r.renewal === "required" ? "予約が必要です" : "予約をするとお待たせしません";
  return [`${head}：${r.url ?? ""}`.trim(), ...(r.note ? [r.note] : [])];
}

const smartphoneNote = "スマートフォン用電子証明書をお使いの場合は、カードの証明書を発行し直したあと、マイナポータルアプリで設定し直しが必要になることがあります。";

function content(routeId: RouteId, facts: Facts, ctx: RouteContext): RouteContent {
  const { city, today } = ctx;
  switch (routeId) {
    case "signature-reissue-after-change":
      return {
        title: "署名用電子証明書の再発行（引っ越し・氏名変更のあと）",
        summary:
          "引っ越しや結婚などで住所・氏名が変わると、署名用電子証明書は有効期限が残っていても自動的に失効します。住民票のある市区町村の窓口で、署名用電子証明書を新しく発行してもらってください（カードの住所変更だけでは再発行されません）。",
        sections: [
          {
            heading: "手続き",
            items: [
              `${city.name}の窓口で「住所（氏名）の変更で署名用電子証明書が失効したので、発行してほしい」とお伝えください。`,
              "新しい署名用の暗証番号（英大文字と数字の6〜16桁）をその場で設定します。事前に決めておくとスムーズです。",
              "利用者証明用電子証明書（4桁の暗証番号）は引っ越しでは失効しません。",
            ],
          },
          ...counterVisit(facts, city, { bring: ["マイナンバーカード", "4桁の暗証番号（窓口で入力を求められます）"], kind: "certificate", fee: city.fees.certificateReissue }),
          {
            heading: "ご注意",
            items: [
              "新しい証明書は発行の翌日からe-Taxで使えます（当日は使えません）。",
              "住所・氏名の変更に伴う手続きは、予約の対象外のことがあります。",
              smartphoneNote,
            ],
          },
        ],
      };
    case "certificate-reissue-after-expiry": {
      const expiry = known(facts.certExpiry);
      return {
        title: "有効期限が切れた電子証明書の発行",
        summary: `電子証明書の有効期限${expiry ? `（${d(expiry)}）` : ""}が過ぎています。期限が切れたあとでも、窓口で新しく発行できます。カード本体はそのまま使えます。`,
        sections: [
          {
            heading: "手続き",
            items: [
              `${city.name}の窓口で「電子証明書の有効期限が切れたので発行してほしい」とお伝えください。`,
              "以前に設定した暗証番号が必要です。忘れている場合は、同じ窓口で再設定もできます。",
            ],
          },
          ...counterVisit(facts, city, { bring: ["マイナンバーカード", "設定している暗証番号（窓口で入力を求められます）"], kind: "certificate", fee: city.fees.certificateReissue }),
          {
            heading: "ご注意",
            items: [
              "コンビニやオンラインでは発行できません。",
              "新しい証明書は発行の翌日からe-Taxで使えます。",
              ...(known(facts.cardExpiry) ? [] : ["カード本体の有効期限（表面に記載）も確認してください。カードの期限が切れている場合は、カードの更新が必要です。"]),
              smartphoneNote,
            ],
          },
        ],
      };
    }
    case "certificate-renewal": {
      const expiry = known(facts.certExpiry);
      const window = expiry ? renewalWindow(expiry) : undefined;
      return {
        title: "電子証明書の更新",
        summary: window
          ? `いまは更新の受付期間中です（${d(window.opens)}から${d(window.closes)}まで）。有効期限までに窓口で更新してください。`
          : "電子証明書の更新は、有効期限の3か月前の翌日から有効期限の日まで、窓口で受け付けています（例：有効期限が3月15日なら12月16日から）。カード表面の有効期限をご確認のうえ、窓口へお越しください。",
        sections: [
          {
            heading: "手続き",
            items: [
              `${city.name}の窓口で更新します。コンビニやオンラインではできません。`,
              "有効期限通知書がなくても更新できます。",
              "受付期間内に更新すると、新しい証明書は更新した日から6回目の誕生日まで有効です（受付期間より前に更新すると短くなります）。",
              ...reservationItem(city),
            ],
          },
          ...counterVisit(facts, city, { bring: ["マイナンバーカード", "有効期限通知書（届いていれば）", "暗証番号（住民基本台帳用の4桁の暗証番号を窓口で入力します）"], kind: "certificate", fee: city.fees.certificateRenewal }),
          {
            heading: "ご注意",
            items: ["更新した証明書は翌日から使えます。マイナ保険証への反映は約24時間後です。", smartphoneNote],
          },
        ],
      };
    }
    case "certificate-renewal-not-yet": {
      const expiry = known(facts.certExpiry);
      const window = expiry ? renewalWindow(expiry) : undefined;
      return {
        title: "電子証明書の更新（受付開始前）",
        summary: window
          ? `更新の受付は${d(window.opens)}から始まります（有効期限${d(window.closes)}の3か月前の翌日）。それまでお待ちください。`
          : "更新の受付は、有効期限の3か月前の翌日から始まります。",
        sections: [
          {
            heading: "いつ・どこで",
            items: [
              ...(window ? [`受付期間：${d(window.opens)}〜${d(window.closes)}`] : []),
              `${city.name}の窓口で更新します（コンビニ・オンラインでは不可）。`,
              ...reservationItem(city),
              "有効期限の2〜3か月前に、地方公共団体情報システム機構（J-LIS）から有効期限通知書が届きます。通知書がなくても更新できます。",
            ],
          },
          {
            heading: "持ち物（受付が始まってから）",
            items: [
              "マイナンバーカード",
              "有効期限通知書（届いていれば）",
              "代理人が行く場合は、通知書の封筒に入っている照会書兼回答書（ご本人が記入して封をしたもの）と代理人の本人確認書類",
            ],
          },
          counterSection(city),
          { heading: "手数料", items: [city.fees.certificateRenewal] },
          {
            heading: "ご注意",
            items: [
              "受付期間より前に手続きすると、新しい証明書の有効期間が短くなります。",
              "月末が有効期限の場合やうるう年は、受付開始日が1日ずれることがあります。",
              "それまでの間は、今の証明書をそのまま使えます。",
            ],
          },
        ],
      };
    }
    case "card-renewal": {
      const card = known(facts.cardExpiry);
      return {
        title: "マイナンバーカードの更新（新しいカードの申請）",
        summary: `${card ? `カード本体の有効期限（${d(card)}）` : "カード本体の有効期限"}が来るため、電子証明書だけの更新ではなく、新しいカードの申請が必要です。`,
        sections: [
          {
            heading: "手続き",
            items: [
              "有効期限通知書に同封されている交付申請書で、新しいカードを申請します（郵送・スマートフォン・パソコン・証明写真機から申請できます）。",
              "新しいカードができると交付通知書が届きます。受け取りは窓口で、その時に新しい電子証明書も発行されます。",
              "電子証明書はカードより長く使えないため、カードを新しくすると証明書も新しくなります。",
            ],
          },
          ...selfBring(["受け取りのとき：今のマイナンバーカード、交付通知書、本人確認書類"], facts),
          ...applicantItems(facts, "card"),
          counterSection(city),
          { heading: "手数料", items: [city.fees.cardRenewal] },
          {
            heading: "所要時間",
            items: ["申請から受け取りまで1か月程度かかることがあります。早めに申請してください。", city.typicalWait],
          },
          {
            heading: "ご注意",
            items: [
              "在留期間に合わせた有効期限の外国人住民の方は、在留期間の更新のあとに窓口で有効期限の変更手続きをしてください。",
            ],
          },
        ],
      };
    }
    case "foreign-resident-extension":
      return {
        title: "在留期間の更新に伴うカードの有効期限変更（外国人住民の方）",
        summary:
          "在留期間に合わせた有効期限のマイナンバーカードは、在留カードを更新しても自動では延長されません。窓口でカードの有効期限の変更と、電子証明書の発行を受けてください。",
        sections: [
          {
            heading: "手続き",
            items: [
              `${city.name}の窓口で、カードの有効期限の変更（延長）を申請してください。`,
              "電子証明書も新しく発行が必要です。",
              "有効期限通知書は送られてきませんので、在留期間を更新したら早めに手続きしてください。",
            ],
          },
          ...counterVisit(facts, city, { bring: ["マイナンバーカード", "新しい在留カード", "4桁の暗証番号（窓口で入力します）"], kind: "card", fee: city.fees.certificateReissue }),
          {
            heading: "外国語での問い合わせ",
            items: [`マイナンバー総合フリーダイヤル（外国語）${city.nationalHelpLine.foreignLanguagePhone}`],
          },
        ],
      };
    case "pin-reset-kiosk": {
      const resetting = facts.certificate === "signature" ? "署名用（6〜16桁の英数字）" : "利用者証明用（4桁）";
      const other = facts.certificate === "signature" ? "4桁の利用者証明用" : "署名用（6〜16桁）";
      return {
        title: "スマートフォンとコンビニで暗証番号を再設定",
        summary: `${resetting}の暗証番号は、窓口に行かずに、スマートフォンとコンビニのマルチコピー機で再設定できます（無料）。`,
        sections: [
          {
            heading: "手順",
            items: [
              "1. スマートフォンに「JPKI暗証番号リセット」アプリを入れます（マイナポータルアプリではありません）。",
              `2. アプリで、${other}の暗証番号の入力とカードの読み取り、顔の撮影をして予約します（24時間いつでも可、メンテナンス時間を除く）。`,
              "3. 予約から24時間以内に、コンビニのマルチコピー機（6:30〜23:00）で、もう一度同じ暗証番号を入力し、新しい暗証番号を2回入力します。",
            ],
          },
          {
            heading: "使えるコンビニ",
            items: [
              "セブン-イレブン（一部のイオンも）：署名用・4桁の利用者証明用の両方",
              "ローソン・ファミリーマート・ミニストップ：署名用のみ",
              "対応店舗は変わることがあります。J-LISの案内で最新の情報をご確認ください。",
            ],
          },
          { heading: "持ち物", items: ["マイナンバーカード", "アプリを入れたスマートフォン"] },
          { heading: "手数料", items: [city.fees.pinReset] },
          {
            heading: "ご注意",
            items: [
              "住民基本台帳用・券面事項入力補助用の暗証番号は、この方法では再設定できません。",
              ...(facts.certificate === "user"
                ? ["署名用電子証明書の有効期限が切れている場合や、発行後に引っ越し・氏名変更をした場合は、この方法は使えません。窓口で再設定してください。"]
                : []),
              "24時間を過ぎると予約は無効になります。最初からやり直してください。",
              `うまくいかないときは窓口でも再設定できます：${city.counter.name}（${city.counter.hoursText}）`,
            ],
          },
        ],
        links: [
          { label: "J-LIS 暗証番号リセットの案内", url: city.links.jlisPinReset },
          { label: "対応コンビニの一覧", url: city.links.jlisStores },
        ],
      };
    }
    case "pin-reset-counter":
      return {
        title: "窓口で暗証番号を再設定",
        summary: `${pinName(facts)}の暗証番号は、${city.name}の窓口で再設定できます（ロックの解除と新しい暗証番号の設定）。`,
        sections: [
          {
            heading: "手続き",
            items: [
              "窓口で「暗証番号がロックされた（忘れた）ので再設定したい」とお伝えください。",
              "新しい暗証番号はその場で設定します。4桁の数字、署名用は英大文字と数字の6〜16桁です。",
              ...(facts.certificate === "signature" && facts.userPinKnown !== "no"
                ? []
                : ["住民基本台帳用・券面事項入力補助用の暗証番号も同じ4桁にしている場合は、まとめて再設定できます。"]),
            ],
          },
          ...counterVisit(facts, city, { bring: ["マイナンバーカード", "本人確認書類（マイナンバーカードで確認できます）"], kind: "pin", fee: city.fees.pinReset }),
          {
            heading: "ご注意",
            items: [
              "ロックは時間がたっても解除されません。",
              ...(facts.nfcSmartphone === "yes" && facts.certificate !== "unknown" && !facts.otherPin
                ? []
                : ["もう一方の暗証番号を覚えていて、カードを読み取れるスマートフォンがあれば、コンビニでも再設定できる場合があります。"]),
            ],
          },
        ],
      };
    case "pin-retry-guidance": {
      const limit = lockLimit(facts.certificate);
      const attempts = typeof facts.wrongAttempts === "number" ? facts.wrongAttempts : undefined;
      const remaining = attempts !== undefined ? limit - attempts : undefined;
      const kind = facts.certificate === "signature" ? "署名用（6〜16桁の英数字）" : facts.certificate === "user" ? "4桁の利用者証明用" : "";
      return {
        title: "暗証番号の入力はいったん止めてください",
        summary:
          remaining !== undefined
            ? `${kind}の暗証番号は、あと${remaining}回間違えるとロックされます。当てずっぽうの入力はやめてください。`
            : "署名用（6〜16桁）は5回、4桁の暗証番号は3回続けて間違えるとロックされます。これ以上の入力はいったん止めてください。",
        sections: [
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
          { heading: "手数料", items: [`再設定：${city.fees.pinReset}`] },
        ],
      };
    }
    case "card-lost":
      return {
        title: "マイナンバーカードをなくしたとき",
        summary: `まず、すぐにマイナンバー総合フリーダイヤル ${city.nationalHelpLine.phone} に電話して、カードの一時利用停止をしてください。${city.nationalHelpLine.lossReportText}。`,
        sections: [
          {
            heading: "すぐにすること",
            items: [
              `1. ${city.nationalHelpLine.phone} に電話して一時利用停止（24時間受付）`,
              "2. 警察に遺失届（盗難の場合は盗難届）を出し、受理番号を控えてください。",
              `3. ${city.name}の窓口で再発行を申請します。`,
            ],
          },
          { heading: "再発行の持ち物", items: ["本人確認書類（運転免許証など）", "警察の受理番号", "顔写真（窓口でご案内します）"] },
          counterSection(city),
          { heading: "手数料", items: [city.fees.cardReissueLost] },
          {
            heading: "ご注意",
            items: [
              "見つかった場合は、窓口で一時停止の解除ができます。",
              "再発行のカードができるまで1か月程度かかることがあります。",
            ],
          },
        ],
      };
    case "wait-after-issuance": {
      const issued = known(facts.issuedOn);
      if (!issued) {
        return {
          title: "発行したばかりの電子証明書",
          summary:
            "新しい電子証明書は、発行した当日は使えません。e-Taxでは翌日から使えます。それでも使えない場合は、翌開庁日以降にもう一度お試しください。",
          sections: waitSections(city),
        };
      }
      const nextDay = addDays(issued, 1);
      const businessDay = nextBusinessDay(issued);
      const later = businessDay !== nextDay;
      return {
        title: "発行したばかりの電子証明書",
        summary: `${d(issued)}に発行された電子証明書は、早ければ${d(nextDay)}から使えます。${later ? `それでも使えない場合は、翌開庁日の${d(businessDay)}以降にもう一度お試しください。` : ""}`,
        sections: waitSections(city),
      };
    }
    case "no-signature-certificate": {
      const reason = facts.noSignatureReason;
      const why =
        reason === "face-auth-card"
          ? "顔認証マイナンバーカードには暗証番号がなく、電子証明書（署名用）も入っていません。"
          : reason === "adult-ward"
            ? "成年被後見人の方のカードには、原則として署名用電子証明書が発行されていません。"
            : "15歳未満の方のカードには、原則として署名用電子証明書が発行されていません。";
      return {
        title: "署名用電子証明書がないカード",
        summary: `${why}「ロックされています」などの表示が出ても、暗証番号の問題ではありません。`,
        sections: [
          {
            heading: "どうすればよいか",
            items: [
              "e-Taxの申告は、ID・パスワード方式や書面での提出もできます。",
              ...(reason === "face-auth-card"
                ? ["暗証番号付きのカードへの切り替えは、窓口でご相談ください。"]
                : ["法定代理人（親権者・成年後見人）の方のカードで手続きできる場合があります。"]),
            ],
          },
          counterSection(city),
          { heading: "問い合わせ", items: [`${city.cityHelpDesk.name} ${city.cityHelpDesk.phone}（${city.cityHelpDesk.hoursText}）`] },
        ],
      };
    }
    case "which-pin":
      return {
        title: "暗証番号と電子証明書の種類",
        summary: "マイナンバーカードには、目的の違う2つの電子証明書と、4種類の暗証番号があります。",
        sections: [
          {
            heading: "署名用電子証明書",
            items: [
              "使う場面：e-Tax（確定申告）の送信、オンライン申請など「書類に署名する」とき",
              "暗証番号：英大文字と数字の6〜16桁。5回続けて間違えるとロック",
              "引っ越し・結婚などで住所や氏名が変わると失効します",
            ],
          },
          {
            heading: "利用者証明用電子証明書",
            items: [
              "使う場面：マイナポータルのログイン、コンビニ交付、マイナ保険証など「本人であることを示す」とき",
              "暗証番号：4桁の数字。3回続けて間違えるとロック",
              "引っ越しでは失効しません",
            ],
          },
          {
            heading: "そのほかの暗証番号（どちらも4桁）",
            items: [
              "住民基本台帳用、券面事項入力補助用。3回続けて間違えるとロック",
              "4桁の暗証番号は3つとも同じ数字にしている方が多いです",
              "e-Taxの利用者識別番号の暗証番号は、カードの暗証番号とは別のものです",
            ],
          },
        ],
      };
    case "contact-city":
      return {
        title: "窓口・電話でご相談ください",
        summary: "このチャットではご案内しきれない内容のようです。お手数ですが、窓口またはお電話でご相談ください。",
        sections: [
          counterSection(city),
          {
            heading: "電話で相談",
            items: [
              `${city.cityHelpDesk.name} ${city.cityHelpDesk.phone}（${city.cityHelpDesk.hoursText}）`,
              helpLineItem(city),
              `外国語：${city.nationalHelpLine.foreignLanguagePhone}`,
            ],
          },
          { heading: "相談のときにあると便利なもの", items: ["マイナンバーカード", "画面に出たメッセージ（エラーコードなど）のメモ"] },
        ],
      };
  }
}

function pinName(facts: Facts): string {
  if (facts.otherPin === "jukinet") return "住民基本台帳用";
  if (facts.otherPin === "kenmen") return "券面事項入力補助用";
  if (facts.bothPins) return "署名用・利用者証明用";
  if (facts.certificate === "signature") return "署名用（6〜16桁の英数字）";
  if (facts.certificate === "user") return "4桁の利用者証明用";
  return "マイナンバーカード";
}

function waitSections(city: CityConfig): RouteSection[] {
  return [
    {
      heading: "使えるようになる時期",
      items: [
        "e-Tax：発行の翌日から（当日は使えません）",
        "自治体によっては「翌開庁日から」と案内しています。土日・祝日・年末年始（12月29日〜1月3日）は開庁日ではありません。",
        "マイナ保険証：反映まで約24時間かかります。",
      ],
    },
    {
      heading: "それでも使えない場合",
      items: [
        "暗証番号の入力間違いが続いていないか確認してください。",
        `${city.cityHelpDesk.name} ${city.cityHelpDesk.phone}（${city.cityHelpDesk.hoursText}）`,
      ],
    },
  ];
}

/** The route as a Reply: title, sections, links, and the whole answer as plain text. */
export function buildRoute(routeId: RouteId, facts: Facts, ctx: RouteContext): RouteReply {
  const c = content(routeId, facts, ctx);
  const links = c.links ?? defaultLinks(routeId, ctx.city);
  const text = [
    `【${c.title}】`,
    c.summary,
    ...c.sections.map((s) => `■${s.heading}\n${s.items.map((i) => `・${i}`).join("\n")}`),
    ...(links.length ? [links.map((l) => `${l.label}：${l.url}`).join("\n")] : []),
  ].join("\n\n");
  return {
    type: "route",
    routeId,
    title: c.title,
    text,
    sections: [{ heading: "概要", items: [c.summary] }, ...c.sections],
    ...(links.length ? { links } : {}),
  };
}

function defaultLinks(routeId: RouteId, city: CityConfig): { label: string; url: string }[] {
  const links: { label: string; url: string }[] = [];
  if (city.links.cityPage) links.push({ label: `${city.name}のマイナンバーカードのページ`, url: city.links.cityPage });
  if (routeId === "signature-reissue-after-change" || routeId === "certificate-reissue-after-expiry") {
    links.push({ label: "e-Tax 電子証明書の失効について", url: city.links.eTaxCertificate });
  }
  if (routeId === "certificate-renewal" && city.reservations.url) {
    links.push({ label: "窓口の予約", url: city.reservations.url });
  }
  return links;
}
