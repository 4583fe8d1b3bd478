import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../worker/app.js";
import {
  api,
  jsonOf,
  ORIGIN,
  planInput,
  problemOf,
  workspaceWithKeys,
  type TestKey,
} from "./support/workspace.js";

// The real app, D1 and RateLimitCounter Durable Objects, with the wrangler.toml limits set low
// for this file (the vitest config sets them high so no other test trips them) and the clock
// fixed 30 s into a minute, so the one-minute window cannot roll over mid-test.
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

describe("rate limits (fixed one-minute window, one counter object per bucket)", () => {
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

  it("calls without a readable CF-Connecting-IP share one bucket", async () => {
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

  it("limits fall back to 600 per key and 120 anonymous when the vars are missing or not positive whole numbers", async () => {
    const res = await call(
      "/v1/levels",
      { "CF-Connecting-IP": "203.0.113.99" },
      { ...env, RATE_LIMIT_PER_MINUTE: "lots", ANON_RATE_LIMIT_PER_MINUTE: "" },
    );
    expect(res.headers.get("ratelimit-limit")).toBe("120");
  });
});

describe("finding 4: limits that were unfair and bypassable", () => {
  it("a burst of 300 concurrent calls from a fresh address lets exactly the limit through", async () => {
    const limits = { ...env, ANON_RATE_LIMIT_PER_MINUTE: "120" };
    const ip = { "CF-Connecting-IP": "198.51.100.201" };
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => call("/v1/levels", ip, limits)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.filter((s) => s === 429)).toHaveLength(180);
    // Every 200 saw a distinct count: remaining 119 … 0, each once.
    const remaining = answers
      .filter((r) => r.status === 200)
      .map((r) => Number(r.headers.get("ratelimit-remaining")))
      .sort((x, y) => x - y);
    expect(remaining).toEqual(Array.from({ length: 120 }, (_, i) => i));
  });

  it("rotating addresses inside one IPv6 /64 is one bucket; another /64 is another", async () => {
    const subnet = "2001:db8:abcd:12";
    const rotating = [
      `${subnet}::1`,
      `${subnet}:ffff:ffff:ffff:ffff`,
      `${subnet.toUpperCase()}:0:0:0:7`,
      "2001:0db8:abcd:0012:1234:5678:9abc:def0",
    ];
    const statuses = [];
    for (const address of rotating)
      statuses.push((await call("/v1/levels", { "CF-Connecting-IP": address })).status);
    // Limit 3 in this file: three answers, then the same /64 is refused whatever the address.
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await call("/v1/levels", { "CF-Connecting-IP": "2001:db8:abcd:13::1" })).status).toBe(
      200,
    );
  });

  it("an IPv4-mapped IPv6 address is its IPv4 address", async () => {
    for (let i = 0; i < 2; i++)
      expect((await call("/v1/levels", { "CF-Connecting-IP": "192.0.2.77" })).status).toBe(200);
    expect((await call("/v1/levels", { "CF-Connecting-IP": "::ffff:192.0.2.77" })).status).toBe(
      200,
    );
    await problemOf(await call("/v1/levels", { "CF-Connecting-IP": "::FFFF:192.0.2.77" }), 429);
  });

  it("share reads count per link, not per address: an address over its limit still reads a share, until the link's own budget is spent", async () => {
    const ws = await workspaceWithKeys("share-budget");
    const model = await jsonOf(
      await api("/v1/models", {
        key: ws.write,
        body: { name: "shared", input: planInput() },
      }),
      201,
    );
    const { token } = await jsonOf(
      await api(`/v1/models/${model.id}/shares`, { key: ws.write, body: {} }),
      201,
    );
    // A Google fetcher's address: its ordinary calls are over the anonymous limit (3 here).
    const google = { "CF-Connecting-IP": "66.249.66.1" };
    const limits = { ...lowLimits, SHARE_RATE_LIMIT_PER_MINUTE: "5" };
    for (let i = 0; i < 4; i++) await call("/v1/levels", google, limits);
    await problemOf(await call("/v1/levels", google, limits), 429);

    const reads = [
      `/v1/shared/${token}/result.csv`,
      `/v1/shared/${token}/result`,
      `/v1/shared/${token}`,
      `/s/${token}`,
      `/v1/shared/${token}/result?format=csv`,
    ];
    for (const [i, path] of reads.entries()) {
      const res = await call(path, google, limits);
      expect(res.status, path).toBe(200);
      expect(limitHeaders(res)).toEqual(["5", String(4 - i), "30"]);
    }
    // The link's budget is spent, from any address.
    const p = await problemOf(
      await call(`/v1/shared/${token}/result.csv`, { "CF-Connecting-IP": "203.0.113.9" }, limits),
      429,
    );
    expect(p.detail).toContain("5 requests a minute for this share link");
  });

  it("guessing share tokens counts against the guesser's address", async () => {
    const ip = { "CF-Connecting-IP": "203.0.113.200" };
    for (let i = 0; i < 3; i++) {
      const res = await call(`/v1/shared/shr_guess${i}/result.csv`, ip);
      await problemOf(res, 404);
      expect(res.headers.get("ratelimit-remaining")).toBe(String(2 - i));
    }
    await problemOf(await call("/s/shr_guess9", ip), 429);
    await problemOf(await call("/v1/levels", ip), 429);
  });

  it("the pages are limited per address in a bucket of their own; /health is not limited", async () => {
    const ip = { "CF-Connecting-IP": "203.0.113.201" };
    const limits = { ...lowLimits, PAGE_RATE_LIMIT_PER_MINUTE: "4" };
    for (const path of ["/", "/docs", "/openapi.json", "/assets/pages.css"])
      expect((await call(path, ip, limits)).status, path).toBe(200);
    const limited = await call("/docs", ip, limits);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    // The API's own bucket for the address is untouched, and /health never counts.
    expect(limitHeaders(await call("/v1/levels", ip, limits))).toEqual(["3", "2", "30"]);
    for (let i = 0; i < 10; i++) expect((await call("/health", ip, limits)).status).toBe(200);
  });

  it("a keyed call to a route that prices nothing does not load the workspace's bands", async () => {
    const ws = await workspaceWithKeys("no-bands-levels");
    const csv =
      "role,level,location,basis,currency,low,high\nML Engineer,Mid,Austin,base,USD,150000,185000\n";
    await api("/v1/bands", {
      method: "PUT",
      key: ws.write,
      body: csv,
      headers: { "Content-Type": "text/csv" },
    });
    const high = { ...env, RATE_LIMIT_PER_MINUTE: "100", ANON_RATE_LIMIT_PER_MINUTE: "100" };
    const keyed = { Authorization: `Bearer ${ws.read.key}`, "CF-Connecting-IP": "192.0.2.90" };
    const anon = { "CF-Connecting-IP": "192.0.2.91" };
    // /v1/levels is the same for everyone: its ETag carries no workspace or bands version.
    const levels = (h: Record<string, string>) =>
      call("/v1/levels", h, high).then((r) => r.headers.get("etag"));
    expect(await levels(keyed)).toBe(await levels(anon));
    // /v1/salary is priced with the bands: its ETag names them.
    const salary = (h: Record<string, string>) =>
      call("/v1/salary?role=MLE&level=Mid&location=Austin", h, high).then((r) =>
        r.headers.get("etag"),
      );
    expect(await salary(keyed)).not.toBe(await salary(anon));
  });
});
