/**
 * Checks for replies in a language other than Japanese (issue 14), reusable by the flow tests and the
 * English corpus. An `en` reply may hold Japanese only (1) inside brackets 「…」（…）(…) — the Japanese
 * term beside the English word, (2) in the sentence to show at the counter, (3) in the city file's own
 * texts (names, addresses, and texts without an English variant). {@link japaneseOutsideAllowed}
 * returns every other Japanese fragment; an empty list means the reply is clean.
 */
import type { Reply } from "../../src/core/reply.ts";
import type { CityConfig } from "../../flows/cities/schema.ts";
import { cityTexts } from "../../flows/cities/text.ts";
import { allCounterSentences } from "../../flows/certificate-recovery/route-text/counter-sentence.ts";

/** Kana, kanji and the iteration / prolonged-sound marks: what counts as Japanese writing. */
const JAPANESE_RUN = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー々〆〇]+/gu;
const HAS_JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

export const hasJapanese = (text: string): boolean => HAS_JAPANESE.test(text);

/** Every string a resident reads in a reply (or replies, or a plain string). */
export function readableStrings(reply: Reply | readonly Reply[] | string): string[] {
  if (typeof reply === "string") return [reply];
  if (Array.isArray(reply)) return reply.flatMap((r) => readableStrings(r as Reply));
  const r = reply as Reply;
  switch (r.type) {
    case "text":
      return [r.text];
    case "question":
      return [r.text, ...r.choices.map((c) => c.label)];
    case "route":
      return [
        r.title,
        r.lead,
        r.text,
        ...r.sections.flatMap((s) => [s.heading, ...s.items]),
        ...(r.links ?? []).map((l) => l.label),
      ];
  }
}

/** Remove bracketed parts, innermost first: 「…」 （…） (…) 【…】 are where Japanese terms may stand. */
function withoutBrackets(text: string): string {
  let out = text;
  for (;;) {
    const next = out.replace(/「[^「」]*」|（[^（）]*）|\([^()]*\)/g, " ");
    if (next === out) return out;
    out = next;
  }
}

/**
 * The Japanese fragments of a reply outside what an `en` reply may hold: brackets, the counter
 * sentence, the city file's texts (whole, or their main part before a parenthesis, as answers show a
 * fee or a waiting time in short). `allowed` adds more whole strings to accept (e.g. the resident's own words echoed back).
 */
export function japaneseOutsideAllowed(
  reply: Reply | readonly Reply[] | string,
  city: CityConfig,
  allowed: readonly string[] = [],
): string[] {
  // A city text may be shown whole or by its main part, before its first parenthesis (「無料（…）」 → 「無料」).
  const cityStrings = cityTexts(city)
    .filter(hasJapanese)
    .flatMap((t) => [t, t.split(/[（(]/)[0]!.trim()])
    .filter((t) => t.length > 0);
  const whole = [...new Set([...allCounterSentences(), ...cityStrings, ...allowed])].sort((a, b) => b.length - a.length);
  const offending: string[] = [];
  for (const s of readableStrings(reply)) {
    let rest = s;
    for (const a of whole) rest = rest.split(a).join(" ");
    rest = withoutBrackets(rest);
    for (const run of rest.match(JAPANESE_RUN) ?? []) {
      const at = rest.indexOf(run);
      offending.push(rest.slice(Math.max(0, at - 15), at + run.length + 15).trim());
    }
  }
  return [...new Set(offending)];
}

/** Phone numbers as written in Japan, including the 2-digit last group of 0120-0178-27. */
const PHONE = /(?<![0-9０-９])[0０][0-9０-９]{1,4}[-－‐][0-9０-９]{1,4}[-－‐][0-9０-９]{2,4}(?![0-9０-９])/g;

/** The phone numbers shown in a route reply that have no `tel:` link. */
export function phonesWithoutTel(reply: Reply): string[] {
  if (reply.type !== "route") return [];
  const tels = new Set((reply.links ?? []).filter((l) => l.url.startsWith("tel:")).map((l) => l.url));
  const shown = [...new Set(readableStrings(reply).flatMap((s) => s.match(PHONE) ?? []))];
  const digits = (p: string) => p.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\D/g, "");
  return shown.filter((p) => !tels.has(`tel:${digits(p)}`));
}
