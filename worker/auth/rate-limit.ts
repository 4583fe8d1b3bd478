import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { countRequest, dropEndedWindows, WINDOW_MS, windowStart } from "../db/rate-limits.js";
import { HttpProblem } from "../lib/problem.js";

/** Used when wrangler.toml's vars are missing or not a positive whole number. */
export const DEFAULT_LIMITS = { perKey: 600, anonymous: 120 } as const;

function limitFrom(value: unknown, fallback: number): number {
  const n = typeof value === "string" ? Number(value.trim()) : typeof value === "number" ? value : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** Work that may finish after the response (Workers' waitUntil), or inline when there is no execution context. */
async function inBackground(c: Context, work: Promise<unknown>): Promise<void> {
  const settled = work.catch((e: unknown) => console.error(JSON.stringify({ level: "warn", message: "rate-limit cleanup failed", error: String(e) })));
  try {
    c.executionCtx.waitUntil(settled);
  } catch {
    await settled;
  }
}

/**
 * Fixed-window limit per key, or per client address (CF-Connecting-IP; one shared "anonymous"
 * bucket when there is none) for calls without a key. Every answer carries RateLimit-Limit,
 * RateLimit-Remaining and RateLimit-Reset (seconds until the window ends); over the limit the
 * answer is 429 with Retry-After. Limits: RATE_LIMIT_PER_MINUTE and ANON_RATE_LIMIT_PER_MINUTE.
 * Runs after the key has been identified, so a bad key is counted against its address.
 */
export const rateLimit = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  const auth = c.get("auth");
  const limit = auth ? limitFrom(c.env.RATE_LIMIT_PER_MINUTE, DEFAULT_LIMITS.perKey) : limitFrom(c.env.ANON_RATE_LIMIT_PER_MINUTE, DEFAULT_LIMITS.anonymous);
  // An address is at most 45 characters (IPv6); anything longer is not one Cloudflare set.
  const bucket = auth ? `key:${auth.keyId}` : `ip:${c.req.header("CF-Connecting-IP")?.trim().slice(0, 45) || "anonymous"}`;
  const now = Date.now();
  const count = await countRequest(c.env.DB, bucket, now);
  // The first request of a bucket's new window clears ended windows, so the table stays small.
  if (count === 1) await inBackground(c, dropEndedWindows(c.env.DB, now));

  const reset = Math.max(1, Math.ceil((windowStart(now) + WINDOW_MS - now) / 1000));
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, limit - count)),
    "RateLimit-Reset": String(reset),
  };
  if (count > limit) {
    const who = auth ? "this API key" : "your address (send an API key for a higher limit)";
    throw new HttpProblem(429, "RATE_LIMITED", `Rate limit reached: ${limit} requests a minute for ${who}. Retry after ${reset} s.`, { limit, retryAfter: reset }, { ...headers, "Retry-After": String(reset) });
  }
  await next();
  for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
});
