/**
 * Realistic resident messages: casual, elderly, typos (失行, 暗唱番号, ﾛｯｸ), full-width, English mixed in,
 * long messages with several facts, negations and questions. Each row says which facts the message must
 * yield (`want`) and which it must NOT yield (`absent`: the field stays unset).
 */
import { describe, expect, it } from "vitest";
import type { Facts } from "../../src/core/slots.ts";
import { extractFacts, parseAnswer } from "../../src/nlu/index.ts";

const today = "2026-11-21";
const x = (s: string, t = today) => extractFacts(s, { today: t });

interface Row {
  say: string;
  want: Partial<Facts>;
  absent?: (keyof Facts)[];
  today?: string;
}

function check(rows: Row[]): void {
  for (const r of rows) {
    it(r.say, () => {
      const f = x(r.say, r.today);
      expect(f).toMatchObject(r.want);
      for (const k of r.absent ?? []) expect(f[k], `${k} should be unset`).toBeUndefined();
    });
  }
}

describe("replayed conversations that were misread", () => {
  check([
    // 1. Coordinated negation; a year-only card expiry is no month.
    {
      say: "確定申告の送信でEI123-2008が出ました。引っ越しも結婚もしてません。カードの期限は2031年です",
      want: { basicInfoChanged: "no", certificate: "signature", eTax: true },
      absent: ["cardExpiry", "cardExpiryMonth", "certExpiry", "certExpiryMonth"],
    },
    { say: "引っ越しも名前の変更もしていません", want: { basicInfoChanged: "no" } },
    { say: "住所も名前も変わっていません", want: { basicInfoChanged: "no" } },
    { say: "引っ越しも結婚もしてません", want: { basicInfoChanged: "no" } },
    // 2.
    {
      say: "4桁の暗証番号をロックさせてしまいました。署名用のパスワードはMYNA2024で覚えています。スマホはNFC対応のAndroidです。引っ越しも名前の変更もしていません",
      want: {
        basicInfoChanged: "no",
        symptom: "locked",
        certificate: "user",
        signaturePinKnown: "yes",
        nfcSmartphone: "yes",
      },
    },
    // 3. A renewed residence card / visa, in Japanese and in English.
    {
      say: "I renewed my visa. 在留カードは新しくなりました。でもマイナンバーカードでコンビニの証明書がとれません",
      want: { foreignResident: "yes", residenceStatusChanged: true, certificate: "user" },
    },
    { say: "在留カードが新しくなりました", want: { foreignResident: "yes", residenceStatusChanged: true } },
    { say: "在留カードを更新しました", want: { foreignResident: "yes", residenceStatusChanged: true } },
    { say: "在留期間が延びました", want: { foreignResident: "yes", residenceStatusChanged: true } },
    { say: "在留期間が更新されました", want: { foreignResident: "yes", residenceStatusChanged: true } },
    { say: "ビザが更新されたので手続きしたい", want: { foreignResident: "yes", residenceStatusChanged: true } },
    { say: "My visa was renewed last month", want: { foreignResident: "yes", residenceStatusChanged: true } },
    {
      say: "My residence card was renewed but my My Number card still shows the old date",
      want: { foreignResident: "yes", residenceStatusChanged: true },
    },
    { say: "在留期間の更新を申請中です", want: { foreignResident: "yes" }, absent: ["residenceStatusChanged"] },
    // 4. School years and ages under 15 (not 高校生, not 15 and over).
    {
      say: "中学1年の息子のマイナンバーカードで、署名用電子証明書の暗証番号がロックされていると出ます",
      want: { noSignatureReason: "under-15", applicant: "legal-representative", symptom: "locked", certificate: "signature" },
    },
    { say: "中学３年の娘のカードです", want: { noSignatureReason: "under-15" } },
    { say: "小学5年の子供のカード", want: { noSignatureReason: "under-15" } },
    { say: "中２の娘のカードで署名用電子証明書を使いたい", want: { noSignatureReason: "under-15" } },
    { say: "幼稚園に通う娘のマイナンバーカード", want: { noSignatureReason: "under-15" } },
    { say: "保育園児の息子のカードです", want: { noSignatureReason: "under-15" } },
    { say: "乳児のマイナンバーカードについて", want: { noSignatureReason: "under-15" } },
    { say: "0歳の赤ちゃんのカード", want: { noSignatureReason: "under-15" } },
    { say: "十四才の息子です", want: { noSignatureReason: "under-15" } },
    { say: "高校生の息子のマイナンバーカードの暗証番号を忘れました", want: { symptom: "forgot-pin" }, absent: ["noSignatureReason"] },
    { say: "15歳の娘のカードです", want: {}, absent: ["noSignatureReason"] },
    { say: "17歳の息子のカードです", want: {}, absent: ["noSignatureReason"] },
    { say: "途中1回まちがえました", want: { wrongAttempts: 1 }, absent: ["noSignatureReason"] },
    // 5. Which PIN.
    {
      say: "年寄りでよくわかりません。コンビニで住民票を取るときに入れる暗証番号はどれでしょうか",
      want: { symptom: "which-pin" },
    },
    { say: "どの暗証番号を入れればいいかわかりません", want: { symptom: "which-pin" }, absent: ["signaturePinKnown", "userPinKnown"] },
    { say: "何の暗証番号を聞かれているのかわかりません", want: { symptom: "which-pin" } },
    { say: "確定申告はどっちのパスワードですか", want: { symptom: "which-pin" } },
    { say: "暗証番号の種類が多すぎてわからない", want: { symptom: "which-pin" } },
    { say: "暗証番号って何桁ですか", want: { symptom: "which-pin" } },
    { say: "暗証番号がいくつもあって混乱しています", want: { symptom: "which-pin" } },
    { say: "4桁の暗証番号と6桁以上のパスワードの違いを教えてください", want: { symptom: "which-pin" }, absent: ["bothPins"] },
    { say: "確定申告で使うのは6桁以上のパスワード？それとも4桁の方？どっち？", want: { symptom: "which-pin" } },
    { say: "e-Taxの利用者識別番号のパスワードって、マイナンバーカードの暗証番号と同じですか？", want: { symptom: "which-pin" } },
    // 6. A hedged expiry does not override the locked PIN; a hedge alone is no fact.
    {
      say: "4桁の暗証番号をロックしてしまいました。署名用のパスワードはわかりますし、スマホもあります。ただ署名用の電子証明書は期限が切れているかもしれません",
      want: { symptom: "locked", certificate: "user", signaturePinKnown: "yes", nfcSmartphone: "yes" },
    },
    { say: "4桁の暗証番号をロックしてしまいました。ただ署名用の電子証明書は期限が切れているかもしれません", want: { symptom: "locked", certificate: "user" } },
    { say: "署名用の電子証明書は期限が切れているかもしれません", want: { certificate: "signature" }, absent: ["symptom"] },
  ]);
});

describe("realistic messages", () => {
  check([
    // Typos, half-width and full-width, hiragana-only.
    { say: "暗証番号ﾛｯｸしちゃった…どうしよう", want: { symptom: "locked" } },
    { say: "暗唱番号を３回まちがえてロックされました", want: { symptom: "locked", wrongAttempts: 3 } },
    { say: "電子証明書が失行してるって言われたんですけど何ですか", want: { symptom: "revoked" } },
    { say: "ぱすわーどがろっくされた", want: { symptom: "locked", certificate: "signature" } },
    { say: "ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞの署名用ﾊﾟｽﾜｰﾄﾞをﾛｯｸさせてしまいました", want: { symptom: "locked", certificate: "signature" } },
    { say: "ＰＩＮを忘れてしまった。４ケタのほう", want: { symptom: "forgot-pin", certificate: "user" } },
    { say: "暗唱番号をわすれました", want: { symptom: "forgot-pin" } },
    { say: "４桁の暗証番号が分かりません", want: { symptom: "forgot-pin", certificate: "user" } },
    // English mixed in.
    { say: "I forgot my 4-digit PIN.", want: { symptom: "forgot-pin", certificate: "user" } },
    { say: "My card was stolen", want: { symptom: "lost-card" } },
    { say: "My Number card の PIN が locked になりました", want: { symptom: "locked" } },
    // Negations.
    {
      say: "引っ越しはしていないです。でも署名用電子証明書が失効しましたと出ます",
      want: { basicInfoChanged: "no", symptom: "revoked", certificate: "signature" },
    },
    {
      say: "ロックはまだです。2回間違えました。4桁のほうです",
      want: { symptom: "wrong-pin", wrongAttempts: 2, certificate: "user" },
    },
    { say: "ロックはまだされていません", want: {}, absent: ["symptom"] },
    { say: "パスワードを忘れたわけではないんですが、入れても違いますと出ます", want: { symptom: "wrong-pin", signaturePinKnown: "yes" } },
    { say: "住所も名前も変わっていません。なのに失効と出ます", want: { basicInfoChanged: "no", symptom: "revoked" } },
    { say: "引っ越しとか結婚とかはしてないです", want: { basicInfoChanged: "no" } },
    { say: "引っ越しや結婚などはしていません", want: { basicInfoChanged: "no" } },
    { say: "引っ越しはしてないけど、去年結婚して名字が変わりました", want: { basicInfoChanged: "yes" } },
    { say: "ロックもしたし、引っ越しもしていないです", want: { symptom: "locked", basicInfoChanged: "no" } },
    { say: "ロックされてはいないと思います", want: {}, absent: ["symptom"] },
    { say: "期限切れではないです", want: {}, absent: ["symptom"] },
    { say: "１回も間違えていないのにロックと表示されます", want: { symptom: "locked", wrongAttempts: 0 } },
    { say: "署名用のパスワードは忘れていませんが、4桁のほうを忘れました", want: { symptom: "forgot-pin", certificate: "user", signaturePinKnown: "yes", userPinKnown: "no" } },
    { say: "カードは見つかりました。暗証番号を忘れてしまって", want: { symptom: "forgot-pin" } },
    { say: "日本人です。引っ越しはしていません", want: { foreignResident: "no", basicInfoChanged: "no" } },
    // Questions and hypotheticals are not facts.
    { say: "４桁の暗証番号を２回まちがえました。あと１回でロックですか？", want: { symptom: "wrong-pin", wrongAttempts: 2, certificate: "user" } },
    { say: "暗証番号を５回間違えるとロックされるんですよね？", want: {}, absent: ["symptom", "wrongAttempts"] },
    { say: "5回まちがえたらどうなりますか", want: {}, absent: ["symptom", "wrongAttempts"] },
    { say: "3回間違えたらロックされました", want: { symptom: "locked", wrongAttempts: 3 } },
    { say: "ロックされた場合はどうすればいいですか？", want: {}, absent: ["symptom"] },
    // 「何回か」 says there were some, not how many: the count stays open and is asked (issue #12).
    { say: "ロックされたかどうかわかりません。何回か間違えました", want: { symptom: "wrong-pin" }, absent: ["wrongAttempts"] },
    { say: "来年引っ越す予定ですが、それまでに証明書を更新したほうがいいですか", want: { symptom: "renewal" }, absent: ["basicInfoChanged"] },
    { say: "引っ越しても利用者証明用は使えますか？", want: { certificate: "user" }, absent: ["basicInfoChanged"] },
    { say: "電子証明書の更新はいつからできますか？", want: { symptom: "renewal" } },
    { say: "代理人でも更新できますか？", want: { symptom: "renewal", applicant: "proxy" } },
    { say: "電話で相談できますか？", want: { wantsPerson: true } },
    // Lost card.
    { say: "カードをどこかに置いてきたみたいで見つかりません", want: { symptom: "lost-card" } },
    { say: "マイナンバーカードが見つかりません", want: { symptom: "lost-card" } },
    { say: "財布をなくしました。マイナカードも入っていました", want: { symptom: "lost-card" } },
    { say: "暗証番号のメモをなくしてしまいました", want: {}, absent: ["symptom"] },
    // Expiry, renewal, after renewal.
    { say: "去年の誕生日で署名用の電子証明書が切れてたみたいです", want: { symptom: "expired", certificate: "signature" } },
    { say: "マイナ保険証が病院で使えませんでした。電子証明書の期限が切れていたみたいです", want: { symptom: "expired", certificate: "user" } },
    { say: "令和９年１月２０日が期限です。もう更新できますか？", want: { symptom: "renewal", certExpiry: "2027-01-20" } },
    { say: "有効期限通知書というのが届いたのですが、何をしたらいいでしょうか", want: { symptom: "renewal" } },
    {
      say: "昨日区役所で電子証明書を更新したのですが、今日e-Taxで送信したらエラーになりました",
      want: { symptom: "not-working-after-renewal", issuedOn: "2026-11-20", eTax: true, certificate: "signature" },
    },
    {
      say: "電子証明書の更新に行こうとしたら、カード自体の有効期限のほうが先に来ると言われました。カードは2027年1月20日まで、電子証明書は2029年と書いてあります",
      want: { symptom: "renewal", aboutCard: true, cardExpiry: "2027-01-20" },
      absent: ["certExpiry"],
    },
    { say: "電子証明書の有効期限はまだ先です。でも失効と出ます", want: { symptom: "revoked" } },
    // Smartphones.
    { say: "スマホはありますが、NFCに対応しているかわかりません", want: { nfcSmartphone: "unknown" } },
    { say: "ガラケーしか持っていません", want: { nfcSmartphone: "no" } },
    { say: "スマホは持ってないです。4桁の暗証番号をロックしてしまいました", want: { nfcSmartphone: "no", symptom: "locked", certificate: "user" } },
    // Both PINs, people.
    {
      say: "入院中の父の代わりに相談します。父のマイナンバーカードの暗証番号がロックされてしまいました。父はどの暗証番号も覚えていないそうです",
      want: { symptom: "locked", applicant: "proxy", bothPins: true, signaturePinKnown: "no", userPinKnown: "no" },
    },
    { say: "父のカードの暗証番号がロックされました", want: { symptom: "locked" }, absent: ["bothPins"] },
    { say: "ＡＩじゃなくて人間に相談したい", want: { wantsPerson: true } },
    // More everyday wording.
    { say: "マイナンバーカードのパスワードを何度も間違えてしまって、もう入力できなくなりました", want: { symptom: "locked", wrongAttempts: "unknown" } },
    { say: "ばあちゃんのカードのパスワード、ロックかかったみたい", want: { symptom: "locked", applicant: "proxy" } },
    { say: "コンビニのマルチコピー機で「暗証番号がロックされています」と表示されました。どうすればいいですか", want: { symptom: "locked" } },
    { say: "暗証番号を3回間違えてロックされたんだけど、コンビニで解除できる？", want: { symptom: "locked", wrongAttempts: 3 } },
    { say: "パスワード５回まちがえたらロックって本当？まだ２回しか間違えてない", want: { symptom: "wrong-pin", wrongAttempts: 2 } },
    { say: "ロックって言われました", want: { symptom: "locked" } },
    { say: "暗証番号は覚えてるはずなのに、違いますって出る", want: { symptom: "wrong-pin" } },
    { say: "カードをなくしたわけではないのですが、暗証番号がわかりません", want: { symptom: "forgot-pin" } },
    { say: "マイナ保険証で受付したら、「電子証明書の有効期限切れ」と出て使えなかった", want: { symptom: "expired", certificate: "user" } },
    {
      say: "去年の12月に名古屋から引っ越してきました。マイナポータルには入れるのですが、e-Taxだけだめです",
      want: { symptom: "revoked", basicInfoChanged: "yes", certificate: "signature", eTax: true },
      absent: ["certExpiry", "certExpiryMonth"],
    },
    { say: "離婚して旧姓に戻したら、e-Taxでエラーが出るようになりました", want: { symptom: "revoked", basicInfoChanged: "yes" } },
    { say: "電子証明書を昨日更新したけど、マイナポータルにまだログインできない", want: { symptom: "not-working-after-renewal", certificate: "user", issuedOn: "2026-11-20" } },
    { say: "証明書の期限が来月で切れるみたいなんですが、仕事で平日に行けません。代理でもいいですか", want: { symptom: "renewal", certExpiryMonth: "2026-12", applicant: "proxy" } },
    { say: "主人が外国籍で、在留期間の更新がもうすぐです", want: { foreignResident: "yes" }, absent: ["residenceStatusChanged"] },
    { say: "私は外国人ではありません。日本国籍です", want: { foreignResident: "no" } },
    { say: "4ケタの暗証番号が、ろっくされちゃいました。らくらくホンしか持ってません", want: { symptom: "locked", certificate: "user", nfcSmartphone: "no" } },
    { say: "娘（小３）のマイナンバーカードの暗証番号を忘れてしまいました", want: { symptom: "forgot-pin", applicant: "legal-representative", noSignatureReason: "under-15" } },
    { say: "息子は高1です", want: {}, absent: ["noSignatureReason"] },
    { say: "更新は窓口ですか、それともオンラインでできますか", want: { symptom: "renewal" } },
    { say: "引っ越しも結婚もしました", want: { basicInfoChanged: "yes" } },
    { say: "結婚もしたけど、住所は変わっていない", want: { basicInfoChanged: "yes" } },
    { say: "ロックもされていないし、期限も切れていない", want: {}, absent: ["symptom"] },
    { say: "Please help, my My Number card PIN is locked and I only speak a little Japanese", want: { symptom: "locked" } },
    // Long, rambling messages with several facts.
    {
      say:
        "すみません、パソコンが苦手で… 息子に言われて確定申告をe-Taxでやろうとしたのですが、署名用の暗証番号を何回か間違えてしまい、" +
        "『制限回数を超えました』と出てしまいました。4桁の方は覚えています。スマホはandroidです。引っ越しはしていません。どうしたらいいですか？",
      want: {
        symptom: "locked",
        certificate: "signature",
        eTax: true,
        userPinKnown: "yes",
        nfcSmartphone: "yes",
        basicInfoChanged: "no",
      },
    },
    {
      say:
        "こんにちは。78歳です。先月、市内で転居しました。コンビニで住民票はとれたのですが、確定申告をしようとしたら" +
        "「電子証明書が失効しています」と出ました。有効期限は令和10年のはずです",
      want: { symptom: "revoked", basicInfoChanged: "yes", eTax: true },
      absent: ["noSignatureReason", "certExpiry"],
    },
    {
      say:
        "マイナポータルで『利用者証明用電子証明書のパスワードが間違っています。残り2回』と出ました。" +
        "署名用のほうは覚えてます。iPhone15を使っています。結婚も引っ越しもしていません",
      want: {
        symptom: "wrong-pin",
        certificate: "user",
        wrongAttempts: 1,
        signaturePinKnown: "yes",
        nfcSmartphone: "yes",
        basicInfoChanged: "no",
      },
    },
  ]);
});

describe("typed answers with the same wording", () => {
  it("coordinated negation and renewed residence cards", () => {
    expect(parseAnswer("basicInfoChanged", "引っ越しも結婚もしていません", { today })).toBe("no");
    expect(parseAnswer("basicInfoChanged", "住所も名前も変わっていません", { today })).toBe("no");
    expect(parseAnswer("foreignResident", "I renewed my visa", { today })).toBe("yes");
    expect(parseAnswer("noSignatureReason", "中学1年です", { today })).toBe("under-15");
    expect(parseAnswer("symptom", "コンビニで入れる暗証番号はどれですか", { today })).toBe("which-pin");
  });
});
