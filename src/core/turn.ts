/**
 * One turn of the conversation machine, without an actor per turn.
 *
 * A turn is a pure step: the stored snapshot and one event in, the next snapshot and what the machine
 * emitted out. The runtime used to create an xstate actor for it (restore the snapshot, start, send,
 * persist, stop); now it calls the machine's own actor logic — `resolveState`, `getInitialSnapshot`,
 * `transition` and `getPersistedSnapshot`, the `ActorLogic` methods an actor calls — with an actor scope
 * that runs the actions the way a started actor does. Same machine, same guards and actions, same
 * snapshots (test/core/turn.test.ts compares the two ways over every scenario), without building an
 * actor, its system and mailbox, and reviving the snapshot twice, on every event. xstate's exported
 * `transition()` / `initialTransition()` create a throw-away actor per call, which costs more than the
 * actor did.
 */
import { createActor, type ActorScope, type ActorSystem, type ExecutableActionObject, type SnapshotFrom } from "xstate";
import {
  certificateRecoveryMachine,
  type ConversationContext,
  type ConversationEvent,
  type ConversationInput,
  type ConversationOutput,
} from "../../flows/certificate-recovery/machine.ts";

type Machine = typeof certificateRecoveryMachine;
export type MachineSnapshot = SnapshotFrom<Machine>;

/**
 * The actor scope of every step (built on first use). Its `self` is an actor that is never started:
 * the machine's actions never message `self` or spawn children, so it only has to exist (xstate reads
 * its system for inspection events). Actions run at once, as in a running actor; what they defer
 * (`emit`) runs right after the step, in order. A step is synchronous, so one scope serves every
 * conversation: `sink` is where the step in progress puts what the machine emits. (Module-level
 * functions rather than closures per step: under tsx every closure created gets its name set.)
 */
type Scope = ActorScope<MachineSnapshot, ConversationEvent, ActorSystem<any>, ConversationOutput>;
let scope: Scope | undefined;
let sink: ConversationOutput[] | undefined;
const deferred: (() => void)[] = [];

function defer(fn: () => void): void {
  deferred.push(fn);
}
function emit(output: ConversationOutput): void {
  sink?.push(output);
}
function execute(action: ExecutableActionObject): void {
  action.exec?.(action.info, action.params);
}
function nothing(): void {}

function theScope(): Scope {
  if (scope) return scope;
  const self = createActor(certificateRecoveryMachine, { input: { today: "1970-01-01" } });
  scope = { self, id: self.id, sessionId: self.sessionId, logger: nothing, system: self.system, defer, emit, stopChild: nothing, actionExecutor: execute };
  return scope;
}

/** Run one step of the machine with `outputs` as the sink of what it emits. */
function step<T>(outputs: ConversationOutput[], run: (scope: Scope) => T): T {
  if (sink) throw new Error("a machine step is already under way");
  sink = outputs;
  try {
    const result = run(theScope());
    for (let fn = deferred.shift(); fn; fn = deferred.shift()) fn();
    return result;
  } finally {
    sink = undefined;
    deferred.length = 0;
  }
}

/** The snapshot of a new conversation (the machine's initial state for `input`); emits to `outputs`. */
export function startMachine(input: ConversationInput, outputs: ConversationOutput[]): MachineSnapshot {
  return step(outputs, (s) => certificateRecoveryMachine.getInitialSnapshot(s, input));
}

/** The snapshot after `event`; what the machine emits goes to `outputs`. */
export function sendToMachine(snapshot: MachineSnapshot, event: ConversationEvent, outputs: ConversationOutput[]): MachineSnapshot {
  return step(outputs, (s) => certificateRecoveryMachine.transition(snapshot, event, s));
}

/**
 * The snapshot as stored (JSON-serialisable): exactly what an actor's `getPersistedSnapshot()` gives.
 * xstate's version copies the snapshot's fields and walks the whole context for actor references to
 * replace (about a tenth of a turn, measured); this machine has no child actors, no history states
 * and a context of plain data, so for an active snapshot it comes down to these five fields, in
 * xstate's order (the stored JSON is the same to the byte: test/core/turn.test.ts). Anything else
 * goes the long way.
 */
export function persistSnapshot(snapshot: MachineSnapshot): unknown {
  if (snapshot.status !== "active" || !isEmpty(snapshot.children) || !isEmpty(snapshot.historyValue)) {
    return certificateRecoveryMachine.getPersistedSnapshot(snapshot);
  }
  return { status: snapshot.status, value: snapshot.value, historyValue: {}, context: snapshot.context, children: {} };
}

function isEmpty(record: object | undefined): boolean {
  for (const _ in record) return false;
  return true;
}

/**
 * A stored (persisted) snapshot back as a machine snapshot, or undefined when it is not an active
 * snapshot naming a state of this machine. The machine has no child actors, history states or actor
 * references in its context, so resolving the state value is all that restoring takes.
 */
export function restoreSnapshot(value: unknown): MachineSnapshot | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as { status?: unknown; value?: unknown; context?: unknown };
  if (v.status !== "active" || typeof v.context !== "object" || v.context === null) return undefined;
  try {
    const snapshot = certificateRecoveryMachine.resolveState({
      value: v.value as never,
      context: v.context as ConversationContext,
      historyValue: {},
    });
    return snapshot.status === "active" ? snapshot : undefined;
  } catch {
    return undefined;
  }
}
