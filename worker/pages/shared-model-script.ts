/**
 * The shared-model page's script (served as /assets/shared-model.js). It asks for the page's
 * content with the shown content's ETag as If-None-Match — the ETag names the model version, the
 * owner's bands and the dataset, so an unchanged model costs a 304 and any change to its figures
 * brings the new content — swaps it in and says so in the live region. A 404 means the link was
 * revoked (or the model deleted): the page says that and stops. A 429 waits Retry-After. It also
 * wires the "Copy formula" button. Plain ES2017, no dependencies.
 */
export const SHARED_MODEL_JS = `(function () {
  "use strict";
  var root = document.getElementById("model");
  if (!root) return;
  var content = document.getElementById("model-content");
  var status = document.getElementById("live-status");
  var pollNote = document.getElementById("poll-note");
  var seconds = Math.max(1, Number(root.getAttribute("data-poll-seconds")) || 30);
  var fragmentUrl = root.getAttribute("data-fragment-url");
  var etag = root.getAttribute("data-etag");
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

  function schedule(delaySeconds) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(seconds, delaySeconds || 0) * 1000);
  }

  function gone(html) {
    stopped = true;
    clearTimeout(timer);
    content.innerHTML = html || "<section class=\\"gone\\" id=\\"gone\\"><h1>" + GONE + "</h1></section>";
    if (pollNote) pollNote.hidden = true;
    document.title = GONE;
    say(GONE);
  }

  function show(res, html) {
    content.innerHTML = html;
    etag = res.headers.get("ETag") || etag;
    root.setAttribute("data-etag", etag);
    var shown = document.getElementById("model-version");
    var next = shown ? Number(shown.getAttribute("data-version")) : version;
    var name = document.getElementById("model-name");
    if (name) document.title = name.textContent + " · shared plan model";
    showCopyButton();
    say(next !== version ? "Updated to version " + next : "Updated: the figures were recalculated");
    version = next;
    root.setAttribute("data-version", String(version));
  }

  function check() {
    if (stopped || busy) return;
    if (document.hidden) return schedule();
    busy = true;
    var wait = 0;
    // A check that hangs (a dropped connection) is given up after 10 s, so the page never stops asking.
    var abort = typeof AbortController === "function" ? new AbortController() : null;
    var giveUp = abort ? setTimeout(function () { abort.abort(); }, 10000) : null;
    fetch(fragmentUrl, { cache: "no-store", signal: abort ? abort.signal : undefined, headers: { Accept: "text/html", "If-None-Match": etag } })
      .then(function (res) {
        // Every answer's body is read to its end, a 304's (empty) one too, so the connection is
        // free for the next check.
        return res.text().then(function (html) {
          if (res.status === 304) return;
          if (res.status === 429) { wait = Number(res.headers.get("Retry-After")) || 0; return; }
          if (res.status === 404) return gone(html);
          // 422: the new version does not compute; the fragment says why, and the next save can fix it.
          if (res.ok || res.status === 422) show(res, html);
        });
      })
      .catch(function () { /* offline for a moment, or given up: ask again next time */ })
      .then(function () { clearTimeout(giveUp); busy = false; schedule(wait); });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && !stopped) { clearTimeout(timer); check(); }
  });

  showCopyButton();
  schedule();
})();
`;
