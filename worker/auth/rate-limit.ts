import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { countRequests, dropEndedWindows, WINDOW_MS, windowStart } from "../db/rate-limits.js";
import { HttpProblem } from "../lib/problem.js";

/** Used when wrangler.toml's vars are missing or not a positive whole number. */
export const DEFAULT_LIMITS = { perKey: 600, anonymous: 120 } as const;

function limitFrom(value: unknown, fallback: number): number {
  const n =
    typeof value === "string" ? Number(value.trim()) : typeof value === "number" ? value : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** Work that may finish after the response (Workers' waitUntil), or inline when there is no execution context. */
async function inBackground(c: Context, work: Promise<unknown>, what: string): Promise<void> {
  const settled = work.catch((e: unknown) =>
    console.error(JSON.stringify({ level: "warn", message: `${what} failed`, error: String(e) })),
  );
  try {
    c.executionCtx.waitUntil(settled);
  } catch {
    await settled;
  }
}

/**
 * This isolate's view of one bucket's window: `known` is the D1 total at the last write (every
 * isolate's requests), `pending` the requests counted here since. The first request of a window
 * waits for D1; later ones count in memory and reach D1 in the background at most once a second
 * (or every SYNC_EVERY requests), so the D1 write is off the request path. Within an isolate the
 * count is exact; across isolates it trails by at most that much.
 */
interface Tally {
  window: number;
  known: number;
  pending: number;
  lastWrite: number;
  writing: boolean;
}

const SYNC_EVERY = 25;
const SYNC_MS = 1000;
const MAX_TALLIES = 10_000;
const tallies = new Map<string, Tally>();

async function count(c: Context<{ Bindings: Env }>, bucket: string, now: number): Promise<number> {
  const window = windowStart(now);
  const tally = tallies.get(bucket);
  if (!tally || tally.window !== window) {
    if (tallies.size >= MAX_TALLIES)
      for (const [b, t] of tallies) if (t.window !== window) tallies.delete(b);
    const known = await countRequests(c.env.DB, bucket, window);
    tallies.set(bucket, { window, known, pending: 0, lastWrite: now, writing: false });
    // The first request of a bucket's new window clears ended windows, so the table stays small.
    if (known === 1) await inBackground(c, dropEndedWindows(c.env.DB, now), "rate-limit cleanup");
    return known;
  }
  tally.pending += 1;
  const total = tally.known + tally.pending;
  if (!tally.writing && (tally.pending >= SYNC_EVERY || now - tally.lastWrite >= SYNC_MS)) {
    const requests = tally.pending;
    tally.pending = 0;
    tally.writing = true;
    tally.lastWrite = now;
    await inBackground(
      c,
      countRequests(c.env.DB, bucket, window, requests)
        .then((known) => {
          if (tally.window === window) tally.known = Math.max(tally.known + requests, known);
        })
        .catch((e: unknown) => {
          tally.pending += requests;
          throw e;
        })
        .finally(() => {
          tally.writing = false;
        }),
      "rate-limit write",
    );
  }
  return total;
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
  const limit = auth
    ? limitFrom(c.env.RATE_LIMIT_PER_MINUTE, DEFAULT_LIMITS.perKey)
    : limitFrom(c.env.ANON_RATE_LIMIT_PER_MINUTE, DEFAULT_LIMITS.anonymous);
  // An address is at most 45 characters (IPv6); anything longer is not one Cloudflare set.
  const bucket = auth
    ? `key:${auth.keyId}`
    : `ip:${c.req.header("CF-Connecting-IP")?.trim().slice(0, 45) || "anonymous"}`;
  const now = Date.now();
  const requests = await count(c, bucket, now);

  const reset = Math.max(1, Math.ceil((windowStart(now) + WINDOW_MS - now) / 1000));
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, limit - requests)),
    "RateLimit-Reset": String(reset),
  };
  if (requests > limit) {
    const who = auth ? "this API key" : "your address (send an API key for a higher limit)";
    throw new HttpProblem(
      429,
      "RATE_LIMITED",
      `Rate limit reached: ${limit} requests a minute for ${who}. Retry after ${reset} s.`,
      { limit, retryAfter: reset },
      { ...headers, "Retry-After": String(reset) },
    );
  }
  await next();
  for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
});
