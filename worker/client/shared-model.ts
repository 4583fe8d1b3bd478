// The shared-model page's script (served as /assets/shared-model.js). It asks for the page's
// content with the shown content's ETag as If-None-Match — the ETag names the model version, the
// owner's bands and the dataset, so an unchanged model costs a 304 and any change to its figures
// brings the new content — swaps it in and says so in the live region. A 404 means the link was
// revoked (or the model deleted): the page says that and stops. A 429 waits Retry-After. It also
// wires the "Copy formula" button. Each check carries the last answer's D1 bookmark forward.
import { copyBySelecting, copyText, el } from "./dom.js";

const GONE = "This link was revoked or does not exist";

function start(root: HTMLElement): void {
  const content = document.getElementById("model-content")!;
  const status = document.getElementById("live-status")!;
  const pollNote = document.getElementById("poll-note");
  const seconds = Math.max(1, Number(root.getAttribute("data-poll-seconds")) || 30);
  const fragmentUrl = root.getAttribute("data-fragment-url") ?? "";
  let etag = root.getAttribute("data-etag") ?? "";
  let version = Number(root.getAttribute("data-version"));
  // The D1 bookmark of the last answer, sent with the next check: whichever replica answers it,
  // the page never goes back to an older version than it has shown.
  let bookmark = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let stopped = false;

  const say = (text: string) => {
    status.textContent = text;
  };

  function showCopyButton(): void {
    const button = document.getElementById("copy-formula");
    if (button) button.hidden = false;
  }

  /** Copies by way of a hidden text box, for browsers without (or refusing) the Clipboard API. */
  function copyFallback(text: string): boolean {
    const area = el("textarea", { readonly: "", className: "skip-link" });
    area.value = text;
    document.body.appendChild(area);
    const done = copyBySelecting(area);
    document.body.removeChild(area);
    return done;
  }

  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest("#copy-formula");
    if (!button) return;
    const text = button.getAttribute("data-copy") ?? "";
    copyText(
      text,
      () => say("Formula copied"),
      () =>
        say(
          copyFallback(text) ? "Formula copied" : "Select the formula and copy it (Ctrl+C or ⌘C)",
        ),
    );
  });

  function schedule(delaySeconds = 0): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(seconds, delaySeconds) * 1000);
  }

  function gone(html: string): void {
    stopped = true;
    clearTimeout(timer);
    // The worker's own 404 content (HTML it rendered), or a plain notice.
    content.innerHTML = html || `<section class="gone" id="gone"><h1>${GONE}</h1></section>`;
    if (pollNote) pollNote.hidden = true;
    document.title = GONE;
    say(GONE);
  }

  function show(res: Response, html: string): void {
    // The worker's own rendered content for this page, with every API text escaped there.
    content.innerHTML = html;
    etag = res.headers.get("ETag") || etag;
    root.setAttribute("data-etag", etag);
    const shown = document.getElementById("model-version");
    const next = shown ? Number(shown.getAttribute("data-version")) : version;
    const name = document.getElementById("model-name");
    if (name) document.title = `${name.textContent} · shared plan model`;
    showCopyButton();
    say(next !== version ? `Updated to version ${next}` : "Updated: the figures were recalculated");
    version = next;
    root.setAttribute("data-version", String(version));
  }

  function check(): void {
    if (stopped || busy) return;
    if (document.hidden) return schedule();
    busy = true;
    let wait = 0;
    // A check that hangs (a dropped connection) is given up after 10 s, so the page never stops asking.
    const abort = new AbortController();
    const giveUp = setTimeout(() => abort.abort(), 10_000);
    fetch(fragmentUrl, {
      cache: "no-store",
      signal: abort.signal,
      headers: {
        Accept: "text/html",
        "If-None-Match": etag,
        ...(bookmark ? { "X-D1-Bookmark": bookmark } : {}),
      },
    })
      .then((res) => {
        bookmark = res.headers.get("X-D1-Bookmark") || bookmark;
        return (
          // Every answer's body is read to its end, a 304's (empty) one too, so the connection is
          // free for the next check.
          res.text().then((html) => {
            if (res.status === 304) return;
            // A bookmark the API no longer takes: the next check reads without one.
            if (res.status === 400) bookmark = "";
            if (res.status === 429) {
              wait = Number(res.headers.get("Retry-After")) || 0;
              return;
            }
            if (res.status === 404) return gone(html);
            // 422: the new version does not compute; the fragment says why, and the next save can fix it.
            if (res.ok || res.status === 422) show(res, html);
          })
        );
      })
      .catch(() => {
        // offline for a moment, or given up: ask again next time
      })
      .then(() => {
        clearTimeout(giveUp);
        busy = false;
        schedule(wait);
      });
  }

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && !stopped) {
      clearTimeout(timer);
      check();
    }
  });

  showCopyButton();
  schedule();
}

const root = document.getElementById("model");
if (root) start(root);
