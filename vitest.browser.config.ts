import { defineConfig } from "vitest/config";

/** `npm run test:browser`: the chat page in a real Chromium (test/browser/). Not part of `npm test`. */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
