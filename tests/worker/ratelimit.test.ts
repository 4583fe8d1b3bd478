import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../worker/app.js";
import { ORIGIN, problemOf, workspaceWithKeys, type TestKey } from "./support/workspace.js";

// The real app and D1, with the wrangler.toml limits set low for this file (the vitest config sets
// them high so no other test trips them) and the clock fixed 30 s into a minute, so the
// one-minute window cannot roll over mid-test.
const app = createApp();
const lowLimits = { ...env, RATE_LIMIT_PER_MINUTE: "2", ANON_RATE_LIMIT_PER_MINUTE: "3" };

async function call(
  path: string,
  headers: Record<string, string> = {},
  limits: Env = lowLimits,
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(ORIGIN + path, { headers }), limits, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const limitHeaders = (res: Response) => [
  res.headers.get("ratelimit-limit"),
  res.headers.get("ratelimit-remaining"),
  res.headers.get("ratelimit-reset"),
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-05-04T10:00:30.000Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("rate limits (fixed one-minute window, counted in D1)", () => {
  it("anonymous calls are limited per client address: RateLimit-* on every answer, then 429 with Retry-After", async () => {
    const ip = { "CF-Connecting-IP": "203.0.113.7" };
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await call("/v1/levels", ip);
      expect(res.status).toBe(200);
      seen.push(limitHeaders(res));
    }
    expect(seen).toEqual([
      ["3", "2", "30"],
      ["3", "1", "30"],
      ["3", "0", "30"],
    ]);

    const limited = await call("/v1/levels", ip);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(limitHeaders(limited)).toEqual(["3", "0", "30"]);
    const p = await problemOf(limited, 429);
    expect(p).toMatchObject({ code: "RATE_LIMITED", limit: 3, retryAfter: 30 });
    expect(p.detail).toContain("send an API key for a higher limit");

    // Another address has its own bucket; the next minute starts afresh.
    expect((await call("/v1/levels", { "CF-Connecting-IP": "198.51.100.9" })).status).toBe(200);
    vi.setSystemTime(new Date("2026-05-04T10:01:05.000Z"));
    const next = await call("/v1/levels", ip);
    expect(next.status).toBe(200);
    expect(limitHeaders(next)).toEqual(["3", "2", "55"]);
  });

  it("calls without CF-Connecting-IP share one anonymous bucket", async () => {
    for (let i = 0; i < 3; i++) expect((await call("/v1/levels")).status).toBe(200);
    await problemOf(await call("/v1/levels"), 429);
  });

  it("keyed calls are limited per key (RATE_LIMIT_PER_MINUTE), apart from the caller's address and other keys", async () => {
    const ws = await workspaceWithKeys("ratelimit");
    const auth = (k: TestKey) => ({
      Authorization: `Bearer ${k.key}`,
      "CF-Connecting-IP": "192.0.2.1",
    });
    expect(limitHeaders(await call("/v1/models", auth(ws.read)))).toEqual(["2", "1", "30"]);
    expect((await call("/v1/models", auth(ws.read))).status).toBe(200);
    const limited = await call("/v1/models", auth(ws.read));
    expect((await problemOf(limited, 429)).detail).toContain("this API key");
    expect(limited.headers.get("retry-after")).toBe("30");
    expect((await call("/v1/models", auth(ws.write))).status).toBe(200);
    expect((await call("/v1/levels", { "CF-Connecting-IP": "192.0.2.1" })).status).toBe(200);
  });

  it("a 401 for a bad key still counts against the address", async () => {
    const headers = { Authorization: "Bearer atp_wrong", "CF-Connecting-IP": "203.0.113.50" };
    for (let i = 0; i < 3; i++) {
      const res = await call("/v1/levels", headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("ratelimit-remaining")).toBe(String(2 - i));
    }
    await problemOf(await call("/v1/levels", headers), 429);
  });

  it("ended windows are dropped, so the table holds only current counters", async () => {
    await call("/v1/levels", { "CF-Connecting-IP": "203.0.113.77" });
    vi.setSystemTime(new Date("2026-05-04T10:05:00.000Z"));
    await call("/v1/levels", { "CF-Connecting-IP": "203.0.113.78" });
    const old = await env.DB.prepare("SELECT COUNT(*) AS n FROM rate_limits WHERE window_start < ?")
      .bind(Date.parse("2026-05-04T10:05:00.000Z"))
      .first<{ n: number }>();
    expect(old!.n).toBe(0);
  });

  it("counts reach D1 off the request path: the window's first request, then every 25 in the background", async () => {
    const ip = { "CF-Connecting-IP": "203.0.113.120" };
    const high = { ...env, ANON_RATE_LIMIT_PER_MINUTE: "1000" };
    const stored = async () =>
      (
        await env.DB.prepare("SELECT count FROM rate_limits WHERE bucket = ?")
          .bind("ip:203.0.113.120")
          .first<{ count: number }>()
      )?.count;
    await call("/v1/levels", ip, high);
    expect(await stored()).toBe(1);
    for (let i = 0; i < 24; i++) await call("/v1/levels", ip, high);
    expect(await stored()).toBe(1);
    const res = await call("/v1/levels", ip, high);
    expect(res.headers.get("ratelimit-remaining")).toBe(String(1000 - 26));
    expect(await stored()).toBe(26);
  });

  it("limits fall back to 600 per key and 120 anonymous when the vars are missing or not positive whole numbers", async () => {
    const res = await call(
      "/v1/levels",
      { "CF-Connecting-IP": "203.0.113.99" },
      { ...env, RATE_LIMIT_PER_MINUTE: "lots", ANON_RATE_LIMIT_PER_MINUTE: "" },
    );
    expect(res.headers.get("ratelimit-limit")).toBe("120");
  });
});
