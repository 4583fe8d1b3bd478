import type { Context } from "hono";
import { HttpProblem } from "../lib/problem.js";
import type { Scope } from "../db/schema.js";

/** Who is calling, once a valid `Authorization: Bearer …` key has been checked. */
export interface ApiKeyAuth {
  keyId: string;
  workspaceId: string;
  scope: Scope;
}

declare module "hono" {
  interface ContextVariableMap {
    /** Set by the authenticate middleware on /v1/*: the caller's key, or undefined when anonymous. */
    auth: ApiKeyAuth | undefined;
    /** Why a presented key was refused; the request is answered 401 after it has been counted. */
    authFailure: string | undefined;
    /** The version of the caller workspace's current band set (0: none), part of result ETags. */
    bandsVersion: number | undefined;
  }
}

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
export function callerOf(c: Context): ApiKeyAuth {
  const auth = c.get("auth");
  if (!auth)
    throw unauthorized(
      'This route needs an API key: send it as "Authorization: Bearer atp_…" (create one with `npm run keys -- create`).',
    );
  return auth;
}
