/**
 * Install the LINE rich menu of src/channels/line/richmenu.json: create it, upload its image (blob API)
 * and make it the default menu for every friend of the account.
 *
 *   LINE_CHANNEL_ACCESS_TOKEN=… npm run line:richmenu -- path/to/richmenu.png
 *
 * Reads LINE_CHANNEL_ACCESS_TOKEN and, optionally, LINE_API_BASE_URL (used for both the Messaging API
 * and its data API, e.g. a local fake). The image is a PNG or JPEG of exactly 2500×1686 pixels, at most
 * 1 MB, with six tiles in two rows of three in the order of the menu's areas.
 */
import { readFile } from "node:fs/promises";
import { HTTPFetchError, LineBotClient, type messagingApi } from "@line/bot-sdk";

export const RICH_MENU_PATH = new URL("../src/channels/line/richmenu.json", import.meta.url);
/** LINE refuses rich menu images above this size. */
export const MAX_IMAGE_BYTES = 1024 * 1024;

export interface InstallRichMenuOptions {
  channelAccessToken: string;
  /** Messaging API base (LINE_API_BASE_URL); LINE's own when unset. */
  apiBaseUrl?: string;
  imagePath: string;
}

/** Create, upload and set as default; resolves to the new rich menu id. */
export async function installRichMenu(opts: InstallRichMenuOptions): Promise<string> {
  const menu = JSON.parse(await readFile(RICH_MENU_PATH, "utf8")) as messagingApi.RichMenuRequest;
  const image = await readFile(opts.imagePath);
  const type = imageType(image);
  if (!type) throw new Error(`${opts.imagePath}: the image must be a PNG or a JPEG`);
  const size = type === "image/png" ? pngSize(image) : jpegSize(image);
  const want = `${menu.size?.width}x${menu.size?.height}`;
  if (!size || `${size.width}x${size.height}` !== want) {
    throw new Error(`${opts.imagePath}: the image must be exactly ${want} pixels${size ? ` (it is ${size.width}x${size.height})` : ""}`);
  }
  if (image.length > MAX_IMAGE_BYTES) throw new Error(`${opts.imagePath}: the image must be 1 MB or less`);

  const client = LineBotClient.fromChannelAccessToken({
    channelAccessToken: opts.channelAccessToken,
    ...(opts.apiBaseUrl ? { apiBaseURL: opts.apiBaseUrl, dataApiBaseURL: opts.apiBaseUrl } : {}),
  });
  const { richMenuId } = await client.createRichMenu(menu);
  await client.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image)], { type }));
  await client.setDefaultRichMenu(richMenuId);
  return richMenuId;
}

function imageType(image: Buffer): "image/png" | "image/jpeg" | undefined {
  if (image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (image[0] === 0xff && image[1] === 0xd8) return "image/jpeg";
  return undefined;
}

/** Width and height from the PNG IHDR chunk. */
function pngSize(image: Buffer): { width: number; height: number } | undefined {
  if (image.length < 24 || image.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
}

/** Width and height from the JPEG's start-of-frame segment. */
function jpegSize(image: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < image.length) {
    if (image[i] !== 0xff) return undefined;
    const marker = image[i + 1] ?? 0;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: image.readUInt16BE(i + 5), width: image.readUInt16BE(i + 7) };
    i += 2 + image.readUInt16BE(i + 2);
  }
  return undefined;
}

async function main(): Promise<void> {
  const channelAccessToken = process.env.LINE_CHANNEL_ACCESS_TOKEN?.trim();
  const imagePath = process.argv[2];
  if (!channelAccessToken || !imagePath) {
    process.stderr.write("usage: LINE_CHANNEL_ACCESS_TOKEN=… npm run line:richmenu -- <image.png|jpg (2500x1686)>\n");
    process.exit(2);
  }
  try {
    const apiBaseUrl = process.env.LINE_API_BASE_URL?.trim();
    const id = await installRichMenu({ channelAccessToken, imagePath, ...(apiBaseUrl ? { apiBaseUrl } : {}) });
    process.stdout.write(`rich menu ${id} created and set as the default\n`);
  } catch (err) {
    const detail = err instanceof HTTPFetchError ? ` ${err.body}` : "";
    process.stderr.write(`line:richmenu failed: ${(err as Error).message}${detail}\n`);
    process.exit(1);
  }
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) {
  await main();
}
