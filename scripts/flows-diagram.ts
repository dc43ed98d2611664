/**
 * Generate docs/flow.md: a Mermaid `stateDiagram-v2` of the conversation, read from the machine itself
 * (flows/certificate-recovery/machine.ts), with a table of the questions, of the routes and of every
 * transition. Nothing here is a second copy of the flow: change the machine, run this again.
 *
 *   npm run flows:diagram
 *
 * The output is deterministic (no clock, no environment), so test/deploy/flow-diagram.test.ts can
 * regenerate it in memory and fail when the committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AnyStateNode, AnyTransitionDefinition } from "xstate";
import { ASKED_SLOTS, decide, type AskedSlot } from "../flows/certificate-recovery/decide.ts";
import { certificateRecoveryMachine } from "../flows/certificate-recovery/machine.ts";
import { factsFromChoice, QUESTIONS, questionReply } from "../flows/certificate-recovery/questions.ts";
import { SLOT_SCHEMA, slotSchema, UNKNOWN } from "../flows/certificate-recovery/slot-schema.ts";
import { buildRoute } from "../flows/certificate-recovery/routes.ts";
import { ROUTE_IDS, type RouteId } from "../flows/certificate-recovery/routes-ids.ts";
import { loadCityConfig, SAMPLE_CITY_PATH, type CityConfig } from "../flows/cities/schema.ts";
import { addDays } from "../src/calendar/index.ts";
import { SLOTS, type Facts, type IsoDate, type Slot } from "../src/core/slots.ts";

/** Where `npm run flows:diagram` writes the document. */
export const FLOW_DOC_PATH = fileURLToPath(new URL("../docs/flow.md", import.meta.url));

/** Longest question text shown inside a diagram box; the full text is in the questions table. */
const QUESTION_LABEL_MAX = 28;
/** Route titles do not depend on the date; a fixed one keeps the output the same on every run. */
const FIXED_TODAY = "2025-01-06";

/** One transition of the machine, as drawn and tabled. */
export interface FlowTransition {
  /** The state node that declares the transition (a parent's transitions apply to all its children). */
  source: AnyStateNode;
  /** Undefined for a transition that stays where it is and only runs actions. */
  target: AnyStateNode | undefined;
  /** The event type, or `always` for an eventless transition. */
  event: string;
  /** The guard as written in the machine: `nextStepIs` shows its `step` param, other guards their name. */
  guard: string | undefined;
  actions: string[];
}

/** Every state node under `node` (itself first), in the machine's definition order. */
function allNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => allNodes(child as AnyStateNode))];
}

function guardLabel(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === "string") return guard;
  if (typeof guard === "function") return guard.name || "inline guard";
  if (typeof guard === "object" && guard !== null) {
    const { type, params } = guard as { type?: unknown; params?: unknown };
    const step = typeof params === "object" && params !== null ? (params as { step?: unknown }).step : undefined;
    if (typeof step === "string") return step;
    if (typeof type === "string") return type;
  }
  return "guard";
}

function actionLabel(action: unknown): string {
  if (typeof action === "string") return action;
  if (typeof action === "function") return action.name || "inline action";
  if (typeof action === "object" && action !== null && typeof (action as { type?: unknown }).type === "string") {
    return (action as { type: string }).type;
  }
  return "action";
}

/** Every transition of the machine, walked from `machine.root`: eventless ones first, then by event. */
export function machineTransitions(root: AnyStateNode = certificateRecoveryMachine.root): FlowTransition[] {
  const out: FlowTransition[] = [];
  const add = (t: AnyTransitionDefinition, event: string) => {
    const targets: readonly (AnyStateNode | undefined)[] = t.target?.length ? t.target : [undefined];
    for (const target of targets) {
      out.push({ source: t.source, target, event, guard: guardLabel(t.guard), actions: t.actions.map(actionLabel) });
    }
  };
  for (const node of allNodes(root)) {
    for (const t of node.always ?? []) add(t, "always");
    for (const [event, list] of node.transitions) for (const t of list) add(t, event);
  }
  return out;
}

/**
 * The answers tried for a question when walking decide(): every button, and for a date one on each side
 * of every rule (expired, in the renewal window, before it, far ahead; issued today or a month ago).
 */
function answersFor(slot: AskedSlot, today: IsoDate): Partial<Facts>[] {
  const schema = slotSchema(slot);
  const values =
    schema.input !== "date"
      ? QUESTIONS[slot].choices.map((c) => c.value)
      : [
          ...(schema.past ? [today, addDays(today, -30)] : [addDays(today, -30), addDays(today, 30), addDays(today, 400), addDays(today, 4000)]),
          ...(schema.offersUnknown ? [UNKNOWN] : []),
        ];
  return values.flatMap((v) => factsFromChoice(slot, v) ?? []);
}

/**
 * The questions decide() really asks, walked from an empty conversation through every button answer:
 * for each, the troubles (the answer to `symptom`, or `(first)` before it is known) in which it comes.
 */
export function askedQuestions(today: IsoDate = FIXED_TODAY): Map<Slot, Set<string>> {
  const out = new Map<Slot, Set<string>>();
  const walk = (facts: Facts): void => {
    const step = decide(facts, today);
    if (step.kind !== "ask") return;
    const slot = step.slot as AskedSlot;
    if (facts[slot] !== undefined) throw new Error(`decide() asks ${slot} again: ${JSON.stringify(facts)}`);
    const cases = out.get(slot) ?? new Set<string>();
    cases.add(facts.symptom ?? "(first)");
    out.set(slot, cases);
    for (const answer of answersFor(slot, today)) walk({ ...facts, ...answer });
  };
  walk({});
  return out;
}

/** "In which cases" for the questions table: the troubles in the symptom question's own words. */
function casesText(cases: Set<string> | undefined): string {
  if (!cases) return "never (no answer leads here)";
  return [...cases]
    .map((c) => (c === "(first)" ? "first, unless the message already says the trouble" : (QUESTIONS.symptom.choices.find((x) => x.value === c)?.label ?? c)))
    .join("、");
}

/** A slot's values for the slots table: `value` 「button」, or what a count or a date takes. */
function slotValuesText(slot: Slot, today: IsoDate): string {
  const schema = slotSchema(slot);
  const buttons = questionReply(slot, today).choices;
  const label = (value: string) => buttons.find((c) => c.value === value)?.label;
  const unknown = schema.offersUnknown ? [`\`${UNKNOWN}\` 「${label(UNKNOWN) ?? "わからない"}」`] : [];
  if (schema.input === "choice") return [...schema.values.map((v) => `\`${v}\` 「${label(v) ?? v}」`), ...unknown].join(", ");
  if (schema.input === "number") {
    const shown = schema.choices.map((n) => label(String(n)) ?? String(n)).join("・");
    return [`a count ${schema.min}–${schema.max} (buttons 「${shown}」)`, ...unknown].join(", ");
  }
  const dated = buttons.filter((c) => c.value !== UNKNOWN).map((c) => c.label);
  const recent = dated.length ? ` (buttons 「${dated.join("」「")}」)` : "";
  return [`a date \`YYYY-MM-DD\`${schema.past ? " in the past" : ""}${recent}`, ...unknown].join(", ");
}

/** The dotted path of a state, e.g. `ask.symptom`; the root is `(any state)`. */
function dotted(node: AnyStateNode): string {
  return node.path.length ? node.path.join(".") : "(any state)";
}

/** A Mermaid id: letters, digits and `_` only (the state grammar stops an id at `-`). */
function mermaidId(node: AnyStateNode): string {
  return node.path.join("_").replace(/[^A-Za-z0-9_]/g, "_");
}

/**
 * Text safe inside a Mermaid state label, note or transition label: a transition label ends at `:`,
 * `;` or a newline, `"` ends a state description, `#` and `%%` start comments; their full-width
 * forms read the same.
 */
function mermaidText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/:/g, "：")
    .replace(/;/g, "；")
    .replace(/"/g, "”")
    .replace(/#/g, "＃")
    .replace(/%/g, "％")
    .replace(/[{}<>]/g, (c) => ({ "{": "｛", "}": "｝", "<": "＜", ">": "＞" })[c] ?? c)
    .trim();
}

/** A question shortened for a diagram box: its first sentence, at most QUESTION_LABEL_MAX characters. */
export function shortQuestion(text: string): string {
  const firstLine = text.split("\n")[0] ?? "";
  const sentence = /^.*?[。？]/u.exec(firstLine)?.[0] ?? firstLine;
  const chars = [...sentence];
  const short = chars.length > QUESTION_LABEL_MAX ? chars.slice(0, QUESTION_LABEL_MAX - 1).join("") : sentence;
  return short === text ? short : `${short}…`;
}

const isSlot = (key: string): key is Slot => Object.hasOwn(SLOT_SCHEMA, key);
const isRouteId = (key: string): key is RouteId => (ROUTE_IDS as readonly string[]).includes(key);

function routeTitle(routeId: RouteId, city: CityConfig): string {
  return buildRoute(routeId, {}, { city, today: FIXED_TODAY }).title;
}

/** The label of a leaf state: the question for `ask.<slot>`, the route's title for `routed.<routeId>`. */
function stateLabel(node: AnyStateNode, city: CityConfig): string | undefined {
  const parent = node.path.at(-2);
  if (parent === "ask" && isSlot(node.key)) return `${node.key} — ${shortQuestion(QUESTIONS[node.key].text)}`;
  if (parent === "routed" && isRouteId(node.key)) return `${node.key} — ${routeTitle(node.key, city)}`;
  return undefined;
}

function isDescendant(node: AnyStateNode, ancestor: AnyStateNode): boolean {
  return node !== ancestor && ancestor.path.every((key, i) => node.path[i] === key);
}

function transitionLabel(t: FlowTransition): string {
  if (t.event === "always") return t.guard ?? "";
  return t.guard ? `${t.event} [${t.guard}]` : t.event;
}

/** The Mermaid source of the diagram (without the code fence). */
export function renderMermaid(root: AnyStateNode = certificateRecoveryMachine.root, city = loadCityConfig(SAMPLE_CITY_PATH)): string {
  const lines = ["stateDiagram-v2", "  direction LR"];
  const top = Object.values(root.states) as AnyStateNode[];

  // Compound states as boxes holding their children. Only the leaves are declared inside: a state
  // mentioned in a box is drawn in it, so every transition is written outside the boxes.
  for (const node of top) {
    if (node.type !== "compound") continue;
    lines.push(`  state ${mermaidId(node)} {`);
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      const label = stateLabel(child, city);
      lines.push(label ? `    state "${mermaidText(label)}" as ${mermaidId(child)}` : `    ${mermaidId(child)}`);
    }
    lines.push("  }");
  }

  const initial = root.initial.target[0];
  if (initial) lines.push(`  [*] --> ${mermaidId(initial)}`);

  // Transitions that move somewhere. Left out of the picture (but in the table): those that stay put,
  // those declared on the whole machine (shown as a note on their target), and those from a box into
  // its own child (Mermaid cannot draw an edge from a box into itself).
  const edges = new Map<string, { from: string; to: string; labels: string[] }>();
  const notes = new Map<string, string[]>();
  for (const t of machineTransitions(root)) {
    if (!t.target) continue;
    const label = transitionLabel(t);
    if (t.source === root) {
      const key = mermaidId(t.target);
      notes.set(key, [...(notes.get(key) ?? []), `${label} from any state`]);
      continue;
    }
    if (isDescendant(t.target, t.source)) continue;
    const from = mermaidId(t.source);
    const to = mermaidId(t.target);
    const edge = edges.get(`${from} ${to}`) ?? { from, to, labels: [] };
    if (label && !edge.labels.includes(label)) edge.labels.push(label);
    edges.set(`${from} ${to}`, edge);
  }
  for (const { from, to, labels } of edges.values()) {
    lines.push(labels.length ? `  ${from} --> ${to} : ${mermaidText(labels.join(", "))}` : `  ${from} --> ${to}`);
  }
  for (const [id, texts] of notes) lines.push(`  note right of ${id} : ${mermaidText(texts.join(", "))}`);
  return lines.join("\n");
}

/** A Markdown table cell: pipes escaped, line breaks as <br>. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
}

/** docs/flow.md as a string: intro, diagram, questions, routes and every transition. */
export function renderFlowDiagram(): string {
  const root = certificateRecoveryMachine.root;
  const city = loadCityConfig(SAMPLE_CITY_PATH);
  const asks = Object.values(root.states.ask?.states ?? {}) as AnyStateNode[];
  const routes = Object.values(root.states.routed?.states ?? {}) as AnyStateNode[];

  const asked = askedQuestions();
  const questionRows = asks
    .filter((n) => isSlot(n.key))
    .map((n) => `| \`${n.key}\` | ${cell(QUESTIONS[n.key as Slot].text)} | ${cell(casesText(asked.get(n.key as Slot)))} |`);
  const neverAsked = SLOTS.filter((s) => !(ASKED_SLOTS as readonly string[]).includes(s));
  const slotRows = SLOTS.map((slot) => {
    const schema = slotSchema(slot);
    const isAsked = (ASKED_SLOTS as readonly string[]).includes(slot);
    return `| \`${slot}\` | ${schema.input} | ${cell(slotValuesText(slot, FIXED_TODAY))} | ${schema.offersUnknown ? "yes" : "no"} | ${isAsked ? "yes" : "no"} |`;
  });
  const routeRows = routes
    .filter((n) => isRouteId(n.key))
    .map((n) => `| \`${n.key}\` | ${cell(routeTitle(n.key as RouteId, city))} |`);
  const transitionRows = machineTransitions(root).map(
    (t) =>
      `| \`${dotted(t.source)}\` | ${t.event === "always" ? "(at once)" : `\`${t.event}\``} | ${t.guard ? `\`${t.guard}\`` : ""} | ${
        t.target ? `\`${dotted(t.target)}\`` : "(stays)"
      } | ${t.actions.map((a) => `\`${a}\``).join(", ")} |`,
  );

  return `<!-- Generated by \`npm run flows:diagram\` (scripts/flows-diagram.ts) from flows/certificate-recovery/machine.ts. Do not edit by hand. -->

# The conversation, as a diagram

This is the bot's whole conversation, drawn from the machine the bot runs, so it cannot drift from what
the bot does. For content owners, help-desk leads and IT staff: no code needed to read it.

- **start**: the bot greets the resident.
- **deciding**: the bot looks at everything it knows so far (what the resident wrote, the answers given)
  and picks the next step: either one more question (**ask**) or the answer (**routed**). It asks only
  what changes the answer and was not already said.
- **ask** (\`ask.<slot>\`): one open question (${asks.length} in all, listed below). An answer the bot
  understands, typed or tapped, goes back to **deciding**. After two answers in a row it cannot read, it
  stops asking that question (the answer counts as 「わからない」, or the resident is sent to a person).
  「最初からやり直す」 goes back to **start**.
- **routed** (\`routed.<routeId>\`): the answer, one of ${routes.length} routes listed below: where to go,
  what to bring, when it is open, what it costs. Typing a new problem starts a fresh diagnosis;
  「窓口に相談したい」 shows \`contact-city\`; 「最初からやり直す」 goes back to **start**.
- A restart from the channel (\`RESTART\`) goes back to **start** from anywhere.

Labels on the arrows are the machine's own: \`ask：<slot>\` / \`route：<routeId>\` is the step that
\`decide()\` (flows/certificate-recovery/decide.ts) chose (with a full-width ：, as Mermaid ends a label
at \`:\`); \`TEXT\` is a typed message, \`CHOICE\` a tapped button, with the condition in brackets.
Transitions that stay in place, or that lead from a box into one of its own states, are only in the last
table. After changing the flow, regenerate this file: \`npm run flows:diagram\`.

\`\`\`mermaid
${renderMermaid(root, city)}
\`\`\`

## Questions

The questions \`decide()\` really asks, found by walking it from an empty conversation through every
button answer; "asked when the trouble is" lists the answers to the first question after which it comes.
${neverAsked.map((s) => `\`${s}\``).join(", ")} are never asked: the bot uses them only when the message
says them.

| slot | question | asked when the trouble is |
|---|---|---|
${questionRows.join("\n")}

## Slots

What each slot holds, as its schema says (flows/certificate-recovery/slot-schema.ts; the questions,
the staff form and the machine read it). Values are shown with their Japanese button; the English and
やさしい日本語 words are in flows/certificate-recovery/text/. "わからない" says whether the question offers
「わからない」: then two answers in a row the bot cannot read count as it, otherwise the resident is sent to a
person.

| slot | input | values (button) | わからない | asked |
|---|---|---|---|---|
${slotRows.join("\n")}

## Routes

Titles as the resident sees them (flows/certificate-recovery/routes.ts).

| routeId | title |
|---|---|
${routeRows.join("\n")}

## Every transition

For engineers: each transition as declared in the machine, in order (the first whose condition holds is
taken). A transition declared on \`ask\` or \`routed\` applies in each of their states; one on
\`(any state)\` applies everywhere.

| from | event | condition | to | actions |
|---|---|---|---|---|
${transitionRows.join("\n")}
`;
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(FLOW_DOC_PATH, renderFlowDiagram());
  process.stdout.write(`wrote ${FLOW_DOC_PATH}\n`);
}
