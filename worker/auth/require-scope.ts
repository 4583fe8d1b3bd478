import type { Context } from "hono";
import type { Scope } from "../../shared/index.js";
import { factory, type AppEnv } from "../env.js";
import { HttpProblem } from "../http/problem.js";
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
