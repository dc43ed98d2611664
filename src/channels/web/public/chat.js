// The web chat page: plain DOM, no framework. Talks to the JSON API of shared/contract.md §3.
"use strict";
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  let sessionId = sessionStorage.getItem("mcr-session");
  // Messages from a person at the help desk arrive by polling: every few seconds while a person has the
  // conversation, gently otherwise, and at once after each message the resident sends.
  const POLL_HANDOFF_MS = 3000;
  const POLL_IDLE_MS = 30000;
  let cursor = "";
  let handoff = false;
  let pollTimer;
  let polling = false;
  let pollAgain = false;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function scroll() { window.scrollTo({ top: document.body.scrollHeight, behavior: "smooth" }); }
  function clearChoices() { for (const c of log.querySelectorAll(".choices")) c.remove(); }

  function showReply(r) {
    if (r.type === "text") {
      log.append(el("div", "msg bot", r.text));
    } else if (r.type === "question") {
      log.append(el("div", "msg bot", r.text));
      const box = el("div", "choices");
      if (r.input === "date") {
        const d = el("input");
        d.type = "date";
        d.setAttribute("aria-label", "日付を選ぶ");
        d.addEventListener("change", () => { if (d.value) send({ choice: d.value }, d.value.replaceAll("-", "/")); });
        box.append(d);
      }
      for (const c of r.choices) {
        const b = el("button", "", c.label);
        b.type = "button";
        b.addEventListener("click", () => send({ choice: c.value }, c.label));
        box.append(b);
      }
      if (box.childElementCount) log.append(box);
    } else if (r.type === "route") {
      const card = el("div", "msg bot route");
      card.append(el("h2", "", r.title));
      for (const s of r.sections) {
        card.append(el("h3", "", s.heading));
        const ul = el("ul");
        for (const item of s.items) ul.append(el("li", "", item));
        card.append(ul);
      }
      for (const l of r.links || []) {
        const p = el("p");
        const a = el("a", "", l.label);
        a.href = l.url;
        a.target = "_blank";
        a.rel = "noopener";
        p.append(a);
        card.append(p);
      }
      log.append(card);
    }
  }

  async function post(path, body) {
    const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    return { status: res.status, data, retryAfter: Number(res.headers.get("retry-after")) || 0 };
  }

  async function poll() {
    if (polling) { pollAgain = true; return; }
    clearTimeout(pollTimer);
    polling = true;
    try {
      if (sessionId && !document.hidden) {
        const q = cursor ? `?after=${encodeURIComponent(cursor)}` : "";
        const res = await fetch(`/api/chat/sessions/${sessionId}/messages${q}`, { cache: "no-store" });
        if (res.ok) {
          const data = await res.json();
          if (data.replies.length) {
            data.replies.forEach(showReply);
            scroll();
          }
          cursor = data.cursor;
          handoff = data.handoff === true;
        }
      }
    } catch {
      // the next poll tries again
    } finally {
      polling = false;
    }
    if (pollAgain) {
      pollAgain = false;
      return poll();
    }
    pollTimer = setTimeout(poll, handoff ? POLL_HANDOFF_MS : POLL_IDLE_MS);
  }
  document.addEventListener("visibilitychange", () => { if (!document.hidden) poll(); });

  async function start() {
    const { status, data } = await post("/api/chat/sessions", {});
    if (status !== 201) throw new Error("start failed");
    sessionId = data.sessionId;
    sessionStorage.setItem("mcr-session", sessionId);
    cursor = "";
    data.replies.forEach(showReply);
    scroll();
    poll();
  }

  async function send(body, shown) {
    clearChoices();
    log.append(el("div", "msg me", shown));
    scroll();
    try {
      if (!sessionId) await start();
      let { status, data, retryAfter } = await post(`/api/chat/sessions/${sessionId}/messages`, body);
      if (status === 404) {
        await start();
        ({ status, data, retryAfter } = await post(`/api/chat/sessions/${sessionId}/messages`, body));
      }
      if (status === 429) {
        log.append(el("div", "msg bot error", `続けて送信されたため、受け付けを少しお休みしています。${retryAfter || 30}秒ほど待ってから、もう一度お送りください。`));
        scroll();
        return;
      }
      if (status !== 200) throw new Error(String(status));
      data.replies.forEach(showReply);
      poll();
    } catch {
      log.append(el("div", "msg bot error", "申し訳ありません。送信できませんでした。少し時間をおいてもう一度お試しください。"));
    }
    scroll();
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });

  start().catch(() => log.append(el("div", "msg bot error", "接続できませんでした。ページを再読み込みしてください。")));
})();
