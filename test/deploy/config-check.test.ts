/**
 * `npm run config:check -- <file>` (scripts/config-check.ts), run as a process the way city IT staff run
 * it: exit codes and the one line it prints.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { checkCityFile } from "../../scripts/config-check.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "config-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configCheck(...paths: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/config-check.ts", ...paths], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A copy of the sample city with one change, written to the temp dir. */
function sampleWith(name: string, change: (city: Record<string, any>) => void): string {
  const city = JSON.parse(readFileSync(SAMPLE_CITY_PATH, "utf8")) as Record<string, any>;
  change(city);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(city, null, 2));
  return path;
}

describe("npm run config:check", () => {
  it("accepts the sample city: exit 0 and OK with its name and id", () => {
    const run = configCheck(SAMPLE_CITY_PATH);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("OK: 見本市 (sample-city)\n");
  });

  it("refuses a bad phone number: exit 1, one line naming the file and the field", () => {
    const path = sampleWith("bad-phone.json", (city) => {
      city.cityHelpDesk.phone = "call us";
    });
    const run = configCheck(path);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n").filter((l) => !l.startsWith("npm warn"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toContain("cityHelpDesk.phone");
  });

  it("fails when any of several files is invalid, and without a file", () => {
    const bad = sampleWith("bad-id.json", (city) => {
      city.id = "Sample City";
    });
    const run = configCheck(SAMPLE_CITY_PATH, bad);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("OK: 見本市 (sample-city)");
    expect(run.stderr).toContain("id:");
    expect(configCheck().code).toBe(2);
  });
});

describe("checkCityFile", () => {
  it("names the problem for a missing file, bad JSON and a missing reservation url", () => {
    expect(checkCityFile(join(dir, "nope.json"))).toEqual({ ok: false, line: expect.stringContaining("cannot read the file") });
    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{ id: sample }");
    expect(checkCityFile(notJson).line).toContain("not valid JSON");
    const noUrl = sampleWith("no-url.json", (city) => {
      city.reservations = { renewal: "required" };
    });
    expect(checkCityFile(noUrl)).toEqual({ ok: false, line: expect.stringContaining("reservations.url") });
  });
});
