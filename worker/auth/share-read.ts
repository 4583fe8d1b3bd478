import { database } from "../db/client.js";
import { factory } from "../env.js";
import { findSharedModel } from "../db/shares.js";
import { addressBucket } from "./client-address.js";
import { countRequest, limitOf, setRateLimitHeaders } from "./rate-limit.js";

/** The token of /v1/shared/{token}[/…] and /s/{token}. */
const TOKEN = /^\/(?:v1\/shared|s)\/([^/]+)/;

/** Tokens are "shr_" and 32 characters; anything much longer cannot be one and needs no lookup. */
const MAX_TOKEN_LENGTH = 128;

/**
 * Share reads (IMPORTDATA of /result.csv, the add-on's AI_MODEL, the page and its polling) are
 * counted per share link with their own limit (SHARE_RATE_LIMIT_PER_MINUTE), whoever reads it:
 * Google's fetchers read from shared addresses, so counting them per address would let one busy
 * sheet lock a link out for everyone. A link that does not exist (unknown, revoked, its model
 * deleted) counts against the caller's address instead, so guessing tokens is limited like any
 * anonymous call. Looks the model up once, for the route (c.var.sharedModel).
 */
export const shareReadLimit = factory.createMiddleware(async (c, next) => {
  const token = TOKEN.exec(c.req.path)?.[1] ?? "";
  const model =
    token && token.length <= MAX_TOKEN_LENGTH
      ? ((await findSharedModel(database(c.var.d1), token)) ?? null)
      : null;
  c.set("sharedModel", model);
  const headers = model
    ? await countRequest(
        c,
        `share:${token}`,
        limitOf(c.env, "perShare"),
        "this share link (every reader of it counts)",
      )
    : await countRequest(
        c,
        addressBucket(c.req.header("CF-Connecting-IP")),
        limitOf(c.env, "anonymous"),
        "your address (links that do not exist count against it)",
      );
  await next();
  setRateLimitHeaders(c, headers);
});
