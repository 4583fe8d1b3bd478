import { html, type Html } from "./html.js";
import { layout } from "./layout.js";

// What a share link shows when it leads nowhere. An unknown, revoked or deleted-model token all
// read the same (404), so the page reveals nothing about which tokens ever existed.

export const GONE_HEADING = "This link was revoked or does not exist";

export function goneContent(): Html {
  return html`<section class="gone" id="gone">
<h1>${GONE_HEADING}</h1>
<p>The plan model behind it may no longer be shared, or it was deleted, or the link is mistyped. Ask the person who sent it for a new link.</p>
<p><a href="/">Go to the AI Team Planner</a></p>
</section>`;
}

export function gonePage(): Html {
  return layout({ title: GONE_HEADING, body: goneContent(), noindex: true });
}

/** A model whose saved input no longer computes (e.g. a band it used was removed): say why instead of a blank page. */
export function unavailableContent(detail: string): Html {
  return html`<section class="gone" id="unavailable">
<h1>This model cannot be shown right now</h1>
<p>${detail}</p>
<p>This page shows the model again as soon as its owner saves a version that computes.</p>
</section>`;
}
