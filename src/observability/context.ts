/**
 * The request a piece of work belongs to, carried through async calls (AsyncLocalStorage), so that
 * every log line written while handling a request (a conversation turn, a LINE event handled after the
 * 200, a Slack event after the ack) carries the request id without passing it around by hand.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What is known about the request being handled. */
export interface RequestContext {
  requestId: string;
  /** The platform event being handled, when a request carries several (a LINE `webhookEventId`). */
  eventId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Run `fn` (and everything it starts) inside `ctx`. */
export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The request id of the work in progress, if it belongs to a request. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The context of the work in progress, if it belongs to a request. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Run `fn` (and everything it starts) as the handling of one event of the current request: every log
 * line it writes carries the event's id beside the request's. Outside a request, just `fn()`.
 */
export function runForEvent<T>(eventId: string, fn: () => T): T {
  const ctx = storage.getStore();
  return ctx ? storage.run({ requestId: ctx.requestId, eventId }, fn) : fn();
}

/** A client's `X-Request-Id` is kept when it is this tame (no spaces, quotes or control characters). */
export const SANE_REQUEST_ID = /^[A-Za-z0-9._:@\/+=-]{1,128}$/;

/** The request id to use: the caller's when sane (a proxy's trace id), otherwise a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
