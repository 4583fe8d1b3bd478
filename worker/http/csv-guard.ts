import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";
import { matchedRoutes } from "hono/route";
import { hasCsvSuffix } from "./csv.js";
import { problemResponse } from "./problem.js";

interface RegisteredRoute {
  type: string;
  route?: {
    method: string;
    path: string;
    responses?: Record<string, { content?: Record<string, unknown> }>;
  };
}

/** "GET /v1/roles/{role}" for every route whose documented 200 answer includes text/csv. */
export function csvRouteKeys(app: OpenAPIHono<AppEnv>): Set<string> {
  const keys = new Set<string>();
  for (const def of app.openAPIRegistry.definitions as RegisteredRoute[]) {
    if (def.type !== "route" || !def.route) continue;
    if (def.route.responses?.["200"]?.content?.["text/csv"])
      keys.add(`${def.route.method.toUpperCase()} ${def.route.path}`);
  }
  return keys;
}

const toOpenApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

/**
 * CSV is served exactly where the OpenAPI document says so. `.csv` on a path that has no CSV
 * form is a path that does not exist (404); `?format=csv` on a route without one is 406. Both
 * are answered before the handler runs, so a write never happens for a request we then refuse.
 */
export function csvGuard(app: OpenAPIHono<AppEnv>): MiddlewareHandler {
  let csvRoutes: Set<string> | undefined;
  return async (c, next) => {
    const suffix = hasCsvSuffix(c.req.url);
    const query = c.req.query("format")?.toLowerCase() === "csv";
    if (!suffix && !query) return next();
    const route = matchedRoutes(c)
      .filter((r) => r.method !== "ALL")
      .at(-1);
    if (!route) return next(); // no such route: the not-found handler answers
    csvRoutes ??= csvRouteKeys(app);
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    if (csvRoutes.has(`${method} ${toOpenApiPath(route.path)}`)) return next();
    const path = new URL(c.req.url).pathname;
    const offered = [...csvRoutes].map((k) => k.replace(/^GET /, "")).join(", ");
    if (suffix) {
      return problemResponse(
        c,
        404,
        "NOT_FOUND",
        `No route for ${c.req.method} ${path}: ${toOpenApiPath(route.path)} has no CSV form. CSV is offered for: ${offered}.`,
      );
    }
    return problemResponse(
      c,
      406,
      "NOT_ACCEPTABLE",
      `${c.req.method} ${path} answers JSON only; drop format=csv. CSV is offered for: ${offered}.`,
      { field: "format", suggestions: ["json"] },
    );
  };
}
