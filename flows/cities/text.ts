/**
 * A city's free texts in the conversation's locale (issue 14). The city file may carry `i18n.en` and
 * `i18n["ja-easy"]` variants of its free texts (counter names, hours, notes, fees, waiting time …); where
 * a locale has no variant for a text, the Japanese is shown with the caller's short note (e.g.
 * "(in Japanese)"), never an empty line. The city's name and addresses are shown as written when they
 * have no variant: they are names, and the resident needs them as written.
 */
import type { Locale } from "../../src/core/locale.ts";
import type { CityConfig, CityText, Counter } from "./schema.ts";

/** The city with its free texts in `locale`; `ja` returns the city itself. */
export function localizedCity(city: CityConfig, locale: Locale, untranslated: (ja: string) => string): CityConfig {
  if (locale === "ja") return city;
  const v: CityText = city.i18n?.[locale] ?? {};
  const pick = (ja: string, given: string | undefined) => given ?? untranslated(ja);
  const counter = (c: Counter, t: CityText["counter"] = {}): Counter => ({
    ...c,
    name: pick(c.name, t.name),
    address: t.address ?? c.address,
    hoursText: pick(c.hoursText, t.hoursText),
    ...(c.note !== undefined ? { note: pick(c.note, t.note) } : {}),
  });
  const f = v.fees ?? {};
  return {
    ...city,
    name: v.name ?? city.name,
    counter: counter(city.counter, v.counter),
    branches: city.branches.map((b, i) => counter(b, v.branches?.[i])),
    cityHelpDesk: {
      ...city.cityHelpDesk,
      name: pick(city.cityHelpDesk.name, v.cityHelpDesk?.name),
      hoursText: pick(city.cityHelpDesk.hoursText, v.cityHelpDesk?.hoursText),
    },
    nationalHelpLine: {
      ...city.nationalHelpLine,
      hoursText: pick(city.nationalHelpLine.hoursText, v.nationalHelpLine?.hoursText),
      lossReportText: pick(city.nationalHelpLine.lossReportText, v.nationalHelpLine?.lossReportText),
    },
    fees: {
      certificateRenewal: pick(city.fees.certificateRenewal, f.certificateRenewal),
      certificateReissue: pick(city.fees.certificateReissue, f.certificateReissue),
      pinReset: pick(city.fees.pinReset, f.pinReset),
      cardRenewal: pick(city.fees.cardRenewal, f.cardRenewal),
      cardReissueLost: pick(city.fees.cardReissueLost, f.cardReissueLost),
    },
    reservations: {
      ...city.reservations,
      ...(city.reservations.note !== undefined ? { note: pick(city.reservations.note, v.reservations?.note) } : {}),
    },
    typicalWait: pick(city.typicalWait, v.typicalWait),
    ...(city.handoff ? { handoff: { ...city.handoff, hoursText: pick(city.handoff.hoursText, v.handoff?.hoursText) } } : {}),
  };
}

/** Every free text of the city file, in every language it is written in (for checks that allow them). */
export function cityTexts(city: CityConfig): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === "string") out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") Object.values(x).forEach(walk);
  };
  walk(city);
  return out;
}
