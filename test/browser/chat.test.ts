/**
 * The chat page as a resident uses it (issue 15), in a real Chromium at a phone's 390×844 and a
 * desktop's 1280×800, against the real server: typed and tapped diagnoses, where the answer lands on
 * the screen, links, the busy state, failures and retries, a reload, a PIN in the bubble, accessibility.
 * Every test also checks that the page logged no error and asked for nothing that was not there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { RunningServer } from "../../src/main.ts";
import { contrast, idle, launch, openPage, SCREENSHOTS, startChatServer, topInViewport, typeAndSend, VIEWPORTS, type ViewportName, type WatchedPage } from "./harness.ts";

let browser: Browser;
let server: RunningServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startChatServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ISSUE_MESSAGE = "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました";

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("the chat page at %s size", (viewport) => {
  let w: WatchedPage;
  /** Failed loads that a test provokes on purpose (the console reports them as errors). */
  let expectedFailures: RegExp | undefined;
  afterEach(async () => {
    const errors = w.errors.filter((e) => !(expectedFailures && /^Failed to load resource/.test(e)));
    const failures = w.failures.filter((f) => !expectedFailures?.test(f));
    expectedFailures = undefined;
    await w.close();
    expect(errors, "console errors").toEqual([]);
    expect(failures, "failed responses").toEqual([]);
  });
  const open = async (url = server.url) => (w = await openPage(browser, viewport, url));

  it("a typed diagnosis: the answer's title is at the top of the screen, phone numbers and URLs are links", async () => {
    const { page } = await open();
    await typeAndSend(page, ISSUE_MESSAGE);
    const card = page.locator("article.route").last();
    await expect(card.locator("h2").textContent()).resolves.toContain("署名用電子証明書の再発行");
    const { top, height } = await topInViewport(page, "article.route >> nth=-1 >> h2");
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(height * 0.25); // its start, not its end, is what the resident sees
    const tel = await card.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(tel).toContainEqual(["0120-000-111", "tel:0120000111"]);
    expect(await card.locator('a[href^="https://"]').count()).toBeGreaterThan(0);
    // Not busy any more; the input is back in use and has the focus.
    expect(await page.locator("#text").isEnabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("text");
    await page.screenshot({ path: `${SCREENSHOTS}${viewport}-typed-route.png` });
  });

  it("a tapped diagnosis: numbered steps are an ordered list, focus returns to the input, no second 窓口に相談したい", async () => {
    const { page } = await open();
    await page.getByRole("button", { name: "カードをなくした" }).click();
    await idle(page);
    const card = page.locator("article.route").last();
    await expect(card.locator("h2").textContent()).resolves.toContain("カードをなくした");
    const steps = card.locator("ol > li");
    expect(await steps.count()).toBe(3);
    expect(await steps.first().textContent()).not.toMatch(/^\s*1\./); // one marker, the list's own
    expect(await steps.first().locator('a[href="tel:0120950178"]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("text");
    const { top, height } = await topInViewport(page, "article.route >> nth=-1 >> h2");
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(height * 0.25);
    await page.screenshot({ path: `${SCREENSHOTS}${viewport}-tapped-route.png` });
    if (viewport === "phone") await page.screenshot({ path: `${SCREENSHOTS}phone-after-route-full.png`, fullPage: true });

    await page.getByRole("button", { name: "窓口に相談したい" }).click();
    await idle(page);
    await expect(page.locator("article.route").last().locator("h2").textContent()).resolves.toContain("窓口");
    const offered = await page.locator(".choices button").allTextContents();
    // 「解決しましたか？」 (issue 18) and starting over; never 「窓口に相談したい」 again.
    expect(offered).toEqual(["解決した", "解決しない", "最初からやり直す"]);
    expect(offered).not.toContain("窓口に相談したい");
  });

  it("an answer with a lead and detail sections: lead under the title, details folded until tapped", async () => {
    const { page } = await open();
    // The lead and `detail` sections come with the second wave (contract §3); the page is ready for them.
    await page.route("**/api/chat/sessions/*/messages", (route) =>
      route.request().method() !== "POST"
        ? route.continue()
        : route.fulfill({
            json: {
              replies: [
                {
                  type: "route",
                  routeId: "card-lost",
                  title: "マイナンバーカードをなくしたとき",
                  lead: "すぐに 0120-95-0178 に電話して、カードを止めてください。",
                  text: "…",
                  sections: [
                    { heading: "すぐにすること", items: ["1. 電話で一時利用停止", "2. 警察に遺失届"] },
                    { heading: "代理人が手続きする場合", items: ["委任状"], detail: true },
                  ],
                  links: [{ label: "マイナンバー総合フリーダイヤル", url: "tel:0120950178" }],
                },
              ],
            },
          }),
    );
    await typeAndSend(page, "カードをなくしました");
    const card = page.locator("article.route").last();
    const order = await card.evaluate((c) => [...c.children].map((e) => e.tagName + (e.className ? `.${e.className}` : "")));
    expect(order.slice(0, 2)).toEqual(["H2", "P.lead"]);
    expect(await card.locator(".lead a").getAttribute("href")).toBe("tel:0120950178");
    const details = card.locator("details");
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await details.locator("summary").click();
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await card.locator('.links a[href="tel:0120950178"]').count()).toBe(1);
    // What a screen reader is told: the title and the lead, not the whole card.
    await page.waitForFunction(() => document.getElementById("announce")?.textContent !== "");
    expect(await page.locator("#announce").textContent()).toBe("回答：マイナンバーカードをなくしたとき。すぐに 0120-95-0178 に電話して、カードを止めてください。");
    expect(await page.locator("#log").getAttribute("aria-live")).toBeNull();
  });

  it("a reload mid-conversation shows it again and goes on; 最初から starts a new one", async () => {
    const { page } = await open();
    await typeAndSend(page, "電子証明書が失効していると出ました");
    const before = await page.locator("#log .msg").allTextContents();
    const question = before.at(-1);
    await page.reload();
    await page.locator(".choices button").first().waitFor();
    await idle(page);
    expect(await page.locator("#log .msg").allTextContents()).toEqual(before);
    expect(await page.locator(".choices").count()).toBe(1);
    await page.getByRole("button", { name: "はい" }).click();
    await idle(page);
    await expect(page.locator("article.route h2").last().textContent()).resolves.toContain("署名用電子証明書の再発行");
    expect(question).toContain("住所・氏名");

    await page.getByRole("button", { name: "最初から", exact: true }).click();
    await idle(page);
    const fresh = await page.locator("#log .msg").allTextContents();
    expect(fresh).toHaveLength(2); // greeting and the first question
    expect(fresh.join("")).not.toContain("失効していると出ました");
  });

  it("one request per action: a double Enter sends once; an Enter that confirms an input method's conversion never sends", async () => {
    const { page, sends } = await open();
    const input = page.locator("#text");
    // Enter while composing (isComposing) and Safari's confirming Enter (keyCode 229) are not sends.
    await input.fill("カードをなくしました");
    const prevented = await input.evaluate((e) => {
      const composing = new KeyboardEvent("keydown", { key: "Enter", isComposing: true, bubbles: true, cancelable: true });
      e.dispatchEvent(composing);
      const safari = new KeyboardEvent("keydown", { key: "Enter", keyCode: 229, bubbles: true, cancelable: true } as KeyboardEventInit);
      e.dispatchEvent(safari);
      return [composing.defaultPrevented, safari.defaultPrevented];
    });
    expect(prevented).toEqual([false, true]);
    // A real composition through the browser's input method API, confirmed with Enter.
    const cdp = await page.context().newCDPSession(page);
    await input.fill("");
    await cdp.send("Input.imeSetComposition", { text: "しっこう", selectionStart: 4, selectionEnd: 4 });
    await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send("Input.insertText", { text: "失効" });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: "Enter", code: "Enter", windowsVirtualKeyCode: 13 });
    await page.waitForTimeout(300);
    expect(sends).toEqual([]);
    expect(await input.inputValue()).toBe("失効");

    await input.fill(ISSUE_MESSAGE);
    await input.press("Enter");
    await input.press("Enter").catch(() => {}); // the input may already be disabled
    await page.keyboard.press("Enter");
    await idle(page);
    await page.waitForTimeout(300);
    expect(sends).toHaveLength(1);
    expect(await page.locator("article.route").count()).toBe(1);
    expect(await page.locator("#log .msg.me").count()).toBe(1);
  });

  it("while a request is in flight: a typing indicator, aria-busy, input and choices disabled", async () => {
    const { page } = await open();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/api/chat/sessions/*/messages", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "カードをなくした" }).click();
    await page.locator(".typing").waitFor();
    expect(await page.locator("#log").getAttribute("aria-busy")).toBe("true");
    expect(await page.locator("#text").isDisabled()).toBe(true);
    expect(await page.locator("#send").isDisabled()).toBe(true);
    const enabled = await page.locator(".choices button").evaluateAll((bs) => bs.filter((b) => !(b as HTMLButtonElement).disabled).length);
    expect(enabled).toBe(0);
    await page.locator(".choices button").nth(1).click({ force: true });
    release();
    await idle(page);
    expect(await page.locator(".typing").count()).toBe(0);
    expect(w.sends).toHaveLength(1);
  });

  it("a send that fails keeps the text and the choices and offers もう一度送る; offline, 429 and 503 are said in words", async () => {
    const { page, context } = await open();
    expectedFailures = /\/messages$/;
    const input = page.locator("#text");

    // Offline.
    await context.setOffline(true);
    await input.fill("カードをなくしました");
    await input.press("Enter");
    await page.locator(".error").waitFor();
    expect(await page.locator(".error").textContent()).toContain("インターネットに接続されていない");
    expect(await input.inputValue()).toBe("カードをなくしました");
    expect(await page.locator(".choices button").count()).toBe(12);
    expect(await page.locator(".choices button").first().isEnabled()).toBe(true);
    expect(await page.locator("#log .msg.me").count()).toBe(0);
    await context.setOffline(false);

    // Too many requests, then busy: the reason in words, the retry still there.
    for (const [status, words] of [
      [429, "20秒ほど待って"],
      [503, "混み合っています"],
    ] as const) {
      await page.route("**/api/chat/sessions/*/messages", (route) =>
        route.request().method() === "POST"
          ? route.fulfill({ status, headers: { "retry-after": "20" }, json: { error: { code: "X", message: "x" } } })
          : route.continue(),
      );
      await page.getByRole("button", { name: "もう一度送る" }).click();
      await page.waitForFunction((w) => document.querySelector(".error")?.textContent?.includes(w), words);
      await idle(page);
      await page.unrouteAll();
    }
    expect(await page.locator(".choices button").count()).toBe(12);

    // The network fails outright; then the retry goes through.
    await page.route("**/api/chat/sessions/*/messages", (route) => (route.request().method() === "POST" ? route.abort("failed") : route.continue()));
    await page.getByRole("button", { name: "もう一度送る" }).click();
    await idle(page);
    expect(await page.locator(".error").textContent()).toContain("送信できませんでした");
    await page.unrouteAll();
    await page.getByRole("button", { name: "もう一度送る" }).click();
    await idle(page);
    expect(await page.locator(".error").count()).toBe(0);
    await expect(page.locator("article.route h2").textContent()).resolves.toContain("カードをなくした");
    expect(await page.locator("#log .msg.me").allTextContents()).toEqual(["カードをなくしました"]);
    expect(await input.inputValue()).toBe("");
  });

  it("a PIN typed by mistake is replaced by ＊＊＊＊ in the resident's own bubble", async () => {
    const { page } = await open();
    await typeAndSend(page, "暗証番号は4831です。ロックされました");
    expect(await page.locator("#log .msg.me").last().textContent()).toBe("暗証番号は＊＊＊＊です。ロックされました");
    expect(await page.locator("body").textContent()).not.toContain("4831");
    await page.reload();
    await page.locator(".choices button").first().waitFor();
    expect(await page.locator("#log .msg.me").last().textContent()).toBe("暗証番号は＊＊＊＊です。ロックされました");
    expect(await page.locator("body").textContent()).not.toContain("4831");
  });

  it("controls: 3:1 contrast, the placeholder whole, a favicon, buttons reachable by keyboard", async () => {
    const { page } = await open();
    await page.screenshot({ path: `${SCREENSHOTS}${viewport}-start.png` });
    const colours = await page.evaluate(() => {
      const css = (sel: string, prop: string) => getComputedStyle(document.querySelector(sel)!).getPropertyValue(prop);
      return {
        inputBorder: css("#text", "border-top-color"),
        inputBg: css("#text", "background-color"),
        choiceBorder: css(".choices button", "border-top-color"),
        page: getComputedStyle(document.body).backgroundColor,
        send: css("#send", "background-color"),
        sendText: css("#send", "color"),
      };
    });
    expect(contrast(colours.inputBorder, colours.inputBg)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.choiceBorder, colours.page)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.send, "rgb(255, 255, 255)")).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.sendText, colours.send)).toBeGreaterThanOrEqual(4.5);

    // The placeholder fits in the input (measured in the input's own font).
    const fit = await page.locator("#text").evaluate((e) => {
      const input = e as HTMLInputElement;
      const s = getComputedStyle(input);
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.font = `${s.fontSize} ${s.fontFamily}`;
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return { text: ctx.measureText(input.placeholder).width, room };
    });
    expect(fit.text).toBeLessThanOrEqual(fit.room);

    const icon = await fetch(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/icon/);

    // Tab reaches the choices; Enter on one sends it.
    await page.locator("#new-chat").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("「失効」と表示される");
    await page.keyboard.press("Enter");
    await idle(page);
    expect(await page.locator("#log .msg.me").allTextContents()).toEqual(["「失効」と表示される"]);
  });
});

describe("a failed send while the server is down, retried after it is back", () => {
  it("keeps the tap, says so, and continues the same conversation after the restart", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "mcr-browser-"));
    const env = { SESSION_STORE: `sqlite:${join(dir, "s.db")}` };
    let own = await startChatServer(env);
    const port = new URL(own.url).port;
    const w = await openPage(browser, "phone", own.url);
    try {
      await typeAndSend(w.page, "電子証明書が失効していると出ました");
      await own.close();
      await w.page.getByRole("button", { name: "はい" }).click();
      await w.page.locator(".error").waitFor();
      expect(await w.page.locator(".error").textContent()).toContain("送信できませんでした");
      expect(await w.page.getByRole("button", { name: "はい" }).isEnabled()).toBe(true);
      own = await startChatServer({ ...env, PORT: port });
      await w.page.getByRole("button", { name: "もう一度送る" }).click();
      await idle(w.page);
      await expect(w.page.locator("article.route h2").textContent()).resolves.toContain("署名用電子証明書の再発行");
      expect(await w.page.locator("#log .msg.me").allTextContents()).toEqual(["電子証明書が失効していると出ました", "はい"]);
      expect(w.errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await w.close();
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
