// The chat on a city's own site, with one tag: <script src="https://<host>/widget.js" defer></script>
// Shows a floating 「マイナ証明書の相談」 button that opens the chat page of <host> in a panel (an iframe).
// `data-lang="en"` (or "ja-easy") on the tag opens the chat in that language, with the button's words in it.
// Styles are set through the DOM (element.style), so a site whose CSP forbids inline styles still works;
// the site's CSP must allow <host> in script-src and frame-src (docs/deploy.md).
"use strict";
(() => {
  // Every word the widget shows, per locale (flows/certificate-recovery/ui-text.ts), filled in by the server.
  const WORDS_BY_LOCALE = __WIDGET_TEXT__;
  const script = document.currentScript;
  if (!script || !script.src || document.getElementById("mcr-widget-button")) return;
  const lang = script.dataset.lang && WORDS_BY_LOCALE[script.dataset.lang] ? script.dataset.lang : undefined;
  const WORDS = WORDS_BY_LOCALE[lang || "ja"];
  const chatUrl = new URL(lang ? `./?lang=${encodeURIComponent(lang)}` : "./", script.src).href;
  const ACCENT = "#0b6bcb";

  function styled(tag, style) {
    const e = document.createElement(tag);
    Object.assign(e.style, style);
    return e;
  }

  const button = styled("button", {
    position: "fixed", right: "16px", bottom: "16px", zIndex: "2147483000",
    background: ACCENT, color: "#fff", border: "2px solid #fff", borderRadius: "28px",
    padding: "12px 20px", font: "600 16px/1.2 system-ui, sans-serif", minHeight: "48px",
    boxShadow: "0 2px 8px rgba(0,0,0,.3)", cursor: "pointer",
  });
  button.type = "button";
  button.id = "mcr-widget-button";
  button.textContent = WORDS.open;
  if (lang) button.lang = lang === "en" ? "en" : "ja";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "mcr-widget-panel");

  let panel;
  function small() {
    return window.innerWidth < 520;
  }
  function place() {
    if (!panel) return;
    Object.assign(
      panel.style,
      small()
        ? { inset: "0", width: "100%", height: "100%", borderRadius: "0" }
        : { inset: "auto 16px 80px auto", width: "400px", height: "min(640px, calc(100vh - 112px))", borderRadius: "12px" },
    );
  }
  function build() {
    panel = styled("div", {
      position: "fixed", zIndex: "2147483001", background: "#fff", boxShadow: "0 4px 24px rgba(0,0,0,.35)",
      display: "none", flexDirection: "column", overflow: "hidden",
    });
    panel.id = "mcr-widget-panel";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", WORDS.title);
    const bar = styled("div", { display: "flex", justifyContent: "flex-end", background: ACCENT, padding: "4px" });
    const close = styled("button", {
      background: "#fff", color: "#084f96", border: "0", borderRadius: "6px", padding: "8px 14px",
      font: "600 15px/1.2 system-ui, sans-serif", minHeight: "40px", cursor: "pointer",
    });
    close.type = "button";
    close.textContent = WORDS.close;
    close.addEventListener("click", hide);
    bar.append(close);
    const frame = styled("iframe", { border: "0", flex: "1", width: "100%" });
    frame.src = chatUrl;
    frame.title = WORDS.title;
    frame.allow = "clipboard-write";
    panel.append(bar, frame);
    panel.addEventListener("keydown", (e) => {
      if (e.key === "Escape") hide();
    });
    document.body.append(panel);
    window.addEventListener("resize", place);
  }
  function show() {
    if (!panel) build();
    place();
    panel.style.display = "flex";
    button.style.display = small() ? "none" : "block";
    button.setAttribute("aria-expanded", "true");
    panel.querySelector("iframe").focus();
  }
  function hide() {
    panel.style.display = "none";
    button.style.display = "block";
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
  button.addEventListener("click", () => (panel && panel.style.display !== "none" ? hide() : show()));
  const mount = () => document.body.append(button);
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
