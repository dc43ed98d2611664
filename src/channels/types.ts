/** A channel (LINE, Slack, web): transport only. It verifies, parses, renders and sends. */
import type { Express } from "express";

export interface Channel {
  readonly name: string;
  /** Add the channel's routes to the app. Webhook routes must not sit behind a JSON parser. */
  mount(app: Express): void;
  /** Start background connections (Slack Socket Mode). */
  start?(): Promise<void>;
  /** Stop them, for a graceful shutdown. */
  stop?(): Promise<void>;
}
