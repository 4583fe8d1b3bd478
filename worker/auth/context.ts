import type { Context } from "hono";
import type { ApiKeyAuth, AppEnv } from "../env.js";
import { HttpProblem } from "../http/problem.js";

export const WWW_AUTHENTICATE = 'Bearer realm="ai-team-planner"';

export function unauthorized(detail: string, headers: Record<string, string> = {}): HttpProblem {
  return new HttpProblem(
    401,
    "UNAUTHORIZED",
    detail,
    {},
    { "WWW-Authenticate": WWW_AUTHENTICATE, ...headers },
  );
}

/** The caller's key; for handlers behind requireScope, where it is always present. */
export function callerOf(c: Context<AppEnv>): ApiKeyAuth {
  const auth = c.get("auth");
  if (!auth)
    throw unauthorized(
      'This route needs an API key: send it as "Authorization: Bearer atp_…" (create one with `npm run keys -- create`).',
    );
  return auth;
}
