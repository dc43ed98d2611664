/**
 * Install the LINE rich menus, one per locale (issue 14): the layout of src/channels/line/richmenu.json
 * (six tiles, each a postback `m=<symptom>`) with the words of flows/certificate-recovery/ui-text.ts in
 * that locale. Each menu is created, gets its image (blob API) and the alias `richmenu-<locale>`
 * (created, or moved to the new menu); the Japanese one becomes every friend's default. The LINE channel
 * links a resident's menu by alias when their conversation is in another locale.
 *
 *   LINE_CHANNEL_ACCESS_TOKEN=… npm run line:richmenu -- ja=menu-ja.png en=menu-en.png ja-easy=menu-easy.png
 *   LINE_CHANNEL_ACCESS_TOKEN=… npm run line:richmenu -- menu.png      (one image for every locale)
 *
 * Reads LINE_CHANNEL_ACCESS_TOKEN and, optionally, LINE_API_BASE_URL (used for both the Messaging API
 * and its data API, e.g. a local fake). Each image is a PNG or JPEG of exactly 2500×1686 pixels, at most
 * 1 MB, with six tiles in two rows of three in the order of the menu's areas. A locale without its own
 * image gets the `ja` one (or the one image given).
 */
import { readFile } from "node:fs/promises";
import { HTTPFetchError, LineBotClient, type messagingApi } from "@line/bot-sdk";
import { uiTextFor, type RichMenuEntry } from "../flows/certificate-recovery/ui-text.ts";
import { richMenuAlias } from "../src/channels/line/locale.ts";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../src/core/locale.ts";

/** The menus' layout: size, tiles and their postback data (the words come from the catalog). */
export const RICH_MENU_PATH = new URL("../src/channels/line/richmenu.json", import.meta.url);
/** LINE refuses rich menu images above this size. */
export const MAX_IMAGE_BYTES = 1024 * 1024;

interface RichMenuLayout {
  size: { width: number; height: number };
  selected: boolean;
  areas: { bounds: messagingApi.RichMenuBounds; action: { type: "postback"; data: string } }[];
}

/** The rich menu of a locale: the layout, with the catalog's name, chat bar text, labels and display texts. */
async function readLayout(): Promise<RichMenuLayout> {
  return JSON.parse(await readFile(RICH_MENU_PATH, "utf8")) as RichMenuLayout;
}

export async function richMenuFor(locale: Locale): Promise<messagingApi.RichMenuRequest> {
  const layout = await readLayout();
  const words = uiTextFor(locale).line.richMenu;
  return {
    size: layout.size,
    selected: layout.selected,
    name: words.name,
    chatBarText: words.chatBarText,
    areas: layout.areas.map((area) => {
      const entry = new URLSearchParams(area.action.data).get("m") as RichMenuEntry | null;
      const tile = entry ? words.areas[entry] : undefined;
      if (!tile) throw new Error(`richmenu.json: the tile ${area.action.data} has no words in ui-text.ts`);
      return { bounds: area.bounds, action: { type: "postback", label: tile.label, data: area.action.data, displayText: tile.displayText } };
    }),
  };
}

export interface InstallRichMenusOptions {
  channelAccessToken: string;
  /** Messaging API base (LINE_API_BASE_URL); LINE's own when unset. */
  apiBaseUrl?: string;
  /** The image of each locale; `ja` is required and stands in for a locale without one. */
  images: { ja: string } & Partial<Record<Locale, string>>;
}

/** Create, upload, alias every locale's menu and set the Japanese one as the default; resolves to the ids. */
export async function installRichMenus(opts: InstallRichMenusOptions): Promise<Record<Locale, string>> {
  // Every image is checked before LINE is called.
  const images = new Map<Locale, { image: Buffer; type: "image/png" | "image/jpeg" }>();
  const { size } = await readLayout();
  for (const locale of LOCALES) images.set(locale, await checkedImage(opts.images[locale] ?? opts.images.ja, size));
  const client = LineBotClient.fromChannelAccessToken({
    channelAccessToken: opts.channelAccessToken,
    ...(opts.apiBaseUrl ? { apiBaseURL: opts.apiBaseUrl, dataApiBaseURL: opts.apiBaseUrl } : {}),
  });
  const ids = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const { image, type } = images.get(locale)!;
    const { richMenuId } = await client.createRichMenu(await richMenuFor(locale));
    await client.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image)], { type }));
    const alias = richMenuAlias(locale);
    if (await aliasExists(client, alias)) await client.updateRichMenuAlias(alias, { richMenuId });
    else await client.createRichMenuAlias({ richMenuAliasId: alias, richMenuId });
    ids[locale] = richMenuId;
  }
  await client.setDefaultRichMenu(ids[DEFAULT_LOCALE]);
  return ids;
}

async function aliasExists(client: LineBotClient, alias: string): Promise<boolean> {
  try {
    await client.getRichMenuAlias(alias);
    return true;
  } catch (err) {
    if (err instanceof HTTPFetchError && err.status === 404) return false;
    throw err;
  }
}

async function checkedImage(path: string, menuSize: { width: number; height: number }) {
  const image = await readFile(path);
  const type = imageType(image);
  if (!type) throw new Error(`${path}: the image must be a PNG or a JPEG`);
  const size = type === "image/png" ? pngSize(image) : jpegSize(image);
  const want = `${menuSize.width}x${menuSize.height}`;
  if (!size || `${size.width}x${size.height}` !== want) {
    throw new Error(`${path}: the image must be exactly ${want} pixels${size ? ` (it is ${size.width}x${size.height})` : ""}`);
  }
  if (image.length > MAX_IMAGE_BYTES) throw new Error(`${path}: the image must be 1 MB or less`);
  return { image, type };
}

/** The command's arguments: `<image>` for every locale, or `<locale>=<image>` pairs (`ja` required). */
export function parseImageArgs(args: readonly string[]): InstallRichMenusOptions["images"] | undefined {
  if (args.length === 1 && !args[0]!.includes("=")) return { ja: args[0]! };
  const images: Partial<Record<Locale, string>> = {};
  for (const arg of args) {
    const at = arg.indexOf("=");
    const locale = arg.slice(0, at);
    if (at < 1 || !isLocale(locale) || arg.slice(at + 1) === "") return undefined;
    images[locale] = arg.slice(at + 1);
  }
  return images.ja ? { ...images, ja: images.ja } : undefined;
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
  const images = parseImageArgs(process.argv.slice(2));
  if (!channelAccessToken || !images) {
    process.stderr.write(
      "usage: LINE_CHANNEL_ACCESS_TOKEN=… npm run line:richmenu -- ja=<image> [en=<image>] [ja-easy=<image>]   (or one <image> for all)\n" +
        "       images: PNG or JPEG, 2500x1686, at most 1 MB\n",
    );
    process.exit(2);
  }
  try {
    const apiBaseUrl = process.env.LINE_API_BASE_URL?.trim();
    const ids = await installRichMenus({ channelAccessToken, images, ...(apiBaseUrl ? { apiBaseUrl } : {}) });
    for (const locale of LOCALES) process.stdout.write(`rich menu ${ids[locale]} created for ${locale} (alias ${richMenuAlias(locale)})\n`);
    process.stdout.write(`the ${DEFAULT_LOCALE} menu is the default\n`);
  } catch (err) {
    const detail = err instanceof HTTPFetchError ? ` ${err.body}` : "";
    process.stderr.write(`line:richmenu failed: ${(err as Error).message}${detail}\n`);
    process.exit(1);
  }
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) {
  await main();
}
