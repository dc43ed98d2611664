/**
 * The browser tests' harness: Debian's Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH) driven by
 * playwright-core, headless, against the real server started in this process on a free port
 * (SESSION_STORE=memory unless a test says otherwise, BOT_NOW fixed). Screenshots go to
 * test/browser/screenshots/ (git-ignored).
 */
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import type { RunningServer } from "../../src/main.ts";
import { startTestServer } from "../helpers/server.ts";

export const BOT_NOW = "2026-11-21T10:00:00+09:00";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = new URL("./screenshots/", import.meta.url).pathname;

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function startChatServer(env: Record<string, string> = {}): Promise<RunningServer> {
  return startTestServer({ BOT_NOW, ...env });
}

/** A page at a viewport, recording console errors, page errors and failed responses. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** Responses with status ≥ 400, as `status url`. */
  failures: string[];
  /** POSTs to `…/messages`, in order. */
  sends: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, viewport: ViewportName, url: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: "ja-JP", deviceScaleFactor: 1, hasTouch: viewport === "phone" });
  const page = await context.newPage();
  const errors: string[] = [];
  const failures: string[] = [];
  const sends: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/messages")) sends.push(r.postData() ?? "");
  });
  await page.goto(url);
  await page.locator(".choices button").first().waitFor();
  return { context, page, errors, failures, sends, close: () => context.close() };
}

/** Wait until the page is not busy (no request in flight). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById("log")?.getAttribute("aria-busy") === "false");
}

/** Type a message and send it with Enter; wait for the answer. */
export async function typeAndSend(page: Page, text: string): Promise<void> {
  await page.locator("#text").fill(text);
  await page.locator("#text").press("Enter");
  await idle(page);
}

/** Whether an element's top edge is inside the viewport. */
export async function topInViewport(page: Page, selector: string): Promise<{ top: number; height: number }> {
  return page.locator(selector).evaluate((e) => ({ top: e.getBoundingClientRect().top, height: window.innerHeight }));
}

/** WCAG contrast ratio of two CSS colours (rgb()/rgba()). */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
