// Caching, request ids, request logs, security headers and CORS: what every response carries.
import { describe, expect, it } from "vitest";
import { call, get, logLines, post, problem } from "./api-client.js";

const SALARY = "/v1/salary?role=ML%20Engineer&level=Mid&location=Austin";

describe("caching", () => {
  it("GETs carry an ETag and Cache-Control; If-None-Match answers 304 with no body", async () => {
    const first = await get(SALARY);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{16}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");

    const again = await get(SALARY, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("public, max-age=300");
    expect(again.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    // Any form of the tag matches (weak comparison), alone, in a list, or as *.
    expect((await get(SALARY, { "If-None-Match": etag.replace(/^W\//, "") })).status).toBe(304);
    expect((await get(SALARY, { "If-None-Match": `"other", ${etag}` })).status).toBe(304);
    expect((await get(SALARY, { "If-None-Match": "*" })).status).toBe(304);
    expect((await get(SALARY, { "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("the ETag follows the normalized URL: same query in another order is the same resource", async () => {
    const a = (await get("/v1/salary?role=ML%20Engineer&level=Mid&location=Austin")).headers.get(
      "etag",
    );
    const b = (await get("/v1/salary?location=Austin&level=Mid&role=ML%20Engineer")).headers.get(
      "etag",
    );
    const c = (await get("/v1/salary?role=ML%20Engineer&level=Senior&location=Austin")).headers.get(
      "etag",
    );
    const csv = (
      await get("/v1/salary.csv?role=ML%20Engineer&level=Mid&location=Austin")
    ).headers.get("etag");
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(csv).not.toBe(a);
  });

  it("errors and POST answers are not cached", async () => {
    const bad = await get("/v1/salary?role=Nope&level=Mid");
    expect(bad.status).toBe(422);
    expect(bad.headers.get("etag")).toBeNull();
    expect(bad.headers.get("cache-control")).toBeNull();
    const plan = await post("/v1/plan", { hires: [] });
    expect(plan.status).toBe(200);
    expect(plan.headers.get("etag")).toBeNull();
  });

  it("the docs page, its assets and /openapi.json are cacheable too", async () => {
    for (const path of ["/docs", "/docs/docs.js", "/docs/docs.css", "/openapi.json"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const etag = res.headers.get("etag")!;
      expect(etag, path).toMatch(/^"[0-9a-f]{16}"$/);
      expect((await get(path, { "If-None-Match": etag })).status, path).toBe(304);
    }
  });

  it("HEAD answers the GET's headers without a body", async () => {
    const head = await call(SALARY, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe((await get(SALARY)).headers.get("etag"));
    expect(await head.text()).toBe("");
  });
});

describe("request ids and logs", () => {
  it("every response carries an X-Request-Id; a sane incoming one is kept, anything else replaced", async () => {
    expect((await get("/health")).headers.get("x-request-id")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(
      (await get("/health", { "X-Request-Id": "sheet-42_abc" })).headers.get("x-request-id"),
    ).toBe("sheet-42_abc");
    expect(
      (await get("/nope", { "X-Request-Id": "sheet-42_abc" })).headers.get("x-request-id"),
    ).toBe("sheet-42_abc");
    for (const insane of ["a".repeat(129), "bad id", "<script>", "a;b"]) {
      const id = (await get("/health", { "X-Request-Id": insane })).headers.get("x-request-id");
      expect(id).not.toBe(insane);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("writes one structured JSON log line per request", async () => {
    const ok = await get(SALARY, { "X-Request-Id": "log-test-1" });
    const missing = await get("/v1/roles/Nope", { "X-Request-Id": "log-test-2" });
    const posted = await post("/v1/batch", { calls: [] }, { "X-Request-Id": "log-test-3" });
    expect([ok.status, missing.status, posted.status]).toEqual([200, 404, 200]);
    const lines = logLines.map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        level: "info",
        msg: "request",
        method: "GET",
        path: "/v1/salary",
        status: 200,
        ms: expect.any(Number),
        requestId: "log-test-1",
      },
      {
        level: "info",
        msg: "request",
        method: "GET",
        path: "/v1/roles/Nope",
        status: 404,
        ms: expect.any(Number),
        requestId: "log-test-2",
      },
      {
        level: "info",
        msg: "request",
        method: "POST",
        path: "/v1/batch",
        status: 200,
        ms: expect.any(Number),
        requestId: "log-test-3",
      },
    ]);
  });
});

describe("security headers and CORS", () => {
  it("every response carries the security headers and a CSP that allows nothing from elsewhere", async () => {
    for (const res of [await get(SALARY), await get("/nope"), await get("/docs")]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security")).toBe(
        "max-age=15552000; includeSubDomains",
      );
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
    }
  });

  it("GETs are open to any origin and expose the caching and request-id headers", async () => {
    const res = await get(SALARY, { Origin: "https://sheets.example" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/ETag.*X-Request-Id/);
  });

  it("answers the preflight for a JSON POST", async () => {
    const res = await call("/v1/plan", {
      method: "OPTIONS",
      headers: {
        Origin: "https://hr.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      "content-type",
    );
  });

  it("errors are CORS-readable too", async () => {
    const res = await get("/v1/salary?role=Nope&level=Mid", { Origin: "https://sheets.example" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    await problem(res, 422);
  });
});
