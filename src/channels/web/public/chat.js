// The web chat page: plain DOM, no framework. Talks to the JSON API of shared/contract.md §3 (and the
// additions in README "Routes and slots": GET /api/chat/sessions/:id, redactedText, the outbox poll).
"use strict";
(() => {
  // Every word the page itself shows a resident, per locale (flows/certificate-recovery/ui-text.ts),
  // served as ui-text.js. The page speaks the conversation's locale: `?lang=` when it opens one, then
  // whatever the API says the conversation is in (a resident may switch at any time).
  const UI_TEXT = globalThis.McrUiText;
  const LOCALES = Object.keys(UI_TEXT);
  const LOCALE_KEY = "mcr-locale";
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  const asked = new URLSearchParams(location.search).get("lang");
  const askedLocale = LOCALES.includes(asked) ? asked : undefined;
  /** ?lang= applies to the first conversation this page opens; later ones keep the language being read. */
  let askPending = askedLocale;
  let locale = "ja";
  let WORDS = UI_TEXT.ja;

  /** Show the page in `next`: `<html lang>`, the fixed words, and (ja-easy) readings as <ruby> from now on. */
  function setLocale(next) {
    if (!LOCALES.includes(next)) return;
    locale = next;
    WORDS = UI_TEXT[next];
    try {
      sessionStorage.setItem(LOCALE_KEY, next);
    } catch {
      // not kept: a reload asks the server again
    }
    document.documentElement.lang = next === "en" ? "en" : "ja";
    document.title = WORDS.title;
    for (const e of document.querySelectorAll("[data-ui]")) e.textContent = WORDS[e.dataset.ui];
    for (const e of document.querySelectorAll("[data-ui-placeholder]")) e.placeholder = WORDS[e.dataset.uiPlaceholder];
    for (const e of document.querySelectorAll("[data-ui-aria-label]")) e.setAttribute("aria-label", WORDS[e.dataset.uiAriaLabel]);
    for (const e of document.querySelectorAll("input[type=date]")) e.setAttribute("aria-label", WORDS.pickDate);
    const label = typing && typing.querySelector(".visually-hidden");
    if (label) label.textContent = WORDS.typing;
  }
  function storedLocale() {
    try {
      return sessionStorage.getItem(LOCALE_KEY);
    } catch {
      return null;
    }
  }

  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const sendButton = document.getElementById("send");
  const newChat = document.getElementById("new-chat");
  const announcer = document.getElementById("announce");
  // The session id lives in this tab's sessionStorage, so that a reload finds the conversation again. In
  // a frame on another site (the widget) the browser may refuse storage: the page then works without it.
  const STORAGE_KEY = "mcr-session";
  const stored = {
    get() {
      try {
        return sessionStorage.getItem(STORAGE_KEY);
      } catch {
        return null;
      }
    },
    set(value) {
      try {
        if (value) sessionStorage.setItem(STORAGE_KEY, value);
        else sessionStorage.removeItem(STORAGE_KEY);
      } catch {
        // not kept: a reload starts a new conversation
      }
    },
  };
  let sessionId = stored.get();

  // Messages from a person at the help desk arrive by polling: every few seconds while a person has the
  // conversation, gently otherwise, and at once after each message the resident sends.
  const POLL_HANDOFF_MS = 3000;
  const POLL_IDLE_MS = 30000;
  let cursor = "";
  let handoff = false;
  let pollTimer;
  let polling = false;
  let pollAgain = false;

  /** One request at a time: set from the moment an action is taken until its answer is shown. */
  let busy = false;

  // ---- building the DOM ----------------------------------------------------------------------------

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Bot text: in やさしい日本語, 「漢字（かんじ）」 becomes <ruby> (ruby.js); otherwise the text as it is. */
  function rich(text) {
    return locale === "ja-easy" && globalThis.McrRuby ? globalThis.McrRuby.fragment(document, text) : document.createTextNode(text);
  }
  function richEl(tag, cls, text) {
    const e = el(tag, cls);
    e.append(rich(text));
    return e;
  }

  // Phone numbers (0120-95-0178, 03-1234-5678) and web addresses in a text become links.
  const LINKABLE = /(https?:\/\/[^\s<>"'「」（）()、。]+)|((?<![\d-])0\d{1,4}-\d{1,4}-\d{2,4}(?![\d-]))/g;
  function linkified(text) {
    const out = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(LINKABLE)) {
      let [found] = m;
      if (m[1]) found = found.replace(/[.,;:!?]+$/, "");
      const digits = found.replace(/-/g, "");
      if (m[2] && (digits.length < 10 || digits.length > 11)) continue;
      out.append(rich(text.slice(last, m.index)));
      const a = el("a", "", found);
      if (m[1]) {
        a.href = found;
        a.target = "_blank";
        a.rel = "noopener";
      } else {
        a.href = `tel:${digits}`;
      }
      out.append(a);
      last = m.index + found.length;
    }
    out.append(rich(text.slice(last)));
    return out;
  }
  function textEl(tag, cls, text) {
    const e = el(tag, cls);
    e.append(linkified(text));
    return e;
  }

  // Numbered steps (「1. …」「2. …」) become an ordered list without their written numbers.
  const STEP = /^\s*\d+[.．]\s*/;
  function list(items) {
    const ordered = items.length > 1 && items.every((i) => STEP.test(i));
    const l = el(ordered ? "ol" : "ul");
    for (const item of items) l.append(textEl("li", "", ordered ? item.replace(STEP, "") : item));
    return l;
  }

  let headings = 0;
  function routeCard(r) {
    const card = el("article", "msg bot route");
    const h = richEl("h2", "", r.title);
    h.id = `answer-${++headings}`;
    card.setAttribute("aria-labelledby", h.id);
    card.tabIndex = -1;
    card.append(h);
    if (r.lead) card.append(textEl("p", "lead", r.lead));
    for (const s of r.sections) {
      if (s.detail) {
        const d = el("details");
        d.append(richEl("summary", "", s.heading), list(s.items));
        card.append(d);
      } else {
        card.append(richEl("h3", "", s.heading), list(s.items));
      }
    }
    if (r.links && r.links.length) {
      const ul = el("ul", "links");
      for (const l of r.links) {
        if (!/^(https?:|tel:)/.test(l.url)) continue;
        const a = el("a", "", l.label);
        a.href = l.url;
        if (!l.url.startsWith("tel:")) {
          a.target = "_blank";
          a.rel = "noopener";
        }
        const li = el("li");
        li.append(a);
        ul.append(li);
      }
      card.append(ul);
    }
    return card;
  }

  function choicesBox(r) {
    const box = el("div", "choices");
    box.dataset.slot = r.slot;
    if (r.input === "date") {
      const d = el("input");
      d.type = "date";
      d.setAttribute("aria-label", WORDS.pickDate);
      d.addEventListener("change", () => {
        if (d.value) send({ choice: d.value }, d.value.replaceAll("-", "/"));
      });
      box.append(d);
    }
    for (const c of r.choices) {
      const b = richEl("button", "", c.label);
      b.type = "button";
      b.addEventListener("click", () => send({ choice: c.value }, c.label));
      box.append(b);
    }
    return box.childElementCount ? box : undefined;
  }

  /** Show replies; answers the elements added, in order. */
  function showReplies(replies) {
    const added = [];
    for (const r of replies) {
      if (r.type === "text") added.push(textEl("div", "msg bot", r.text));
      else if (r.type === "question") {
        added.push(textEl("div", "msg bot", r.text));
        const box = choicesBox(r);
        if (box) added.push(box);
      } else if (r.type === "route") added.push(routeCard(r));
    }
    log.append(...added);
    return added;
  }

  /** What a screen reader hears of new replies: the texts, and of an answer only its title and lead. */
  function announce(replies) {
    const said = replies
      .map((r) => (r.type === "route" ? fill(WORDS.answer, { title: r.title, lead: r.lead || "" }) : r.text))
      .join("\n");
    announcer.textContent = "";
    setTimeout(() => (announcer.textContent = said), 50);
  }

  /** Bring new replies into view: their start at the top of the screen, an answer's title always in it. */
  function reveal(added) {
    const first = added[0];
    if (!first) return;
    let target = first;
    const card = added.find((e) => e.classList.contains("route"));
    if (card && card.getBoundingClientRect().top - first.getBoundingClientRect().top > window.innerHeight * 0.4) target = card;
    target.scrollIntoView({ block: "start", behavior: "instant" });
  }
  function toEnd() {
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" });
  }

  function clearChoices() {
    for (const c of log.querySelectorAll(".choices")) c.remove();
  }
  function keepLastChoices() {
    const boxes = [...log.querySelectorAll(".choices")];
    for (const c of boxes.slice(0, -1)) c.remove();
  }

  let typing;
  function setBusy(on) {
    busy = on;
    log.setAttribute("aria-busy", String(on));
    input.disabled = on;
    sendButton.disabled = on;
    newChat.disabled = on;
    for (const c of log.querySelectorAll(".choices button, .choices input")) c.disabled = on;
    if (on) {
      typing = el("div", "msg bot typing");
      typing.setAttribute("role", "status");
      typing.append(el("span", "visually-hidden", WORDS.typing));
      for (let i = 0; i < 3; i++) {
        const dot = el("span", "dot");
        dot.setAttribute("aria-hidden", "true");
        typing.append(dot);
      }
      log.append(typing);
    } else {
      typing?.remove();
      typing = undefined;
    }
  }

  let errorBox;
  function clearError() {
    errorBox?.remove();
    errorBox = undefined;
  }
  function showError(message, retry) {
    clearError();
    errorBox = el("div", "msg bot error");
    errorBox.setAttribute("role", "alert");
    errorBox.append(el("p", "", message));
    const b = el("button", "", WORDS.retry);
    b.type = "button";
    b.addEventListener("click", retry);
    errorBox.append(b);
    log.append(errorBox);
    errorBox.scrollIntoView({ block: "nearest", behavior: "instant" });
  }

  function focusInput() {
    input.focus({ preventScroll: true });
  }

  // ---- talking to the server -----------------------------------------------------------------------

  /** A request that did not get its answer: why, in the resident's words. */
  class Failed extends Error {
    constructor(status, retryAfter) {
      super(`request failed: ${status}`);
      this.status = status;
      this.retryAfter = retryAfter;
    }
    get words() {
      if (navigator.onLine === false) return WORDS.offline;
      if (this.status === 429) return fill(WORDS.rateLimited, { seconds: this.retryAfter || 30 });
      if (this.status === 503) return WORDS.busy;
      return WORDS.failed;
    }
  }

  async function request(method, path, body) {
    let res;
    try {
      res = await fetch(path, {
        method,
        cache: "no-store",
        ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new Failed(0, 0);
    }
    const data = await res.json().catch(() => ({}));
    return { status: res.status, data, retryAfter: Number(res.headers.get("retry-after")) || 0 };
  }

  async function poll() {
    if (polling) {
      pollAgain = true;
      return;
    }
    clearTimeout(pollTimer);
    polling = true;
    try {
      if (sessionId && !document.hidden) {
        const q = cursor ? `?after=${encodeURIComponent(cursor)}` : "";
        const { status, data } = await request("GET", `/api/chat/sessions/${sessionId}/messages${q}`);
        if (status === 200) {
          if (data.replies.length) {
            setLocale(data.locale);
            const added = showReplies(data.replies);
            keepLastChoices();
            announce(data.replies);
            if (!busy) reveal(added);
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
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) poll();
  });

  /** A new conversation: its greeting and first question. */
  async function start() {
    // The language asked for by ?lang=, or the one the resident was reading (「最初から」 keeps it).
    const wanted = askPending || (locale !== "ja" ? locale : undefined);
    const { status, data, retryAfter } = await request("POST", "/api/chat/sessions", wanted ? { locale: wanted } : {});
    if (status !== 201) throw new Failed(status, retryAfter);
    setLocale(data.locale || wanted || "ja");
    askPending = undefined;
    sessionId = data.sessionId;
    stored.set(sessionId);
    cursor = "";
    handoff = false;
    return data.replies;
  }

  /** The conversation kept in this tab, shown again (after a reload, or back from the phone's dialler). */
  async function restore() {
    const { status, data } = await request("GET", `/api/chat/sessions/${sessionId}`);
    if (status === 404) return false;
    if (status !== 200) throw new Failed(status, 0);
    setLocale(data.locale);
    let lastBot = [];
    for (const entry of data.transcript) {
      if (entry.from === "resident") log.append(el("div", "msg me", entry.text));
      else lastBot = showReplies(entry.replies);
    }
    keepLastChoices();
    cursor = data.cursor;
    handoff = data.handoff === true;
    reveal(lastBot);
    return true;
  }

  async function open(fresh) {
    setBusy(true);
    clearError();
    try {
      if (!fresh && sessionId && (await restore())) return;
      log.replaceChildren();
      const replies = await start();
      setBusy(false);
      showReplies(replies);
      announce(replies);
      window.scrollTo({ top: 0, behavior: "instant" });
    } catch (failure) {
      setBusy(false);
      showError(navigator.onLine === false ? WORDS.offline : WORDS.startFailed, () => open(fresh));
    } finally {
      if (busy) setBusy(false);
      poll();
    }
  }

  /**
   * Send one message (a typed text or a tapped choice). While it is in flight the page is busy: the
   * input and the choices are disabled and a typing indicator shows. If it fails, the text goes back
   * into the input, the choices stay, and 「もう一度送る」 sends it again.
   */
  async function send(body, shown) {
    if (busy) return;
    clearError();
    setBusy(true);
    const bubble = el("div", "msg me", shown);
    log.insertBefore(bubble, typing);
    toEnd();
    let failure;
    let result;
    try {
      if (!sessionId) showReplies(await start());
      result = await request("POST", `/api/chat/sessions/${sessionId}/messages`, body);
      if (result.status === 404) {
        // The conversation expired: a new one answers the same message.
        const greeting = await start();
        result = await request("POST", `/api/chat/sessions/${sessionId}/messages`, body);
        if (result.status === 200) result.data.replies = [...greeting.filter((r) => r.type === "text"), ...result.data.replies];
      }
      if (result.status !== 200) failure = new Failed(result.status, result.retryAfter);
    } catch (err) {
      failure = err instanceof Failed ? err : new Failed(-1, 0);
    }
    if (failure) {
      bubble.remove();
      setBusy(false);
      if ("text" in body && input.value === "") input.value = body.text;
      showError(failure.words, () => send(body, shown));
      return;
    }
    const { data } = result;
    // Sent: a text kept in the input after an earlier failure goes (whatever the resident typed since stays).
    if ("text" in body && input.value.trim() === body.text) input.value = "";
    if (typeof data.redactedText === "string") bubble.textContent = data.redactedText;
    clearChoices();
    setBusy(false);
    setLocale(data.locale);
    const added = showReplies(data.replies);
    announce(data.replies);
    reveal(added);
    focusInput();
    poll();
  }

  input.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    // An Enter that confirms a Japanese input method's conversion never sends (Safari reports it as 229).
    if (e.isComposing) return;
    if (e.keyCode === 229 || e.repeat) e.preventDefault();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (busy) return;
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });
  newChat.addEventListener("click", () => {
    if (busy) return;
    clearTimeout(pollTimer);
    stored.set(null);
    sessionId = null;
    log.replaceChildren();
    open(true).then(focusInput);
  });

  // Before anything shows: the words of ?lang=, else of the conversation this tab was in.
  setLocale(askedLocale || storedLocale() || "ja");
  open(false);
})();
