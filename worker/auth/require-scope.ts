import type { Context, MiddlewareHandler } from "hono";
import type { Scope } from "../../shared/index.js";
import { factory, type AppEnv } from "../env.js";
import { HttpProblem } from "../http/problem.js";
import { bearerAuth } from "../schemas/workspace-responses.js";
import { scopeAllows } from "../db/credentials.js";
import { unauthorized } from "./context.js";

const WHAT: Record<Scope, string> = {
  read: "read (compute with the workspace's bands, read models and bands)",
  write: "write (save models, shares and bands)",
  admin: "admin (manage keys, restore deleted models, read the audit trail)",
};

/** No key → 401 (with WWW-Authenticate); a key without the scope → 403 naming the scope needed. */
export function assertScope(c: Context<AppEnv>, scope: Scope): void {
  const auth = c.get("auth");
  if (!auth)
    throw unauthorized(
      `This route needs an API key with the ${scope} scope: send "Authorization: Bearer atp_…".`,
    );
  if (!scopeAllows(auth.scope, scope)) {
    throw new HttpProblem(
      403,
      "FORBIDDEN",
      `This API key has the ${auth.scope} scope; this needs ${WHAT[scope]}. Use a key with the ${scope} scope.`,
      { requiredScope: scope, keyScope: auth.scope },
    );
  }
}

/** Route middleware: assertScope before validation and the handler, so 401/403 come before any 400. */
export function requireScope(scope: Scope) {
  return factory.createMiddleware(async (c, next) => {
    assertScope(c, scope);
    await next();
  });
}

/**
 * What a route that needs a key with `scope` spreads into its createRoute: the bearer security
 * requirement its OpenAPI entry declares and the middleware that enforces it (then `more`), from
 * one call, so the document and the check cannot disagree.
 */
export function keyed(scope: Scope, ...more: MiddlewareHandler<AppEnv>[]) {
  return { security: bearerAuth, middleware: [requireScope(scope), ...more] };
}
