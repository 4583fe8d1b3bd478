import type { MiddlewareHandler } from "hono";

export interface RequestLogLine {
  level: "info" | "warn";
  msg: "request";
  method: string;
  path: string;
  status: number;
  ms: number;
  requestId: string | undefined;
}

/**
 * The path as logged: a share token is a capability (whoever holds it reads the model), so the
 * logs keep where it was used, not the token: /v1/shared/{token}/result.csv, /s/{token}.
 */
export function loggedPath(pathname: string): string {
  return pathname.replace(/^\/(v1\/shared|s)\/[^/]+/, "/$1/{token}");
}

/**
 * One structured JSON line per request (Workers Logs and `wrangler tail` index JSON fields).
 * The path is logged without its query string (queries are the caller's data, not ours to keep)
 * and without share tokens.
 */
export const requestLog: MiddlewareHandler = async (c, next) => {
  const started = performance.now();
  await next();
  const line: RequestLogLine = {
    level: c.res.status >= 500 ? "warn" : "info",
    msg: "request",
    method: c.req.method,
    path: loggedPath(new URL(c.req.url).pathname),
    status: c.res.status,
    ms: Math.round(performance.now() - started),
    requestId: c.get("requestId"),
  };
  console.log(JSON.stringify(line));
};
