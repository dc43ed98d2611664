/**
 * The oldest Node.js the server runs on: 22.19 (`node:sqlite` unflagged, and what Slack Socket Mode's
 * `undici` needs). src/main.ts imports this module first, so that an older Node stops with one line
 * naming the version needed, before any other module trips over what it lacks.
 */
export const MIN_NODE = [22, 19] as const;

/** Whether `version` (`22.19.0`, `v20.11.1`) is older than {@link MIN_NODE}. */
export function nodeTooOld(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1]);
}

if (nodeTooOld(process.versions.node)) {
  process.stderr.write(`start-up failed: Node.js ${MIN_NODE.join(".")} or newer is needed (this is Node.js ${process.versions.node}); Node 24 LTS is recommended\n`);
  process.exit(1);
}
