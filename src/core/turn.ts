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
import { createActor, type ActorScope, type AnyStateMachine, type ExecutableActionObject, type SnapshotFrom } from "xstate";

/**
 * One machine's turns: the four steps the runtime takes (through its flow, src/core/flow.ts), for any
 * xstate machine whose snapshots are plain data (no child actors, no history states, no actor
 * references in its context) and whose input, events and emitted outputs are the given types.
 */
export interface MachineTurns<Snapshot, Input, Event, Output> {
  /** The snapshot of a new conversation (the machine's initial state for `input`); emits to `outputs`. */
  start(input: Input, outputs: Output[]): Snapshot;
  /** The snapshot after `event`; what the machine emits goes to `outputs`. */
  send(snapshot: Snapshot, event: Event, outputs: Output[]): Snapshot;
  /** The snapshot as stored (JSON-serialisable): exactly what an actor's `getPersistedSnapshot()` gives. */
  persist(snapshot: Snapshot): unknown;
  /** A stored snapshot back, or undefined when it is not an active snapshot naming a state of this machine. */
  restore(value: unknown): Snapshot | undefined;
}

/**
 * The actor scope of every step of one machine (built on first use). Its `self` is an actor that is never
 * started: the machine's actions never message `self` or spawn children, so it only has to exist (xstate
 * reads its system for inspection events). Actions run at once, as in a running actor; what they defer
 * (`emit`) runs right after the step, in order. A step is synchronous, so one scope serves every
 * conversation: `sink` is where the step in progress puts what the machine emits. (Module-level
 * functions rather than closures per step: under tsx every closure created gets its name set.)
 */
type Scope = ActorScope<any, any, any, any>;
let sink: unknown[] | undefined;
const deferred: (() => void)[] = [];

function defer(fn: () => void): void {
  deferred.push(fn);
}
function emit(output: unknown): void {
  sink?.push(output);
}
function execute(action: ExecutableActionObject): void {
  action.exec?.(action.info, action.params);
}
function nothing(): void {}

function scopeOf(machine: AnyStateMachine, input: unknown): Scope {
  const self = createActor(machine, { input });
  return { self, id: self.id, sessionId: self.sessionId, logger: nothing, system: self.system, defer, emit, stopChild: nothing, actionExecutor: execute };
}

/** Run one step of a machine with `outputs` as the sink of what it emits. */
function step<T>(scope: Scope, outputs: unknown[], run: (scope: Scope) => T): T {
  if (sink) throw new Error("a machine step is already under way");
  sink = outputs;
  try {
    const result = run(scope);
    for (let fn = deferred.shift(); fn; fn = deferred.shift()) fn();
    return result;
  } finally {
    sink = undefined;
    deferred.length = 0;
  }
}

/**
 * The turns of `machine`. `scopeInput` is an input the machine accepts, used once to build the scope's
 * never-started actor.
 */
export function machineTurns<M extends AnyStateMachine, Input, Event, Output>(
  machine: M,
  scopeInput: Input,
): MachineTurns<SnapshotFrom<M>, Input, Event, Output> {
  let scope: Scope | undefined;
  const theScope = () => (scope ??= scopeOf(machine, scopeInput));
  return {
    start: (input, outputs) => step(theScope(), outputs, (s) => machine.getInitialSnapshot(s, input)) as SnapshotFrom<M>,
    send: (snapshot, event, outputs) => step(theScope(), outputs, (s) => machine.transition(snapshot, event as never, s)) as SnapshotFrom<M>,
    persist: (snapshot) => persistSnapshot(machine, snapshot),
    restore: (value) => restoreSnapshot(machine, value),
  };
}

/**
 * The snapshot as stored (JSON-serialisable): exactly what an actor's `getPersistedSnapshot()` gives.
 * xstate's version copies the snapshot's fields and walks the whole context for actor references to
 * replace (about a tenth of a turn, measured); these machines have no child actors, no history states
 * and a context of plain data, so for an active snapshot it comes down to these five fields, in
 * xstate's order (the stored JSON is the same to the byte: test/core/turn.test.ts). Anything else
 * goes the long way.
 */
function persistSnapshot(machine: AnyStateMachine, snapshot: SnapshotFrom<AnyStateMachine>): unknown {
  if (snapshot.status !== "active" || !isEmpty(snapshot.children) || !isEmpty(snapshot.historyValue)) {
    return machine.getPersistedSnapshot(snapshot);
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
function restoreSnapshot<M extends AnyStateMachine>(machine: M, value: unknown): SnapshotFrom<M> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as { status?: unknown; value?: unknown; context?: unknown };
  if (v.status !== "active" || typeof v.context !== "object" || v.context === null) return undefined;
  try {
    const snapshot = machine.resolveState({ value: v.value as never, context: v.context as never, historyValue: {} });
    return snapshot.status === "active" ? (snapshot as SnapshotFrom<M>) : undefined;
  } catch {
    return undefined;
  }
}
