/** The core never imports a platform: src/core, src/nlu, src/calendar and flows/ stay transport-free. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
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
