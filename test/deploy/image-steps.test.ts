/**
 * There is no Docker engine here or in CI, so this test replays the image's steps on the host: it reads
 * the Dockerfile, copies what its COPY lines copy into a clean folder standing in for /app, runs its
 * `npm ci`, starts its CMD with its ENV, and talks to the server. A file the image forgets to copy, a
 * dev-only dependency the server needs, or a CMD that no longer starts fails here.
 *
 * Needs the npm registry (or a warm npm cache) for `npm ci`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnvSchema } from "../../src/config.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NPM_CI_TIMEOUT_MS = 240_000;
const READY_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------------------------------
// Reading the Dockerfile

interface Instruction {
  /** 0 for the first FROM's stage, 1 for the next, … */
  stage: number;
  keyword: string;
  args: string;
}

/** Instructions in order: comments dropped, `\` continuations joined. */
function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let stage = -1;
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && pending === "")) continue;
    pending += (pending ? " " : "") + line.replace(/\\$/, "").trim();
    if (line.endsWith("\\")) continue;
    const match = /^(\S+)\s*(.*)$/.exec(pending);
    pending = "";
    if (!match) continue;
    const keyword = (match[1] ?? "").toUpperCase();
    if (keyword === "FROM") stage += 1;
    out.push({ stage, keyword, args: match[2] ?? "" });
  }
  return out;
}

/** `KEY=value KEY2="value 2"` → entries. */
function parseEnv(args: string): [string, string][] {
  const pairs: [string, string][] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)=("((?:[^"\\]|\\.)*)"|(\S*))/g;
  for (const m of args.matchAll(re)) pairs.push([m[1] ?? "", m[3] !== undefined ? m[3].replace(/\\(.)/g, "$1") : (m[4] ?? "")]);
  return pairs;
}

/** An exec-form argument list: `["node", "--import", "tsx", "src/main.ts"]`. */
function execForm(args: string, what: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === "string") || parsed.length === 0) {
    throw new Error(`${what} must be in exec form (a JSON array of strings): ${args}`);
  }
  return parsed;
}

/** `COPY [--flags] src… dest` → flags, sources, destination. */
function parseCopy(args: string): { from?: string; sources: string[]; dest: string } {
  const words = args.split(/\s+/).filter(Boolean);
  const flags = words.filter((w) => w.startsWith("--"));
  const paths = words.filter((w) => !w.startsWith("--"));
  const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
  const dest = paths.pop() ?? "";
  return { ...(from ? { from } : {}), sources: paths, dest };
}

const dockerfile = parseDockerfile(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
const finalStage = Math.max(...dockerfile.map((i) => i.stage));
const inFinal = (keyword: string) => dockerfile.filter((i) => i.stage === finalStage && i.keyword === keyword);

// ---------------------------------------------------------------------------------------------------
// Replaying it

/** Map an image path (absolute, or relative to the stage's WORKDIR) to the stand-in folder. */
function hostPath(imagePath: string, workdir: string, appDir: string): string {
  const absolute = posix.resolve(workdir, imagePath);
  const relative = posix.relative(workdir, absolute);
  if (relative.startsWith("..")) throw new Error(`${imagePath} is outside WORKDIR ${workdir}: teach image-steps.test.ts about it`);
  return join(appDir, relative);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function runToEnd(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

/**
 * The host's environment for `npm ci` (registry, proxy and cache settings stay), without what an outer
 * `npm test` / `npx` exported about this checkout, so the install happens in the stand-in folder.
 */
function npmEnv(stageEnv: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|command$|config_local_prefix$)/i.test(key) || key === "INIT_CWD") continue;
    env[key] = value;
  }
  return { ...env, ...stageEnv };
}

/** What a container would have: the image's ENV over a bare PATH/HOME, nothing of the host's. */
function containerEnv(imageEnv: Record<string, string>, overrides: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? tmpdir(),
    TMPDIR: tmpdir(),
    ...imageEnv,
    ...overrides,
  };
}

describe("Dockerfile", () => {
  it("builds on node:24-slim and runs unprivileged, with /app/data as a volume and a health check", () => {
    const froms = dockerfile.filter((i) => i.keyword === "FROM").map((i) => i.args.split(/\s+/)[0]);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) expect(image).toBe("node:24-slim");
    expect(inFinal("USER").map((i) => i.args)).toEqual(["node"]);
    const volumes = inFinal("VOLUME").flatMap((i) => (i.args.startsWith("[") ? execForm(i.args, "VOLUME") : i.args.split(/\s+/)));
    expect(volumes).toContain("/app/data");
    const env = Object.fromEntries(inFinal("ENV").flatMap((i) => parseEnv(i.args)));
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.SESSION_STORE).toMatch(/^sqlite:\/app\/data\//);
    const health = inFinal("HEALTHCHECK");
    expect(health).toHaveLength(1);
    expect(health[0]?.args).toContain("/healthz");
    const npmRuns = dockerfile.filter((i) => i.keyword === "RUN" && /\bnpm\b/.test(i.args));
    expect(npmRuns.map((i) => i.args)).toEqual([expect.stringMatching(/^npm ci --omit=dev\b/)]);
    const cmd = inFinal("CMD");
    expect(cmd).toHaveLength(1);
    expect(execForm(cmd[0]?.args ?? "", "CMD")[0]).toBe("node");
    // `npm start` and the image start the server the same way: node itself, one process.
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(execForm(cmd[0]?.args ?? "", "CMD").join(" "));
  });

  it("keeps every COPY source in the build context (.dockerignore)", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#") && !l.startsWith("!"));
    const sources = dockerfile.filter((i) => i.keyword === "COPY").map((i) => parseCopy(i.args)).filter((c) => !c.from).flatMap((c) => c.sources);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const top = source.replace(/^\.\//, "").split("/")[0] ?? "";
      expect(ignored, `${source} is excluded by .dockerignore`).not.toContain(top);
      expect(existsSync(join(ROOT, source)), `${source} does not exist`).toBe(true);
    }
  });
});

describe("the image's steps, replayed on the host", () => {
  let appDir = "";
  let imageEnv: Record<string, string> = {};
  let server: ChildProcess | undefined;
  let serverOutput = "";
  let baseUrl = "";
  let port = 0;

  beforeAll(async () => {
    appDir = mkdtempSync(join(tmpdir(), "image-steps-"));
    const workdirs = new Map<number, string>();
    for (const step of dockerfile) {
      const workdir = workdirs.get(step.stage) ?? "/";
      switch (step.keyword) {
        case "FROM":
        case "EXPOSE":
        case "VOLUME":
        case "USER":
        case "HEALTHCHECK":
        case "CMD":
          break;
        case "WORKDIR":
          if (posix.resolve(workdir, step.args) !== "/app") throw new Error(`WORKDIR ${step.args}: image-steps.test.ts maps /app only`);
          workdirs.set(step.stage, "/app");
          break;
        case "ENV":
          // Every stage's ENV applies to its own RUN steps; the last stage's is the container's.
          if (step.stage === finalStage) for (const [k, v] of parseEnv(step.args)) imageEnv[k] = v;
          break;
        case "COPY": {
          const copy = parseCopy(step.args);
          if (copy.from) {
            // Another stage's files: the same folder stands in for every stage's /app.
            for (const source of copy.sources) {
              expect(hostPath(source, "/app", appDir), `COPY --from=${copy.from} ${source}`).toBe(hostPath(copy.dest, workdir, appDir));
            }
            break;
          }
          const dest = hostPath(copy.dest, workdir, appDir);
          const intoDir = copy.dest.endsWith("/") || copy.sources.length > 1;
          for (const source of copy.sources) {
            if (/[*?[]/.test(source)) throw new Error(`COPY ${source}: wildcards are not replayed; teach image-steps.test.ts`);
            const from = join(ROOT, source);
            if (statSync(from).isDirectory()) {
              cpSync(from, dest, { recursive: true });
            } else {
              const to = intoDir ? join(dest, basename(source)) : dest;
              mkdirSync(dirname(to), { recursive: true });
              copyFileSync(from, to);
            }
          }
          break;
        }
        case "RUN": {
          const stageEnv = Object.fromEntries(
            dockerfile.filter((i) => i.stage === step.stage && i.keyword === "ENV").flatMap((i) => parseEnv(i.args)),
          );
          if (/^npm ci\b/.test(step.args)) {
            const run = await runToEnd("sh", ["-c", step.args], {
              cwd: hostPath(".", workdir, appDir),
              env: npmEnv(stageEnv),
              timeoutMs: NPM_CI_TIMEOUT_MS,
            });
            if (run.code !== 0) throw new Error(`RUN ${step.args} failed (${run.code ?? run.signal}):\n${run.output}`);
            break;
          }
          const mkdir = /^mkdir -p (\S+)(?: && chown \S+ \S+)?$/.exec(step.args);
          if (mkdir?.[1]) {
            mkdirSync(hostPath(mkdir[1], workdir, appDir), { recursive: true });
            break;
          }
          throw new Error(`RUN ${step.args}: image-steps.test.ts does not know how to replay this step`);
        }
        default:
          throw new Error(`${step.keyword}: image-steps.test.ts does not know this instruction`);
      }
    }

    const cmd = execForm(inFinal("CMD")[0]?.args ?? "", "CMD");
    port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const sessionStore = imageEnv.SESSION_STORE ?? "sqlite:/app/data/sessions.db";
    const env = containerEnv(imageEnv, {
      PORT: String(port),
      HOST: "127.0.0.1",
      SESSION_STORE: `sqlite:${hostPath(sessionStore.slice("sqlite:".length), "/app", appDir)}`,
    });
    const [program, ...args] = cmd;
    server = spawn(program === "node" ? process.execPath : (program ?? ""), args, { cwd: appDir, env, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout?.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));

    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${serverOutput}`);
      try {
        const res = await fetch(`${baseUrl}/healthz`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`no answer on /healthz after ${READY_TIMEOUT_MS} ms:\n${serverOutput}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, NPM_CI_TIMEOUT_MS + READY_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server?.once("exit", r));
      server.kill("SIGKILL");
      await exited;
    }
    if (appDir) rmSync(appDir, { recursive: true, force: true });
  });

  it("installed production dependencies only, tsx among them", () => {
    expect(existsSync(join(appDir, "node_modules/tsx/package.json"))).toBe(true);
    expect(existsSync(join(appDir, "node_modules/vitest"))).toBe(false);
    expect(existsSync(join(appDir, "node_modules/typescript"))).toBe(false);
    expect(existsSync(join(appDir, "test"))).toBe(false);
  });

  it("answers /healthz and /readyz", async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
  });

  it("holds a conversation over the web chat API, kept in SQLite under the data volume", async () => {
    const started = await fetch(`${baseUrl}/api/chat/sessions`, { method: "POST" });
    expect(started.status).toBe(201);
    const session = (await started.json()) as { sessionId: string; replies: { type: string; slot?: string }[] };
    expect(session.sessionId).toMatch(/\S/);
    expect(session.replies.some((r) => r.type === "question")).toBe(true);

    const answered = await fetch(`${baseUrl}/api/chat/sessions/${session.sessionId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "4桁の暗証番号を2回間違えてしまいました" }),
    });
    expect(answered.status).toBe(200);
    const turn = (await answered.json()) as { replies: { type: string; routeId?: string }[] };
    expect(turn.replies.some((r) => r.type === "route" || r.type === "question")).toBe(true);
    expect(existsSync(join(appDir, "data/sessions.db"))).toBe(true);
  });

  it("passes the image's HEALTHCHECK command, which fails when nothing answers", async () => {
    const health = inFinal("HEALTHCHECK")[0]?.args ?? "";
    const cmd = execForm(health.slice(health.indexOf("CMD") + "CMD".length).trim(), "HEALTHCHECK CMD");
    const [program, ...args] = cmd;
    const bin = program === "node" ? process.execPath : (program ?? "");
    const ok = await runToEnd(bin, args, { cwd: appDir, env: containerEnv(imageEnv, { PORT: String(port) }), timeoutMs: 10_000 });
    expect(ok.code, ok.output).toBe(0);
    const closed = await runToEnd(bin, args, { cwd: appDir, env: containerEnv(imageEnv, { PORT: String(await freePort()) }), timeoutMs: 10_000 });
    expect(closed.code).toBe(1);
  });

  it("stops cleanly on SIGTERM", async () => {
    const running = server;
    if (!running) throw new Error("no server");
    const exited = new Promise<number | null>((resolve) => running.once("exit", (code) => resolve(code)));
    running.kill("SIGTERM");
    expect(await exited, serverOutput).toBe(0);
  }, 15_000);
});

describe("docs/deploy.md", () => {
  const rows = (markdown: string) =>
    markdown
      .slice(markdown.indexOf("| variable | meaning | default |"))
      .split("\n")
      .filter((l, i, all) => l.startsWith("|") && all.slice(0, i).every((p) => p.startsWith("|")));

  it("carries the README's table of environment variables, which names every variable the server reads", () => {
    const readme = rows(readFileSync(join(ROOT, "README.md"), "utf8"));
    const deploy = rows(readFileSync(join(ROOT, "docs/deploy.md"), "utf8"));
    expect(readme.length).toBeGreaterThan(2);
    expect(deploy, "docs/deploy.md: copy the README's environment table").toEqual(readme);
    const documented = deploy.join("\n");
    for (const name of Object.keys(EnvSchema.shape)) expect(documented, `${name} is not in the table`).toContain(`\`${name}\``);
  });
});
