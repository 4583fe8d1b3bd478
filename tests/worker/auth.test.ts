import { describe, expect, it } from "vitest";
import {
  constantTimeEqual,
  generateApiKey,
  hashApiKey,
  impliedScopes,
  parseScopes,
  scopeAllows,
} from "../../worker/db/credentials.js";
import { api, jsonOf, problemOf, workspaceWithKeys } from "./support/workspace.js";

describe("key material", () => {
  it("keys are atp_ + 32 random bytes (base64url), distinct, and hash to lower-case hex SHA-256", async () => {
    const keys = new Set(Array.from({ length: 50 }, generateApiKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(/^atp_[A-Za-z0-9_-]{43}$/);
    // SHA-256("abc"), FIPS 180-2 test vector.
    expect(await hashApiKey("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("constantTimeEqual and the nesting of scopes", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(
      scopeAllows("admin", "write") &&
        scopeAllows("write", "read") &&
        !scopeAllows("read", "write") &&
        !scopeAllows("write", "admin"),
    ).toBe(true);
    expect(impliedScopes("write")).toEqual(["read", "write"]);
    expect(parseScopes(["read", "admin"])).toBe("admin");
    expect(() => parseScopes([])).toThrow(/at least one/);
  });
});

describe("authentication on the API", () => {
  it("compute endpoints stay open without a key, and answer RateLimit headers", async () => {
    const res = await api("/v1/salary?role=ML%20Engineer&level=Mid");
    expect(res.headers.get("ratelimit-limit")).toBe("1000000");
    expect(Number(res.headers.get("ratelimit-remaining"))).toBeLessThan(1000000);
    await jsonOf(res, 200);
  });

  it("Authorization must be Bearer; a wrong key is 401 with WWW-Authenticate on any /v1 route", async () => {
    for (const header of [
      "Basic dXNlcjpwYXNz",
      "Bearer",
      "Bearer a b",
      `Bearer ${"x".repeat(300)}`,
    ]) {
      const res = await api("/v1/salary?role=MLE&level=Mid", {
        headers: { Authorization: header },
      });
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="ai-team-planner"');
      expect((await problemOf(res, 401)).code).toBe("UNAUTHORIZED");
    }
    await problemOf(await api("/v1/salary?role=MLE&level=Mid", { key: generateApiKey() }), 401);
  });

  it("each scope reaches exactly its routes", async () => {
    const ws = await workspaceWithKeys("scopes");
    const can = async (key: typeof ws.read, method: string, path: string, body?: unknown) =>
      (await api(path, { method, key, body })).status;
    expect(await can(ws.read, "GET", "/v1/models")).toBe(200);
    expect(await can(ws.read, "GET", "/v1/bands")).toBe(200);
    expect(await can(ws.read, "POST", "/v1/models", { name: "m", input: { hires: [] } })).toBe(403);
    expect(await can(ws.write, "POST", "/v1/models", { name: "m", input: { hires: [] } })).toBe(
      201,
    );
    expect(await can(ws.write, "GET", "/v1/keys")).toBe(403);
    expect(await can(ws.admin, "GET", "/v1/keys")).toBe(200);
    expect(await can(ws.admin, "POST", "/v1/models", { name: "m", input: { hires: [] } })).toBe(
      201,
    );
  });
});
