/**
 * A bad configuration stops start-up with one clear line (issue 6): the real entry point is spawned as
 * `npm start` runs it (`node --import tsx src/main.ts`) with a clean environment; it must exit with code
 * 1 and write exactly one line to stderr, naming the variable (and the field of a bad city file).
 * A good configuration starts, and stops cleanly on SIGTERM.
 */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "mcr-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = JSON.parse(readFileSync(join(ROOT, "flows/cities/sample-city.json"), "utf8"));
const cityWithout = (field: string) => {
  const city = structuredClone(sample);
  delete city[field];
  const path = join(dir, `city-without-${field}.json`);
  writeFileSync(path, JSON.stringify(city));
  return path;
};
const notJson = join(dir, "not-json.json");
writeFileSync(notJson, "{ this is not json,\n  at all ");

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawn the server with only PATH/HOME and `env`; optionally act on its stdout. */
function runMain(
  env: Record<string, string>,
  onStdout?: (text: string, kill: () => void) => void,
  timeoutMs = 25_000,
  nodeArgs: string[] = [],
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...nodeArgs, "src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, HOST: "127.0.0.1", PORT: "0", SESSION_STORE: "memory", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      onStdout?.(stdout, () => child.kill("SIGTERM"));
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`main did not exit within ${timeoutMs} ms; stdout: ${stdout.slice(0, 500)} stderr: ${stderr.slice(0, 500)}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** [case, environment, what the one line must name] */
const BAD: [string, Record<string, string>, RegExp[]][] = [
  ["LINE enabled without its access token", { LINE_CHANNEL_SECRET: "s3cret" }, [/LINE_CHANNEL_ACCESS_TOKEN/]],
  ["LINE enabled without its channel secret", { LINE_CHANNEL_ACCESS_TOKEN: "t0ken" }, [/LINE_CHANNEL_SECRET/]],
  ["Slack enabled without its bot token", { SLACK_SIGNING_SECRET: "s3cret" }, [/SLACK_BOT_TOKEN/]],
  ["Slack enabled without its signing secret", { SLACK_BOT_TOKEN: "xoxb-1" }, [/SLACK_SIGNING_SECRET/]],
  ["a city file missing a field", { MUNICIPALITY_CONFIG: cityWithout("counter") }, [/MUNICIPALITY_CONFIG/, /counter/]],
  ["a city file that is not JSON", { MUNICIPALITY_CONFIG: notJson }, [/MUNICIPALITY_CONFIG/, /not valid JSON/]],
  ["a city file that does not exist", { MUNICIPALITY_CONFIG: join(dir, "nowhere.json") }, [/MUNICIPALITY_CONFIG/, /nowhere\.json/, /ENOENT/]],
  ["a port that is not a number", { PORT: "eighty" }, [/PORT/]],
  ["an unknown session store", { SESSION_STORE: "postgres://db/sessions" }, [/SESSION_STORE/]],
  ["a log level pino does not know", { LOG_LEVEL: "loud" }, [/LOG_LEVEL/]],
  ["a CORS origin with a path", { CORS_ORIGINS: "https://www.city.example.lg.jp/chat" }, [/CORS_ORIGINS/]],
  ["a negative rate limit", { WEB_RATE_LIMIT_PER_MINUTE: "-5" }, [/WEB_RATE_LIMIT_PER_MINUTE/]],
  ["a session rate limit that is not a number", { WEB_SESSION_RATE_LIMIT_PER_MINUTE: "lots" }, [/WEB_SESSION_RATE_LIMIT_PER_MINUTE/]],
];

describe("start-up with a bad configuration", () => {
  it.concurrent.each(BAD)("%s → exit 1, one stderr line naming it", async (_name, env, names) => {
    const run = await runMain(env);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
    expect(lines, run.stderr).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatch(/^configuration error: /);
    for (const name of names) expect(line).toMatch(name);
    expect(line).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    expect(run.stdout).not.toMatch(/"msg":"listening"/);
  });
});

describe("start-up with a good configuration", () => {
  it("listens, then stops cleanly on SIGTERM (exit 0, nothing on stderr)", async () => {
    let url = "";
    let sent = false;
    const run = await runMain({ LOG_LEVEL: "info" }, (text, kill) => {
      const m = /"url":"(http:[^"]+)".*"msg":"listening"/.exec(text);
      if (!m || sent) return;
      sent = true;
      url = m[1] ?? "";
      void fetch(`${url}/healthz`).then((r) => {
        expect(r.status).toBe(200);
        kill();
      }, kill);
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"msg":"stopped"/);
  });
});

/** Exactly one line on stderr, no stack trace, exit 1, and never "listening". */
function expectOneLineExit(run: Run, line: RegExp) {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(lines[0]).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(run.stdout).not.toMatch(/"msg":"listening"/);
  expect(run.stdout).not.toMatch(/^open /m);
}

describe("start-up where it cannot listen, or on an old Node (issue 15)", () => {
  let taken: Server;
  let takenPort = 0;
  afterAll(() => new Promise<void>((resolve) => (taken ? taken.close(() => resolve()) : resolve())));

  it("a port already taken → exit 1, one line naming PORT", async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    takenPort = (taken.address() as { port: number }).port;
    const run = await runMain({ PORT: String(takenPort) });
    expectOneLineExit(run, new RegExp(`^start-up failed: PORT ${takenPort} is already in use on 127\\.0\\.0\\.1`));
  });

  it("a HOST that is not an address of this machine → exit 1, one line naming HOST", async () => {
    const run = await runMain({ HOST: "192.0.2.1" });
    expectOneLineExit(run, /^configuration error: HOST 192\.0\.2\.1 is not an address of this machine/);
  });

  it("a HOST that is a URL → exit 1, one line naming HOST", async () => {
    const run = await runMain({ HOST: "http://0.0.0.0:3000" });
    expectOneLineExit(run, /^configuration error: HOST: /);
  });

  it.each(["20.11.1", "22.18.0"])("Node %s → exit 1, one line saying 22.19 or newer is needed", async (version) => {
    const fake = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`;
    const run = await runMain({}, undefined, 25_000, ["--import", fake]);
    expectOneLineExit(run, new RegExp(`^start-up failed: Node\\.js 22\\.19 or newer is needed \\(this is Node\\.js ${version.replaceAll(".", "\\.")}\\)`));
  });

  it("after a start, one plain line `open http://HOST:PORT/` besides the JSON log", async () => {
    let sent = false;
    const run = await runMain({ LOG_LEVEL: "info" }, (text, kill) => {
      if (sent || !/^open http:/m.test(text)) return;
      sent = true;
      kill();
    });
    expect(run.code).toBe(0);
    const listening = /"url":"(http:[^"]+)".*"msg":"listening"/.exec(run.stdout);
    expect(run.stdout.split("\n")).toContain(`open ${listening?.[1]}/`);
    expect(run.stdout).toMatch(/^open http:\/\/127\.0\.0\.1:\d+\/$/m);
  });
});
