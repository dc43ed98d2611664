/**
 * extractFacts: every fact a resident's free-text message carries (see src/nlu/index.ts for the rules).
 *
 * The text is first stripped of PINs and 個人番号 (detectPii), then normalised (normalize + compact), so
 * all patterns below are written against hiragana-folded, lower-case, half-width text with digits.
 * Patterns are compiled with `rx`, which folds their katakana the same way.
 */
import type { CertificateKind, Facts, Symptom, YesNo, YesNoUnknown } from "../core/slots.ts";
import { findDates, previousOccurrence } from "./dates.ts";
import { matchForm } from "./normalize.ts";
import {
  findAll,
  has,
  hypotheticalAt,
  negatedAt,
  positiveHits,
  rx,
  sentenceAt,
  sentences,
  type Hit,
  type Span,
} from "./patterns.ts";
import { extractEnglish, isEnglishText, isMostlyEnglish } from "./english.ts";
import { detectPii } from "./pii.ts";

export interface NluContext {
  /** Today in Asia/Tokyo, YYYY-MM-DD. */
  today: string;
}

// ---------------------------------------------------------------------------------------------------------
// Patterns

const PIN_WORD = "(?:暗証番号|暗唱番号|暗証|暗所番号|パスワード|ぱすわーど|pin|ピン|番号)";
/** The determiner どの, not the end of カードの / などの / ほどの. */
const DONO = "(?<![ーなほ])どの";
/** "does not know": わからない, わかりません, 分かんない … */
const NOT_KNOW = "(?:わから|分から|わかん|解ら|判ら|わかりませ|分かりませ|不明)";

// --- symptoms
const RE_LOST = rx(
  "紛失|ふんしつ|盗まれ|ぬすまれ|盗難|すられ|(?:無|失|な)くし(?:た|て|ちゃ|まし)|落とし(?:た|て|ちゃ|まし)|おとし(?:た|て|ちゃ|まし)|置き忘れ|(?<![a-z])(?:lost|stolen)(?![a-z])",
);
/** "カードをどこかに置いてきたみたいで見つかりません": a card and 見つからない in the same sentence. */
const RE_NOT_FOUND = rx("(?:見つから|みつから|見当たら|みあたら)(?:な|ず)|(?:見つかり|みつかり|見当たり|みあたり)ません");
const RE_CARD_WORD = rx("カード|マイナ");
/** Lost-card wordings whose negation is part of the meaning (見つからない), so no negation check. */
const RE_LOST_INHERENT = rx(
  "(?<!ic)(?:カード|マイナ)(?:が|を|は)?(?:(?:見つから|見当たら|みつから)(?:な|ず)|(?:見つかり|見当たり|みつかり)ません)|(?<!ic)(?:カード|マイナ)(?:が|を|は)?(?:なくなっ|無くなっ|なくなり|無くなり|どこかに(?:いっ|行っ|やっ))|(?:カード|マイナ)[^。!?\\n]{0,12}?どこに(?:しまった|しもうた|置いた|おいた|やった|いった|行った)か(?:わから|分から|わかん|覚えて|おぼえて)",
);
/** "なくしたと思っていたカードが見つかりました": lost, then found. */
const FOUND_AFTER = rx("^[^。!?\\n]{0,20}?(?:見つかり|見つかっ|みつかり|みつかっ|出てき|でてき)", "");
const LOST_OBJECT_BEFORE = rx("(?:控え|ひかえ|メモ|紙|通知書|封筒|書類|用紙|説明書|アプリ|データ|暗証番号|パスワード)(?:を|が|は|も)?[^。!?\\n]{0,3}$", "");
const RE_NOT_WORKING_A = rx(
  "(?:更新|再発行|発行|再交付|交付|再設定|切り?替え|手続き|作り直|証明書を新しく)(?:を|は)?(?:もう|既に|すでに)?(?:して(?:もら|もろ)?(?:い)?(?:た|まし)|した(?![いく]|ほう|方が)|しまし|してき|済|完了|された|されまし|してもらった|してもろ|受け(?:た|まし|て)|うけ(?:た|まし)|終わ|おわ|終え)[^。!?\\n]{0,25}?(?:使えな|使えません|使えへ|使えん|使用でき(?:な|ません)|利用でき(?:な|ません)|エラー|できな|できません|でけへん|ログインでき|失効|反映され(?:な|ません)|ダメ|だめ|通らな|通りません|はじかれ|弾かれ|認識され(?:な|ません)|読み取れ(?:な|ません)|無効|ならな|なりません|使えず|できず)",
);
/**
 * A renewal or re-issue already done ("窓口で更新済みです", "再発行を受けた"), and a failure in the same or a
 * later sentence ("。でもログインできません"): not working after renewal.
 */
const RE_DONE = rx(
  "(?:更新|再発行|再交付|作り直|証明書を新しく)(?:を|は|も)?(?:もう|既に|すでに)?(?:済|して(?:もら|もろ)?(?:い)?(?:た|まし|き)|した(?![いく]|ほう|方が|ら)|しまし|してもろ|受け(?:た|まし)|うけ(?:た|まし)|終わ|おわ|終え|された|されまし)",
);
const RE_FAIL_NEAR = rx(
  "使えな|使えません|使えへ|使えん|使えず|エラー|できな|できません|でけへん|ログインでき|弾かれ|はじかれ|通らな|通りません|反映され(?:な|ません)|ダメ|だめ",
);
const RE_NOT_WORKING_B = rx(
  "(?:本日|今日|きょう|昨日|きのう|さっき|先ほど|先程|今朝|けさ|一昨日|おととい|[0-9]{1,2}日前|[0-9]{1,2}週間前|先週の?.曜日?)(?:に|、)?(?:窓口で|市役所で|区役所で|役所で|役場で)?(?:更新|再発行|発行|再交付|交付)(?:を|の手続きを|手続きを)?(?:した(?![いく]|ほう|方が)|しま(?!す|しょ)|して(?!くだ|ほし|もらいた|もらえ)|済|され|したば)",
);
const RE_NOT_WORKING_C = rx(
  "(?:更新|再発行|発行|再交付)(?:した|して)ばかり|(?:更新|再発行|発行|再交付)(?:を)?(?:した|しました|してもらった|してもらいました|してきた|してもろた|してもろうた|受けた|うけた|済ませた|すませた|済ませ(?:たばかり|たばっかり)(?:な)?)(?:のに|けど|けれど|が、)|(?:更新|再発行)(?:後|した後)(?:に|も|、)?(?:まだ)?(?:使えな|エラー|ログインでき|できな|できません)",
);
const RE_LOCKED = rx("(?<![a-z])locked(?![a-z])|ロック|制限回数|回数(?:の)?(?:上限|制限)を?(?:超|こえ)|上限(?:回数)?に達|回数を(?:超え|こえ)|回数オーバー|hjs0?432e|閉塞|(?:入力|入れる事|入れること)(?:が|も)?(?:でき|出来)なくな");
const RE_WRONG = rx(
  `${PIN_WORD}(?:が|は)?(?:違|ちが|間違|まちが|誤)|まちご(?:う|て|っ)|間違ご|間違(?:え|っ|い)|まちが(?:え|っ|い)|間ちが|まち違|誤(?:っ|入力)|入力ミス|打ち間違|打ちミス|違います|正しくありません|一致しません|不一致|(?:残り|のこり)(?:は|が)?[0-9]回|あと[0-9]回(?:で|間違|まちが|失敗|ミス|入力)|[0-9](?:回|度)(?:も)?(?:失敗|ミス|エラー)`,
);
const RE_FORGOT_STRONG = rx("(?<![a-z])(?:forgot|forgotten|forget)(?![a-z])|(?:don't|do not|cannot|can't) remember|忘れ|わすれ|思い出せ|おもいだせ|覚えてい?な|おぼえてい?な|覚えていません|覚えてません|記憶にな|分からなくな|わからなくな|わかんなくな");
/** 忘れた about something that is not a PIN: the card, the renewal, the date, the e-Tax password (□). */
const FORGOT_NOT_PIN_BEFORE = rx("(?:カード|財布|家に|自宅に|持参|持って(?:く|い)?る?の|更新|手続き?|申請|予約|期限|日付|日にち|□)(?:を|は|も|が)?[^。!?\\n]{0,3}$", "");
/** The e-Tax password (masked as □ in the text) right before a statement: the statement is about it. */
const ETAX_PW_BEFORE = /□(?:を|が|は|も)?[^。!?\n]{0,3}$/;
const RE_FORGOT_WEAK = rx(
  `${PIN_WORD}(?:が|を|は|も)?(?:全く|まったく|よく|もう)?(?:${NOT_KNOW}|知らな|知りません|思い出)`,
);
const RE_WHICH = rx(
  `${PIN_WORD}(?:は|って|が)(?:どれ|どっち|どちら)(?!も)|(?:何|なん)の(?:暗証番号|暗唱番号|パスワード)|${PIN_WORD}の種類|(?:桁|けた|暗証番号|暗唱番号|パスワード|署名用|利用者|番号)[^。\\n]{0,20}?(?:どっち|どちら)(?:\\?|ですか|でしょう|なの|なん|か(?:わから|分から|教))|それとも[^。!?\\n]{0,10}?(?:桁|けた|暗証番号|暗唱番号|パスワード|署名用|利用者)|どれがどれ|${PIN_WORD}[^。!?\\n]{0,20}?${PIN_WORD}(?:と|とは|って|は)(?:同じ|おなじ|一緒|いっしょ|違う|ちがう|別)|(?:同じ|おなじ|別の?|違う)(?:暗証番号|パスワード)(?:ですか|でしょうか|なの|なん|か\\?|かどうか|\\?)|違いが?(?:わから|分から|わかん|よく|何|なに|知りたい|わかりません)|(?:どっち|どちら|どれ)の(?:暗証番号|暗唱番号|パスワード|番号|ばんごう|証明書)|${DONO}(?:暗証番号|暗唱番号|パスワード|番号|ばんごう|証明書)(?!も)|何桁|なんけた|何文字|(?:どっち|どちら|どれ)を(?:入力|入れ|いれ|使|つか)|(?:どっち|どちら|どれ)(?:が|か)(?:正しい|わから)|どう違|違いは|違いを(?:教|知)|区別が(?:つか|わから)|${PIN_WORD}(?:が|は|って)?(?:あるの)?(?:いくつ|何個|何種類|なん種類|[0-9]種類|[0-9]個|[0-9]つ)`,
);
const RE_REVOKED = rx("(?<![a-z])revoked(?![a-z])|失効|失行|しっこう|証明書(?:が|は)?無効|無効(?:に|と)な|検証に失敗|ei123-?2008");
const RE_EI_CODE = rx("ei123-?2008|検証に失敗");
const RE_EXPIRED = rx(
  "(?<![a-z])expired(?![a-z])|(?:期限|期間)[^。!?\\n]{0,16}?(?:で|に|、)(?:もう|既に|すでに)?(?:切れ|きれ)(?:て|た|と(?:る|った|っ)|ちゃ|まし)|(?:期限|期間)(?:が|は|も)?(?:切れ|きれ)と(?:る|った|っ)|証明書(?:が|は|も)?(?:もう|すでに|既に)?(?:切れ|きれ)(?:て|た|ちゃ|まし)|(?:期限|期間|きげん)(?:が|は|も)?(?:もう|すでに|既に)?(?:切れ|きれ|過ぎ|すぎ|満了|終了|終わっ|おわっ)(?:て|た|ちゃ|まし|ており|となって|になって|しま|です|し)|期限切れ|期限ぎれ|きげんぎれ|きげんきれ|(?:有効期間|有効期限)(?:が|は)?満了|期限を過ぎ|期限がすぎ",
);
const RE_RENEWAL = rx(
  "更新(?:したい|しようと|しよう|する|できる|できます|できない|できません|でき\\?|の(?:手続|方法|時期|期間|案内|お知らせ|通知|申請|予約|仕方|やり方|窓口)|はいつ|はどこ|はどう|時期|期間|手続|方法|申請|予約|が必要|しないと|しなければ|せんと|せな|しなきゃ|について|って|を(?:したい|しに|お願い)|に行|可能|は?いつから|して(?:ほしい|もらいたい|ください))|期限が(?:近|迫|もうすぐ)|期限(?:まで)?(?:あと|残り)|(?:もうすぐ|まもなく|間もなく|そろそろ|近々)(?:期限|切れ|有効期限|更新|有効期間)|切れそう|切れる(?:前|まで|ので|から|と|んです|みたい|よう|らしい|予定|って)|切れます|通知(?:書)?(?:が|は|も)?(?:来|届|き)|有効期限通知書|お知らせ(?:が|は)(?:来|届)|通知書が届",
);
const RE_RENEWAL_FALLBACK = rx("更新(?!(?:は|を|も)?(?:済|した(?![いく]|ほう|方が)|しまし|してもら|してき|完了|された))");
/** A certificate that "does not work" (used when a name or address change explains it). */
const RE_FAILURE = rx("使えな|使えません|使えず|エラー|できな|できません|通らな|弾かれ|はじかれ|ダメ|だめ");

// --- certificates and PINs
const RE_SIG_MENTION = rx("(?<![a-z])signature|alphanumeric|署名用|署名|しょめい|英数字|英数|英字|大文字|アルファベット|(?<![0-9])(?:[6-9]|1[0-6])(?:桁|けた|文字)|6~16|6-16|6から16");
const RE_USER_MENTION = rx("(?<![0-9])4-?digit|よんけた|four-digit|利用者証明|利用者用|りようしゃ|利用者(?!識別)|(?<![0-9])4(?:桁|けた|文字)|ログイン用");
const RE_USER_EXPLICIT = rx("利用者証明|利用者用|りようしゃ|利用者(?!識別)");
const RE_WEAK_SIG_MENTION = rx("パスワード|ぱすわーど");
const USER_SERVICE_BEFORE = rx("(?:マイナポータル|マイナポ|ログイン|コンビニ|保険証)(?:の|で|に|用の|する時の|するときの)?$", "");
const RE_BOTH_MENTION = rx(`${DONO}(?:暗証番号|暗唱番号|パスワード|番号|ばんごう)も|両方|りょうほう|どちらも|どっちも|全部|ぜんぶ|すべて|全て|2つとも|ふたつとも|両者|いずれも`);
const RE_HJS = rx("hjs0?432e");
const RE_MED_SIG = rx("e-?tax|いーたっくす|確定申告|電子申告|申告|電子署名|オンライン申請|電子申請|電子契約|作成コーナー|年末調整");
const RE_MED_USER = rx(
  "ログイン|ろぐいん|コンビニ交付|コンビニ(?:で|の)(?:住民票|印鑑|戸籍|各種|証明書)|住民票(?:の写し)?(?:を|が)?(?:取|とろ|とっ|とれ|発行|印刷)|印鑑証明|保険証|病院|医療機関|薬局|クリニック",
);
const RE_WEAK_USER = rx("マイナポータル|まいなぽーたる|マイナポ");
const RE_ETAX = rx("e-?tax|いーたっくす|確定申告|電子申告|作成コーナー|hjs0?432e");
const RE_JUKI = rx("住基|住民基本台帳|じゅうき");
const RE_KENMEN = rx("券面事項|券面入力|券面補助|券面用|けんめん");

const RE_V_KNOWN = rx(
  "覚えとる|覚えとり|覚えちょる|おぼえとる|わかってる|分かってる|わかっとる|分かっとる|控えて(?:あ|い|お|ま)|ひかえて(?:あ|い)|メモ(?:して|に|が|も)?(?:ある|あり|残|書|控)|書いて(?:ある|あり|ま)|(?:のは|の方は|のほうは|は)大丈夫|わかるし|分かるし|覚えて(?:い|る|ま|お)|おぼえて(?:い|る|ま)|わか(?:る|ります|ってい|ってま)|分か(?:る|ります|ってい|ってま)|知って(?:い|る|ま)|記憶して|(?:控え|メモ)(?:が|は|も)?(?:ある|あり)",
);
/** Not known, without saying it is the PIN in trouble: "署名用は覚えてないです", "署名用はわからん". */
const RE_V_NOTKNOWN = rx("覚えてな|おぼえてな|覚えてへん|覚えとらん|覚えちょらん|覚えてねえ|おぼえとらん|わからん|分からん|わからへん|分からへん|わかんね");
const RE_V_FORGOT = rx("忘れ|わすれ|思い出せ|おもいだせ|わから(?:な|ず)|分から(?:な|ず)|わかりません|分かりません|わかんな|不明|記憶にな");
const WHICH_BEFORE = rx(`(?:違いが?|違い|どれ[かが]?|どっち[かが]?|どちら[かが]?|何桁か?|なんけたか?|${DONO}[^。!?\\n]{0,8}か)$`, "");
const RE_V_LOCKED = rx("ロック|制限回数|上限に達|回数を超え|hjs0?432e");
const RE_V_WRONG = rx("間違|まちが|誤っ|違います|ミス");

// --- basic information (基本4情報)
const RE_BASIC_YES = rx(
  "(?<![a-z])moved(?![a-z])|got married|changed (?:my |our )?(?:name|address)|引っ越|引越|ひっこ|転居|転入|転出|住所(?:が|は|も|を|の)?(?:変わ|かわ|変更|変え)|住所変更|結婚|離婚|入籍|改姓|旧姓|(?:名字|苗字|みょうじ|姓|氏名|名前)(?:が|は|も|を|の)?(?:変わ|かわ|変更|変え)|氏名変更|性別(?:が|を|の)?(?:変更|変わ|変え)|生年月日(?:が|を|の)?(?:変更|訂正)",
);
const BASIC_FUTURE_AFTER = rx(
  "^[^。!?\\n]{0,4}?(?:予定|したい|つもり|する前|す前|しようと|ることに|るかも|する?かもしれ|しても|する場合|した場合|すると|する時|するとき)|^す(?:る)?(?:の|ので|かも|んです|ことに|と|$)|^します|^(?:す|し)?(?:る|た)?場合",
  "",
);
const RE_BASIC_NO = rx(
  "(?:住所|名前|氏名|名字|苗字|姓)(?:は|も)?(?:そのまま|そのまんま|変わらず|同じ|一緒)|(?:変更|変わったこと|変わった事)(?:は|も)?(?:ありません|ない|なし|無い|無し|特にない|していません|してない)|(?:何も|特に|どれも)(?:変わって|変更して)(?:い)?(?:ない|ません)",
);

/** The move came first, the certificate was re-issued after it: no change since issue. */
const RE_REISSUED_SINCE = rx(
  "(?:その後|そのあと|あとで|後で|後から)[^。!?\\n]{0,24}?(?:作り直|再発行|発行し直|再交付|更新)(?:を|は|も)?(?:して(?:もら|もろ)(?:った|っ?てん|いまし|た)|した(?![いく])|しまし|済)",
);

// --- e-Tax's own password (facts §10): not a card PIN
const RE_ETAX_PW = rx(
  "(?:e-?tax|いーたっくす)(?:の|に|へ)(?:ログイン(?:する|用の?|の)?)?(?:暗証番号|パスワード|pw)|利用者識別番号(?:の|と|や|・)?(?:暗証番号|パスワード)|(?<![a-z])id(?:・|と|/|や|及び|および)?(?:パスワード|暗証番号)(?:方式)?(?:の)?(?:パスワード|暗証番号)?",
);

// --- foreign residents
const RE_FOREIGN_YES = rx("在留|(?<![a-z])visa(?![a-z]| ?card|カード)|residence card|residence status|status of residence|period of stay|外国人|外国籍|在留カード|在留期間|在留資格|在留期限|ビザ|永住|留学生|技能実習|特定技能|中長期在留|foreign|難民");
const RE_FOREIGN_NO = rx("日本人|日本国籍");
const RE_RES_CHANGED = rx(
  "(?:在留期間|在留資格|在留カード|在留期限|ビザ|在留)(?:を|が|の|も|は)?(?:更新|変更|延長|切り?替|変わ|かわ|延び|のび|伸び|新しく|あたらしく|新しいの(?:に|を|が)|新しいもの)|永住(?:許可|権)?(?:を|が)?(?:取|とれ|とっ|もら|得|許可され|おり)" +
    "|(?<![a-z])(?:renewed|extended|changed|updated|got) (?:my |our |the |his |her )?(?:visa|residence card|residence status|status of residence|period of stay)" +
    "|(?:visa|residence card|residence status|status of residence|period of stay) (?:was |has been |have been |is |got )?(?:renewed|extended|changed|updated)",
);
/** "在留期間の更新を申請中", "ビザを更新する予定": not done yet. */
const RES_PENDING_AFTER = rx(
  "^[^。!?\\n]{0,6}?(?:申請中|手続き中|審査中|予定|したい|しようと|する前|するつもり|します|する(?:の|と|場合)|しなければ|しないと|が必要|できますか|待ち|もうすぐ|まもなく|間もなく|そろそろ|が近|時期|まだ)",
  "",
);
const RE_RES_MASK = rx(
  "(?:在留期間|在留資格|在留カード|在留期限|ビザ|在留)(?:の|を|が|も|は)?(?:期限|有効期限)?(?:が|は|を)?(?:更新|変更|延長|切り?替|変わ|かわ|延び|のび|伸び|切れ|満了|過ぎ|新しく)|(?<![a-z])renew(?:ed)? (?:my |our |the )?visa",
);

// --- applicant
const RE_LEGAL = rx(
  "(?<!被)後見人|法定代理人|保佐人|補助人|親権者|保護者|(?:子ども|子供|こども|息子|娘|むすめ|むすこ|未成年|幼い子|小さい子)(?:さん|ちゃん|くん)?(?:\\([^)]{0,10}\\))?の|未成年の子",
);
const RE_PROXY = rx(
  "代理(?!店)|代わりに|かわりに|代わって|家族(?:の|が|に代わ)|(?:母|父|祖母|祖父|夫|妻|主人|旦那|嫁|兄|姉|弟|妹|親|両親|母親|父親|義母|義父|おばあちゃん|おじいちゃん|ばあちゃん|じいちゃん|お母さん|お父さん|祖父母|親戚|知人|友人)(?:の|が持って)|本人(?:が|は)(?:行けな|来られな|来れな|行かれな|入院|施設|寝たきり|外出でき)|頼まれ|委任",
);
const RE_SELF = rx(
  "本人(?!確認|限定|以外|じゃ|ではな|が行けな|は行けな|が来られ|が来れ|は来られ|は来れ)|自分で|自分が|自分の|私が|わたしが|私の|わたしの|僕の|ぼくの|俺の|自身",
);

// --- no signature certificate
const RE_UNDER15 = rx(
  "15(?:歳|才)未満|(?<![0-9])(?:[0-9]|1[0-4])(?:歳|才|さい)(?!以上)|(?<![0-9])(?:[0-9]|1[0-4])(?:か月|ヶ月)(?:の|に|で)?(?:子|娘|息子|赤|乳|こども|子ども|子供)|生後|中学生|小学生|中学(?:校)?[1-3](?:年|ねん)|小学(?:校)?[1-6](?:年|ねん)|(?<![一-龥0-9])(?:中[1-3]|小[1-6])(?![0-9]|回|度|日|月|年|桁|時|分|件|人|番|歳|才|か月|週|文字|枚|つ|個)|幼稚園|保育園|保育所|こども園|園児|未就学|乳児|幼児|赤ちゃん|あかちゃん|赤ん坊|新生児",
);
const RE_ADULT_WARD = rx("被後見人|被後見");
const RE_FACE = rx(
  "顔認証カード|顔認証(?:用|の|付き|つき|専用)?(?:マイナンバー|マイナ)?カード|顔認証マイナ|暗証番号(?:を|が|は)?(?:設定して(?:い)?(?:ない|ません)|設定しなかった|設定せず|ない|無い|なし|無し)(?:の)?(?:カード|マイナ)|暗証番号(?:を|は)?設定して(?:い)?(?:ない|ません)|暗証番号(?:を)?設定しなかった|暗証番号(?:なし|無し)",
);

// --- people, smartphones
const RE_WANTS_PERSON = rx(
  "スタッフ|職員|担当者|担当の方|人と話|人間と話|人間に|人に(?:相談|聞|きき|話)|窓口(?:に|で|へ)(?:相談|聞|問い合わせ|質問)|電話で(?:相談|問い合わせ|聞|質問|話)|電話したい|オペレーター|有人|係の人|係員|直接話|直接相談|問い合わせ先" +
    // やさしい日本語 in kana, spaced as learners write it (spaces are gone in the match form):
    // 「まどぐちの ひとと はなしたい」「ひとに そうだん したい」「たんとうしゃ と はなしたい」「でんわで そうだん」.
    // Not 「はなしたくない」, not a friend (「ともだちと はなしました」 names no ひと).
    "|(?:ひと|にんげん|かかりのひと|かかりいん|しょくいん)(?:と|に)(?:はな[しさせ]|そうだん|相談|話)(?!たくな|たくあ)" +
    "|窓口(?:に|で|へ)(?:そうだん|きき|きい|といあわせ)|でんわ(?:で|に)(?:相談|そうだん|はなし|話|きき|聞)|でんわ(?:を)?したい",
);
const RE_PHONE_WORD = rx("スマホ|スマートフォン|すまほ|携帯|けいたい|iphone|android|アンドロイド|アイフォン|pixel|galaxy|xperia");
const RE_NFC_NO = rx(
  "ガラケー|ガラ携|ガラホ|フィーチャーフォン|らくらくフォン|らくらくホン|(?:スマホ|スマートフォン|iphone|android|アンドロイド|アイフォン)(?:を|は|が|も)?(?:持って(?:い)?(?:ない|ません|なくて)|持っていな|ない|無い|ありません|なし|無し|使えない|使えません|苦手)|nfc(?:非対応|に?対応して(?:い)?(?:ない|ません)|がない|なし|無し|が使えない|未対応)|(?:スマホ|スマートフォン|携帯)(?:が|は)?(?:古|対応して(?:い)?(?:ない|ません)|非対応)",
);
const RE_NFC_READ_NO = rx("(?:読み取れ|読みとれ|よみとれ|読み込め|読め)(?:な|ません|ず)|(?:読み取り|読み込み)(?:が|は)?(?:でき|出来)(?:な|ません)");
const RE_NFC_YES = rx(
  "nfc(?:対応|に対応|機能|付き|つき|あり|が使え|が付い|搭載)|iphone|android|アンドロイド|アイフォン|pixel|galaxy|xperia|(?:スマホ|スマートフォン|携帯)(?:は|を|が|も)?(?:持って(?:い|ま|る)|もって(?:い|ま|る)|持っと|あります|ある|あり(?!ませ)|使って|所持)",
);
const RE_NFC_UNKNOWN = rx(`(?:スマホ|携帯|機種|iphone|android|アンドロイド)[^。!?\\n]{0,8}古い|古い(?:スマホ|携帯|機種|iphone|android|アンドロイド)|nfc(?:対応|機能)?(?:か|が|は)?(?:どうか)?${NOT_KNOW}|(?:読み取れ|読み込め|読め|対応して)(?:い)?るか(?:どうか)?${NOT_KNOW}`);
/** "対応しとるかわからん", "読み取れるかどうか分からない": said not to know, whatever else the sentence says. */
const RE_NFC_UNKNOWN_EXPLICIT = rx(`(?:対応|読め|読み取れ|読みとれ|使え)(?:して|し)?(?:い|と|ちょ)?る?か(?:どうか)?${NOT_KNOW}`);
const RE_NFC_READ_YES = rx("(?:読み取れ|読みとれ|よみとれ|読み込め|読め)(?:る|ます|た|まし)|(?:読み取り|読み込み)(?:が|は)?(?:でき|出来|可能)(?!な|ません)");

// --- counts
const RE_COUNT = /([0-9]{1,3})(?:回|度)(目)?/g;
const COUNT_REMAINING_BEFORE = rx("(?:残り|のこり|残|あと)(?:は|が|の)?(?:回数)?(?:は|が)?\\(?$", "");
const COUNT_LIMIT_BEFORE = rx("(?:制限回数|回数|上限)\\(?$", "");
/** "5回間違えると", "5回まちがえたらどうなる", "3回間違えても": a count in a question, not a fact. */
const COUNT_HYPOTHETICAL_AFTER = rx(
  "^(?:も|以上)?(?:間違|まちが|失敗|ミス|入力|誤|打)[^。!?\\n]{0,4}?(?:ると|れば|る場合|た場合|たらどう|ても|たら[^。!?\\n]{0,10}?(?:ますか|のか|でしょうか|\\?))",
  "",
);
const ATTEMPT_WORD = rx("まちご|ちごう|ちごて|間違|まちが|誤|失敗|ミス|違|入力|試|打|ロック|エラー");
/** "何回間違えたかわからない", "何度も" → unknown; but "何度か" / "何回か" say nothing about the count: ask it. */
const RE_UNKNOWN_COUNT = rx("(?:何回|何度|なんかい|なんど)(?!か)[^。!?\\n]{0,12}?(?:間違|まちが|失敗|ミス|入力)|(?:間違|まちが|失敗|ミス|入力)[^。!?\\n]{0,12}?(?:何回|何度|なんかい|なんど)(?!か)");

// --- dates
const RE_ISSUED_WORD = rx(
  "(?:更新|再発行|発行|再交付|交付|受け取|受取|再設定|切り?替え|手続き|作り直|証明書を新しく)(?:を|は|の手続きを)?(?:もう)?(?:し(?:た(?![いく])|まし|て(?:もら(?:った|いまし)|もろ|き|い(?:た|ま)))|され|済|日|って|りまし|った|完了|受け(?:た|まし|て)|うけ(?:た|まし)|もろ|終わ|おわ|終え)",
);
/** "更新は11月18日です", "再発行したのは先週の金曜": the renewal's day given as the topic's answer. */
const RE_ISSUED_TOPIC = rx("(?:更新|再発行|再交付|発行|手続き)(?:したの|してもらったの|に行ったの)?は(?=[0-9]|令和|先週|今週|昨日|今日|本日|今朝|おととい|一昨日)");
const RE_EXPIRY_WORD = rx("期限|期間|まで|満了|切れ|有効|失効日|きげん");
/** The card's own expiry: "カードの有効期限", "カード自体の期間", or the card as topic right before a date ("カードは2027年1月20日まで"). */
const RE_CARD_EXPIRY = rx(
  "カード(?:自体|本体)?(?:の|は|が|も)?(?:有効)?(?:期限|期間)|カード(?:自体|本体)?(?:の(?:方|ほう))?(?:は|が|も)(?=[0-9]|令和|平成|r[0-9])",
);
const RE_CERT_WORD = rx("証明書|しょうめいしょ");
const RE_ABOUT_CARD = rx(
  "カード(?:自体|本体)?(?:の|は|が|も)?(?:有効)?(?:期限|期間)|カード(?:自体|本体)?(?:の|を|も)更新|カード(?:自体|本体)?(?:が|も|は)?(?:期限切れ|切れ)",
);

// ---------------------------------------------------------------------------------------------------------

type Kind = "signature" | "user";

interface KindStatus {
  known?: YesNo;
  problems: Set<"locked" | "forgot" | "wrong">;
}

interface PinAnalysis {
  sig: KindStatus;
  user: KindStatus;
}

interface Event {
  pos: number;
  end: number;
  type: "sig" | "user" | "weak" | "both" | "known" | "unknown-pin" | "forgot" | "locked" | "wrong";
}

/**
 * Which PIN each statement is about: statements (覚えている / 忘れた / ロック / 間違えた) attach to the
 * kind mentions (署名用, 4桁, 両方 …) that precede them in the same sentence, or, failing that, to the
 * previous statement's kinds, or to the kinds named right after them ("忘れたのは署名用です").
 */
function analysePins(t: string, spans: Span[], dropFourDigits: boolean): PinAnalysis {
  const res: PinAnalysis = { sig: { problems: new Set() }, user: { problems: new Set() } };
  const events: Event[] = [];
  const add = (hits: Hit[], type: Event["type"]): void => {
    for (const h of hits) events.push({ pos: h.index, end: h.end, type });
  };
  add(findAll(RE_SIG_MENTION, t), "sig");
  add(findAll(RE_HJS, t), "sig");
  add(
    findAll(RE_USER_MENTION, t).filter((h) => !(dropFourDigits && /^4/.test(h.text))),
    "user",
  );
  // "マイナポータルのパスワード" is the 4-digit PIN of the login, not the signature one.
  for (const h of findAll(RE_WEAK_SIG_MENTION, t)) {
    const userService = USER_SERVICE_BEFORE.test(t.slice(Math.max(0, h.index - 10), h.index));
    events.push({ pos: h.index, end: h.end, type: userService ? "user" : "weak" });
  }
  add(findAll(RE_BOTH_MENTION, t), "both");
  for (const h of findAll(RE_V_KNOWN, t)) events.push({ pos: h.index, end: h.end, type: negatedAt(t, h.end) ? "unknown-pin" : "known" });
  for (const h of findAll(RE_V_NOTKNOWN, t)) {
    if (WHICH_BEFORE.test(t.slice(Math.max(0, h.index - 14), h.index))) continue;
    if (ETAX_PW_BEFORE.test(t.slice(Math.max(0, h.index - 8), h.index))) continue;
    events.push({ pos: h.index, end: h.end, type: "unknown-pin" });
  }
  for (const h of findAll(RE_V_FORGOT, t)) {
    if (WHICH_BEFORE.test(t.slice(Math.max(0, h.index - 14), h.index))) continue;
    if (ETAX_PW_BEFORE.test(t.slice(Math.max(0, h.index - 8), h.index))) continue;
    const isWasure = h.text.startsWith("忘れ") || h.text.startsWith("わすれ");
    if (isWasure && FORGOT_NOT_PIN_BEFORE.test(t.slice(Math.max(0, h.index - 10), h.index))) continue;
    events.push({ pos: h.index, end: h.end, type: isWasure && negatedAt(t, h.end) ? "known" : "forgot" });
  }
  add(positiveHits(RE_V_LOCKED, t, { hypothetical: true }), "locked");
  add(positiveHits(RE_V_WRONG, t, { hypothetical: true }), "wrong");
  events.sort((a, b) => a.pos - b.pos || b.end - a.end);

  const apply = (kinds: Kind[], type: Event["type"]): void => {
    for (const k of kinds) {
      const st = k === "signature" ? res.sig : res.user;
      if (type === "known") st.known = "yes";
      else if (type === "unknown-pin") st.known = "no";
      else if (type === "forgot") {
        st.known = "no";
        st.problems.add("forgot");
      } else if (type === "locked") st.problems.add("locked");
      else if (type === "wrong") st.problems.add("wrong");
    }
  };

  let ei = 0;
  // A statement with no PIN named ("暗証番号を忘れました。") waits for the next sentence that names one
  // without a statement of its own ("4桁のほうです。").
  let orphans: Event["type"][] = [];
  for (const span of spans) {
    let pending = new Set<Kind>();
    let pendingWeak = false;
    let last: Kind[] | undefined;
    let lastWasKnown = false;
    let lastEnd = -1;
    while (ei < events.length && (events[ei]?.pos ?? Infinity) < span.end) {
      const ev = events[ei++];
      if (ev === undefined || ev.pos < span.start || ev.pos < lastEnd) continue;
      lastEnd = ev.end;
      switch (ev.type) {
        case "sig":
          pending.add("signature");
          break;
        case "user":
          pending.add("user");
          break;
        case "both":
          pending.add("signature");
          pending.add("user");
          break;
        case "weak":
          pendingWeak = true;
          break;
        default: {
          let group: Kind[] | undefined;
          const isKnown = ev.type === "known";
          if (pending.size > 0) group = [...pending];
          else if (pendingWeak) group = ["signature"];
          // "4桁を忘れて、ロックもされた" → same PIN; but "署名用は覚えてるけどロックされた" → not that one.
          else if (!(lastWasKnown && !isKnown)) group = last;
          if (group) {
            apply(group, ev.type);
            last = group;
            lastWasKnown = isKnown;
            pending = new Set();
            pendingWeak = false;
          } else orphans.push(ev.type);
        }
      }
    }
    if (orphans.length > 0 && pending.size > 0) {
      for (const o of orphans) apply([...pending], o);
      orphans = [];
    }
  }
  return res;
}

/**
 * The certificate from the words used, strongest evidence first: explicit names (署名用, 4桁), then the
 * service (e-Tax, ログイン, 保険証), then loose words (パスワード, マイナポータル). A kind that the resident
 * only says they know ("署名用は覚えています") is not the one in trouble, so its words are ignored.
 */
function tierCertificate(t: string, dropFourDigits: boolean, ignore?: Kind): Kind | "both" | undefined {
  const userStrong = findAll(RE_USER_MENTION, t).some((h) => !(dropFourDigits && /^4/.test(h.text)));
  const tiers: [boolean, boolean][] = [
    [has(RE_SIG_MENTION, t) || has(RE_HJS, t), userStrong],
    [has(RE_MED_SIG, t), has(RE_MED_USER, t)],
    [has(RE_WEAK_SIG_MENTION, t), has(RE_WEAK_USER, t)],
  ];
  for (const [sigSeen, userSeen] of tiers) {
    const sig = sigSeen && ignore !== "signature";
    const user = userSeen && ignore !== "user";
    if (sig && user) return "both";
    if (sig) return "signature";
    if (user) return "user";
  }
  return undefined;
}

function detectSymptom(t: string): Symptom | undefined {
  const lost = findAll(RE_LOST, t).some(
    (h) =>
      !negatedAt(t, h.end) &&
      !LOST_OBJECT_BEFORE.test(t.slice(Math.max(0, h.index - 12), h.index)) &&
      !FOUND_AFTER.test(t.slice(h.end, h.end + 24)),
  );
  if (lost || has(RE_LOST_INHERENT, t) || notFoundCard(t)) return "lost-card";
  if (positiveHits(RE_LOCKED, t, { hypothetical: true }).length > 0) return "locked";
  if (positiveHits(RE_WRONG, t, { hypothetical: true }).length > 0) return "wrong-pin";
  const forgotStrong = findAll(RE_FORGOT_STRONG, t).some((h) => {
    if (ETAX_PW_BEFORE.test(t.slice(Math.max(0, h.index - 8), h.index))) return false;
    const isWasure = h.text.startsWith("忘れ") || h.text.startsWith("わすれ");
    if (!isWasure) return true;
    if (negatedAt(t, h.end)) return false;
    return !FORGOT_NOT_PIN_BEFORE.test(t.slice(Math.max(0, h.index - 10), h.index));
  });
  if (forgotStrong) return "forgot-pin";
  if (has(RE_WHICH, t)) return "which-pin";
  if (has(RE_FORGOT_WEAK, t)) return "forgot-pin";
  const notWorking =
    positiveHits(RE_NOT_WORKING_A, t).length > 0 ||
    findAll(RE_NOT_WORKING_B, t).length > 0 ||
    findAll(RE_NOT_WORKING_C, t).length > 0 ||
    doneThenFailing(t);
  if (notWorking) return "not-working-after-renewal";
  const revoked = findAll(RE_REVOKED, t).some((h) => !negatedAt(t, h.end));
  const expired = positiveHits(RE_EXPIRED, t, { hypothetical: true }).length > 0;
  if (expired) return "expired"; // a move turns this into "revoked" in extractInner
  if (revoked) return "revoked";
  if (has(RE_RENEWAL, t)) return "renewal";
  if (positiveHits(RE_RENEWAL_FALLBACK, t).length > 0) return "renewal";
  return undefined;
}

/**
 * A renewal or re-issue already done and a failure near it, across a sentence break ("窓口で更新済みです。
 * でもログインできません", "使えないです。先週更新しました"), when no 失効 / 期限切れ message explains it.
 */
function doneThenFailing(t: string): boolean {
  if (has(RE_REVOKED, t) || has(RE_EXPIRED, t)) return false;
  const fails = positiveHits(RE_FAIL_NEAR, t, { hypothetical: true });
  if (fails.length === 0) return false;
  // Hits are sorted and disjoint: the nearest failure after (and before) each renewal is found by
  // binary search, so a long text stays O(n log n).
  return positiveHits(RE_DONE, t, { hypothetical: true }).some((d) => {
    const i = firstIndexAtOrAfter(fails, d.end);
    const after = fails[i];
    const before = fails[i - 1];
    return (after !== undefined && after.index - d.end <= 80) || (before !== undefined && before.end <= d.index && d.index - before.end <= 60);
  });
}

/** A card (カード, マイナ) and 見つからない / 見当たらない in the same sentence, the card first. */
function notFoundCard(t: string): boolean {
  const hits = findAll(RE_NOT_FOUND, t);
  if (hits.length === 0) return false;
  const spans = sentences(t);
  return hits.some((h) => {
    const s = sentenceAt(spans, h.index);
    return has(RE_CARD_WORD, t.slice(Math.max(s.start, h.index - 40), h.index));
  });
}

function detectBasicInfo(t: string): YesNoUnknown | undefined {
  let negated = false;
  for (const h of findAll(RE_BASIC_YES, t)) {
    if (negatedAt(t, h.end)) {
      negated = true;
      continue;
    }
    if (BASIC_FUTURE_AFTER.test(t.slice(h.end, h.end + 14))) continue;
    return "yes";
  }
  if (negated || has(RE_BASIC_NO, t)) return "no";
  return undefined;
}

/** detectBasicInfo, except that a change followed by a re-issue ("引っ越しは去年。その後作り直した") is no change since issue. */
function detectBasicInfoSinceIssue(t: string): YesNoUnknown | undefined {
  const b = detectBasicInfo(t);
  if (b === "yes" && has(RE_REISSUED_SINCE, t)) return "no";
  return b;
}

interface Counts {
  wrong?: number | "unknown";
  remaining?: number;
}

function detectCounts(t: string): Counts {
  const out: Counts = {};
  let max = -1;
  for (const h of findAll(RE_COUNT, t)) {
    const n = Number(h.groups[0]);
    if (!Number.isFinite(n)) continue;
    const before = t.slice(Math.max(0, h.index - 10), h.index);
    const after = t.slice(h.end, h.end + 14);
    if (COUNT_LIMIT_BEFORE.test(before)) continue;
    // "パスワードが間違っています。1回目です": an ordinal count in a message about a wrong PIN.
    if (h.groups[1] === "目" && has(RE_WRONG, t) && !COUNT_REMAINING_BEFORE.test(before)) {
      max = Math.max(max, n);
      continue;
    }
    if (COUNT_REMAINING_BEFORE.test(before)) {
      if (out.remaining === undefined) out.remaining = n;
      continue;
    }
    const near = before.slice(-8) + "|" + after;
    if (!has(ATTEMPT_WORD, near)) continue;
    if (COUNT_HYPOTHETICAL_AFTER.test(t.slice(h.end, h.end + 24))) continue;
    // "1度も間違えていない" → none.
    if (n === 1 && after.startsWith("も") && /(?:ない|ません|なかっ)/.test(after)) {
      max = Math.max(max, 0);
      continue;
    }
    max = Math.max(max, n);
  }
  if (max >= 0) out.wrong = Math.min(5, max);
  else if (has(RE_UNKNOWN_COUNT, t)) out.wrong = "unknown";
  return out;
}

function detectDates(t: string, spans: Span[], today: string, facts: Partial<Facts>): void {
  const hits = findDates(t, today);
  if (hits.length === 0) return;
  const issuedWords = [...findAll(RE_ISSUED_WORD, t), ...findAll(RE_ISSUED_TOPIC, t)].sort((a, b) => a.index - b.index);
  const expiryWords = findAll(RE_EXPIRY_WORD, t);
  const cardPhrases = findAll(RE_CARD_EXPIRY, t);
  const certWords = findAll(RE_CERT_WORD, t);
  const anyExpiryWord = expiryWords.length > 0;
  let issuedRelative = false;

  // Word lists are sorted and non-overlapping (findAll), so nearest words are found by binary search:
  // the whole pass stays O(n log n) however many dates and keywords a long text holds.
  const distance = (words: Hit[], from: number, to: number, lo: number, hi: number): number => {
    const i = firstIndexAtOrAfter(words, to);
    let best = Infinity;
    const after = words[i];
    if (after !== undefined && after.index < hi) best = after.index - to;
    const before = words[i - 1];
    if (before !== undefined && before.end > lo) best = Math.min(best, before.end <= from ? from - before.end : 0);
    return best;
  };

  for (const h of hits) {
    const sent = sentenceAt(spans, h.index);
    const lo = Math.max(sent.start, h.index - 25);
    const hi = Math.min(sent.end, h.end + 25);
    const dIssued = distance(issuedWords, h.index, h.end, lo, hi);
    let role: "issued" | "expiry" | undefined;
    if (h.relative) {
      // 今日/昨日/N日前/先月 … only count next to a verb: "本日更新した", "来月で期限が切れる", or right
      // after a sentence that says the renewal was done ("窓口で更新済みです。先週の月曜日に行きました").
      const prev = sentenceAt(spans, sent.start - 2);
      const prevStart = prev.end <= sent.start ? prev.start : sent.start;
      if (distance(issuedWords, h.index, h.end, sent.start, sent.end) < Infinity) role = "issued";
      else if (distance(expiryWords, h.index, h.end, lo, Math.min(sent.end, h.end + 10)) <= 4) role = "expiry";
      else if (!h.month && distance(issuedWords, h.index, h.end, prevStart, sent.start) < Infinity) role = "issued";
    } else {
      const dExpiry = distance(expiryWords, h.index, h.end, lo, hi);
      if (dIssued < dExpiry) role = "issued";
      else if (dExpiry < Infinity) role = "expiry";
      else if (anyExpiryWord) role = "expiry";
    }
    if (role === "issued") {
      // An issue date lies in the past: "3月15日に更新した" is the last 3月15日, not the next one.
      const date = h.yearless ? previousOccurrence(today, h.yearless.m, h.yearless.d) : h.date;
      // A date written out ("更新は11月18日です") beats a relative word used for something else ("本日").
      if (date !== undefined && (facts.issuedOn === undefined || (issuedRelative && !h.relative))) {
        facts.issuedOn = date;
        issuedRelative = h.relative;
      }
      continue;
    }
    if (role !== "expiry") continue;

    // Card or certificate: the nearer mention before the date in the sentence wins, then after it.
    const lastBefore = (words: Hit[]): number => {
      const w = words[firstIndexAtOrAfter(words, h.index) - 1];
      return w !== undefined && w.index >= sent.start ? w.index : -1;
    };
    const firstAfter = (words: Hit[]): number => {
      const w = words[firstIndexAtOrAfter(words, h.end)];
      return w !== undefined && w.index < sent.end ? w.index : Infinity;
    };
    let isCard: boolean;
    const cb = lastBefore(cardPhrases);
    const eb = lastBefore(certWords);
    if (cb >= 0 || eb >= 0) isCard = cb > eb;
    else {
      const ca = firstAfter(cardPhrases);
      const ea = firstAfter(certWords);
      isCard = ca < ea;
    }
    if (isCard) {
      facts.aboutCard = true;
      if (h.date !== undefined) {
        if (facts.cardExpiry === undefined) facts.cardExpiry = h.date;
      } else if (h.month !== undefined && facts.cardExpiryMonth === undefined) facts.cardExpiryMonth = h.month;
    } else if (h.date !== undefined) {
      if (facts.certExpiry === undefined) facts.certExpiry = h.date;
    } else if (h.month !== undefined && facts.certExpiryMonth === undefined) facts.certExpiryMonth = h.month;
  }
  if (facts.certExpiry !== undefined) delete facts.certExpiryMonth;
  if (facts.cardExpiry !== undefined) delete facts.cardExpiryMonth;
}

/** Index of the first hit whose start is at or after `pos` (hits sorted by start). */
function firstIndexAtOrAfter(words: Hit[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid]?.index ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function detectNfc(t: string, spans: Span[]): YesNoUnknown | undefined {
  const inPhoneSentence = (h: Hit): boolean => {
    const s = sentenceAt(spans, h.index);
    return has(RE_PHONE_WORD, t.slice(s.start, s.end));
  };
  if (has(RE_NFC_UNKNOWN_EXPLICIT, t)) return "unknown";
  if (has(RE_NFC_NO, t)) return "no";
  if (has(RE_NFC_UNKNOWN, t)) return "unknown";
  if (findAll(RE_NFC_READ_NO, t).some(inPhoneSentence)) return "no";
  if (findAll(RE_NFC_READ_YES, t).some(inPhoneSentence)) return "yes";
  if (positiveHits(RE_NFC_YES, t).length > 0) return "yes";
  return undefined;
}

function extractInner(text: string, ctx: NluContext): Partial<Facts> {
  const clean = detectPii(text).redacted;
  // A message in English (no Japanese script at all) is read by the English patterns (english.ts).
  if (isEnglishText(clean)) return extractEnglish(clean, ctx.today);
  // English quoting a few Japanese words: both readings, the English one winning ("haven't moved").
  if (isMostlyEnglish(clean)) return { ...extractJapanese(clean, ctx), ...extractEnglish(clean, ctx.today) };
  return extractJapanese(clean, ctx);
}

function extractJapanese(clean: string, ctx: NluContext): Partial<Facts> {
  const t0 = matchForm(clean);
  const facts: Partial<Facts> = {};
  if (t0.length === 0) return facts;
  if (has(RE_ETAX, t0)) facts.eTax = true;
  // e-Tax's own password (§10) is no card PIN: it is masked (□) so that 忘れた / ロック next to it is not
  // read as a card PIN's trouble, nor e-Tax as a hint of the signature certificate.
  if (has(RE_ETAX_PW, t0)) facts.etaxPassword = true;
  const t = facts.etaxPassword ? t0.replace(RE_ETAX_PW, "□") : t0;
  const spans = sentences(t);

  // Foreign residents first: their 在留カードの更新 is not a certificate renewal.
  if (findAll(RE_FOREIGN_YES, t).some((h) => !negatedAt(t, h.end))) facts.foreignResident = "yes";
  else if (has(RE_FOREIGN_NO, t) || negatedAtAny(RE_FOREIGN_YES, t)) facts.foreignResident = "no";
  if (positiveHits(RE_RES_CHANGED, t).some((h) => !RES_PENDING_AFTER.test(t.slice(h.end, h.end + 16)))) {
    facts.residenceStatusChanged = true;
    facts.foreignResident = "yes";
  }
  const masked = t.replace(RE_RES_MASK, "□");

  // Other 4-digit PINs.
  if (has(RE_JUKI, t)) facts.otherPin = "jukinet";
  else if (has(RE_KENMEN, t)) facts.otherPin = "kenmen";
  const dropFourDigits = facts.otherPin !== undefined && !has(RE_USER_EXPLICIT, t);

  // Certificates and PINs.
  const symptom0 = detectSymptom(masked);
  const pins = analysePins(t, spans, dropFourDigits);
  if (pins.sig.known !== undefined) facts.signaturePinKnown = pins.sig.known;
  if (pins.user.known !== undefined) facts.userPinKnown = pins.user.known;
  const sigProblem = pins.sig.problems.size > 0;
  const userProblem = pins.user.problems.size > 0;
  let certificate: CertificateKind | undefined;
  if (sigProblem && !userProblem) certificate = "signature";
  else if (userProblem && !sigProblem) certificate = "user";
  else if (!sigProblem && !userProblem) {
    const pinTrouble = symptom0 === "locked" || symptom0 === "forgot-pin" || symptom0 === "wrong-pin";
    // A PIN the resident only says they know, or do not know ("署名用は覚えていません"), is not the one
    // in trouble when the other one is named too.
    const ignore: Kind | undefined =
      !pinTrouble ? undefined
      : pins.sig.known !== undefined && pins.user.known === undefined ? "signature"
      : pins.user.known !== undefined && pins.sig.known === undefined ? "user"
      : pins.sig.known === "yes" && pins.user.known !== "yes" ? "signature"
      : pins.user.known === "yes" && pins.sig.known !== "yes" ? "user"
      : undefined;
    const tier = tierCertificate(t, dropFourDigits, ignore);
    if (tier === "signature" || tier === "user") certificate = tier;
  }
  if (has(RE_HJS, t) && !userProblem) certificate = "signature";
  if (certificate !== undefined) facts.certificate = certificate;

  // Basic information.
  const basic = detectBasicInfoSinceIssue(t);
  if (basic !== undefined) facts.basicInfoChanged = basic;

  // Symptom.
  let symptom = symptom0;
  if (has(RE_HJS, t)) symptom = symptom === "lost-card" ? symptom : "locked";
  if (symptom === "expired" || symptom === "revoked") {
    const revoked = findAll(RE_REVOKED, masked).some((h) => !negatedAt(masked, h.end));
    const expiredWords = positiveHits(RE_EXPIRED, masked, { hypothetical: true }).length > 0;
    if (expiredWords) symptom = revoked && basic === "yes" ? "revoked" : "expired";
    else if (revoked || has(RE_EI_CODE, masked)) symptom = "revoked";
  }

  // Wrong attempts.
  const counts = detectCounts(masked);
  const limit =
    facts.certificate === "signature" ? 5 : facts.certificate === "user" || facts.otherPin !== undefined ? 3 : undefined;
  if (counts.wrong !== undefined) facts.wrongAttempts = counts.wrong;
  else if (counts.remaining !== undefined && limit !== undefined && counts.remaining <= limit) {
    facts.wrongAttempts = limit - counts.remaining;
  }
  if (symptom === undefined && typeof facts.wrongAttempts === "number" && facts.wrongAttempts > 0) symptom = "wrong-pin";
  // "結婚して名字が変わったら e-Tax で使えない": a name or address change revokes the signature certificate.
  if (symptom === undefined && basic === "yes" && facts.certificate !== "user" && has(RE_FAILURE, masked)) symptom = "revoked";
  if (
    (symptom === "wrong-pin" || symptom === undefined) &&
    limit !== undefined &&
    typeof facts.wrongAttempts === "number" &&
    facts.wrongAttempts >= limit
  ) {
    symptom = "locked";
  }
  if (symptom !== undefined) facts.symptom = symptom;

  // Both PINs.
  const bothProblem = sigProblem && userProblem;
  const quantifier = has(RE_BOTH_MENTION, t);
  if (
    (bothProblem && (symptom === "locked" || symptom === "forgot-pin" || symptom === "wrong-pin")) ||
    (quantifier && (symptom === "locked" || symptom === "forgot-pin") && !has(RE_WHICH, t))
  ) {
    facts.bothPins = true;
    delete facts.certificate;
    if (symptom === "forgot-pin") {
      if (facts.signaturePinKnown === undefined) facts.signaturePinKnown = "no";
      if (facts.userPinKnown === undefined) facts.userPinKnown = "no";
    }
  }

  // Dates.
  detectDates(t, spans, ctx.today, facts);
  if (has(RE_ABOUT_CARD, masked)) facts.aboutCard = true;

  // Applicant.
  if (has(RE_LEGAL, t)) facts.applicant = "legal-representative";
  else if (has(RE_PROXY, t)) facts.applicant = "proxy";
  else if (has(RE_SELF, t)) facts.applicant = "self";

  // No signature certificate.
  if (has(RE_ADULT_WARD, t)) facts.noSignatureReason = "adult-ward";
  else if (has(RE_FACE, t)) facts.noSignatureReason = "face-auth-card";
  else if (findAll(RE_UNDER15, t).length > 0) facts.noSignatureReason = "under-15";

  if (positiveHits(RE_WANTS_PERSON, t).length > 0) facts.wantsPerson = true;

  const nfc = detectNfc(t, spans);
  if (nfc !== undefined) facts.nfcSmartphone = nfc;

  return facts;
}

function negatedAtAny(re: RegExp, t: string): boolean {
  return findAll(re, t).some((h) => negatedAt(t, h.end));
}

/** Every fact the message carries. Never throws; unknown things are simply left out. */
export function extractFacts(text: string, ctx: NluContext): Partial<Facts> {
  try {
    return extractInner(typeof text === "string" ? text : "", ctx ?? { today: "" });
  } catch {
    return {};
  }
}

// Exported for parseAnswer.
export const internals = {
  detectSymptom,
  detectBasicInfo,
  detectNfc,
  tierCertificate,
  hypotheticalAt,
  RE_FOREIGN_YES,
  RE_FOREIGN_NO,
  RE_UNDER15,
  RE_ADULT_WARD,
  RE_FACE,
  RE_LEGAL,
  RE_PROXY,
  RE_SELF,
};
