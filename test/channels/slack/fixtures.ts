/** Real-shaped Slack payloads kept under test/fixtures/slack/, read fresh for each use (tests edit them). */
import { readFileSync } from "node:fs";

export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../../fixtures/slack/${name}`, import.meta.url), "utf8"));
}
