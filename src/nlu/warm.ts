/**
 * Warm the language layer once, before the first resident pays for it. V8 compiles a regular expression
 * when it first runs, and compiles it again to native code on a later run; the English reader's patterns
 * (english.ts) take some 50 ms of CPU for that on the first two English messages of a process. The
 * server calls {@link warmUp} right after it starts listening (src/main.ts). Pure: no I/O, no state.
 */
import { parseAnswer } from "./answer.ts";
import { extractFacts } from "./extract.ts";
import { detectPii } from "./pii.ts";

const SAMPLES = [
  "I forgot my PIN, the 4-digit one. I haven't moved. It expires March 15, 2027",
  "my signature password is locked after 3 tries, not sure which one",
  "署名用電子証明書が失効していますと表示されました。引っ越しはしていません",
  "4桁の暗証番号を3回まちがえてロックされた",
];

/** Run every sample through the readers twice (both compile tiers). Returns how many calls it made. */
export function warmUp(today = "2026-01-05"): number {
  let calls = 0;
  for (let round = 0; round < 2; round++) {
    for (const text of SAMPLES) {
      detectPii(text);
      extractFacts(text, { today });
      parseAnswer("certificate", text, { today });
      calls += 3;
    }
  }
  return calls;
}
