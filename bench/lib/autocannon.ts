/**
 * autocannon's programmatic API, reduced to the figures the bench reports. Latencies are taken from
 * every response (the clients' `response` events), so that the runs of several rounds can be merged
 * into exact percentiles.
 */
import autocannon from "autocannon";
import { percentile } from "./stats.ts";

export interface HttpFigures {
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface HttpRun extends HttpFigures {
  /** Every response's time, ms. */
  latencies: number[];
}

export interface Load {
  url: string;
  connections: number;
  seconds: number;
  method: "POST" | "GET";
  path: string;
  /** A fresh body and its extra headers (and path), for every request. */
  next: () => { path?: string; body: string; headers: Record<string, string> };
}

export async function fire(load: Load): Promise<HttpRun> {
  const latencies: number[] = [];
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    timeout: 10,
    setupClient: (client) => {
      client.on("response", (_status, _bytes, responseTime) => void latencies.push(responseTime));
    },
    requests: [
      {
        method: load.method,
        path: load.path,
        setupRequest: (req) => {
          const n = load.next();
          return { ...req, path: n.path ?? load.path, body: n.body, headers: { ...req.headers, ...n.headers } };
        },
      },
    ],
  });
  return {
    ...figures([{ seconds: result.duration, requests: result.requests.total, ok: result["2xx"], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }], latencies),
    latencies,
  };
}

type Counts = Pick<HttpFigures, "seconds" | "requests" | "ok" | "non2xx" | "errors" | "timeouts">;

/** Totals of several runs, with percentiles over all their responses. */
export function figures(runs: Counts[], latencies: number[]): HttpFigures {
  const sum = (k: keyof Counts) => runs.reduce((s, r) => s + r[k], 0);
  const sorted = Float64Array.from(latencies).sort();
  const seconds = sum("seconds");
  return {
    seconds,
    requests: sum("requests"),
    ok: sum("ok"),
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    requestsPerSecond: sum("ok") / seconds,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}
