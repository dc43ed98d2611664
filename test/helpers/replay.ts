/**
 * Replay a conversation of shared/examples/conversations.json (or test/scenarios) through the web chat
 * API, answering each question the way the example says (README of shared/examples).
 */
import { postJson } from "./server.ts";

export interface Conversation {
  id: string;
  say: string;
  answers?: Record<string, string>;
  typed?: Record<string, string>;
  now?: string;
  expect: { route: string | string[]; mentions?: string[]; forbid?: string[]; maxQuestions?: number };
}

export interface ReplayResult {
  routeId?: string;
  routeText?: string;
  questions: string[];
  allText: string;
  transcript: string[];
}

export const DEFAULT_NOW = "2026-11-21T10:00:00+09:00";

export async function replay(baseUrl: string, c: Conversation): Promise<ReplayResult> {
  const start = await postJson(`${baseUrl}/api/chat/sessions`, {});
  if (start.status !== 201) throw new Error(`session: ${start.status}`);
  const sessionId: string = start.json.sessionId;
  const transcript: string[] = [];
  const seen: unknown[] = [...start.json.replies];
  const questions: string[] = [];
  let replies: any[] = [];

  const send = async (body: Record<string, string>) => {
    transcript.push(`> ${JSON.stringify(body)}`);
    const res = await postJson(`${baseUrl}/api/chat/sessions/${sessionId}/messages`, body);
    if (res.status !== 200) throw new Error(`message: ${res.status} ${res.text}`);
    replies = res.json.replies;
    seen.push(...replies);
    for (const r of replies) transcript.push(`< ${r.type}${r.slot ? `:${r.slot}` : ""}${r.routeId ? `:${r.routeId}` : ""}`);
  };

  await send({ text: c.say });
  for (let turn = 0; turn < 12; turn++) {
    const route = replies.find((r) => r.type === "route");
    if (route) {
      return { routeId: route.routeId, routeText: route.text, questions, allText: JSON.stringify(seen), transcript };
    }
    const q = [...replies].reverse().find((r) => r.type === "question");
    if (!q) break;
    questions.push(q.slot);
    const slot: string = q.slot;
    if (c.typed?.[slot] !== undefined) await send({ text: c.typed[slot] });
    else if (c.answers?.[slot] !== undefined) await send({ choice: c.answers[slot] });
    else if (q.choices.some((ch: { value: string }) => ch.value === "unknown")) await send({ choice: "unknown" });
    else await send({ text: "わからない" });
  }
  return { questions, allText: JSON.stringify(seen), transcript };
}
