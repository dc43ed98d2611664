/**
 * Contact details in a resident's text — phone numbers, e-mail addresses, postal codes and postal
 * addresses — replaced by a word in brackets, for text that is kept (the unread messages of
 * src/analytics, the web chat's transcript). A pure function; PINs and 個人番号 are pii.ts's matter.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A phone number candidate: 03-1234-5678, 090 1234 5678, (0120)95-0178, 09012345678, +81 90-…. */
const PHONE = /(?<!\d)(?:\+81|\(?0)[\d\-() ]{7,16}\d(?!\d)/g;
const isPhone = (m: string) => {
  const digits = m.replace(/\D/g, "").length;
  return m.startsWith("+81") ? digits >= 11 && digits <= 12 : digits >= 10 && digits <= 11;
};
const POSTAL_CODE = /〒\s*\d{3}-?\d{4}|(?<![\d-])\d{3}-\d{4}(?![\d-])/g;
const PREFECTURE = "(?:東京都|北海道|京都府|大阪府|\\p{Script=Han}{2,3}県)";
const KANJI_NUMBER = "[一二三四五六七八九十〇]+";
/** A block or lot number: one to three digits (not part of a longer number or a date), or kanji. */
const FIRST_BLOCK = `(?:(?<![\\d\\-/.])\\d{1,3}(?!\\d)|${KANJI_NUMBER})`;
const BLOCK = `(?:\\d{1,4}|${KANJI_NUMBER})`;
/** 千代田区千代田1-1, 見本市本町二丁目3番4号, 東京都…: a place name followed by block and lot numbers. */
const ADDRESS = new RegExp(
  `(?:${PREFECTURE})?[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]{1,12}?` +
    `${FIRST_BLOCK}(?:丁目|番地|番|号|-)(?:${BLOCK}(?:丁目|番地|番|号|の|-)?)*`,
  "gu",
);
/** A prefecture and a municipality without numbers (東京都千代田区) says where someone lives, too. */
const PLACE = new RegExp(`${PREFECTURE}(?:\\p{Script=Han}{1,6}?[市区町村郡]){1,3}`, "gu");
export const CONTACT_MASKS = {
  email: "［メール］",
  phone: "［電話番号］",
  postalCode: "［郵便番号］",
  address: "［住所］",
} as const;

/** `text` with phone numbers, e-mail addresses, postal codes and addresses masked. */
export function maskContactDetails(text: string): string {
  return text
    .replace(EMAIL, CONTACT_MASKS.email)
    .replace(PHONE, (m) => (isPhone(m) ? CONTACT_MASKS.phone : m))
    .replace(POSTAL_CODE, CONTACT_MASKS.postalCode)
    .replace(ADDRESS, (m) => (/\d|丁目|番地|号/.test(m) ? CONTACT_MASKS.address : m))
    .replace(PLACE, CONTACT_MASKS.address);
}
