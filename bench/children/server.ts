/**
 * Our server, as `npm start` builds it (src/main.ts startServer with the environment's config), in a
 * child process of the bench. Reports its URL, stops on the parent's `stop` after finishing the events
 * in flight.
 */
import { loadConfig } from "../../src/config.ts";
import { startServer } from "../../src/main.ts";
import { sendReady, serveParent } from "../lib/child.ts";

const running = await startServer(loadConfig(process.env));
serveParent({}, () => running.close());
sendReady({ url: running.url });
