import { factory } from "../env.js";
import { unauthorized } from "./context.js";
import { rateLimit } from "./rate-limit.js";
import { verifyApiKey } from "./verify-key.js";

/**
 * Reads `Authorization: Bearer <key>` when present and records the caller (c.var.auth) or why
 * the key was refused (c.var.authFailure). No header means anonymous, which compute and shared
 * routes allow; routes that need a key say so with requireScope. The workspace's bands are
 * loaded later, only by routes that price with them (loadBands), after the rate limit.
 */
export const identify = factory.createMiddleware(async (c, next) => {
  const header = c.req.header("Authorization");
  let failure: string | undefined;
  let auth;
  if (header !== undefined) {
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!bearer)
      failure =
        'The Authorization header must be "Bearer <API key>", e.g. "Authorization: Bearer atp_…".';
    else {
      auth = await verifyApiKey(c.var.d1, bearer[1]!);
      if (!auth)
        failure =
          "This API key is unknown or has been revoked. Ask a workspace admin for a key (POST /v1/keys) or create one with `npm run keys -- create --workspace <name> --scopes read`.";
    }
  }
  c.set("auth", auth);
  c.set("authFailure", failure);
  await next();
});

/** A presented but invalid key is a 401 even on open routes: silently treating it as anonymous would hide the mistake. */
export const rejectInvalidKey = factory.createMiddleware(async (c, next) => {
  const failure = c.get("authFailure");
  if (failure) throw unauthorized(failure);
  await next();
});

/** Register on /v1/*: identify the key, count the request, then refuse a bad key. */
export const authenticate = [identify, rateLimit, rejectInvalidKey] as const;
