/**
 * Small matching helpers shared by the extractors. Every regex here is written so that it runs in linear
 * time: no nested unbounded quantifiers, windows are bounded ({0,n}), look-arounds are fixed or bounded.
 */
import { foldKana } from "./normalize.ts";

/** Compile a pattern written in natural Japanese (katakana allowed) into the folded (hiragana) form. */
export function rx(source: string, flags = "g"): RegExp {
  return new RegExp(foldKana(source), flags);
}

export interface Hit {
  index: number;
  end: number;
  text: string;
  groups: (string | undefined)[];
}

/** All matches of a global regex (never loops on empty matches). */
export function findAll(re: RegExp, t: string): Hit[] {
  const out: Hit[] = [];
  const g = re.global ? re : new RegExp(re.source, re.flags + "g");
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(t)) !== null) {
    out.push({ index: m.index, end: m.index + m[0].length, text: m[0], groups: m.slice(1) });
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

/**
 * After a keyword: optional filler (particles, auxiliaries) and then a negation.
 * "ロック|はされていない", "引っ越|していません", "住所が変わ|っていない", "失効|ではなく", "ロック|はまだです".
 */
const NEGATION_FILLER = "(?:[はがもをしさせれてでいったの、 ]|まだ|一度も|1度も|1回も|いちども|特に|じゃ|あり|おり|わけ|とか|など|なんか|まったく|全く|全然|ぜんぜん){0,8}";
// Dialects and casual speech too: してへん・変わらへん (関西), しとらん・しちょらん (西日本), してねえ (東日本),
// せんかった, しておらん.
const NEGATION_WORD =
  "(?:ない|なかっ|なく|ません|無い|無く|なし|無し|ず(?:に|、|。|$)|まだ(?:です|でし|だ(?!け|から)|。|、|$)|へん|ひん|(?:と|ちょ|お|よ)らん|ねえ|ねぇ|ねー|せん(?!た[くい]|せい))";
const NEGATION_AFTER = rx(`^${NEGATION_FILLER}${NEGATION_WORD}`, "");

/**
 * Coordinated negation: "引っ越|しも結婚もしてません", "引っ越|しも名前の変更もしていません",
 * "引っ越|しや結婚などはしていません", "引っ越|しとか結婚とかはしてないです", "引っ越|し、結婚もしていません".
 * The keyword is followed by も/や/とか/、, then 1–14 characters of further items that hold no clause
 * break (no 、 and no た/て, which would mean a verb: "ロックもしたし、引っ越しもしていない" leaves ロック
 * alone), then も/とか/など/は and a negation. Bounded window, bounded quantifiers: linear.
 */
const COORDINATED_NEGATION_AFTER = rx(
  `^(?:し|を|の|は)?(?:も|や|とか|、)、?[^。!?\\n、たて]{1,14}?(?:も|とか|など|なども|は)${NEGATION_FILLER}${NEGATION_WORD}`,
  "",
);

export function negatedAt(t: string, end: number): boolean {
  const after = t.slice(end, end + 40);
  return NEGATION_AFTER.test(after.slice(0, 24)) || COORDINATED_NEGATION_AFTER.test(after);
}

/**
 * "ロックされそう", "間違えたら", "切れてしまう前に", "ロックされないか心配", "ロックされたかどうか分からない",
 * "ロックされた場合", "ロックされるんですか", "期限が切れているかもしれない": not (yet) a fact.
 */
const HYPOTHETICAL_AFTER = rx(
  "^(?:が|は|に|を)?(?:え|っ|さ?れ|し|かかり|かか|なり|て|てしま|しま|ちゃ|ちゃいそう)?(?:そう|る前|う前|ないよう|ないか|たら|ると|る可能性|る場合|た場合|たらどう)" +
    "|^(?:に|と)?(?:さ?れる|する|なる|なっちゃう)(?:の|ん|と|って|か|よね|\\?)" +
    "|^(?:に|と)?(?:されます|します|なります)(?:か|\\?)" +
    "|^(?:ですか|でしょうか|なの\\?|なんですか|になるの)" +
    "|^(?:に|と)?(?:なる|される|する)?って(?:本当|ほんと)" +
    "|^[^。!?\\n]{0,8}?(?:かどうか|か(?:は)?(?:わから|分から|わかん|不明|知りた)|かもしれ|かも(?:。|$|です|ね|しれ|と思)|の?かな(?!り|ら|い|し|わ|く))" +
    "|^[^。!?\\n]{0,5}?(?:心配|こわい|怖い|不安|寸前|直前|手前)" +
    "|^(?:まで|になるまで|されるまで)(?:あと|残り|の|に|は)",
  "",
);
/** "あと1回でロック", "残り1回で失効": the consequence of a further mistake, not a fact. */
const HYPOTHETICAL_BEFORE = rx("(?:あと|残り|のこり)(?:[0-9]回|[0-9]度)(?:で|間違えると|まちがえると|失敗すると|間違えたら|まちがえたら)$", "");

export function hypotheticalAt(t: string, end: number, index = end): boolean {
  return HYPOTHETICAL_AFTER.test(t.slice(end, end + 16)) || HYPOTHETICAL_BEFORE.test(t.slice(Math.max(0, index - 14), index));
}

/** Matches of `re` that are neither negated nor hypothetical (when asked to check those). */
export function positiveHits(
  re: RegExp,
  t: string,
  opts: { negation?: boolean; hypothetical?: boolean } = {},
): Hit[] {
  return findAll(re, t).filter(
    (h) => !(opts.negation !== false && negatedAt(t, h.end)) && !(opts.hypothetical && hypotheticalAt(t, h.end, h.index)),
  );
}

export function negatedHits(re: RegExp, t: string): Hit[] {
  return findAll(re, t).filter((h) => negatedAt(t, h.end));
}

export function has(re: RegExp, t: string): boolean {
  re.lastIndex = 0;
  const r = re.test(t);
  re.lastIndex = 0;
  return r;
}

/** Sentence spans: split on 。！？!? and line breaks. */
export interface Span {
  start: number;
  end: number;
}

export function sentences(t: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    // "…" is "..." after NFKC: two dots in a row end a sentence too (a single dot is a date's: 2027.3.15).
    if (c === "。" || c === "!" || c === "?" || c === "\n" || c === "．" || (c === "." && (t[i + 1] === "." || t[i - 1] === "."))) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (t.length > start) out.push({ start, end: t.length });
  return out;
}

/** The sentence holding `index` (binary search; spans are sorted and disjoint). */
export function sentenceAt(spans: Span[], index: number): Span {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s === undefined) break;
    if (index < s.start) hi = mid - 1;
    else if (index >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: index, end: index };
}
