import type { Hono } from "hono";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * The methods some route (not a middleware) answers on this path, asked of the app's own
 * router, so routes mounted later (by any router) are covered without a list to keep in step.
 * GET implies HEAD (Hono answers HEAD from the GET route) and every path answers OPTIONS (CORS).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app, whatever its env
export function allowedMethods(app: Hono<any, any, any>, path: string): string[] {
  const allowed: string[] = METHODS.filter((method) => {
    const [matches] = app.router.match(method, path);
    return matches.some(([[, route]]) => route.method !== "ALL");
  });
  if (!allowed.length) return [];
  if (allowed.includes("GET")) allowed.splice(1, 0, "HEAD");
  return [...allowed, "OPTIONS"];
}
