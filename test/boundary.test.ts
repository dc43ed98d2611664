/**
 * The core never imports a platform: src/core, src/nlu, src/calendar and flows/ stay transport-free.
 * Channels reach the flow only through a short explicit list, and the core imports no flow at all: the
 * runtime is given its flow as a port (src/core/flow.ts, issue 13).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;
const FORBIDDEN = /from\s+["'](@line\/[^"']*|@slack\/[^"']*|express|ioredis|pino|prom-client|helmet)["']|import\(\s*["'](@line|@slack|express)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("core/platform boundary", () => {
  for (const dir of ["src/core", "src/nlu", "src/calendar", "flows"]) {
    it(`${dir} imports no platform SDK, express or I/O library`, () => {
      const found = files(join(ROOT, dir)).filter((f) => FORBIDDEN.test(readFileSync(f, "utf8")));
      expect(found.map((f) => f.slice(ROOT.length))).toEqual([]);
      expect(files(join(ROOT, dir)).length).toBeGreaterThan(0);
    });
  }
});

/** The repository paths under flows/ that `file` imports (static, re-export and dynamic imports). */
function flowImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? "",
  );
  const out = specs
    .filter((s) => s.startsWith("."))
    .map((s) => resolve(dirname(file), s).slice(ROOT.length))
    .filter((p) => p.startsWith("flows/"));
  return [...new Set(out)].sort();
}

/**
 * What channels may use of the flow, and why. Nothing else: not decide(), the machine, the route
 * content or the blocks (the core renders those into Reply; channels render Reply).
 */
const CHANNEL_FLOW_MODULES: Record<string, string> = {
  "flows/cities/schema.ts": "the city's configuration type (web: the calendar feed)",
  "flows/certificate-recovery/messages.ts": "the apology sent when a turn fails (LINE, Slack)",
  "flows/certificate-recovery/questions.ts": "the questions' choices for the Slack staff form and its parsing",
  "flows/certificate-recovery/explain.ts": "staff words: slot labels, facts in words, decide()'s reasons worded (Slack)",
  "flows/certificate-recovery/reminder-messages.ts": "the reminder's text pushed on LINE",
  "flows/certificate-recovery/ui-text.ts": "the channels' own words per locale: the web page and widget, LINE's labels, alt texts and rich menu",
};

describe("core/flow/channel boundary", () => {
  it("finds imports the way the code writes them (multi-line, type-only, re-exports)", () => {
    expect(flowImports(join(ROOT, "flows/certificate-recovery/index.ts"))).toContain("flows/certificate-recovery/machine.ts");
    expect(flowImports(join(ROOT, "src/main.ts"))).toContain("flows/certificate-recovery/index.ts");
    expect(flowImports(join(ROOT, "src/channels/slack/render.ts"))).toEqual(["flows/certificate-recovery/explain.ts"]);
  });

  it("channels import only the listed flow modules, and every listed one is used", () => {
    const used = new Map<string, string[]>();
    for (const file of files(join(ROOT, "src/channels"))) {
      for (const mod of flowImports(file)) used.set(mod, [...(used.get(mod) ?? []), file.slice(ROOT.length)]);
    }
    const outside = [...used].filter(([mod]) => !(mod in CHANNEL_FLOW_MODULES)).map(([mod, by]) => `${mod} ← ${by.join(", ")}`);
    expect(outside, "a channel reaches into the flow: go through the core's Reply or a listed module").toEqual([]);
    expect([...used.keys()].sort()).toEqual(Object.keys(CHANNEL_FLOW_MODULES).sort());
  });

  it("core imports no flow module at all (it is given its flow: src/core/flow.ts)", () => {
    const actual: Record<string, string[]> = {};
    for (const file of files(join(ROOT, "src/core"))) {
      const mods = flowImports(file);
      if (mods.length) actual[file.slice(ROOT.length)] = mods;
    }
    expect(actual).toEqual({});
  });

  it("core imports no channel", () => {
    const found = files(join(ROOT, "src/core")).filter((f) => /from\s+["'][./]*\/channels\//.test(readFileSync(f, "utf8")));
    expect(found.map((f) => f.slice(ROOT.length))).toEqual([]);
  });
});
