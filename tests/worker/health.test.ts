import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("worker (workerd + local D1)", () => {
  it("GET /health answers 200 {status:'ok'} with the dataset version and hash", async () => {
    const res = await exports.default.fetch("http://example.com/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      status: "ok",
      datasetVersion: "2026.1.0",
      datasetHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it("has the workspaces table from migrations/ in env.DB", async () => {
    const row = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
    )
      .bind("workspaces")
      .first<{ name: string }>();
    expect(row).toEqual({ name: "workspaces" });

    const cols = await env.DB.prepare(
      "SELECT name FROM pragma_table_info('workspaces') ORDER BY cid",
    ).all<{
      name: string;
    }>();
    expect(cols.results.map((c) => c.name)).toEqual(["id", "slug", "name", "created_at"]);
  });
});
