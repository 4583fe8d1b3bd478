import { html, type Html } from "./html.js";
import { layout } from "./layout.js";

// The home page, GET /: what the product does, and a calculator that calls the public API from
// the browser (the same requests a script would make), so a newcomer sees real answers with
// their sources before reading the reference.

function salaryCalculator(): Html {
  return html`<section aria-labelledby="h-salary">
<h2 id="h-salary">Salary for a role</h2>
<p>Low, mid and high annual salary for a role, level and location, and the seed documents each figure comes from. Calls <code>GET /v1/salary</code>.</p>
<form id="salary-form" class="calc" novalidate>
<div><label for="salary-role">Role</label><select id="salary-role" name="role" required disabled><option>Loading…</option></select></div>
<div><label for="salary-level">Level</label><select id="salary-level" name="level" required disabled><option>Loading…</option></select></div>
<div><label for="salary-location">Location</label><select id="salary-location" name="location" disabled><option>Loading…</option></select></div>
<div><label for="salary-basis">Basis</label><select id="salary-basis" name="basis"><option value="base" selected>Base salary</option><option value="total">Total compensation</option></select></div>
<div><button type="submit" id="salary-submit" disabled>Get the salary</button></div>
</form>
<div id="salary-result" class="result" aria-live="polite"></div>
</section>`;
}

function teamCalculator(): Html {
  return html`<section aria-labelledby="h-team">
<h2 id="h-team">Team for a number of projects</h2>
<p>The team the seed's ratios recommend: one engineer per 3–4 projects, one data person per 2 engineers, a product manager per 5+ engineers, a manager once the team reaches 6. Calls <code>GET /v1/team</code>.</p>
<form id="team-form" class="calc" novalidate>
<div><label for="team-projects">AI projects</label><input id="team-projects" name="projects" type="number" inputmode="numeric" min="0" max="1000000" step="1" value="12" required></div>
<div><label for="team-per-engineer">Projects per engineer</label><select id="team-per-engineer" name="projectsPerEngineer"><option value="3" selected>3</option><option value="4">4</option></select></div>
<div><button type="submit" id="team-submit">Recommend a team</button></div>
</form>
<div id="team-result" class="result" aria-live="polite"></div>
</section>`;
}

function addonSteps(): Html {
  return html`<section aria-labelledby="h-sheets" id="sheets">
<h2 id="h-sheets">In Google Sheets</h2>
<p>The same figures as spreadsheet functions, such as <code>=AI_SALARY("ML Engineer","Mid","Austin")</code> or <code>=AI_PLAN(Hires!A1:E4, Assumptions!A1:B4)</code>, computed inside the sheet by the same core, so they agree with this API to the cent.</p>
<p><a href="/addon" id="install-addon">Install the add-on</a> from your browser: three files built for this API, pasted into the spreadsheet’s script editor (Extensions › Apps Script), then reload the spreadsheet. Nothing to install on your computer.</p>
<p>A shared plan model is also readable in any sheet with <code>=IMPORTDATA("…/result.csv", ",", "en_US")</code>, and as a live page at <code>/s/&lt;token&gt;</code>.</p>
</section>`;
}

export function homePage(): Html {
  const body = html`<section class="intro">
<h1>Plan and budget an AI team</h1>
<p class="lead" id="product">AI Team Planner turns published salary, hiring and team-ratio data into what an AI team costs: salaries by role, level and location, the team a number of projects needs, and a month-by-month hiring budget. Use it as spreadsheet functions in Google Sheets, as a JSON API for scripts and HR systems, or share a live plan model as a link.</p>
<p><a href="/docs">API reference</a> · <a href="/openapi.json">OpenAPI document</a> · <a href="/addon">Install the Google Sheets add-on</a></p>
</section>
<noscript><p class="problem">The calculator below calls the API from your browser, so it needs JavaScript. The API itself works without it: see <a href="/docs">the reference</a>.</p></noscript>
<p id="calc-status" class="problem" role="alert"></p>
${salaryCalculator()}
${teamCalculator()}
${addonSteps()}`;
  return layout({
    title: "AI Team Planner: plan and budget an AI team",
    body,
    scripts: ["home.js"],
  });
}
