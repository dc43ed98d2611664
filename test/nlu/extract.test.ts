import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/nlu/index.ts";

const today = "2026-11-21";
const x = (s: string, t = today) => extractFacts(s, { today: t });

describe("extractFacts: symptom", () => {
  it("revoked, including typos and the EI code", () => {
    expect(x("署名用電子証明書が失効しています").symptom).toBe("revoked");
    expect(x("電子証明書が失行してます").symptom).toBe("revoked");
    expect(x("しっこうしてるって出た").symptom).toBe("revoked");
    expect(x("EI123-2008 電子証明書の検証に失敗しました").symptom).toBe("revoked");
    expect(x("ＥＩ１２３－２００８").symptom).toBe("revoked");
  });

  it("expired unless 失効 comes with a move", () => {
    expect(x("電子証明書の有効期限が切れています").symptom).toBe("expired");
    expect(x("有効期間が満了しています").symptom).toBe("expired");
    expect(x("期限切れって言われた").symptom).toBe("expired");
    expect(x("EI123-2008が出ました。有効期限が切れていました").symptom).toBe("expired");
    expect(x("期限が切れて失効と出ました").symptom).toBe("expired");
    expect(x("期限が切れて失効と出ました。引っ越しもしました").symptom).toBe("revoked");
    expect(x("有効期限はまだ残っているのに失効しています").symptom).toBe("revoked");
  });

  it("locked, from wording, codes and counts", () => {
    expect(x("暗証番号がロックされています").symptom).toBe("locked");
    expect(x("ロックされました!!").symptom).toBe("locked");
    expect(x("ﾛｯｸされた").symptom).toBe("locked");
    expect(x("制限回数(5回)を超えました").symptom).toBe("locked");
    expect(x("ＨＪＳ０４３２Ｅと表示").symptom).toBe("locked");
    expect(x("5回間違えてロック").symptom).toBe("locked");
    expect(x("4桁の暗証番号を3回間違えた")).toMatchObject({ symptom: "locked", certificate: "user", wrongAttempts: 3 });
  });

  it("handles negation and hypotheticals", () => {
    expect(x("ロックはされていない").symptom).toBeUndefined();
    expect(x("ロックはされていないです。2回間違えました").symptom).toBe("wrong-pin");
    expect(x("あと1回でロックされそうで怖い").symptom).not.toBe("locked");
    expect(x("失効はしていません").symptom).toBeUndefined();
    expect(x("期限が切れてしまう前に更新したい").symptom).toBe("renewal");
    expect(x("ロックされたわけではない").symptom).toBeUndefined();
    expect(x("暗証番号を間違えそうで怖い").symptom).toBeUndefined();
    expect(x("更新は済んでいます").symptom).toBeUndefined();
  });

  it("wrong PIN, not locked yet", () => {
    expect(x("2回間違えた")).toMatchObject({ symptom: "wrong-pin", wrongAttempts: 2 });
    expect(x("暗証番号が違いますと出ます").symptom).toBe("wrong-pin");
    expect(x("パスワードが間違っていますと表示される").symptom).toBe("wrong-pin");
    expect(x("残り2回と出ました").symptom).toBe("wrong-pin");
  });

  it("forgot PIN", () => {
    expect(x("暗証番号を忘れました").symptom).toBe("forgot-pin");
    expect(x("ｶｰﾄﾞの暗証番号わすれた")).toMatchObject({ symptom: "forgot-pin" });
    expect(x("パスワードが思い出せない").symptom).toBe("forgot-pin");
    expect(x("暗証番号がわからない").symptom).toBe("forgot-pin");
    expect(x("カードを家に忘れた").symptom).toBeUndefined();
  });

  it("renewal vs not working after renewal", () => {
    expect(x("電子証明書の更新はいつからできますか？").symptom).toBe("renewal");
    expect(x("期限が近いので更新したい").symptom).toBe("renewal");
    expect(x("有効期限通知書が届きました").symptom).toBe("renewal");
    expect(x("更新したのに使えない").symptom).toBe("not-working-after-renewal");
    expect(x("再発行したのにエラーが出る").symptom).toBe("not-working-after-renewal");
    expect(x("本日更新した電子証明書がまだ使えません").symptom).toBe("not-working-after-renewal");
    expect(x("今日更新したいです").symptom).toBe("renewal");
  });

  it("lost card and which PIN", () => {
    expect(x("マイナンバーカードを落としました").symptom).toBe("lost-card");
    expect(x("カードを紛失した").symptom).toBe("lost-card");
    expect(x("財布ごと盗まれた").symptom).toBe("lost-card");
    expect(x("カードが見つからない").symptom).toBe("lost-card");
    expect(x("署名用と利用者証明用の違いがわかりません").symptom).toBe("which-pin");
    expect(x("どっちの暗証番号を入れればいいの？").symptom).toBe("which-pin");
    expect(x("暗証番号って何桁でしたっけ").symptom).toBe("which-pin");
  });
});

describe("extractFacts: certificate and PINs", () => {
  it("recognises the certificate", () => {
    expect(x("署名用の暗証番号を忘れた").certificate).toBe("signature");
    expect(x("6〜16桁のパスワードがロック").certificate).toBe("signature");
    expect(x("英数字のパスワードを忘れた").certificate).toBe("signature");
    expect(x("e-Taxで送信できない")).toMatchObject({ certificate: "signature", eTax: true });
    expect(x("確定申告でパスワードがロックされています")).toMatchObject({ certificate: "signature", eTax: true, symptom: "locked" });
    expect(x("利用者証明用の暗証番号がロックされました").certificate).toBe("user");
    expect(x("マイナポータルにログインできない").certificate).toBe("user");
    expect(x("コンビニ交付で暗証番号を3回間違えた").certificate).toBe("user");
    expect(x("病院で保険証として使えない").certificate).toBe("user");
    expect(x("HJS0432E").certificate).toBe("signature");
  });

  it("other 4-digit PINs leave the certificate unset", () => {
    expect(x("住基の暗証番号を忘れた")).toMatchObject({ otherPin: "jukinet", symptom: "forgot-pin" });
    expect(x("住基の4桁の暗証番号を忘れた").certificate).toBeUndefined();
    expect(x("券面事項入力補助用の暗証番号がロック").otherPin).toBe("kenmen");
  });

  it("knows which PIN the resident knows", () => {
    expect(x("署名用は覚えていますが、4桁は忘れました")).toMatchObject({
      signaturePinKnown: "yes",
      userPinKnown: "no",
      certificate: "user",
      symptom: "forgot-pin",
    });
    expect(x("4桁の暗証番号はわかります").userPinKnown).toBe("yes");
    expect(x("署名用のパスワードは忘れていない").signaturePinKnown).toBe("yes");
    expect(x("暗証番号を忘れた").signaturePinKnown).toBeUndefined();
    // The PIN the resident knows is not the one in trouble.
    expect(
      x("マイナポータルにログインしようとしたら3回間違えてロックされました。署名用のパスワードは覚えてます"),
    ).toMatchObject({ certificate: "user", signaturePinKnown: "yes", symptom: "locked", wrongAttempts: 3 });
    expect(x("署名用は覚えてるけどロックされた").certificate).toBeUndefined();
    expect(x("4桁の暗証番号を忘れて、ロックもされた")).toMatchObject({ certificate: "user", userPinKnown: "no" });
  });

  it("both PINs", () => {
    expect(x("両方の暗証番号を忘れた")).toMatchObject({ bothPins: true, signaturePinKnown: "no", userPinKnown: "no" });
    expect(x("署名用も4桁もロックされた")).toMatchObject({ bothPins: true, symptom: "locked" });
    expect(x("署名用と利用者証明用の違いがわかりません").bothPins).toBeUndefined();
  });

  it("wrong attempts and remaining tries", () => {
    expect(x("３回間違えた").wrongAttempts).toBe(3);
    expect(x("三回まちがえました").wrongAttempts).toBe(3);
    expect(x("間違えて2回目です").wrongAttempts).toBe(2);
    expect(x("10回も入力ミスした").wrongAttempts).toBe(5);
    expect(x("4桁の暗証番号、残り1回と出ました")).toMatchObject({ certificate: "user", wrongAttempts: 2, symptom: "wrong-pin" });
    expect(x("署名用パスワードの残り回数は3回")).toMatchObject({ certificate: "signature", wrongAttempts: 2 });
    expect(x("残り2回と出ました").wrongAttempts).toBeUndefined();
    expect(x("3回目の更新です").wrongAttempts).toBeUndefined();
    expect(x("何回間違えたかわからない").wrongAttempts).toBe("unknown");
  });
});

describe("extractFacts: circumstances", () => {
  it("basic information changes", () => {
    expect(x("先週引っ越しました").basicInfoChanged).toBe("yes");
    expect(x("結婚して名字が変わりました").basicInfoChanged).toBe("yes");
    expect(x("住所変更をした").basicInfoChanged).toBe("yes");
    expect(x("引っ越していません").basicInfoChanged).toBe("no");
    expect(x("引っ越しはしていない").basicInfoChanged).toBe("no");
    expect(x("住所は変わっていない").basicInfoChanged).toBe("no");
    expect(x("変更はありません").basicInfoChanged).toBe("no");
    expect(x("来月引っ越す予定です").basicInfoChanged).toBeUndefined();
    expect(x("引っ越しはしていないが結婚した").basicInfoChanged).toBe("yes");
  });

  it("smartphones", () => {
    expect(x("iPhoneを持っています").nfcSmartphone).toBe("yes");
    expect(x("スマホでカードを読み取れました").nfcSmartphone).toBe("yes");
    expect(x("NFC対応のAndroidです").nfcSmartphone).toBe("yes");
    expect(x("スマホを持っていない").nfcSmartphone).toBe("no");
    expect(x("ガラケーです").nfcSmartphone).toBe("no");
    expect(x("スマホでカードが読み取れない").nfcSmartphone).toBe("no");
    expect(x("カードリーダーで読み取れない").nfcSmartphone).toBeUndefined();
  });

  it("dates: expiry, card vs certificate, issue date", () => {
    expect(x("電子証明書の有効期限は令和9年3月15日です").certExpiry).toBe("2027-03-15");
    expect(x("有効期限はR9.3.15")).toMatchObject({ certExpiry: "2027-03-15" });
    expect(x("カードの有効期限は2030年5月10日")).toMatchObject({ cardExpiry: "2030-05-10", aboutCard: true });
    expect(x("カードの有効期限は2030年5月、証明書は2027年5月15日")).toMatchObject({
      cardExpiryMonth: "2030-05",
      certExpiry: "2027-05-15",
      aboutCard: true,
    });
    expect(x("来年2月で電子証明書の期限が切れます")).toMatchObject({ certExpiryMonth: "2027-02", symptom: "renewal" });
    expect(x("本日更新しました").issuedOn).toBe("2026-11-21");
    expect(x("昨日窓口で再発行してもらいました").issuedOn).toBe("2026-11-20");
    expect(x("3日前に更新したのに使えない").issuedOn).toBe("2026-11-18");
    expect(x("11月15日に更新しました").issuedOn).toBe("2026-11-15");
    expect(x("2026年11月15日に更新しました").issuedOn).toBe("2026-11-15");
    expect(x("今日e-Taxを使おうとしたらエラー").issuedOn).toBeUndefined();
    expect(x("先月結婚しました。有効期限はまだ残っています").certExpiryMonth).toBeUndefined();
    expect(x("カードの有効期限が近いと通知が来ました")).toMatchObject({ aboutCard: true, symptom: "renewal" });
  });

  it("applicant", () => {
    expect(x("母の代わりに手続きしたい").applicant).toBe("proxy");
    expect(x("代理で行ってもいいですか").applicant).toBe("proxy");
    expect(x("本人が入院中で行けない").applicant).toBe("proxy");
    expect(x("成年後見人です").applicant).toBe("legal-representative");
    expect(x("子どものカードの暗証番号を忘れた").applicant).toBe("legal-representative");
    expect(x("息子(12歳)のカードの暗証番号を忘れた")).toMatchObject({
      applicant: "legal-representative",
      noSignatureReason: "under-15",
      symptom: "forgot-pin",
    });
    expect(x("私が行きます").applicant).toBe("self");
    expect(x("本人確認書類は何がいりますか").applicant).toBeUndefined();
  });

  it("foreign residents", () => {
    expect(x("在留期間を更新したらマイナンバーカードが使えない")).toMatchObject({
      foreignResident: "yes",
      residenceStatusChanged: true,
    });
    expect(x("在留期間を更新したらマイナンバーカードが使えない").symptom).toBeUndefined();
    expect(x("ビザを更新しました").residenceStatusChanged).toBe(true);
    expect(x("永住者です")).toEqual({ foreignResident: "yes" });
    expect(x("外国人ではありません").foreignResident).toBe("no");
  });

  it("no signature certificate", () => {
    expect(x("14歳の息子のカード")).toMatchObject({ noSignatureReason: "under-15", applicant: "legal-representative" });
    expect(x("15歳未満です").noSignatureReason).toBe("under-15");
    expect(x("中学生の娘").noSignatureReason).toBe("under-15");
    expect(x("成年被後見人なので").noSignatureReason).toBe("adult-ward");
    expect(x("顔認証マイナンバーカードです").noSignatureReason).toBe("face-auth-card");
    expect(x("暗証番号を設定していないカードです").noSignatureReason).toBe("face-auth-card");
    expect(x("40歳です").noSignatureReason).toBeUndefined();
    expect(x("病院で顔認証したら").noSignatureReason).toBeUndefined();
  });

  it("asks for a person", () => {
    expect(x("スタッフに相談したい").wantsPerson).toBe(true);
    expect(x("職員の方と話したい").wantsPerson).toBe(true);
    expect(x("電話で相談できますか").wantsPerson).toBe(true);
    expect(x("オペレーターにつないで").wantsPerson).toBe(true);
    expect(x("暗証番号を忘れた").wantsPerson).toBeUndefined();
  });

  it("a long realistic message", () => {
    const f = x(
      "こんにちは。先月、隣の市から引っ越してきました。確定申告をｅ－Ｔａｘでしようとしたら「署名用電子証明書が失効しています」と出ました。" +
        "有効期限は令和10年6月30日のはずです。スマホはiPhoneです。パスワードは覚えています。",
    );
    expect(f).toMatchObject({
      symptom: "revoked",
      certificate: "signature",
      eTax: true,
      basicInfoChanged: "yes",
      certExpiry: "2028-06-30",
      nfcSmartphone: "yes",
      signaturePinKnown: "yes",
    });
  });

  it("a name change plus a failing certificate reads as revoked", () => {
    expect(x("結婚して苗字が変わったんですが、確定申告で電子証明書が使えません")).toMatchObject({
      symptom: "revoked",
      basicInfoChanged: "yes",
      certificate: "signature",
      eTax: true,
    });
  });

  it("returns nothing for unrelated or empty text", () => {
    expect(x("")).toEqual({});
    expect(x("こんにちは")).toEqual({});
    expect(x("😀😀😀")).toEqual({});
  });
});
