/**
 * docs/grafana-dashboard.json (issue 18): it parses, is import-ready (a Prometheus data source input that
 * every panel and query uses), and every query names only metrics that the real server's `/metrics`
 * exposes, with labels those metrics carry.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/main.ts";
import { postJson, startTestServer } from "../helpers/server.ts";

const dashboard = JSON.parse(readFileSync(new URL("../../docs/grafana-dashboard.json", import.meta.url), "utf8"));
const panels: any[] = dashboard.panels.flatMap((p: any) => [p, ...(p.panels ?? [])]);
const queries: { panel: string; expr: string }[] = panels.flatMap((p) => (p.targets ?? []).map((t: any) => ({ panel: p.title, expr: t.expr })));

const PROMQL_WORDS = new Set([
  "sum", "avg", "min", "max", "count", "rate", "irate", "increase", "histogram_quantile", "sort_desc", "sort",
  "topk", "bottomk", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
  "offset", "clamp_min", "clamp_max", "abs", "round", "vector", "scalar", "time", "delta", "deriv",
]);

/** The metric names a PromQL expression reads, and the labels it names (in selectors and by-clauses). */
function namesIn(expr: string): { metrics: string[]; labels: string[] } {
  const labels: string[] = [];
  let rest = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\{([^}]*)\}/g, (_, inner: string) => {
      for (const m of inner.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)) labels.push(m[1]!);
      return " ";
    })
    .replace(/\b(?:by|without|on|ignoring)\s*\(([^)]*)\)/g, (_, inner: string) => {
      labels.push(...inner.split(",").map((s) => s.trim()).filter(Boolean));
      return " ";
    })
    .replace(/\$__\w+/g, " ");
  rest = rest.replace(/\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, " ");
  const metrics = [...rest.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)].map((m) => m[0]).filter((w) => !PROMQL_WORDS.has(w));
  return { metrics, labels };
}

let server: RunningServer;
let exposition: string;
beforeAll(async () => {
  server = await startTestServer({ BOT_NOW: "2026-11-21T10:00:00+09:00" });
  // One conversation with feedback, so that the counters have samples (and their labels show).
  const session = (await postJson(`${server.url}/api/chat/sessions`, {})).json.sessionId;
  await postJson(`${server.url}/api/chat/sessions/${session}/messages`, { text: "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました" });
  await postJson(`${server.url}/api/chat/sessions/${session}/messages`, { choice: "resolved" });
  exposition = await (await fetch(`${server.url}/metrics`)).text();
});
afterAll(async () => {
  await server?.close();
});

/** Every sample name /metrics can expose (a histogram's _bucket, _sum and _count too), with its labels. */
function exposed(): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const m of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [name, type] = [m[1]!, m[2]!];
    const suffixes = type === "histogram" ? ["_bucket", "_sum", "_count"] : type === "summary" ? ["", "_sum", "_count"] : [""];
    for (const s of suffixes) names.set(name + s, new Set(type === "histogram" && s === "_bucket" ? ["le"] : []));
  }
  for (const m of exposition.matchAll(/^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}/gm)) {
    for (const l of m[2]!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="/g)) names.get(m[1]!)?.add(l[1]!);
  }
  return names;
}

describe("docs/grafana-dashboard.json", () => {
  it("parses and is import-ready with a Prometheus data source", () => {
    expect(dashboard.title).toBeTruthy();
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(dashboard.id).toBeNull();
    expect(dashboard.__inputs).toEqual([expect.objectContaining({ name: "DS_PROMETHEUS", type: "datasource", pluginId: "prometheus" })]);
    for (const p of panels.filter((p) => p.type !== "row")) {
      expect(p.datasource, p.title).toEqual({ type: "prometheus", uid: "${DS_PROMETHEUS}" });
      expect(p.targets.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets) expect(t.datasource, p.title).toEqual({ type: "prometheus", uid: "${DS_PROMETHEUS}" });
    }
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reads the new feedback metric and every mcr_ metric the server exposes", () => {
    const used = new Set(queries.flatMap((q) => namesIn(q.expr).metrics).map((n) => n.replace(/_(bucket|sum|count)$/, "")));
    const ours = [...exposition.matchAll(/^# TYPE (mcr_\S+) /gm)].map((m) => m[1]!);
    expect(ours).toContain("mcr_feedback_total");
    for (const name of ours) expect(used, name).toContain(name);
  });

  it("names in every expression only metrics /metrics really exposes, with labels they carry", () => {
    const names = exposed();
    expect(queries.length).toBeGreaterThan(10);
    for (const q of queries) {
      const { metrics, labels } = namesIn(q.expr);
      expect(metrics.length, `${q.panel}: ${q.expr}`).toBeGreaterThan(0);
      for (const m of metrics) expect(names.has(m), `${q.panel}: ${m} is not in /metrics`).toBe(true);
      // Labels can be checked where the metric has samples (the conversation above made them).
      const known = new Set(metrics.flatMap((m) => [...(names.get(m) ?? [])]));
      const checkable = metrics.every((m) => (names.get(m)?.size ?? 0) > 0);
      if (checkable) for (const l of labels) expect(known, `${q.panel}: label ${l} of ${metrics.join(", ")}`).toContain(l);
    }
  });

  it("the expression reader finds names and labels (and ignores functions, strings, ranges)", () => {
    expect(namesIn('histogram_quantile(0.95, sum by (le, route) (rate(mcr_http_request_duration_seconds_bucket{route!="x"}[5m])))')).toEqual({
      metrics: ["mcr_http_request_duration_seconds_bucket"],
      labels: ["route", "le", "route"],
    });
    expect(namesIn("sum(increase(nope_total[$__range])) / 2").metrics).toEqual(["nope_total"]);
  });
});
