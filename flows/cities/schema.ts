/**
 * The shape of a city's configuration file (flows/cities/*.json). Everything a city may set differently
 * from another (counters, hours, fees, reservations, phone numbers, links) lives here, never in code.
 * Validated once at start-up; an invalid file stops the server with a message naming the field.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM (24時間表記) で書いてください");
const span = z.object({ open: time, close: time });
const weekday = z.array(span).optional();

/** Opening hours by weekday in Asia/Tokyo. National holidays and 12/29–1/3 are closed. */
export const WeeklyHoursSchema = z
  .object({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekday, sun: weekday })
  .strict();

const phone = z.string().regex(/^[0-9０-９][0-9０-９-]{7,14}$/, "電話番号 (例: 0120-95-0178)");
const url = z.url();

export const CounterSchema = z
  .object({
    /** e.g. 市民課 マイナンバーカード窓口 */
    name: z.string().min(1),
    address: z.string().min(1),
    phone,
    hours: WeeklyHoursSchema,
    /** How the hours read to a resident, e.g. 平日 8:30〜17:15 */
    hoursText: z.string().min(1),
    mapUrl: url.optional(),
    note: z.string().optional(),
  })
  .strict();

const text = z.string().min(1);

/** A counter's free texts in another language (the same fields as {@link CounterSchema}, all optional). */
const CounterTextSchema = z.object({ name: text, address: text, hoursText: text, note: text }).partial().strict();

/**
 * The city's free texts in another language (issue 14): every field optional; a text left out is shown
 * in Japanese with a short note. `branches` follow the order of the top-level `branches`.
 */
export const CityTextSchema = z
  .object({
    name: text,
    counter: CounterTextSchema,
    branches: z.array(CounterTextSchema),
    cityHelpDesk: z.object({ name: text, hoursText: text }).partial().strict(),
    nationalHelpLine: z.object({ hoursText: text, lossReportText: text }).partial().strict(),
    fees: z
      .object({ certificateRenewal: text, certificateReissue: text, pinReset: text, cardRenewal: text, cardReissueLost: text })
      .partial()
      .strict(),
    reservations: z.object({ note: text }).partial().strict(),
    typicalWait: text,
    handoff: z.object({ hoursText: text }).partial().strict(),
  })
  .partial()
  .strict();

/** The foreign-language line of マイナンバー総合フリーダイヤル (facts §8): English, 中文, 한국어, Español, Português …. */
export const FOREIGN_LANGUAGE_HELP_LINE = "0120-0178-27";

export const CityConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "小文字英数字とハイフン"),
    /** The municipality's name as residents know it, e.g. 見本市 */
    name: z.string().min(1),
    /** The counter for certificates, PINs and cards. */
    counter: CounterSchema,
    /** Extra counters (branch offices) where the same procedures are accepted. */
    branches: z.array(CounterSchema).default([]),
    /** The city's own phone line for questions about the card. */
    cityHelpDesk: z.object({ name: z.string().min(1), phone, hoursText: z.string().min(1) }).strict(),
    /** マイナンバー総合フリーダイヤル (national). */
    nationalHelpLine: z
      .object({
        phone,
        hoursText: z.string().min(1),
        lossReportText: z.string().min(1),
        /** Offered in every answer in another language than Japanese (facts §8). */
        foreignLanguagePhone: phone.default(FOREIGN_LANGUAGE_HELP_LINE),
      })
      .strict(),
    fees: z
      .object({
        certificateRenewal: z.string().min(1),
        certificateReissue: z.string().min(1),
        pinReset: z.string().min(1),
        cardRenewal: z.string().min(1),
        cardReissueLost: z.string().min(1),
      })
      .strict(),
    reservations: z
      .object({
        /** Whether certificate renewals at the counter take (or need) a reservation. */
        renewal: z.enum(["none", "optional", "required"]),
        /**
         * Whether the certificate's new issue after a move or name change takes a reservation (some cities,
         * e.g. Niigata, exclude it: facts §3). Unset: the bot says it may not be reservable and shows no link.
         */
        afterChange: z.enum(["none", "optional", "required"]).optional(),
        url: url.optional(),
        note: z.string().optional(),
      })
      .strict()
      .refine((r) => (r.renewal === "none" && (r.afterChange ?? "none") === "none") || r.url !== undefined, {
        message: "予約を受け付ける場合は url が必要です",
        path: ["url"],
      }),
    /** How long a counter visit usually takes, e.g. 30分〜1時間程度 (混雑時はさらにかかります) */
    typicalWait: z.string().min(1),
    links: z
      .object({
        jlisPinReset: url,
        jlisStores: url,
        jlisCertificates: url,
        cardSite: url,
        eTaxCertificate: url,
        /** The NTA's page on a forgotten e-Tax 暗証番号 (facts §10). */
        eTaxPasswordFaq: url.default("https://www.e-tax.nta.go.jp/toiawase/faq/zizen/09.htm"),
        /** The NTA's page on a lost ID・パスワード方式 ID or password (facts §10). */
        eTaxIdPassword: url.default("https://www.e-tax.nta.go.jp/topics/topics_idpwboshitsu.htm"),
        cityPage: url.optional(),
      })
      .strict(),
    /** Hand-off to the help desk on Slack. */
    handoff: z
      .object({ slackChannelId: z.string().regex(/^[CG][A-Z0-9]+$/), hours: WeeklyHoursSchema, hoursText: z.string().min(1) })
      .strict()
      .optional(),
    /** The free texts above in `en` and `ja-easy` (issue 14); see flows/cities/text.ts. */
    i18n: z.object({ en: CityTextSchema.optional(), "ja-easy": CityTextSchema.optional() }).strict().optional(),
  })
  .strict();

export type CityText = z.infer<typeof CityTextSchema>;
export type CityConfig = z.infer<typeof CityConfigSchema>;
export type Counter = z.infer<typeof CounterSchema>;

/** Thrown when a city file is missing, not JSON, or invalid. The message names the file and the field. */
export class CityConfigError extends Error {
  readonly code = "CITY_CONFIG_INVALID";
  constructor(message: string) {
    super(message);
    this.name = "CityConfigError";
  }
}

/** Validate parsed JSON as a city configuration; the error names the first bad field. */
export function parseCityConfig(raw: unknown, source = "city config"): CityConfig {
  const result = CityConfigSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
      .join("; ");
    throw new CityConfigError(`${source}: ${issues}`);
  }
  return result.data;
}

/** Read and validate a city file. */
export function loadCityConfig(path: string): CityConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new CityConfigError(`${path}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CityConfigError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseCityConfig(raw, path);
}

/** The sample city shipped with the bot (used when MUNICIPALITY_CONFIG is unset). */
export const SAMPLE_CITY_PATH = new URL("./sample-city.json", import.meta.url).pathname;
