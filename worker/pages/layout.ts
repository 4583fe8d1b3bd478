import { assetUrl, type AssetName } from "./assets.js";
import { html, type Html } from "./html.js";

export interface PageOptions {
  title: string;
  body: Html;
  /** Scripts of this worker (the CSP allows no other), loaded deferred. */
  scripts?: AssetName[];
  /** Shared links are private to whoever holds them: keep them out of search engines. */
  noindex?: boolean;
}

/** The document around every page: language, viewport for phones, the one stylesheet, no external request. */
export function layout({ title, body, scripts = [], noindex = false }: PageOptions): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${noindex ? html`<meta name="robots" content="noindex, nofollow">` : ""}
<title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="stylesheet" href="${assetUrl("pages.css")}">
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header">
<a class="brand" href="/">AI Team Planner</a>
<nav aria-label="Site"><a href="/">Calculator</a> <a href="/docs">API reference</a> <a href="/openapi.json">OpenAPI</a></nav>
</header>
<main id="main">
${body}
</main>
<footer class="site-footer">
<p>Every figure comes from the AI Team Planner's seed data (or a workspace's own salary bands) through one planning core; nothing on this page is loaded from another site.</p>
</footer>
${scripts.map((name) => html`<script src="${assetUrl(name)}" defer></script>`)}
</body>
</html>
`;
}
