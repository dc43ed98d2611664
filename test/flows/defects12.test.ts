/**
 * Issue #12, "Wrong answers to fix": one block per numbered defect (1–13, and 15 where its sentence
 * lives in routes.ts). Each asserts behaviour: the route decide() reaches for the facts, and the words
 * the route's text must or must not contain (facts.md section in each title).
 */
import { describe, expect, it } from "vitest";
import { decide, decideWithReasons } from "../../flows/certificate-recovery/decide.ts";
import { whyRoute } from "../../flows/certificate-recovery/explain.ts";
import { PROXY_RULES, procedureOf } from "../../flows/certificate-recovery/proxy.ts";
import { buildRoute } from "../../flows/certificate-recovery/routes.ts";
import { ROUTE_IDS, type RouteId } from "../../flows/certificate-recovery/routes-ids.ts";
import { loadCityConfig, parseCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import type { Facts } from "../../src/core/slots.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const today = "2026-11-21";
const routeOf = (facts: Facts, on = today) => decide(facts, on);
const text = (id: RouteId, facts: Facts, on = today, c = city) => buildRoute(id, facts, { city: c, today: on }).text;

describe("defect 1: moved or married and 「更新したい」 is a re-issue now (§2, §3)", () => {
  it("renewal + a move goes to signature-reissue-after-change, without asking dates", () => {
    expect(routeOf({ symptom: "renewal", basicInfoChanged: "yes" })).toEqual({ kind: "route", routeId: "signature-reissue-after-change" });
    // even with an expiry far ahead (the window not open yet): not renewal-not-yet
    expect(routeOf({ symptom: "renewal", basicInfoChanged: "yes", certExpiry: "2029-07-14", cardExpiry: "2034-07-14" })).toEqual({
      kind: "route",
      routeId: "signature-reissue-after-change",
    });
  });

  it("the card itself expired still means a new card", () => {
    expect(routeOf({ symptom: "renewal", basicInfoChanged: "yes", aboutCard: true, cardExpiry: "2026-10-01" })).toEqual({
      kind: "route",
      routeId: "card-renewal",
    });
  });

  it("renewal-not-yet no longer says to keep using the old certificate without the move caveat", () => {
    const t = text("certificate-renewal-not-yet", { certExpiry: "2029-07-14" });
    expect(t).not.toContain("今の証明書をそのまま使えます。");
    expect(t).toMatch(/引っ越し.*氏名/);
  });

  it("no reservation link where the city does not reserve procedures after a move or name change", () => {
    const r = buildRoute("signature-reissue-after-change", { basicInfoChanged: "yes" }, { city, today });
    expect((r.links ?? []).map((l) => l.url)).not.toContain(city.reservations.url);
    expect(r.text).not.toContain(city.reservations.url!);
    expect(r.text).toContain("予約の対象外");
  });

  it("a city that does reserve them shows its link (city-file driven)", () => {
    const reserving = parseCityConfig({ ...structuredClone(city), reservations: { ...city.reservations, note: undefined, afterChange: "optional" } });
    const r = buildRoute("signature-reissue-after-change", { basicInfoChanged: "yes" }, { city: reserving, today });
    expect((r.links ?? []).map((l) => l.url)).toContain(city.reservations.url);
    expect(r.text).not.toContain("予約の対象外");
  });

  it("the sample city file says so", () => {
    expect(city.reservations.afterChange).toBe("none");
  });

  it("a city reserving procedures after a change must give the reservation page", () => {
    const raw = { ...structuredClone(city), reservations: { renewal: "none", afterChange: "required" } };
    expect(() => parseCityConfig(raw, "x.json")).toThrow(/reservations\.url/);
  });

  it("a city file that does not say shows no link and hedges", () => {
    const silent = parseCityConfig({ ...structuredClone(city), reservations: { renewal: "optional", url: city.reservations.url } });
    const r = buildRoute("signature-reissue-after-change", { basicInfoChanged: "yes" }, { city: silent, today });
    expect((r.links ?? []).map((l) => l.url)).not.toContain(city.reservations.url);
    expect(r.text).toContain("予約の対象外のことがあります");
  });
});

describe("defect 2: a forgotten e-Tax 利用者識別番号 password is not a card PIN (§10)", () => {
  it("goes to etax-password, even when the text also implied e-Tax's signature certificate", () => {
    expect(ROUTE_IDS).toContain("etax-password");
    expect(routeOf({ etaxPassword: true })).toEqual({ kind: "route", routeId: "etax-password" });
    expect(routeOf({ etaxPassword: true, eTax: true, certificate: "signature", symptom: "forgot-pin" })).toEqual({
      kind: "route",
      routeId: "etax-password",
    });
  });

  it("gives the NTA's three ways and says it is the tax office's matter", () => {
    const t = text("etax-password", { etaxPassword: true });
    expect(t).toContain("利用者識別番号");
    expect(t).toContain("マイナンバーカード方式");
    expect(t).toContain("秘密の質問");
    expect(t).toContain("変更等届出書");
    expect(t).toContain("税務署");
    expect(t).toMatch(/カードの暗証番号とは別/);
    expect(t).not.toContain("JPKI暗証番号リセット");
    expect(t).not.toContain(city.counter.name);
  });

  it("a card PIN locked too: the card PIN diagnosis goes on (a card PIN route, not etax-password); a 'which is which' question stays which-pin", () => {
    const step = routeOf({ etaxPassword: true, eTax: true, certificate: "user", symptom: "locked" });
    expect(step).not.toEqual({ kind: "route", routeId: "etax-password" });
    expect(routeOf({ etaxPassword: true, certificate: "user", symptom: "locked", signaturePinKnown: "no" })).toEqual({
      kind: "route",
      routeId: "pin-reset-counter",
    });
    expect(routeOf({ etaxPassword: true, eTax: true, certificate: "signature", symptom: "which-pin" })).toEqual({
      kind: "route",
      routeId: "which-pin",
    });
  });

  it("a card PIN route for a resident whose e-Tax password is the trouble too says it is a separate matter, with the NTA's ways as a detail", () => {
    for (const id of ["pin-reset-counter", "pin-reset-kiosk", "pin-retry-guidance"] as const) {
      const facts: Facts = { etaxPassword: true, certificate: "user", symptom: "locked", signaturePinKnown: "yes", nfcSmartphone: "yes" };
      const reply = buildRoute(id, facts, { city, today });
      expect(reply.text, id).toContain("カードの暗証番号とは別のもの");
      const etax = reply.sections.find((s) => s.heading.startsWith("e-Taxの暗証番号の再設定"));
      expect(etax, id).toMatchObject({ detail: true });
      expect(etax!.items.join("\n"), id).toContain("変更等届出書");
      expect(reply.links?.map((l) => l.url), id).toContain(city.links.eTaxPasswordFaq);
      const without = buildRoute(id, { ...facts, etaxPassword: undefined }, { city, today });
      expect(without.text, id).not.toContain("変更等届出書");
    }
  });

  it("points to the card PIN routes only when a card PIN is the problem too", () => {
    const both = text("etax-password", { etaxPassword: true, certificate: "user", symptom: "locked" });
    expect(both).toContain("カードの暗証番号");
    expect(both).toContain(city.counter.name);
    expect(both).toContain("JPKI暗証番号リセット");
  });
});

describe("defect 3: no signature certificate (under 15, 成年被後見人) and a locked 4-digit PIN: counter only (§1)", () => {
  for (const reason of ["under-15", "adult-ward"] as const) {
    it(`${reason}: no signaturePinKnown question, straight to pin-reset-counter`, () => {
      for (const symptom of ["locked", "forgot-pin"] as const) {
        expect(routeOf({ noSignatureReason: reason, symptom })).toEqual({ kind: "route", routeId: "pin-reset-counter" });
        expect(routeOf({ noSignatureReason: reason, symptom, certificate: "user" })).toEqual({ kind: "route", routeId: "pin-reset-counter" });
        expect(routeOf({ noSignatureReason: reason, symptom, certificate: "unknown" })).toEqual({ kind: "route", routeId: "pin-reset-counter" });
        // even when the resident volunteered they have a smartphone
        expect(routeOf({ noSignatureReason: reason, symptom, certificate: "user", nfcSmartphone: "yes" })).toEqual({
          kind: "route",
          routeId: "pin-reset-counter",
        });
      }
    });
    it(`${reason}: the counter answer never hints at the kiosk`, () => {
      const t = text("pin-reset-counter", { noSignatureReason: reason, symptom: "locked", certificate: "user", nfcSmartphone: "yes" });
      expect(t).not.toContain("コンビニ");
      expect(t).toContain(city.counter.name);
    });
  }
});

describe("defect 4: the 住基用 and 券面事項入力補助用 PINs are counter only (§5)", () => {
  for (const otherPin of ["jukinet", "kenmen"] as const) {
    it(`${otherPin}: pin-reset-counter without a convenience-store hint`, () => {
      expect(routeOf({ otherPin, symptom: "locked" })).toEqual({ kind: "route", routeId: "pin-reset-counter" });
      for (const nfcSmartphone of [undefined, "yes", "no"] as const) {
        const t = text("pin-reset-counter", { otherPin, symptom: "locked", ...(nfcSmartphone ? { nfcSmartphone } : {}) });
        expect(t).not.toContain("コンビニ");
        expect(t).toMatch(/窓口/);
      }
    });
  }
});

describe("defect 5: the counter PIN reset needs an identity document besides the card (§5)", () => {
  it("asks for a second document and never says the card is enough", () => {
    for (const id of ["signature-reissue-after-change", "certificate-reissue-after-expiry", "foreign-resident-extension"] as const) {
      expect(text(id, { applicant: "self" }), id).toMatch(/忘れ.*本人確認書類（運転免許証.*マイナンバーカードとは別/);
    }
    for (const facts of [{}, { applicant: "self" }, { certificate: "signature" }, { otherPin: "jukinet" }] as Facts[]) {
      const t = text("pin-reset-counter", facts);
      expect(t).not.toContain("マイナンバーカードで確認できます");
      expect(t).toMatch(/本人確認書類（運転免許証/);
      expect(t).toMatch(/カードとは別|カードのほかに/);
    }
  });
});

describe("defect 6: proxy content per procedure, from one table (§7)", () => {
  const counterRoutes: RouteId[] = [
    "signature-reissue-after-change",
    "certificate-reissue-after-expiry",
    "certificate-renewal",
    "certificate-renewal-not-yet",
    "card-renewal",
    "foreign-resident-extension",
    "pin-reset-counter",
  ];

  it("every counter route shows its own procedure's proxy text, and no other's", () => {
    for (const id of counterRoutes) {
      const procedure = procedureOf(id);
      expect(procedure, id).toBeDefined();
      const t = text(id, { applicant: "proxy" });
      for (const item of PROXY_RULES[procedure!].items) expect(t, id).toContain(item);
      for (const [other, rule] of Object.entries(PROXY_RULES)) {
        if (other === procedure) continue;
        for (const item of rule.items) if (!PROXY_RULES[procedure!].items.includes(item)) expect(t, `${id} shows ${other}`).not.toContain(item);
      }
    }
  });

  it("the expiry-notice envelope appears only for a renewal", () => {
    for (const id of counterRoutes) {
      const t = text(id, { applicant: "proxy" });
      if (procedureOf(id) === "renewal") expect(t, id).toMatch(/有効期限通知書の封筒/);
      else expect(t, id).not.toMatch(/封筒/);
    }
  });

  it("a new issue after a move takes two visits and asks to call first; a new card has no 照会書兼回答書", () => {
    const reissue = text("signature-reissue-after-change", { applicant: "proxy" });
    expect(reissue).toMatch(/2回/);
    expect(reissue).toMatch(/事前に窓口へお問い合わせ/);
    const card = text("card-renewal", { applicant: "proxy" });
    expect(card).not.toContain("照会書兼回答書");
    expect(card).toContain("交付申請書");
    const foreign = text("foreign-resident-extension", { applicant: "proxy" });
    expect(foreign).toMatch(/事前に窓口へお問い合わせ/);
    expect(foreign).not.toContain("照会書兼回答書（");
  });

  it("a guardian brings the 登記事項証明書; a parent comes with the child", () => {
    const guardian = text("pin-reset-counter", { applicant: "legal-representative", noSignatureReason: "adult-ward", certificate: "user" });
    expect(guardian).toContain("登記事項証明書");
    expect(guardian).not.toContain("戸籍謄本");
    const parent = text("pin-reset-counter", { applicant: "legal-representative", noSignatureReason: "under-15", certificate: "user" });
    expect(parent).toMatch(/お子さん.*一緒/);
    expect(parent).toContain("戸籍謄本");
    expect(parent).not.toContain("登記事項証明書");
  });
});

describe("defect 7: 「失効しています」 with the move and the dates unknown (§9)", () => {
  const facts: Facts = { symptom: "revoked", certificate: "signature", basicInfoChanged: "unknown", certExpiry: "unknown", cardExpiry: "unknown" };
  it("says what is known and what to check, never that it expired or that the card is valid", () => {
    const step = routeOf(facts);
    expect(step.kind).toBe("route");
    const t = text((step as { routeId: RouteId }).routeId, facts);
    expect(t).not.toContain("期限が切れています");
    expect(t).not.toMatch(/有効期限[^。]*が過ぎています/);
    expect(t).not.toContain("カード本体はそのまま使えます");
    expect(t).toMatch(/有効期限切れ.*住所・氏名|住所・氏名.*有効期限切れ/);
    expect(t).toContain("確認");
    const reasoned = decideWithReasons(facts, today);
    for (const w of whyRoute(reasoned.kind === "route" ? reasoned.reasons : [])) expect(w).not.toContain("カード本体はまだ有効");
  });

  it("with the dates known it says so plainly", () => {
    const t = text("certificate-reissue-after-expiry", { symptom: "revoked", certExpiry: "2026-06-30", cardExpiry: "2031-01-01" });
    expect(t).toContain("2026年6月30日");
    expect(t).toMatch(/過ぎています/);
    expect(t).toContain("2031年1月1日");
  });
});

describe("defect 8: a renewal window that opens on a closed day (§4)", () => {
  it("a Sunday opening: the opening date and the first day the counter is open", () => {
    // expiry 2027-06-13 → window opens 2027-03-14, a Sunday; the counter opens Monday 3/15
    const t = text("certificate-renewal-not-yet", { certExpiry: "2027-06-13" });
    expect(t).toContain("2027年3月14日（日）");
    expect(t).toContain("2027年3月15日（月）");
  });
  it("a 1月1日 opening: the first open day is 1月4日", () => {
    // expiry 2027-03-31 → 2026-12-31 + 1 day = 2027-01-01 (year-end closure, holiday); first open 2027-01-04 (Mon)
    const t = text("certificate-renewal-not-yet", { certExpiry: "2027-03-31" });
    expect(t).toContain("2027年1月1日（金）");
    expect(t).toContain("2027年1月4日（月）");
  });
  it("an expiry on a closed day inside the window: the last day the counter is open", () => {
    // expiry 2027-01-10 is a Sunday; the counter's last day before it is Friday 1/8
    const t = text("certificate-renewal", { certExpiry: "2027-01-10" });
    expect(t).toContain("2027年1月10日（日）は窓口が休み");
    expect(t).toContain("2027年1月8日（金）まで");
  });
  it("an opening on a weekday says nothing extra", () => {
    const t = text("certificate-renewal-not-yet", { certExpiry: "2027-04-20" });
    expect(t).toContain("2027年1月21日");
    expect(t).not.toContain("窓口で手続きできるのは");
  });
});

describe("defect 9: a reservation does not rule out waiting (§3)", () => {
  it("never promises no wait", () => {
    for (const id of ["certificate-renewal", "certificate-renewal-not-yet"] as const) {
      const t = text(id, { certExpiry: "2027-01-10" });
      expect(t).not.toContain("お待たせしません");
      expect(t).toMatch(/予約/);
      expect(t).toMatch(/待つことがあります|お待ちいただくことがあります/);
    }
  });
});

describe("defect 10: when a new certificate works, the §4 wording everywhere", () => {
  const issuing: RouteId[] = [
    "signature-reissue-after-change",
    "certificate-reissue-after-expiry",
    "certificate-renewal",
    "foreign-resident-extension",
    "wait-after-issuance",
  ];
  for (const id of issuing) {
    it(`${id}: from the next day at the earliest, else after the next business day`, () => {
      const t = text(id, {});
      expect(t).not.toContain("翌日から使えます");
      expect(t).toMatch(/早くて|早ければ/);
      expect(t).toContain("翌開庁日");
    });
  }
});

describe("defect 11: kiosk closed because the signature certificate is revoked or expired (§2, §5)", () => {
  const base: Facts = { symptom: "locked", certificate: "user", signaturePinKnown: "yes", nfcSmartphone: "yes" };
  it("revoked by a move: says why, and that the new certificate can be issued in the same visit", () => {
    const facts = { ...base, basicInfoChanged: "yes" } as Facts;
    expect(routeOf(facts)).toEqual({ kind: "route", routeId: "pin-reset-counter" });
    const t = text("pin-reset-counter", facts);
    expect(t).toMatch(/引っ越し.*失効/);
    expect(t).toMatch(/同じ.*署名用電子証明書.*発行/);
  });
  it("expired: says why, and the same-visit issue", () => {
    const facts = { ...base, basicInfoChanged: "no", certExpiry: "2026-06-30" } as Facts;
    expect(routeOf(facts)).toEqual({ kind: "route", routeId: "pin-reset-counter" });
    const t = text("pin-reset-counter", facts);
    expect(t).toMatch(/有効期限が切れている/);
    expect(t).toMatch(/同じ.*署名用電子証明書.*発行/);
  });
});

describe("defect 12: a face-auth card has no PINs at all (§1)", () => {
  it("no PIN login, no コンビニ交付, no e-Tax card method; no unsourced legal-representative line", () => {
    const t = text("no-signature-certificate", { noSignatureReason: "face-auth-card" });
    expect(t).toMatch(/マイナポータル/);
    expect(t).toMatch(/コンビニ交付/);
    expect(t).toMatch(/使えません/);
    expect(t).toMatch(/暗証番号.*カード.*切り替え/);
    for (const reason of ["face-auth-card", "under-15", "adult-ward", undefined] as const) {
      expect(text("no-signature-certificate", reason ? { noSignatureReason: reason } : {})).not.toContain("法定代理人（親権者・成年後見人）の方のカード");
    }
  });
});

describe("defect 13: renewal 持ち物 and the card expiry's tense (§3)", () => {
  it("asks to check all three PINs", () => {
    for (const id of ["certificate-renewal", "certificate-renewal-not-yet"] as const) {
      const t = text(id, { certExpiry: "2027-01-10" });
      expect(t, id).toContain("住民基本台帳用");
      expect(t, id).toContain("利用者証明用");
      expect(t, id).toContain("署名用");
      expect(t, id).toMatch(/本人確認書類/);
    }
  });
  it("a past card expiry reads as past, a future one as coming", () => {
    const past = text("card-renewal", { cardExpiry: "2026-06-30" });
    expect(past).not.toContain("来るため");
    expect(past).toMatch(/2026年6月30日.*過ぎている/);
    const future = text("card-renewal", { cardExpiry: "2027-02-01" });
    expect(future).toMatch(/2027年2月1日.*(来る|迎える)/);
    expect(future).not.toContain("過ぎている");
  });
});

describe("defect 15 (routes.ts part): polite retry guidance", () => {
  it("never blames", () => {
    const t = text("pin-retry-guidance", { certificate: "signature", wrongAttempts: 3 });
    expect(t).not.toContain("当てずっぽう");
    expect(t).toMatch(/あと2回/);
  });
});
