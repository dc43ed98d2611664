/**
 * The chat page in the conversation's language (issue 14), in a real Chromium against the real server:
 * `?lang=en` opens an English conversation with the page's own words in English; a conversation that
 * switches language switches the page's words; やさしい日本語's readings show as <ruby>.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { UI_TEXT } from "../../flows/certificate-recovery/ui-text.ts";
import type { RunningServer } from "../../src/main.ts";
import { idle, launch, openPage, SCREENSHOTS, startChatServer, VIEWPORTS, type WatchedPage } from "./harness.ts";

let browser: Browser;
let server: RunningServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startChatServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const en = UI_TEXT.en.web;
const easy = UI_TEXT["ja-easy"].web;

async function fixedWords(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelector("h1")?.textContent,
    newChat: document.getElementById("new-chat")?.textContent,
    send: document.getElementById("send")?.textContent,
    placeholder: (document.getElementById("text") as HTMLInputElement).placeholder,
    label: document.querySelector("label[for=text]")?.textContent,
    log: document.getElementById("log")?.getAttribute("aria-label"),
    notice: document.querySelector(".notice")?.textContent,
  }));
}

/** Answer the page's `POST …/messages` with these replies in `locale` (what a switched conversation sends). */
async function answerNextSendWith(page: Page, locale: string, replies: unknown[]) {
  await page.route(/\/api\/chat\/sessions\/[^/]+\/messages$/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ replies, locale }) });
  }, { times: 1 });
}

describe("the chat page's language", () => {
  let w: WatchedPage | undefined;
  const done = async () => {
    const errors = w?.errors ?? [];
    const failures = w?.failures ?? [];
    await w?.close();
    w = undefined;
    expect(errors, "console errors").toEqual([]);
    expect(failures, "failed responses").toEqual([]);
  };

  it("?lang=en: an English conversation, <html lang=en>, the page's buttons, placeholder and labels in English", async () => {
    const sessions: unknown[] = [];
    w = await openPage(browser, "phone", `${server.url}/?lang=en`);
    const { page } = w;
    page.on("request", (r) => r.url().endsWith("/api/chat/sessions") && sessions.push(r.postDataJSON()));
    expect(await fixedWords(page)).toEqual({
      lang: "en",
      title: en.title,
      h1: en.title,
      newChat: en.newChat,
      send: en.send,
      placeholder: en.placeholder,
      label: en.messageLabel,
      log: en.log,
      notice: en.notice,
    });
    // 「最初から」 (Start over) keeps the language.
    await page.getByRole("button", { name: en.newChat }).click();
    await page.locator(".choices button").first().waitFor();
    await idle(page);
    expect(sessions).toEqual([{ locale: "en" }]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    // Errors are said in English too, with "Send again".
    await page.route(/\/messages$/, (route) => (route.request().method() === "POST" ? route.fulfill({ status: 503, body: "{}" }) : route.continue()), { times: 1 });
    w.failures.length = 0;
    await page.locator("#text").fill("my card");
    await page.locator("#text").press("Enter");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").locator("p").textContent()).toBe(en.busy);
    expect(await page.getByRole("alert").locator("button").textContent()).toBe(en.retry);
    w.failures = w.failures.filter((f) => !f.startsWith("503 "));
    w.errors = w.errors.filter((e) => !/^Failed to load resource/.test(e));
    await page.screenshot({ path: `${SCREENSHOTS}phone-lang-en.png` });
    await done();
  });

  it("the page follows the conversation: a reply list in another locale switches its words and <html lang>", async () => {
    w = await openPage(browser, "desktop", server.url);
    const { page } = w;
    expect((await fixedWords(page)).lang).toBe("ja");
    await answerNextSendWith(page, "en", [{ type: "text", text: "Switched to English." }]);
    await page.locator("#text").fill("English please");
    await page.locator("#text").press("Enter");
    await idle(page);
    const words = await fixedWords(page);
    expect(words).toMatchObject({ lang: "en", send: en.send, placeholder: en.placeholder, newChat: en.newChat });
    await done();
  });

  it("やさしい日本語: 「市役所（しやくしょ）」 in a reply is <ruby>市役所<rt>しやくしょ</rt></ruby>, built without HTML parsing", async () => {
    w = await openPage(browser, "phone", `${server.url}/?lang=ja-easy`);
    const { page } = w;
    expect(await fixedWords(page)).toMatchObject({ lang: "ja", send: easy.send, newChat: easy.newChat });
    await answerNextSendWith(page, "ja-easy", [
      { type: "text", text: "市役所（しやくしょ）に 行（い）ってください。<b>太字</b>" },
      {
        type: "question",
        slot: "symptom",
        text: "どう なりましたか？",
        input: "choice",
        choices: [{ label: "暗証番号（あんしょうばんごう）を わすれた", value: "forgot-pin" }],
      },
    ]);
    await page.locator("#text").fill("たすけて");
    await page.locator("#text").press("Enter");
    await idle(page);
    const bubble = page.locator(".msg.bot").filter({ hasText: "市役所" }).last();
    expect(await bubble.locator("ruby").evaluateAll((rs) => rs.map((r) => r.outerHTML))).toEqual([
      "<ruby>市役所<rp>（</rp><rt>しやくしょ</rt><rp>）</rp></ruby>",
      "<ruby>行<rp>（</rp><rt>い</rt><rp>）</rp></ruby>",
    ]);
    expect(await bubble.locator("rt").first().textContent()).toBe("しやくしょ");
    // Bot text is never HTML: the tag stays text.
    expect(await bubble.locator("b").count()).toBe(0);
    expect(await bubble.textContent()).toContain("<b>太字</b>");
    expect(await page.locator(".choices button ruby rt").textContent()).toBe("あんしょうばんごう");
    await page.screenshot({ path: `${SCREENSHOTS}phone-ja-easy-ruby.png` });
    await done();
  });

  it("ja (not やさしい日本語): brackets stay as they are", async () => {
    w = await openPage(browser, "phone", server.url);
    const { page } = w;
    await answerNextSendWith(page, "ja", [{ type: "text", text: "市役所（しやくしょ）の窓口へ" }]);
    await page.locator("#text").fill("窓口");
    await page.locator("#text").press("Enter");
    await idle(page);
    const bubble = page.locator(".msg.bot").filter({ hasText: "市役所" }).last();
    expect(await bubble.locator("ruby").count()).toBe(0);
    expect(await bubble.textContent()).toBe("市役所（しやくしょ）の窓口へ");
    await done();
  });
});

describe("the widget's language", () => {
  let site: Server;
  let siteUrl = "";
  let chat: RunningServer;
  beforeAll(async () => {
    site = createServer((req, res) => {
      if (req.url !== "/") return void res.writeHead(404).end();
      const host = new URL(chat.url).host;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sample City</title>
<script src="http://${host}/widget.js" data-lang="en" defer></script></head><body><h1>Sample City</h1></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.2", resolve));
    siteUrl = `http://127.0.0.2:${(site.address() as { port: number }).port}`;
    chat = await startChatServer({ EMBED_ORIGINS: siteUrl });
  });
  afterAll(async () => {
    await chat?.close();
    await new Promise<void>((resolve) => site?.close(() => resolve()));
  });

  it('data-lang="en": the button and the panel in English, the chat opened in English', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await page.goto(siteUrl);
      const button = page.getByRole("button", { name: UI_TEXT.en.widget.open });
      await button.click();
      expect(await page.locator("#mcr-widget-panel").getAttribute("aria-label")).toBe(UI_TEXT.en.widget.title);
      expect(await page.getByRole("button", { name: UI_TEXT.en.widget.close }).isVisible()).toBe(true);
      const frame = page.frameLocator(`iframe[title='${UI_TEXT.en.widget.title}']`);
      await frame.locator(".choices button").first().waitFor();
      expect(await frame.locator("#send").textContent()).toBe(en.send);
      expect(await frame.locator("html").getAttribute("lang")).toBe("en");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
