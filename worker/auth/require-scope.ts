import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { HttpProblem } from "../lib/problem.js";
import type { Scope } from "../db/schema.js";
import { scopeAllows } from "./api-key.js";
import { unauthorized } from "./context.js";

const WHAT: Record<Scope, string> = {
  read: "read (compute with the workspace's bands, read models and bands)",
  write: "write (save models, shares and bands)",
  admin: "admin (manage keys, restore deleted models, read the audit trail)",
};

/** No key → 401 (with WWW-Authenticate); a key without the scope → 403 naming the scope needed. */
export function assertScope(c: Context, scope: Scope): void {
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
  return createMiddleware(async (c, next) => {
    assertScope(c, scope);
    await next();
  });
}
