import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { methodNotAllowed } from "hono/method-not-allowed";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { type AppEnv } from "./env.js";
import { authenticate } from "./auth/authenticate.js";
import { pageRateLimit } from "./auth/rate-limit.js";
import { shareReadLimit } from "./auth/share-read.js";
import { BOOKMARK_HEADER, d1Session } from "./middleware/d1-session.js";
import { hasCsvSuffix, pathWithoutCsvSuffix } from "./http/csv.js";
import { csvGuard } from "./http/csv-guard.js";
import { problemOf, problemResponse } from "./http/problem.js";
import { requestLog } from "./http/request-log.js";
import { defaultHook } from "./http/validation.js";
import { addonRouter } from "./routes/addon.js";
import { auditRouter } from "./routes/audit.js";
import { bandsRouter } from "./routes/bands.js";
import { workspaceDataRouter } from "./routes/workspace-data.js";
import { batchRouter } from "./routes/batch.js";
import { channelsRouter } from "./routes/channels.js";
import { datasetRouter } from "./routes/dataset.js";
import { docsRouter } from "./routes/docs.js";
import { faviconRouter } from "./routes/favicon.js";
import { functionsRouter } from "./routes/functions.js";
import { healthRouter } from "./routes/health.js";
import { keysRouter } from "./routes/keys.js";
import { levelsRouter } from "./routes/levels.js";
import { locationsRouter } from "./routes/locations.js";
import { modelsRouter } from "./routes/models.js";
import { mountOpenApiDocument, type PathGuard } from "./routes/openapi.js";
import { pagesRouter } from "./routes/pages.js";
import { planTemplatesRouter } from "./routes/plan-templates.js";
import { planRouter } from "./routes/plan.js";
import { planRangeRouter } from "./routes/plan-range.js";
import { planCompareRouter } from "./routes/plan-compare.js";
import { hireVsUpskillRouter } from "./routes/hire-vs-upskill.js";
import { rolesRouter } from "./routes/roles.js";
import { salaryRouter } from "./routes/salary.js";
import { sharesRouter } from "./routes/shares.js";
import { teamRouter } from "./routes/team.js";
import { transitionsRouter } from "./routes/transitions.js";
import { upskillingRouter } from "./routes/upskilling.js";
import { usageRouter } from "./routes/usage.js";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The public pages and documents, counted per address in a bucket of their own. */
const PAGES = ["/", "/docs", "/openapi.json", "/assets/*"];

/**
 * What runs before every route under a path, and what it may answer: API keys (optional on
 * compute routes; c.var.auth) and rate limits — per key or address on /v1, per link on share
 * reads, per address on the pages. /health and unknown paths are not counted: answering them
 * costs less than counting them. The OpenAPI document lists each guard's answers from this table.
 */
export const GUARDS: (PathGuard & { run: readonly MiddlewareHandler<AppEnv>[] })[] = [
  // First: every D1 query after it (keys, share links, models) runs on the request's session.
  { path: "/v1/*", run: [d1Session], answers: [400], bookmark: true },
  { path: "/s/*", run: [d1Session], answers: [400], bookmark: true },
  { path: "/v1/*", run: authenticate, answers: [401, 429], optionalKey: true },
  { path: "/v1/shared/*", run: [shareReadLimit], answers: [429] },
  { path: "/s/*", run: [shareReadLimit], answers: [429] },
  ...PAGES.map((path) => ({ path, run: [pageRateLimit], answers: [429] as const })),
];

/** GET, HEAD, POST, PUT, PATCH, DELETE, then OPTIONS (every path answers the CORS preflight). */
const METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

/** The app: cross-cutting middleware, one router per resource, one error handler. */
export function createApp() {
  // `.csv` on a path routes like the path itself; csvGuard decides whether that route has a CSV form.
  const app = new OpenAPIHono<AppEnv>({ defaultHook, getPath: pathWithoutCsvSuffix });

  app.use(requestId({ limitLength: 128 }));
  app.use(requestLog);
  app.use(
    secureHeaders({
      // Everything the /docs page needs comes from this worker; nothing may load from elsewhere.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
      // A public API: other origins may read it (CORS below), so do not forbid cross-origin reads.
      crossOriginResourcePolicy: "cross-origin",
    }),
  );
  app.use(
    cors({
      origin: "*",
      // Writes to models and bands (PUT with If-Match, DELETE) come from browsers too.
      allowMethods: ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
      allowHeaders: [
        "Content-Type",
        "Authorization",
        "If-None-Match",
        "If-Match",
        "X-Request-Id",
        BOOKMARK_HEADER,
      ],
      // What a browser client needs to read: caching, the request id, and the rate-limit and auth answers.
      exposeHeaders: [
        "ETag",
        "X-Request-Id",
        "Allow",
        "Location",
        "Retry-After",
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
        "WWW-Authenticate",
        BOOKMARK_HEADER,
      ],
      maxAge: 86400,
    }),
  );
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        problemResponse(
          c,
          413,
          "BODY_TOO_LARGE",
          `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MB); send less per request (e.g. split a batch).`,
        ),
    }),
  );
  // A known path asked with another method: 405 with Allow (hono/method-not-allowed), as a problem.
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        // `.csv` twins exist for GETs only: another method on one is a path that does not exist.
        if (hasCsvSuffix(c.req.url)) return c.res;
        const answers = METHOD_ORDER.filter((m) => methods.includes(m));
        const allow = [...answers, "OPTIONS"];
        return problemResponse(
          c,
          405,
          "METHOD_NOT_ALLOWED",
          `${c.req.method} is not allowed on ${new URL(c.req.url).pathname}; it answers ${answers.filter((m) => m !== "HEAD").join(", ")}.`,
          { suggestions: allow },
          { Allow: allow.join(", ") },
        );
      },
    }),
  );
  app.use(csvGuard(app));
  for (const guard of GUARDS) app.use(guard.path, ...guard.run);

  app.route("/health", healthRouter);
  app.route("/v1/salary", salaryRouter);
  app.route("/v1/team", teamRouter);
  app.route("/v1/plan", planRouter);
  app.route("/v1/plan/range", planRangeRouter);
  app.route("/v1/plan/compare", planCompareRouter);
  app.route("/v1/scenarios", hireVsUpskillRouter);
  app.route("/v1/plan/templates", planTemplatesRouter);
  app.route("/v1/upskilling", upskillingRouter);
  app.route("/v1/transitions", transitionsRouter);
  app.route("/v1/roles", rolesRouter);
  app.route("/v1/levels", levelsRouter);
  app.route("/v1/locations", locationsRouter);
  app.route("/v1/channels", channelsRouter);
  app.route("/v1/dataset", datasetRouter);
  app.route("/v1/functions", functionsRouter);
  app.route("/v1/batch", batchRouter);
  app.route("/docs", docsRouter);
  app.route("/v1/keys", keysRouter);
  app.route("/v1/audit", auditRouter);
  app.route("/v1/models", modelsRouter);
  app.route("/v1", sharesRouter);
  app.route("/v1/bands", bandsRouter);
  app.route("/v1/workspace", workspaceDataRouter);
  app.route("/v1/usage", usageRouter);
  app.route("/", pagesRouter);
  app.route("/addon", addonRouter);
  app.route("/", faviconRouter);
  mountOpenApiDocument(app, GUARDS);

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    return problemResponse(
      c,
      404,
      "NOT_FOUND",
      `No route for ${c.req.method} ${path}. See /openapi.json (or /docs) for the routes this API serves.`,
    );
  });

  app.onError((err, c) => {
    const p = problemOf(err);
    if (p) return problemResponse(c, p.status, p.code, p.message, p.extra, p.headers);
    console.error(
      JSON.stringify({
        level: "error",
        requestId: c.get("requestId"),
        message: err.message,
        stack: err.stack,
      }),
    );
    return problemResponse(
      c,
      500,
      "INTERNAL",
      "Something went wrong on our side; the request id identifies it in our logs.",
    );
  });

  return app;
}
