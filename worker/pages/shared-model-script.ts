/**
 * The shared-model page's script (served as /assets/shared-model.js). It asks the API whether the
 * model has a newer version — a conditional GET with the shown version as If-None-Match, so an
 * unchanged model costs a 304 — and on a new version swaps in the server-rendered content and says
 * so in the live region. A 404 means the link was revoked (or the model deleted): the page says
 * that and stops. It also wires the "Copy formula" button. Plain ES2017, no dependencies.
 */
export const SHARED_MODEL_JS = `(function () {
  "use strict";
  var root = document.getElementById("model");
  if (!root) return;
  var content = document.getElementById("model-content");
  var status = document.getElementById("live-status");
  var pollNote = document.getElementById("poll-note");
  var seconds = Math.max(1, Number(root.getAttribute("data-poll-seconds")) || 30);
  var checkUrl = root.getAttribute("data-check-url");
  var fragmentUrl = root.getAttribute("data-fragment-url");
  var version = Number(root.getAttribute("data-version"));
  var timer = null;
  var busy = false;
  var stopped = false;
  var GONE = "This link was revoked or does not exist";

  function say(text) { status.textContent = text; }

  function showCopyButton() {
    var button = document.getElementById("copy-formula");
    if (button) button.hidden = false;
  }

  function copyFallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "skip-link";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(area);
    return done;
  }

  root.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("#copy-formula") : null;
    if (!button) return;
    var text = button.getAttribute("data-copy");
    function fallback() { say(copyFallback(text) ? "Formula copied" : "Select the formula and copy it (Ctrl+C or ⌘C)"); }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say("Formula copied"); }, fallback);
    } else fallback();
  });

  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(check, seconds * 1000);
  }

  function gone(html) {
    stopped = true;
    clearTimeout(timer);
    content.innerHTML = html || "<section class=\\"gone\\" id=\\"gone\\"><h1>" + GONE + "</h1></section>";
    if (pollNote) pollNote.hidden = true;
    document.title = GONE;
    say(GONE);
  }

  function refresh(expected) {
    return fetch(fragmentUrl, { cache: "no-store", headers: { Accept: "text/html" } }).then(function (res) {
      return res.text().then(function (html) {
        if (res.status === 404) return gone(html);
        // 422: the new version does not compute; the fragment says why, and the next save can fix it.
        if (!res.ok && res.status !== 422) return;
        content.innerHTML = html;
        var shown = document.getElementById("model-version");
        version = shown ? Number(shown.getAttribute("data-version")) : expected;
        root.setAttribute("data-version", String(version));
        var name = document.getElementById("model-name");
        if (name) document.title = name.textContent + " · shared plan model";
        showCopyButton();
        say("Updated to version " + version);
      });
    });
  }

  function check() {
    if (stopped || busy) return;
    if (document.hidden) return schedule();
    busy = true;
    fetch(checkUrl, { cache: "no-store", headers: { Accept: "application/json", "If-None-Match": '"v' + version + '"' } })
      .then(function (res) {
        if (res.status === 404) return refresh(version);
        if (res.status !== 200) return; // 304: unchanged; 429 or an outage: ask again next time
        return res.json().then(function (body) {
          if (typeof body.version === "number" && body.version !== version) return refresh(body.version);
        });
      })
      .catch(function () { /* offline for a moment: ask again next time */ })
      .then(function () { busy = false; schedule(); });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && !stopped) { clearTimeout(timer); check(); }
  });

  showCopyButton();
  schedule();
})();
`;
