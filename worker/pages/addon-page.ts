import type { AddonBuild, AddonFileName } from "../addon/addon-files.js";
import { html, type Html } from "./html.js";
import { layout } from "./layout.js";

// GET /addon: the Google Sheets add-on built for this API, with the three steps that install it
// from a browser. Each file is on the page (a read-only text box, so it can be selected and copied
// without the script) with a Copy button and a download link.

export const ADDON_PAGE_TITLE = "Install the Google Sheets add-on";

const FILE_IDS: Record<AddonFileName, string> = {
  "Code.js": "file-code",
  "appsscript.json": "file-manifest",
  "Sidebar.html": "file-sidebar",
};

const kb = (text: string) =>
  `${Math.max(1, Math.round(new TextEncoder().encode(text).length / 1024))} KB`;

function fetchRule(build: AddonBuild): Html {
  const { target } = build;
  if (target.https) {
    return html`<p>Built for <code>${target.apiUrl}</code>${target.pinned ? " (this worker’s ADDON_API_URL)" : ""}: a new spreadsheet’s add-on calls it for shared models and workspace data, and the manifest’s <code>urlFetchWhitelist</code> allows <code>${target.apiUrl}/</code> and nothing else.</p>`;
  }
  const why = html`Apps Script fetches only <code>https://</code> addresses, and its <code>urlFetchWhitelist</code> takes only https prefixes, so this build’s <code>appsscript.json</code> has none.`;
  if (target.loopback) {
    return html`<p class="notice" id="http-notice" role="note">This page comes from <code>npm start</code> on this computer, over http. ${why} The spreadsheet functions work as they are (they compute inside the sheet); shared models, publishing and workspace data need the deployed worker, which Google’s servers can reach: install from its <code>/addon</code> page (<code>npm run deploy</code> prints its address).</p>`;
  }
  return html`<p class="notice" id="http-notice" role="note">This page was opened over http. ${why} Open it over https (<code>https://…/addon</code> on this same host) for a build that may call this API.</p>`;
}

function fileBlock(build: AddonBuild, name: AddonFileName, about: Html): Html {
  const id = FILE_IDS[name];
  const text = build.files[name];
  return html`<div class="addon-file" id="${id}">
<h3><code>${name}</code> <span class="muted small">${kb(text)}</span></h3>
<p class="small">${about}</p>
<p class="file-actions"><button type="button" class="copy-file" data-copy="${id}-text" data-name="${name}" hidden>Copy ${name}</button> <a href="/addon/${name}" download="${name}">Download ${name}</a></p>
<details><summary>Show ${name}</summary><textarea id="${id}-text" class="file-text" readonly spellcheck="false" autocomplete="off" rows="12" aria-label="${name}">${text}</textarea></details>
</div>`;
}

export function addonPage(build: AddonBuild): Html {
  const body = html`<section class="intro" id="addon" data-api-url="${build.target.apiUrl}">
<h1>${ADDON_PAGE_TITLE}</h1>
<p class="lead">${build.functions} spreadsheet functions, such as <code>=AI_SALARY("ML Engineer","Mid","Austin")</code>, a menu and a sidebar, installed by pasting three files into your spreadsheet’s own script project. Nothing to install on your computer, no Google Cloud project. The functions compute inside the sheet with the same core as this API, so they agree with it to the cent and work without a network call.</p>
${fetchRule(build)}
</section>
<section aria-labelledby="h-steps">
<h2 id="h-steps">Three steps</h2>
<ol class="steps" id="install-steps">
<li><strong>Open the script editor.</strong> In the spreadsheet: <strong>Extensions › Apps Script</strong>. It opens the spreadsheet’s own script project in a new tab.</li>
<li><strong>Paste the three files below</strong>, then save (Ctrl+S or ⌘S):
<ul>
<li><code>Code.js</code>: in a new project, replace everything in <code>Code.gs</code> with it. If the project already holds code of your own, keep it: add a file (Files <strong>+</strong> › Script) named <code>AI Team Planner</code> and paste there.</li>
<li><code>Sidebar.html</code>: Files <strong>+</strong> › HTML, name it <code>Sidebar</code> (the editor adds .html), and replace its content.</li>
<li><code>appsscript.json</code>: Project Settings (the gear) › tick “Show "appsscript.json" manifest file in editor”; back in the Editor, open <code>appsscript.json</code> and replace its content. If the project holds code of your own, merge instead: keep its settings and libraries; in <code>oauthScopes</code> list ours and the scopes your code uses (Overview › Project OAuth Scopes shows them: once scopes are listed, Apps Script stops adding them itself); in <code>urlFetchWhitelist</code> ours and any address your code fetches.</li>
</ul></li>
<li><strong>Reload the spreadsheet.</strong> <strong>Extensions › AI Team Planner</strong> appears; type <code>=AI_SALARY("ML Engineer","Mid","Austin")</code> in a cell to see 170,000. The first menu action asks you to authorize the add-on: this spreadsheet only, its menu and sidebar, and requests to this API.</li>
</ol>
<p class="small muted">If your own code already declares <code>onOpen</code> or <code>onInstall</code>, Apps Script runs only one of each: rename yours before saving. To update the add-on after this worker is upgraded, paste <code>Code.js</code> and <code>Sidebar.html</code> again.</p>
</section>
<section aria-labelledby="h-files">
<h2 id="h-files">The files</h2>
<p id="copy-status" class="live-status" role="status" aria-live="polite"></p>
${fileBlock(build, "Code.js", html`The add-on and the planning core in one plain script: one function per spreadsheet function (with the help Sheets shows while you type), the menu and the sidebar’s calls.`)}
${fileBlock(build, "Sidebar.html", html`The sidebar: a function browser, publish and pull for shared models, and settings (the API URL for this spreadsheet; your API key, kept in your own user properties).`)}
${fileBlock(build, "appsscript.json", html`The manifest: the V8 runtime and the narrowest scopes that work (this spreadsheet only, the menu and sidebar, requests to the API).`)}
<p class="small muted">Developers can push the same add-on with clasp instead: see the repository’s README, “Google Sheets add-on”.</p>
</section>`;
  return layout({ title: `${ADDON_PAGE_TITLE} · AI Team Planner`, body, scripts: ["addon.js"] });
}
