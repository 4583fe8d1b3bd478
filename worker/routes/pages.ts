import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { newRouter, type AppEnv } from "../env.js";
import { documentedProblems, problemResponses } from "../schemas/openapi.js";
import { conditionalGet, fixedContent, unchanged } from "../http/conditional.js";
import {
  comparisonWork,
  datasetVersion,
  isOverBudget,
  MODEL_PAGE_COMPARISONS,
  tooMuchWork,
  type SalaryOptions,
} from "../../shared/index.js";
import { pinOf } from "../db/models.js";
import { resultForView } from "../http/share-view.js";
import { pinnedOptions, pricedWith, savedModelResult } from "../middleware/pinned-result.js";
import { cachedResult, serverTiming } from "../http/result-cache.js";
import { HttpProblem } from "../http/problem.js";
import { isoTime, resultEtag } from "../http/version-etag.js";
import { ASSETS, assetUrl, isAssetName } from "../pages/assets.js";
import { goneContent, gonePage, unavailableContent } from "../pages/gone-page.js";
import { homePage } from "../pages/home-page.js";
import { raw, type Html } from "../pages/html.js";
import { liveModelPage, pollSeconds, sharedModelContent } from "../pages/shared-model-page.js";
import { modelScenarios, sharedModelLinks, type ScenarioView } from "../pages/shared-model-view.js";

// The pages people look at: the home page with its calculator, and the live page behind a share
// link. Both are HTML rendered here from the core's results; their script and stylesheet are
// served from /assets, so the CSP can stay at 'self' and nothing loads from another host.

const htmlResponse = (description: string) => ({
  description,
  content: { "text/html": { schema: z.string() } },
});

const home = createRoute({
  method: "get",
  path: "/",
  tags: ["Pages"],
  summary: "Home page (HTML): what the product does, and a calculator that calls this API",
  description:
    "The home page: what the product does, a salary and team calculator that calls /v1/salary and /v1/team from the browser, and links to /docs and /addon.",
  responses: { 200: htmlResponse("The home page.") },
});

const shared = createRoute({
  method: "get",
  path: "/s/{token}",
  tags: ["Pages"],
  summary: "A shared model as a live page (HTML, no key needed)",
  middleware: [conditionalGet] as const,
  description:
    "The model's name, version, assumptions, hires, month-by-month plan, yearly summary, ratio warnings and charts. The page checks `GET /v1/shared/{token}` with If-None-Match and swaps in the new content when the model is saved again. An unknown or revoked token is a 404 page.",
  request: {
    params: z.object({
      token: z.string().openapi({
        param: { name: "token", in: "path" },
        example: "shr_mQ4v0c1n2b3v4c5x6z7l8k9j0h1g2f3d",
      }),
    }),
    query: z.object({
      poll: z.string().optional().openapi({
        description:
          "Seconds between checks for a new version (5 to 3600; default 30). Each check counts against the link's read limit.",
        example: "30",
      }),
      fragment: z
        .string()
        .optional()
        .openapi({ description: "1: only the page's content (what the page script swaps in)." }),
    }),
  },
  responses: {
    200: htmlResponse("The page (or its content, with fragment=1); ETag names what it shows."),
    304: {
      description:
        "fragment=1 with If-None-Match naming the content's ETag: nothing changed (version, the owner's bands, the dataset).",
    },
    ...problemResponses(400),
    404: htmlResponse("This link was revoked or does not exist."),
    422: htmlResponse("The model's current version no longer computes; the page says why."),
  },
});

const asset = createRoute({
  method: "get",
  path: "/assets/{name}",
  tags: ["Pages"],
  summary: "The pages' script and stylesheet",
  description:
    "Linked from each page with its content hash (?v=…), under which it never changes (immutable); ETag is that hash.",
  middleware: [conditionalGet] as const,
  request: {
    params: z.object({
      name: z.string().openapi({ param: { name: "name", in: "path" }, example: "pages.css" }),
    }),
  },
  responses: {
    200: {
      description: "The file.",
      content: { "text/css": { schema: z.string() }, "text/javascript": { schema: z.string() } },
    },
    304: { description: "Not modified." },
    ...documentedProblems({ 404: "No such asset; the problem lists the ones there are." }, [404]),
  },
});

/**
 * The page's scenarios section. Saving checks a model's cost, scenarios included, so this is
 * within the work budget for every model saved since there was one; an older model over it shows
 * why instead of computing.
 */
function pageScenarios(inputJson: string, options: SalaryOptions): ScenarioView | null {
  const input = JSON.parse(inputJson) as Record<string, unknown>;
  const { scenarios, ...plan } = input;
  if (Array.isArray(scenarios) && scenarios.length) {
    const compare = comparisonWork(plan, scenarios);
    // The section runs the comparison, then each line's range again.
    const estimate = { ...compare, units: MODEL_PAGE_COMPARISONS * compare.units };
    if (isOverBudget(estimate)) return { error: tooMuchWork(estimate).message };
  }
  return modelScenarios(input, options);
}

/**
 * Shared pages are always current (the page itself polls) and private to whoever holds the link:
 * no shared cache may keep them and a browser must revalidate every use (the page's checks are
 * conditional requests answered 304, which needs a validator rather than no-store).
 */
function sharedHeaders(c: Context<AppEnv>): void {
  c.header("Cache-Control", "private, no-cache");
  c.header("X-Robots-Tag", "noindex, nofollow");
}

function page(c: Context<AppEnv>, body: Html, status: ContentfulStatusCode) {
  return c.html(body, status as 200);
}

export const pagesRouter = newRouter()
  .openapi(home, (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return page(c, homePage(), 200);
  })
  .openapi(shared, async (c) => {
    const started = performance.now();
    const { token } = c.req.valid("param");
    const { poll, fragment } = c.req.valid("query");
    const asFragment = fragment === "1";
    sharedHeaders(c);
    // Looked up (and counted against the link) by shareReadLimit.
    const model = c.get("sharedModel");
    if (!model) return page(c, asFragment ? goneContent() : gonePage(), 404);

    // The content shows the version as it was priced (its pin) and its scenarios, run with the
    // pinned bands and the running dataset; its ETag names all of them and the link's view, so
    // the open page asks with If-None-Match and gets a 304 while nothing changed.
    const version = { ...model, pin: pinOf(model) };
    const etag = resultEtag(
      model.version,
      version.pin,
      `d${datasetVersion().hash}`,
      ...(model.view === "totals" ? ["totals"] : []),
      "page",
    );
    c.header("ETag", etag);
    if (asFragment && unchanged(c, etag)) return c.body(null, 200);

    let pinned: Promise<SalaryOptions> | undefined;
    const options = () => (pinned ??= pinnedOptions(c.var.d1, model.workspaceId, version.pin));
    const seconds = pollSeconds(poll);
    // The rendered content is cached (a view is one lookup); a miss renders it from the model's
    // result (itself cached, shared with /v1/shared/{token}/result) and its scenarios.
    const origin = new URL(c.req.url).origin;
    let content;
    try {
      content = await cachedResult(
        c,
        {
          kind: "content",
          modelId: model.id,
          version: model.version,
          pin: version.pin,
          variant: `${origin} ${token} ${model.view}`,
        },
        async () => {
          const result = await savedModelResult(c, version);
          return String(
            sharedModelContent({
              token,
              meta: {
                name: model.name,
                version: model.version,
                updatedAt: isoTime(model.updatedAt),
                view: model.view,
                pricedWith: pricedWith(version.pin),
              },
              result: resultForView(result.value, model.view),
              scenarios: pageScenarios(model.input, await options()),
              links: sharedModelLinks(origin, token),
            }),
          );
        },
      );
    } catch (e) {
      if (!(e instanceof HttpProblem)) throw e;
      const unavailable = unavailableContent(e.message);
      return page(
        c,
        asFragment
          ? unavailable
          : liveModelPage({
              token,
              version: model.version,
              etag,
              poll: seconds,
              title: "This model cannot be shown right now",
              content: unavailable,
            }),
        e.status,
      );
    }
    c.header("Server-Timing", serverTiming(content.outcome, started));
    const html = raw(content.value);
    return page(
      c,
      asFragment
        ? html
        : liveModelPage({
            token,
            version: model.version,
            etag,
            poll: seconds,
            title: `${model.name} · shared plan model`,
            content: html,
          }),
      200,
    );
  })
  .openapi(asset, (c) => {
    const { name } = c.req.valid("param");
    if (!isAssetName(name)) {
      throw new HttpProblem(
        404,
        "NOT_FOUND",
        `No asset "${name}"; the pages use ${Object.keys(ASSETS).join(", ")}.`,
        { field: "name" },
      );
    }
    const { body, type } = ASSETS[name];
    const url = assetUrl(name);
    const etag = `"${url.slice(url.indexOf("?v=") + 3)}"`;
    // The page links each asset with its content hash, so that exact URL never changes content.
    const current = c.req.query("v") === etag.slice(1, -1);
    return fixedContent(c, body, type, {
      etag,
      cacheControl: current ? "public, max-age=31536000, immutable" : "public, max-age=300",
    });
  });
