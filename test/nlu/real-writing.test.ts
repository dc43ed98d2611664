/**
 * Issue #12, "Understanding real writing" and defect 14 (dates): each group failed before the fix.
 * Facts are read by extractFacts (pure); typed answers by factsFromText (the machine's reading) and the
 * runtime (what the resident is told).
 */
import { describe, expect, it } from "vitest";
import type { Facts } from "../../src/core/slots.ts";
import { factsFromText } from "../../flows/certificate-recovery/machine.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { ConversationRuntime } from "../../src/core/runtime.ts";
import { certificateRecoveryFlow } from "../../flows/certificate-recovery/index.ts";
import { answerTrouble, extractFacts, findImpossibleDate, parseAnswer, parseAnswerFacts, parseJapaneseDate } from "../../src/nlu/index.ts";
import { MemoryStore } from "../../src/store/memory.ts";

const today = "2026-11-21"; // a Saturday
const x = (s: string, t = today) => extractFacts(s, { today: t });

function rows(name: string, list: [string, Partial<Facts>, (keyof Facts)[]?][]): void {
  describe(name, () => {
    for (const [say, want, absent] of list) {
      it(say, () => {
        const f = x(say);
        expect(f).toMatchObject(want);
        for (const k of absent ?? []) expect(f[k], `${k} should be unset`).toBeUndefined();
      });
    }
  });
}

rows("negation in every register never reads as the positive", [
  ["転居はしていません", { basicInfoChanged: "no" }],
  ["引っ越してない", { basicInfoChanged: "no" }],
  ["転居はしとらん", { basicInfoChanged: "no" }],
  ["住所は変わってへん", { basicInfoChanged: "no" }],
  ["引っ越しはしてへんし結婚もしてへん", { basicInfoChanged: "no" }],
  ["引っ越しせんかった", { basicInfoChanged: "no" }],
  ["転居はしてねえけど", { basicInfoChanged: "no" }],
  ["引越しは一度もしていません", { basicInfoChanged: "no" }],
  ["てんきょは していません", { basicInfoChanged: "no" }],
  ["ﾋｯｺｼ ﾊ ｼﾃｲﾏｾﾝ", { basicInfoChanged: "no" }],
  ["名前もそのままです", { basicInfoChanged: "no" }],
  ["署名用の暗証番号は忘れてない。4桁のをロックした", { signaturePinKnown: "yes", certificate: "user", symptom: "locked" }],
  ["ロックはされてないけど、4桁の暗証番号を2回間違えました", { symptom: "wrong-pin", wrongAttempts: 2 }],
  ["電子証明書は失効してないと思うんですが、更新の時期を知りたい", { symptom: "renewal" }],
  ["署名用は覚えとらん。4桁の暗証番号ロックした", { signaturePinKnown: "no", certificate: "user" }],
]);

rows("verb forms and spellings", [
  ["引越しした", { basicInfoChanged: "yes" }],
  ["引っ越しました", { basicInfoChanged: "yes" }],
  ["引越後に失効", { basicInfoChanged: "yes", symptom: "revoked" }],
  ["ひっこしました", { basicInfoChanged: "yes" }],
  ["転居しました", { basicInfoChanged: "yes" }],
  ["他県から転入しました", { basicInfoChanged: "yes" }],
  ["転出届を出しました", { basicInfoChanged: "yes" }],
  ["I moved last month and it says revoked", { basicInfoChanged: "yes", symptom: "revoked" }],
  ["署名用の暗証番号を忘れちゃった", { symptom: "forgot-pin", certificate: "signature" }],
  ["署名用のパスワード忘れてもうた", { symptom: "forgot-pin", certificate: "signature" }],
  ["しょめいようの あんしょうばんごう わすれた", { symptom: "forgot-pin", certificate: "signature" }],
  ["4桁の暗証番号をまちごうてしもた。1回だけや", { symptom: "wrong-pin", wrongAttempts: 1 }],
]);

rows("kana only, half-width katakana, emoji, line breaks, a fact buried after other talk", [
  ["でんししょうめいしょの こうしん したいです。きげんは らいねんの1がつ20にちです", { symptom: "renewal", certExpiry: "2027-01-20" }],
  ["ﾃﾞﾝｼｼｮｳﾒｲｼｮ ﾉ ｺｳｼﾝ ｦ ｼﾀｲ。ｷｹﾞﾝ ﾊ 2027ﾈﾝ2ｶﾞﾂ5ﾆﾁ", { symptom: "renewal", certExpiry: "2027-02-05" }],
  ["ｱﾝｼｮｳﾊﾞﾝｺﾞｳ ｦ 2ｶｲ ﾏﾁｶﾞｴﾏｼﾀ。4ｹﾀ ﾉ ﾎｳ ﾃﾞｽ", { symptom: "wrong-pin", certificate: "user", wrongAttempts: 2 }],
  ["4桁の暗証番号 ロック🔒 しょめいようは わすれてない👍 スマホ📱 あり", { symptom: "locked", certificate: "user", signaturePinKnown: "yes", nfcSmartphone: "yes" }],
  ["今年の春に引っ越しをしました\n\nそれで\n\n電子証明書が失効していますと\n\n出るようになりました", { basicInfoChanged: "yes", symptom: "revoked" }],
  ["市役所の駐車場って何台とめられますか？あと、電子証明書が失効していると出たんですが、引っ越しはしてません", { symptom: "revoked", basicInfoChanged: "no" }],
  ["🙇‍♀️ 暗証番号ロックしちゃいました…4桁のほうです…署名用は覚えてないです…", { symptom: "locked", certificate: "user", signaturePinKnown: "no" }],
  ["あんしょうばんごうを わすれました。よんけたの ほうです。", { symptom: "forgot-pin", certificate: "user", userPinKnown: "no" }],
  ["かおにんしょうの まいなんばーかーど です", { noSignatureReason: "face-auth-card" }],
  ["マイナンバーカード、どこにしまったかわからんくなった", { symptom: "lost-card" }],
  ["暗証番号って何種類あるの？", { symptom: "which-pin" }],
]);

rows("who goes", [
  ["妻の代わりに私が行きます", { applicant: "proxy" }],
  ["後見人をしています", { applicant: "legal-representative" }],
  ["成年後見人です", { applicant: "legal-representative" }],
  ["子どもの(中学生以下)マイナンバーカードです", { noSignatureReason: "under-15", applicant: "legal-representative" }],
  ["5さいの むすめの かーどです", { noSignatureReason: "under-15", applicant: "legal-representative" }],
  ["父が成年被後見人になりました", { noSignatureReason: "adult-ward" }],
  ["顔認証カードに切り替えた母のカード", { noSignatureReason: "face-auth-card" }],
]);

rows("what already happened, with its day", [
  ["再発行を受けたのにまだエラー", { symptom: "not-working-after-renewal" }],
  ["今朝、窓口で更新してもらったのにe-Taxでまだエラー", { symptom: "not-working-after-renewal", issuedOn: "2026-11-21" }],
  ["昨日再発行を受けたのにまだエラーになります", { symptom: "not-working-after-renewal", issuedOn: "2026-11-20" }],
  ["先週の金曜に窓口で更新済みです。でもマイナポータルにログインできません", { symptom: "not-working-after-renewal", issuedOn: "2026-11-13" }],
  ["窓口で更新済みです。先週の月曜日に行きました。まだe-Taxで弾かれます", { symptom: "not-working-after-renewal", issuedOn: "2026-11-09" }],
  ["ｻｸｼﾞﾂ ｺｳｼﾝ ｼﾀﾉﾆ ｴﾗｰ ｶﾞ ﾃﾞﾏｽ", { symptom: "not-working-after-renewal", issuedOn: "2026-11-20" }],
  ["引っ越しは去年やけど、そのあと窓口で電子証明書は作り直してもらってん。せやのに今日また失効って出た", { symptom: "revoked", basicInfoChanged: "no" }],
]);

it("12月26日 in a message of 12月28日 is the day just past", () => {
  expect(x("12月26日に窓口で更新済みなのに、確定申告の送信でエラーが出ます", "2026-12-28")).toMatchObject({
    symptom: "not-working-after-renewal",
    issuedOn: "2026-12-26",
  });
});

rows("residence status", [
  ["在留資格が変わりました", { foreignResident: "yes", residenceStatusChanged: true }],
  ["ビザを更新しました", { foreignResident: "yes", residenceStatusChanged: true }],
  ["在留カードが新しくなりました", { foreignResident: "yes", residenceStatusChanged: true }],
  ["ざいりゅうしかくが かわりました", { foreignResident: "yes", residenceStatusChanged: true }],
  ["ｻﾞｲﾘｭｳｶｰﾄﾞ ｶﾞ ｱﾀﾗｼｸ ﾅﾘﾏｼﾀ", { foreignResident: "yes", residenceStatusChanged: true }],
]);

rows("counts: some times is no count", [
  ["署名用の暗証番号を何度か間違えてしまいました", { symptom: "wrong-pin" }, ["wrongAttempts"]],
  ["署名用のパスワードを数回まちがえた", { symptom: "wrong-pin" }, ["wrongAttempts"]],
  ["署名用の暗証番号、たぶん3回くらい間違えたと思う", { wrongAttempts: 3 }],
  ["パスワードが間違っていますと出ます。1回目です", { symptom: "wrong-pin", wrongAttempts: 1 }],
]);

rows("e-Tax's own password (facts §10) is not a card PIN", [
  ["e-Taxの暗証番号を忘れてしまいました", { etaxPassword: true }, ["symptom", "certificate"]],
  ["利用者識別番号のパスワードがわからなくなりました", { etaxPassword: true }, ["symptom", "certificate"]],
  ["確定申告書等作成コーナーのID・パスワード方式のパスワードを忘れた", { etaxPassword: true }, ["symptom"]],
  ["いーたっくすの あんしょうばんごう わすれた", { etaxPassword: true }, ["symptom"]],
  ["e-Taxのパスワードを忘れたうえに、カードの4桁の暗証番号もロックしました", { etaxPassword: true, symptom: "locked", certificate: "user" }],
  ["e-Taxで署名用パスワードがロックされました", { symptom: "locked", certificate: "signature" }, ["etaxPassword"]],
  ["署名用電子証明書のパスワードを忘れました", { symptom: "forgot-pin", certificate: "signature" }, ["etaxPassword"]],
  ["カードの暗証番号を忘れました。e-Taxでカードを読み取るときのです", { symptom: "forgot-pin" }, ["etaxPassword"]],
]);

describe("dates (defect 14)", () => {
  it("平成 years past 31 are valid: cards printed 平成 dates into the future", () => {
    expect(parseJapaneseDate("平成33年3月3日", today)).toEqual({ date: "2021-03-03" });
    expect(parseJapaneseDate("平成40年3月1日", today)).toEqual({ date: "2028-03-01" });
    expect(parseJapaneseDate("H33.5.10", today)).toEqual({ date: "2021-05-10" });
    expect(parseJapaneseDate("平成33年8月", today)).toEqual({ month: "2021-08" });
    expect(parseAnswer("certExpiry", "平成33年3月3日", { today })).toBe("2021-03-03");
  });
  it("a date that does not exist is found as such, and is no date", () => {
    expect(findImpossibleDate("2027年2月29日", today)).toBe("2027年2月29日");
    expect(findImpossibleDate("4月31日です", today)).toBe("4月31日");
    expect(findImpossibleDate("令和9年2月30日", today)).toBe("令和9年2月30日");
    expect(findImpossibleDate("2028年2月29日", today)).toBeUndefined();
    expect(findImpossibleDate("2月29日", today)).toBeUndefined();
    expect(parseAnswer("certExpiry", "2027年2月29日", { today })).toBeUndefined();
    expect(answerTrouble("certExpiry", "2027年2月29日", { today })).toBe("noSuchDate");
    expect(answerTrouble("certExpiry", "2027年2月28日", { today })).toBeUndefined();
  });
  it("weekdays and 今朝", () => {
    expect(parseJapaneseDate("先週の金曜", today)).toEqual({ date: "2026-11-13" });
    expect(parseJapaneseDate("今週の月曜日", today)).toEqual({ date: "2026-11-16" });
    expect(parseJapaneseDate("水曜", today)).toEqual({ date: "2026-11-18" });
    expect(parseJapaneseDate("今朝", today)).toEqual({ date: "2026-11-21" });
    expect(parseAnswer("issuedOn", "先週の金曜", { today })).toBe("2026-11-13");
    expect(parseAnswer("issuedOn", "今朝です", { today })).toBe("2026-11-21");
  });
  it("an expiry answered with a month only keeps the month", () => {
    expect(parseAnswerFacts("certExpiry", "来年2月", { today })).toEqual({ certExpiryMonth: "2027-02" });
    expect(parseAnswerFacts("cardExpiry", "2027年1月まで", { today })).toEqual({ cardExpiryMonth: "2027-01" });
    expect(parseAnswerFacts("certExpiry", "2027年1月20日", { today })).toEqual({ certExpiry: "2027-01-20" });
  });
});

describe("typed answers", () => {
  it("answer the open question first: 「署名用のは覚えてます」 does not change which PIN is the problem", () => {
    const known: Facts = { symptom: "locked", certificate: "user" };
    const f = factsFromText("署名用のは覚えてます", "signaturePinKnown", today, known);
    expect(f.signaturePinKnown).toBe("yes");
    expect(f.certificate).toBeUndefined();
    const g = factsFromText("4桁のはわかる", "userPinKnown", today, { symptom: "forgot-pin", certificate: "signature" });
    expect(g).toMatchObject({ userPinKnown: "yes" });
    expect(g.certificate).toBeUndefined();
    const h = factsFromText("覚えてないです", "signaturePinKnown", today, known);
    expect(h).toMatchObject({ signaturePinKnown: "no" });
    expect(h.symptom).toBeUndefined();
  });
  it.each([
    ["signaturePinKnown", "スマホのメモに控えてある", "yes"],
    ["signaturePinKnown", "覚えとるよ👍", "yes"],
    ["signaturePinKnown", "ｵﾎﾞｴﾃﾏｽ", "yes"],
    ["nfcSmartphone", "持ってへん", "no"],
    ["basicInfoChanged", "転居はしとらん", "no"],
    ["basicInfoChanged", "住所は変わってへん", "no"],
    ["basicInfoChanged", "いや、してへん", "no"],
    ["wrongAttempts", "たぶん3回くらい", 3],
    ["wrongAttempts", "数回", undefined],
    ["wrongAttempts", "何度か", undefined],
  ] as const)("%s 「%s」 → %s", (slot, text, want) => {
    expect(parseAnswer(slot, text, { today })).toBe(want);
  });
  it("「数回」 to the count question is ambiguous: asked again with choices", () => {
    expect(answerTrouble("wrongAttempts", "数回", { today })).toBe("ambiguous");
    expect(answerTrouble("wrongAttempts", "3回", { today })).toBeUndefined();
  });
});

describe("what the resident is told (runtime)", () => {
  const city = loadCityConfig(SAMPLE_CITY_PATH);
  const setup = () =>
    new ConversationRuntime({ flow: certificateRecoveryFlow, store: new MemoryStore(), city, now: () => new Date("2026-11-21T10:00:00+09:00"), idleTtlMs: 60_000 });
  const lastText = (replies: { type: string; text?: string }[]) => replies.map((r) => r.text ?? "").join("\n");

  it("an impossible date: 「その日付はありません」 and the question again", async () => {
    const rt = setup();
    const first = await rt.handle("w:1", { kind: "text", text: "電子証明書の更新がしたい" });
    expect(first.pendingSlot).toBe("certExpiry");
    const turn = await rt.handle("w:1", { kind: "text", text: "2027年2月29日" });
    expect(lastText(turn.replies)).toMatch(/その日付はありません/);
    expect(lastText(turn.replies)).not.toMatch(/うまく読み取れませんでした/);
    expect(turn.pendingSlot).toBe("certExpiry");
  });

  it("「来年2月」 then 「わからない」 keeps the month", async () => {
    const rt = setup();
    await rt.handle("w:2", { kind: "text", text: "電子証明書の更新がしたい" });
    const month = await rt.handle("w:2", { kind: "text", text: "来年2月" });
    expect(month.facts.certExpiryMonth).toBe("2027-02");
    expect(month.pendingSlot).toBe("certExpiry");
    const unknown = await rt.handle("w:2", { kind: "text", text: "わからない" });
    expect(unknown.facts).toMatchObject({ certExpiry: "unknown", certExpiryMonth: "2027-02" });
  });

  it("an answer it cannot read: said plainly, then the question with its choices; the second time too", async () => {
    const rt = setup();
    await rt.handle("w:3", { kind: "text", text: "4桁の暗証番号がロックされちゃいました" });
    const once = await rt.handle("w:3", { kind: "text", text: "うーん" });
    expect(lastText(once.replies)).toMatch(/読み取れませんでした/);
    expect(once.replies.at(-1)).toMatchObject({ type: "question", slot: "signaturePinKnown" });
    expect((once.replies.at(-1) as { choices: unknown[] }).choices.length).toBeGreaterThan(0);
    const twice = await rt.handle("w:3", { kind: "text", text: "うーん" });
    expect(lastText(twice.replies)).toMatch(/読み取れませんでした/);
  });

  it("「数回」 to the count question asks again with the counts as choices", async () => {
    const rt = setup();
    const first = await rt.handle("w:4", { kind: "text", text: "署名用の暗証番号をまちがえました" });
    expect(first.pendingSlot).toBe("wrongAttempts");
    const turn = await rt.handle("w:4", { kind: "text", text: "数回" });
    expect(turn.pendingSlot).toBe("wrongAttempts");
    expect(turn.facts.wrongAttempts).toBeUndefined();
    expect(lastText(turn.replies)).toMatch(/いちばん近いもの/);
  });
});
