/**
 * The chat page's and the widget's words (issue 14): every locale's words of
 * flows/certificate-recovery/ui-text.ts, served as a same-origin script (`/ui-text.js`, loaded by the page
 * before chat.js, so no inline script under the CSP) and inlined into widget.js. The page can then switch
 * language without a request, and say "you are offline" in the resident's language. `?lang=` on the page
 * sets its `<html lang>` at once.
 */
import { readFileSync } from "node:fs";
import type { RequestHandler } from "express";
import { isLocale, LOCALES, type Locale } from "../../core/locale.ts";
import { UI_TEXT, type WebUiText, type WidgetUiText } from "../../../flows/certificate-recovery/ui-text.ts";
import { htmlLang } from "../locale.ts";

const WIDGET_MARK = "__WIDGET_TEXT__";

/** JSON that is also a safe JavaScript expression (U+2028/2029 escaped). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll("\u2028", "\\u2028").replaceAll("\u2029", "\\u2029");
}

function perLocale<T>(pick: (l: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(LOCALES.map((l) => [l, pick(l)])) as Record<Locale, T>;
}

/** The page's words of one locale (`GET /api/chat/ui-text?locale=`). */
export function webUiText(locale: Locale): WebUiText {
  return UI_TEXT[locale].web;
}

const cached = (res: Parameters<RequestHandler>[1]) => res.set("Cache-Control", "public, max-age=3600");

/** `GET /ui-text.js`: `globalThis.McrUiText`, the page's words in every locale. */
export function uiTextScriptHandler(): RequestHandler {
  const script = `"use strict";\n// The chat page's words per locale (flows/certificate-recovery/ui-text.ts).\nglobalThis.McrUiText = ${scriptJson(perLocale(webUiText))};\n`;
  return (_req, res) => {
    cached(res);
    res.type("application/javascript").send(script);
  };
}

/** `GET /` and `/index.html`: the page, its `<html lang>` from `?lang=` (chat.js does the rest). */
export function pageHandler(publicDir: string): RequestHandler {
  const page = readFileSync(`${publicDir}index.html`, "utf8");
  const byLang = new Map<string, string>(LOCALES.map((l) => [l, page.replace('<html lang="ja">', `<html lang="${htmlLang(l)}">`)]));
  return (req, res) => {
    const lang = typeof req.query.lang === "string" && isLocale(req.query.lang) ? req.query.lang : "ja";
    cached(res);
    res.type("html").send(byLang.get(lang));
  };
}

/** `GET /widget.js`: the widget with every locale's words; another site may load it. */
export function widgetHandler(publicDir: string): RequestHandler {
  const template = readFileSync(`${publicDir}widget.js`, "utf8");
  if (!template.includes(WIDGET_MARK)) throw new Error(`widget.js has no ${WIDGET_MARK} mark for its words`);
  const script = template.replace(WIDGET_MARK, () => scriptJson(perLocale((l): WidgetUiText => UI_TEXT[l].widget)));
  return (_req, res) => {
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    cached(res);
    res.type("application/javascript").send(script);
  };
}
