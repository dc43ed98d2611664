/** The rich menus, one per locale (issue 14), and `npm run line:richmenu`, against the fake Messaging API. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UI_TEXT } from "../../../flows/certificate-recovery/ui-text.ts";
import { installRichMenus, parseImageArgs, RICH_MENU_PATH, richMenuFor } from "../../../scripts/line-richmenu.ts";
import { parsePostbackData } from "../../../src/channels/line/parse.ts";
import { startFakeLineApi, type FakeLineApi } from "./fake-line-api.ts";
import { TEST_ACCESS_TOKEN } from "./sign.ts";

const layout = JSON.parse(readFileSync(RICH_MENU_PATH, "utf8"));
const dir = mkdtempSync(join(tmpdir(), "richmenu-"));

/** The first bytes of a PNG of the given size (enough for the size check; the fake does not decode). */
function png(width: number, height: number, name = "menu"): string {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  const path = join(dir, `${name}-${width}x${height}.png`);
  writeFileSync(path, b);
  return path;
}

let fake: FakeLineApi;
beforeAll(async () => {
  fake = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("LINE rich menus", () => {
  it("the layout has the six entry points, each a postback the channel understands as a fresh diagnosis", () => {
    expect(layout.size).toEqual({ width: 2500, height: 1686 });
    for (const area of layout.areas) {
      expect(area.action.type).toBe("postback");
      expect(parsePostbackData(area.action.data)).toMatchObject({ kind: "facts", facts: { symptom: expect.any(String) } });
    }
    // The tiles cover the menu exactly, without overlapping.
    const covered = layout.areas.reduce((sum: number, a: any) => sum + a.bounds.width * a.bounds.height, 0);
    expect(covered).toBe(2500 * 1686);
  });

  it("one menu per locale: the layout with the catalog's words (labels ≤ 20, chat bar ≤ 14)", async () => {
    const ja = await richMenuFor("ja");
    expect(ja.areas!.map((a: any) => a.action.label)).toEqual(["失効と表示される", "暗証番号ロック", "暗証番号を忘れた", "証明書の更新", "カードをなくした", "窓口に相談"]);
    expect(ja.chatBarText).toBe("メニュー");
    const en = await richMenuFor("en");
    expect(en.areas!.map((a: any) => a.action.label)).toEqual(["Says “revoked”", "PIN is locked", "Forgot my PIN", "Renew certificate", "Lost my card", "Ask the counter"]);
    expect(en.areas!.map((a: any) => a.action.displayText)).toEqual(Object.values(UI_TEXT.en.line.richMenu.areas).map((t) => t.displayText));
    for (const locale of ["ja", "ja-easy", "en"] as const) {
      const menu = await richMenuFor(locale);
      expect(menu.areas!.map((a: any) => a.action.data)).toEqual(layout.areas.map((a: any) => a.action.data));
      expect(menu.areas!.map((a: any) => a.bounds)).toEqual(layout.areas.map((a: any) => a.bounds));
      for (const a of menu.areas as any[]) expect(a.action.label.length).toBeLessThanOrEqual(20);
      expect(menu.chatBarText!.length).toBeLessThanOrEqual(14);
    }
  });

  it("creates every locale's menu, uploads its image, gives it its alias, and makes the Japanese one the default", async () => {
    fake.reset();
    const ids = await installRichMenus({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: fake.url, images: { ja: png(2500, 1686, "ja"), en: png(2500, 1686, "en") } });
    expect(fake.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ...(["ja", "ja-easy", "en"] as const).flatMap((l) => [
        ["POST", "/v2/bot/richmenu", 200],
        ["POST", `/v2/bot/richmenu/${ids[l]}/content`, 200],
        ["GET", `/v2/bot/richmenu/alias/richmenu-${l}`, 404],
        ["POST", "/v2/bot/richmenu/alias", 200],
      ]),
      ["POST", `/v2/bot/user/all/richmenu/${ids.ja}`, 200],
    ]);
    expect(fake.requests[0]?.body).toEqual(await richMenuFor("ja"));
    expect(fake.requests[1]?.headers["content-type"]).toBe("image/png");
    expect(fake.richMenus().get(ids.en)?.body).toEqual(await richMenuFor("en"));
    expect(Object.fromEntries(fake.aliases())).toEqual({ "richmenu-ja": ids.ja, "richmenu-ja-easy": ids["ja-easy"], "richmenu-en": ids.en });

    // Run again (new images): the aliases move to the new menus.
    fake.reset();
    const again = await installRichMenus({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: fake.url, images: { ja: png(2500, 1686, "ja") } });
    expect(fake.requests.filter((r) => r.path.startsWith("/v2/bot/richmenu/alias")).map((r) => [r.method, r.path, r.status])).toEqual(
      (["ja", "ja-easy", "en"] as const).flatMap((l) => [
        ["GET", `/v2/bot/richmenu/alias/richmenu-${l}`, 200],
        ["POST", `/v2/bot/richmenu/alias/richmenu-${l}`, 200],
      ]),
    );
    expect(fake.aliases().get("richmenu-en")).toBe(again.en);
  });

  it("refuses an image of the wrong size before calling LINE", async () => {
    fake.reset();
    await expect(
      installRichMenus({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: fake.url, images: { ja: png(2500, 1686), en: png(2500, 843) } }),
    ).rejects.toThrow(/exactly 2500x1686 pixels \(it is 2500x843\)/);
    expect(fake.requests).toHaveLength(0);
  });

  it("reads its arguments: one image for all, or locale=image pairs with ja", () => {
    expect(parseImageArgs(["menu.png"])).toEqual({ ja: "menu.png" });
    expect(parseImageArgs(["ja=a.png", "en=b.png", "ja-easy=c.png"])).toEqual({ ja: "a.png", en: "b.png", "ja-easy": "c.png" });
    expect(parseImageArgs(["en=b.png"])).toBeUndefined();
    expect(parseImageArgs(["fr=b.png", "ja=a.png"])).toBeUndefined();
    expect(parseImageArgs([])).toBeUndefined();
  });
});
