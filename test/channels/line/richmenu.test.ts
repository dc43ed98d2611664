/** The rich menu definition and `npm run line:richmenu`, against the fake Messaging API. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installRichMenu, RICH_MENU_PATH } from "../../../scripts/line-richmenu.ts";
import { parsePostbackData } from "../../../src/channels/line/parse.ts";
import { startFakeLineApi, type FakeLineApi } from "./fake-line-api.ts";
import { TEST_ACCESS_TOKEN } from "./sign.ts";

const menu = JSON.parse(readFileSync(RICH_MENU_PATH, "utf8"));
const dir = mkdtempSync(join(tmpdir(), "richmenu-"));

/** The first bytes of a PNG of the given size (enough for the size check; the fake does not decode). */
function png(width: number, height: number): string {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  const path = join(dir, `menu-${width}x${height}.png`);
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

describe("LINE rich menu", () => {
  it("has the six entry points, each a postback the channel understands as a fresh diagnosis", () => {
    expect(menu.size).toEqual({ width: 2500, height: 1686 });
    expect(menu.areas.map((a: any) => a.action.label)).toEqual([
      "失効と表示される",
      "暗証番号ロック",
      "暗証番号を忘れた",
      "証明書の更新",
      "カードをなくした",
      "窓口に相談",
    ]);
    for (const area of menu.areas) {
      expect(area.action.type).toBe("postback");
      expect(parsePostbackData(area.action.data)).toMatchObject({ kind: "facts", facts: { symptom: expect.any(String) } });
    }
    // The tiles cover the menu exactly, without overlapping.
    const covered = menu.areas.reduce((sum: number, a: any) => sum + a.bounds.width * a.bounds.height, 0);
    expect(covered).toBe(2500 * 1686);
  });

  it("creates the menu, uploads the image through the data API and sets it as the default", async () => {
    fake.reset();
    const id = await installRichMenu({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: fake.url, imagePath: png(2500, 1686) });
    expect(fake.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", "/v2/bot/richmenu", 200],
      ["POST", `/v2/bot/richmenu/${id}/content`, 200],
      ["POST", `/v2/bot/user/all/richmenu/${id}`, 200],
    ]);
    expect(fake.requests[0]?.body).toEqual(menu);
    expect(fake.requests[1]?.headers["content-type"]).toBe("image/png");
  });

  it("refuses an image of the wrong size before calling LINE", async () => {
    fake.reset();
    await expect(installRichMenu({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: fake.url, imagePath: png(2500, 843) })).rejects.toThrow(
      /exactly 2500x1686 pixels \(it is 2500x843\)/,
    );
    expect(fake.requests).toHaveLength(0);
  });
});
