/**
 * Check city configuration files before deploying them (docs/city-config.md):
 *
 *   npm run config:check -- path/to/city.json [more.json …]
 *
 * Paths are relative to the folder the command is typed in. Each file is read and validated exactly as
 * the server does at start-up (`loadCityConfig`). Prints `OK: <name> (<id>)` for a valid file, or the
 * one-line error naming the file and the field for an invalid one. Exits 0 when every file is valid,
 * 1 when one is not, 2 without a file to check.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCityConfig } from "../flows/cities/schema.ts";

/** The outcome of checking one file: the line to print, and whether the file is valid. */
export interface CityFileCheck {
  ok: boolean;
  line: string;
}

/** Validate one city file as the server would; never throws. */
export function checkCityFile(path: string): CityFileCheck {
  try {
    const city = loadCityConfig(path);
    return { ok: true, line: `OK: ${city.name} (${city.id})` };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, line: message.replace(/\s*\n\s*/g, " ") };
  }
}

/** Check every path; returns the process exit code. */
export function runConfigCheck(paths: readonly string[], out = process.stdout, err = process.stderr): number {
  if (paths.length === 0) {
    err.write("usage: npm run config:check -- path/to/city.json [more.json …]\n");
    return 2;
  }
  let failed = false;
  for (const path of paths) {
    const result = checkCityFile(path);
    (result.ok ? out : err).write(`${result.line}\n`);
    failed ||= !result.ok;
  }
  return failed ? 1 : 0;
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  // `npm run` starts scripts in the package's folder; INIT_CWD is where the command was typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  process.exitCode = runConfigCheck(process.argv.slice(2).map((path) => resolve(base, path)));
}
