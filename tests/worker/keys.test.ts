import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashApiKey } from "../../worker/db/credentials.js";
import {
  api,
  auditRows,
  createKey,
  jsonOf,
  problemOf,
  uniqueWorkspace,
  workspaceWithKeys,
} from "./support/workspace.js";

describe("keys API", () => {
  it("an admin creates a key: shown once, stored only as its SHA-256, usable at once, listed without the secret", async () => {
    const ws = await workspaceWithKeys("keys");
    const res = await api("/v1/keys", {
      key: ws.admin,
      body: { name: "HR sync", scopes: ["read"] },
    });
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = await jsonOf(res, 201);
    expect(created.key).toMatch(/^atp_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: "HR sync",
      scopes: ["read"],
      prefix: created.key.slice(0, 8),
      createdBy: ws.admin.keyId,
      revokedAt: null,
    });

    const row = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?")
      .bind(created.id)
      .first<Record<string, unknown>>();
    expect(row!.key_hash).toBe(await hashApiKey(created.key));
    expect(Object.values(row!)).not.toContain(created.key);
    const dump = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM api_keys WHERE instr(key_hash || name || prefix, ?) > 0",
    )
      .bind(created.key)
      .first<{ n: number }>();
    expect(dump!.n).toBe(0);

    await jsonOf(await api("/v1/models", { key: created.key }), 200);
    await problemOf(
      await api("/v1/models", { key: created.key, body: { name: "x", input: { hires: [] } } }),
      403,
    );

    const list = await jsonOf(await api("/v1/keys", { key: ws.admin }), 200);
    expect(list.keys.map((k: { id: string }) => k.id).sort()).toEqual(
      [created.id, ws.admin.keyId, ws.write.keyId, ws.read.keyId].sort(),
    );
    expect(JSON.stringify(list)).not.toContain(created.key);
    expect(list.keys.find((k: { id: string }) => k.id === ws.write.keyId).scopes).toEqual([
      "read",
      "write",
    ]);
    expect(list.keys.find((k: { id: string }) => k.id === ws.admin.keyId).scopes).toEqual([
      "read",
      "write",
      "admin",
    ]);
  });

  it("scopes take a list or a comma list; the highest counts; a bad one is a 400 naming the fix", async () => {
    const ws = await workspaceWithKeys("keys-scopes");
    expect(
      (
        await jsonOf(
          await api("/v1/keys", { key: ws.admin, body: { name: "w", scopes: "read,write" } }),
          201,
        )
      ).scopes,
    ).toEqual(["read", "write"]);
    const bad = await problemOf(
      await api("/v1/keys", { key: ws.admin, body: { name: "x", scopes: ["owner"] } }),
      400,
    );
    expect(bad).toMatchObject({ field: "scopes", suggestions: ["read", "write", "admin"] });
    expect(
      (
        await problemOf(
          await api("/v1/keys", { key: ws.admin, body: { name: " ", scopes: ["read"] } }),
          400,
        )
      ).field,
    ).toBe("name");
  });

  it("DELETE revokes: the key is refused from the next request; revoking twice or another workspace's key is 404; both audited", async () => {
    const ws = await workspaceWithKeys("keys-revoke");
    const victim = await createKey(ws.workspace, "write", "old laptop");
    await jsonOf(await api("/v1/models", { key: victim }), 200);
    expect(
      (await api(`/v1/keys/${victim.keyId}`, { method: "DELETE", key: ws.admin })).status,
    ).toBe(204);
    const refused = await api("/v1/models", { key: victim });
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await problemOf(refused, 401);
    // Even on a compute route that needs no key, a revoked key is refused rather than ignored.
    await problemOf(await api("/v1/salary?role=MLE&level=Mid", { key: victim }), 401);
    expect(
      (
        await problemOf(
          await api(`/v1/keys/${victim.keyId}`, { method: "DELETE", key: ws.admin }),
          404,
        )
      ).detail,
    ).toContain("already revoked");

    const other = await workspaceWithKeys("keys-other");
    await problemOf(
      await api(`/v1/keys/${ws.read.keyId}`, { method: "DELETE", key: other.admin }),
      404,
    );
    await jsonOf(await api("/v1/models", { key: ws.read }), 200);
    expect(
      (await jsonOf(await api("/v1/keys", { key: other.admin }), 200)).keys.map(
        (k: { id: string }) => k.id,
      ),
    ).not.toContain(ws.read.keyId);

    const trail = (await auditRows(ws.workspaceId)).filter((r) => r.object_type === "key");
    expect(trail.at(-1)).toEqual({
      actor: ws.admin.keyId,
      action: "key.revoke",
      object_type: "key",
      object_id: victim.keyId,
      version: null,
    });
    expect(trail.filter((r) => r.action === "key.create").map((r) => r.object_id)).toContain(
      victim.keyId,
    );
  });

  it("only admins manage keys: no key 401, read/write 403", async () => {
    const ws = await workspaceWithKeys("keys-admin");
    for (const [method, path, body] of [
      ["POST", "/v1/keys", { name: "x", scopes: ["read"] }],
      ["GET", "/v1/keys", undefined],
      ["DELETE", `/v1/keys/${ws.read.keyId}`, undefined],
    ] as const) {
      await problemOf(await api(path, { method, body }), 401);
      for (const key of [ws.read, ws.write]) {
        const p = await problemOf(await api(path, { method, key, body }), 403);
        expect(p).toMatchObject({ code: "FORBIDDEN", requiredScope: "admin", keyScope: key.scope });
      }
    }
  });

  it("the shared provisioning statements create a workspace once and audit it (as the keys script does)", async () => {
    const workspace = uniqueWorkspace("prov");
    const first = await createKey(workspace, "admin");
    const second = await createKey(workspace, "read");
    expect(second.workspaceId).toBe(first.workspaceId);
    const trail = await auditRows(first.workspaceId);
    expect(trail.map((r) => [r.actor, r.action])).toEqual([
      ["cli", "workspace.create"],
      ["cli", "key.create"],
      ["cli", "key.create"],
    ]);
  });

  it("GET /v1/audit lists the workspace's writes newest first, for admins only", async () => {
    const ws = await workspaceWithKeys("audit");
    const model = await jsonOf(
      await api("/v1/models", { key: ws.write, body: { name: "m", input: { hires: [] } } }),
      201,
    );
    await problemOf(await api("/v1/audit", { key: ws.write }), 403);
    const trail = await jsonOf(await api("/v1/audit?limit=2", { key: ws.admin }), 200);
    expect(trail.entries).toHaveLength(2);
    expect(trail.entries[0]).toMatchObject({
      actor: ws.write.keyId,
      action: "model.create",
      objectType: "model",
      objectId: model.id,
      version: 1,
    });
    const older = await jsonOf(
      await api(`/v1/audit?before=${trail.entries[1].id}`, { key: ws.admin }),
      200,
    );
    expect(older.entries.every((e: { id: number }) => e.id < trail.entries[1].id)).toBe(true);
    const other = await workspaceWithKeys("audit-other");
    const theirs = await jsonOf(await api("/v1/audit", { key: other.admin }), 200);
    expect(theirs.entries.map((e: { objectId: string }) => e.objectId)).not.toContain(model.id);
  });
});
