/**
 * The /docs page: a small self-written reference rendered in the browser from /openapi.json. It
 * loads only its own script and stylesheet from this worker (the CSP forbids anything else), so
 * it works offline and adds a few kilobytes to the bundle instead of a UI framework. The API key
 * box keeps the key in this tab's sessionStorage; the script sends it to this origin only.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AI Team Planner API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<aside>
  <h1>AI Team Planner API</h1>
  <section id="key-box" aria-labelledby="key-label">
    <label id="key-label" for="api-key">API key</label>
    <div class="key-row">
      <input id="api-key" type="password" autocomplete="off" spellcheck="false" placeholder="atp_…">
      <button id="forget-key" type="button">Forget</button>
    </div>
    <p class="small" id="key-state" aria-live="polite"></p>
  </section>
  <input id="filter" type="search" placeholder="Filter routes" aria-label="Filter routes">
  <nav id="toc" aria-label="Routes"></nav>
  <p class="small">Raw document: <a href="/openapi.json">/openapi.json</a></p>
</aside>
<main>
  <p id="status">Loading the reference from <a href="/openapi.json">/openapi.json</a>…</p>
  <div id="info"></div>
  <div id="ops"></div>
  <noscript>This page renders with JavaScript; the document itself is at <a href="/openapi.json">/openapi.json</a>.</noscript>
</main>
<script src="/docs/docs.js" defer></script>
</body>
</html>
`;
