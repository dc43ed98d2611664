/**
 * The web chat's calendar entry (issue 17): after `certificate-renewal-not-yet` the route links to
 * 「カレンダーに追加」, a `.ics` the API makes from the query alone. Parsed with node-ical: one all-day
 * event on the window's opening day, at the counter's address, with a display alarm.
 */
import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/main.ts";
import { postJson, startTestServer } from "../helpers/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_NOW: "2026-11-21T10:00:00+09:00" });
});
afterAll(async () => {
  await server?.close();
});

/** A web conversation to `certificate-renewal-not-yet` for a certificate expiring on `expiry`; its route reply. */
async function renewalNotYet(text: string): Promise<any> {
  const { json: session } = await postJson(`${server.url}/api/chat/sessions`, {});
  const url = `${server.url}/api/chat/sessions/${session.sessionId}/messages`;
  let { json } = await postJson(url, { text });
  if (json.replies.some((r: any) => r.type === "question" && r.slot === "cardExpiry")) ({ json } = await postJson(url, { choice: "unknown" }));
  const route = json.replies.find((r: any) => r.type === "route");
  expect(route.routeId).toBe("certificate-renewal-not-yet");
  // The web chat ends with the usual follow-up: the reminder question is LINE's.
  expect(json.replies.at(-1).slot).toBe("followUp");
  return route;
}

function localDate(d: Date): string {
  // node-ical reads a DATE value as local midnight of that calendar day.
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

describe("calendar entry for web users", () => {
  it("a route with a date ahead links 「カレンダーに追加」 to an .ics holding an all-day event on the opening day", async () => {
    const route = await renewalNotYet("電子証明書を更新したいです。有効期限は2027年5月27日です");
    const link = route.links.find((l: any) => l.label === "カレンダーに追加");
    expect(link.url).toBe("/api/chat/calendar.ics?kind=certificate-renewal-opens&date=2027-02-28&locale=ja");

    const res = await fetch(`${server.url}${link.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const text = await res.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("DTSTART;VALUE=DATE:20270228");
    expect(text).toContain("X-WR-TIMEZONE:Asia/Tokyo");

    const events = Object.values(ical.sync.parseICS(text)).filter((c: any) => c.type === "VEVENT") as any[];
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.datetype).toBe("date");
    expect(localDate(event.start)).toBe("2027-02-28");
    expect(localDate(event.end)).toBe("2027-03-01");
    expect(event.summary).toBe("電子証明書の更新受付開始（見本市）");
    expect(event.location).toContain("〒100-0001 見本県見本市中央1-1-1");
    expect(event.alarms).toHaveLength(1);
    expect(event.alarms[0].action).toBe("DISPLAY");
    // 9:00 on the day (the all-day event starts at 0:00).
    expect(event.alarms[0].trigger.val ?? event.alarms[0].trigger).toBe("PT9H");
  });

  it("an expiry reminder's alarm is two weeks before, at 9:00", async () => {
    const res = await fetch(`${server.url}/api/chat/calendar.ics?kind=certificate-expiry-soon&date=2027-06-15&locale=en`);
    const text = await res.text();
    const [event] = Object.values(ical.sync.parseICS(text)).filter((c: any) => c.type === "VEVENT") as any[];
    expect(localDate(event.start)).toBe("2027-06-15");
    expect(event.summary).toBe("Your certificate expires soon (見本市)");
    expect(event.alarms[0].trigger.val ?? event.alarms[0].trigger).toBe("-P13DT15H");
  });

  it("a malformed query is a 400 with a JSON error, and nothing is stored", async () => {
    for (const q of ["", "kind=nope&date=2027-02-28", "kind=card-renewal-opens&date=2027-02-30", "kind=card-renewal-opens&date=2027-02-28&locale=fr"]) {
      const res = await fetch(`${server.url}/api/chat/calendar.ics?${q}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("BAD_REQUEST");
    }
  });
});
