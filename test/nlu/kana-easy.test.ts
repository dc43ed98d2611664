/**
 * やさしい日本語 as learners type it: kana only, words spaced, です・ます (issue 14, ja-easy). Classes the
 * locale corpus (test/fixtures/corpus/locales/ja-easy.jsonl) found missing, with the sentences that must
 * NOT be read that way.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/nlu/index.ts";

const today = "2026-11-21";
const x = (s: string) => extractFacts(s, { today });

describe("kana: wants a person (ja-easy-009)", () => {
  it("reads 「ひとと はなしたい」 and its kin", () => {
    for (const s of [
      "まどぐちの ひとと はなしたい です",
      "まどぐちの ひとと はなしたい",
      "ひとと はなしたいです",
      "たんとうしゃ と はなしたい",
      "ひとに そうだん したいです",
      "しょくいんと はなせますか",
      "でんわで そうだん したい",
      "まどぐちで そうだん したいです",
    ]) {
      expect(x(s).wantsPerson, s).toBe(true);
    }
  });
  it("does not read a friend, a visit, or 「はなしたくない」", () => {
    for (const s of ["ともだちと はなしました", "まどぐちに いきました", "ひとと はなしたくない です", "かぞくと はなしたい", "ひとつ ききたい です"]) {
      expect(x(s).wantsPerson, s).toBeUndefined();
    }
  });
});

describe("kana: which PIN is which (ja-easy-010)", () => {
  it("reads 「しゅるい」「どっちの ばんごう」「ちがい」", () => {
    for (const s of [
      "あんしょうばんごうの しゅるいを しりたいです",
      "あんしょうばんごうは なんしゅるい ありますか",
      "どっちの ばんごうを いれますか",
      "どの ばんごう ですか",
      "あんしょうばんごうの ちがいが わかりません",
      "どれを いれますか",
    ]) {
      expect(x(s).symptom, s).toBe("which-pin");
    }
  });
  it("keeps forgot / wrong / another kind of paper apart", () => {
    expect(x("あんしょうばんごうを わすれました").symptom).toBe("forgot-pin");
    expect(x("ばんごうを まちがえました").symptom).toBe("wrong-pin");
    expect(x("あんしょうばんごうを まちがいました").symptom).toBe("wrong-pin");
    expect(x("しょうめいしょの しゅるいを おしえて").symptom).toBeUndefined();
    expect(x("かーどの ばんごう わすれました。4けた です")).toMatchObject({ symptom: "forgot-pin", certificate: "user" });
    expect(x("どの ばんごうも ロック されました")).toMatchObject({ symptom: "locked", bothPins: true });
  });
});
