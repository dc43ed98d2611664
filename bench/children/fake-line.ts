/**
 * The fake Messaging API of the LINE tests (test/channels/line/fake-line-api.ts) in its own process,
 * so that neither the server under test nor autocannon pays for it. It forgets the requests it
 * records every 25 ms after counting them; `stats` answers the counts since the last `reset`.
 */
import { startFakeLineApi } from "../../test/channels/line/fake-line-api.ts";
import { TEST_ACCESS_TOKEN } from "../../test/channels/line/sign.ts";
import { sendReady, serveParent } from "../lib/child.ts";

const fake = await startFakeLineApi({ accessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN ?? TEST_ACCESS_TOKEN });
let replies = 0;
let rejected = 0;
let lastReplyAt = 0;

function tally(): void {
  for (const r of fake.requests) {
    if (r.path === "/v2/bot/message/reply" && r.status === 200) {
      replies++;
      lastReplyAt = Date.now();
    } else if (!(r.method === "GET" && r.path.startsWith("/v2/bot/profile/"))) rejected++; // a profile lookup is no reply
  }
  fake.reset();
}
// Replies are timed to within this tick: fine against runs of seconds.
setInterval(tally, 25).unref();

serveParent(
  {
    stats: () => {
      tally();
      return { replies, rejected, lastReplyAt };
    },
    reset: () => {
      tally();
      replies = 0;
      rejected = 0;
      lastReplyAt = 0;
      return {};
    },
  },
  () => fake.close(),
);
sendReady({ url: fake.url });
