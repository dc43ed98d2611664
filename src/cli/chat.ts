/**
 * `npm run chat`: the same conversation in a terminal, for staff trying the bot out. Uses the core
 * directly with an in-memory store; type a message, a choice number, "r" to restart, "q" to quit.
 */
import { createInterface } from "node:readline/promises";
import { stdin, stdout } from "node:process";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { nowFromEnv } from "../calendar/index.ts";
import type { InboundEvent } from "../core/events.ts";
import type { Choice, Reply } from "../core/reply.ts";
import { ConversationRuntime } from "../core/runtime.ts";
import { certificateRecoveryFlow } from "../../flows/certificate-recovery/index.ts";
import { MemoryStore } from "../store/memory.ts";

/** Print one turn; the choices of all its questions (a route's details, then the follow-up) are numbered on. */
function show(replies: Reply[]): Choice[] {
  const choices: Choice[] = [];
  for (const r of replies) {
    if (r.type === "text") stdout.write(`\n${r.text}\n`);
    else if (r.type === "question") {
      stdout.write(`\n${r.text}\n`);
      for (const c of r.choices) {
        choices.push(c);
        stdout.write(`  ${choices.length}) ${c.label}\n`);
      }
    } else stdout.write(`\n${"=".repeat(40)}\n${r.text}\n${"=".repeat(40)}\n`);
  }
  return choices;
}

const store = new MemoryStore();
const runtime = new ConversationRuntime({
  flow: certificateRecoveryFlow,
  store,
  city: loadCityConfig(process.env.MUNICIPALITY_CONFIG ?? SAMPLE_CITY_PATH),
  now: nowFromEnv(process.env.BOT_NOW),
  idleTtlMs: 24 * 3_600_000,
});
const id = `cli:${process.pid}`;
const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
let choices = show((await runtime.handle(id, { kind: "start" })).replies);
stdout.write("\n（番号で選ぶか、文章で入力してください。r: やり直し、q: 終了）\n");
for await (const line of rl) {
  const input = line.trim();
  if (input === "q") break;
  if (!input) continue;
  const n = Number(input);
  let event: InboundEvent;
  if (input === "r") event = { kind: "restart" };
  else if (Number.isInteger(n) && n >= 1 && n <= choices.length) event = { kind: "choice", value: choices[n - 1]!.value };
  else event = { kind: "text", text: input };
  choices = show((await runtime.handle(id, event)).replies);
  stdout.write("> ");
}
rl.close();
await store.close();
