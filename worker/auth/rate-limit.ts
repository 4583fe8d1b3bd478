import type { Context } from "hono";
import { factory, type AppEnv } from "../env.js";
import { HttpProblem } from "../http/problem.js";
import { addressBucket } from "./client-address.js";

/** Fixed one-minute windows: every request in the same minute counts against the same total. */
export const WINDOW_MS = 60_000;

export function windowStart(now: number): number {
  return now - (now % WINDOW_MS);
}

/** Requests a minute, used when wrangler.toml's vars are missing or not positive whole numbers. */
export const DEFAULT_LIMITS = { perKey: 600, anonymous: 120, perShare: 600, pages: 300 } as const;

type Limit = keyof typeof DEFAULT_LIMITS;

const VARS: Record<Limit, keyof Env> = {
  perKey: "RATE_LIMIT_PER_MINUTE",
  anonymous: "ANON_RATE_LIMIT_PER_MINUTE",
  perShare: "SHARE_RATE_LIMIT_PER_MINUTE",
  pages: "PAGE_RATE_LIMIT_PER_MINUTE",
};

export function limitOf(env: Env, which: Limit): number {
  const value = (env as unknown as Record<string, unknown>)[VARS[which]];
  const n =
    typeof value === "string" ? Number(value.trim()) : typeof value === "number" ? value : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_LIMITS[which];
}

/**
 * Counts this request in `bucket` (one RateLimitCounter Durable Object per bucket, so the count
 * is exact however many requests arrive at once) and returns the RateLimit-* headers for the
 * answer; over `limit` it throws the 429 instead, with Retry-After. `who` ends "… for {who}".
 */
export async function countRequest(
  c: Context<AppEnv>,
  bucket: string,
  limit: number,
  who: string,
): Promise<Record<string, string>> {
  const now = Date.now();
  const start = windowStart(now);
  const counter = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(bucket));
  const requests = await counter.hit(start);
  const reset = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, limit - requests)),
    "RateLimit-Reset": String(reset),
  };
  if (requests > limit) {
    throw new HttpProblem(
      429,
      "RATE_LIMITED",
      `Rate limit reached: ${limit} requests a minute for ${who}. Retry after ${reset} s.`,
      { limit, retryAfter: reset },
      { ...headers, "Retry-After": String(reset) },
    );
  }
  return headers;
}

function setHeaders(c: Context, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
}

/** Share links are counted per link by shareReadLimit (worker/auth/share-read.ts), not here. */
const SHARE_READ = /^\/v1\/shared\//;

/**
 * /v1 limits: per key (RATE_LIMIT_PER_MINUTE) or, without a key, per client address with IPv6
 * counted per /64 (ANON_RATE_LIMIT_PER_MINUTE). Every answer carries RateLimit-Limit,
 * RateLimit-Remaining and RateLimit-Reset (seconds until the window ends); over the limit it is
 * 429 with Retry-After. Runs after the key has been identified, so a bad key counts against its
 * address.
 */
export const rateLimit = factory.createMiddleware(async (c, next) => {
  if (SHARE_READ.test(c.req.path)) return next();
  const auth = c.get("auth");
  const headers = auth
    ? await countRequest(c, `key:${auth.keyId}`, limitOf(c.env, "perKey"), "this API key")
    : await countRequest(
        c,
        addressBucket(c.req.header("CF-Connecting-IP")),
        limitOf(c.env, "anonymous"),
        "your address (send an API key for a higher limit)",
      );
  await next();
  setHeaders(c, headers);
});

/**
 * The public pages and documents (/, /docs, /openapi.json, /assets/*), per client address (IPv6
 * per /64) in a bucket of their own (PAGE_RATE_LIMIT_PER_MINUTE), so reading the docs never
 * uses up the API's limit.
 */
export const pageRateLimit = factory.createMiddleware(async (c, next) => {
  const headers = await countRequest(
    c,
    `page:${addressBucket(c.req.header("CF-Connecting-IP"))}`,
    limitOf(c.env, "pages"),
    "pages from your address",
  );
  await next();
  setHeaders(c, headers);
});

export { setHeaders as setRateLimitHeaders };
