/**
 * The widget on a city's own site (issue 15): one <script> tag on a page of another origin, under a
 * strict Content-Security-Policy of that site, shows 「マイナ証明書の相談」 and opens the chat in a panel.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { RunningServer } from "../../src/main.ts";
import { launch, SCREENSHOTS, startChatServer, VIEWPORTS, type ViewportName } from "./harness.ts";

let browser: Browser;
let chat: RunningServer;
let site: Server;
let siteUrl = "";

beforeAll(async () => {
  // The city's site: another origin (127.0.0.2), its own strict CSP naming the chat's host.
  site = createServer((req, res) => {
    if (req.url === "/favicon.ico") return void res.writeHead(204).end();
    if (req.url !== "/") return void res.writeHead(404).end();
    const host = new URL(chat.url).host;
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `default-src 'self'; script-src 'self' http://${host}; frame-src http://${host}; style-src 'self'`,
    });
    res.end(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>見本市役所</title><script src="http://${host}/widget.js" defer></script></head>
<body><h1>見本市役所</h1><p>マイナンバーカードのページ</p></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.2", resolve));
  siteUrl = `http://127.0.0.2:${(site.address() as { port: number }).port}`;
  [browser, chat] = await Promise.all([launch(), startChatServer({ EMBED_ORIGINS: siteUrl })]);
});
afterAll(async () => {
  await browser?.close();
  await chat?.close();
  await new Promise<void>((resolve) => site?.close(() => resolve()));
});

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("the widget at %s size", (viewport) => {
  it("one script tag shows the button; it opens the chat, which answers; 閉じる closes it", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: "ja-JP" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await page.goto(siteUrl);
      const button = page.getByRole("button", { name: "マイナ証明書の相談" });
      await button.waitFor();
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeGreaterThan(VIEWPORTS[viewport].width - 40); // bottom right
      expect(box.y + box.height).toBeGreaterThan(VIEWPORTS[viewport].height - 40);
      expect(await button.getAttribute("aria-expanded")).toBe("false");

      await button.click();
      const frame = page.frameLocator("iframe[title='マイナ証明書レスキュー（チャット）']");
      await frame.getByRole("button", { name: "カードをなくした" }).click();
      await expect(frame.locator("article.route h2").textContent()).resolves.toContain("カードをなくした");
      expect(await frame.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENSHOTS}${viewport}-widget-open.png` });

      await page.getByRole("button", { name: "閉じる" }).click();
      expect(await page.locator("#mcr-widget-panel").isVisible()).toBe(false);
      expect(await button.getAttribute("aria-expanded")).toBe("false");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("mcr-widget-button");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
