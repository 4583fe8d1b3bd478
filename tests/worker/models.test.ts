import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { planToUnits, runPlan } from "../../shared/index.js";
import {
  api,
  auditRows,
  jsonOf,
  planInput,
  problemOf,
  workspaceWithKeys,
  type TestKey,
} from "./support/workspace.js";

async function createModel(key: TestKey, name = "2027 AI team", input: unknown = planInput()) {
  const res = await api("/v1/models", { key, body: { name, input } });
  const body = await jsonOf(res, 201);
  return { res, body };
}

describe("models: create, read, result", () => {
  it('POST /v1/models → 201 with id, version 1, ETag "v1" and Location; GET returns it with the same ETag', async () => {
    const ws = await workspaceWithKeys("models");
    const { res, body } = await createModel(ws.write);
    expect(body.id).toMatch(/^mdl_[A-Za-z0-9_-]{16}$/);
    expect(body).toMatchObject({
      name: "2027 AI team",
      version: 1,
      input: planInput(),
      createdBy: ws.write.keyId,
      updatedBy: ws.write.keyId,
      deletedAt: null,
    });
    expect(res.headers.get("etag")).toBe('"v1"');
    expect(res.headers.get("location")).toBe(`/v1/models/${body.id}`);

    const got = await api(`/v1/models/${body.id}`, { key: ws.read });
    expect(got.headers.get("etag")).toBe('"v1"');
    expect(got.headers.get("cache-control")).toBe("private, no-cache");
    expect(await jsonOf(got, 200)).toEqual(body);

    const again = await api(`/v1/models/${body.id}`, {
      key: ws.read,
      headers: { "If-None-Match": '"v1"' },
    });
    expect(again.status).toBe(304);
  });

  it("GET /v1/models/:id/result is the core's planToUnits(runPlan(input)), current or ?version=n, and CSV", async () => {
    const ws = await workspaceWithKeys("result");
    const { body } = await createModel(ws.write, "plan", planInput(1));
    const v2input = planInput(3);
    const put = await api(`/v1/models/${body.id}`, {
      method: "PUT",
      key: ws.write,
      body: { input: v2input },
      headers: { "If-Match": '"v1"' },
    });
    await jsonOf(put, 200);

    const current = await jsonOf(await api(`/v1/models/${body.id}/result`, { key: ws.read }), 200);
    expect(current).toMatchObject({ id: body.id, name: "plan", version: 2, bandsVersion: 0 });
    expect(current.result).toEqual(JSON.parse(JSON.stringify(planToUnits(runPlan(v2input)))));

    const old = await jsonOf(
      await api(`/v1/models/${body.id}/result?version=1`, { key: ws.read }),
      200,
    );
    expect(old.version).toBe(1);
    expect(old.result).toEqual(JSON.parse(JSON.stringify(planToUnits(runPlan(planInput(1))))));

    const missing = await problemOf(
      await api(`/v1/models/${body.id}/result?version=9`, { key: ws.read }),
      404,
    );
    expect(missing.detail).toContain("versions are 1 to 2");

    const csv = await api(`/v1/models/${body.id}/result.csv`, { key: ws.read });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Month,Label,Headcount,Payroll,Benefits,Recruiting,Upskilling,Total,Cumulative",
    );
    expect(lines).toHaveLength(13);
    const month1 = planToUnits(runPlan(v2input)).months[0]!;
    expect(lines[1]).toBe(
      [
        1,
        "Month 1",
        3,
        month1.payroll,
        month1.benefits,
        month1.recruiting,
        month1.upskilling,
        month1.total,
        month1.cumulative,
      ].join(","),
    );
  });

  it("a bad input is rejected whole with 422 listing every problem, and nothing is stored", async () => {
    const ws = await workspaceWithKeys("invalid");
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM models").first<{ n: number }>();
    const input = {
      horizonMonths: 12,
      hires: [
        { role: "ML Enginer", level: "Mid", startMonth: 1 },
        { role: "Data Scientist", level: "Sneior", startMonth: 40 },
      ],
    };
    const p = await problemOf(
      await api("/v1/models", { key: ws.write, body: { name: "bad", input } }),
      422,
    );
    const fields = p.problems!.map((x) => x.field);
    expect(fields).toEqual([
      "input.hires[0].role",
      "input.hires[1].level",
      "input.hires[1].startMonth",
    ]);
    expect(p.problems![0]!.suggestions).toContain("ML Engineer");
    expect(p.problems![1]!.suggestions).toContain("Senior");
    expect(p.detail).toContain("Nothing was saved");
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM models").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    expect((await auditRows(ws.workspaceId)).filter((r) => r.object_type === "model")).toEqual([]);
  });

  it("a malformed envelope is a 400 naming the field", async () => {
    const ws = await workspaceWithKeys("envelope");
    const p = await problemOf(
      await api("/v1/models", { key: ws.write, body: { input: planInput() } }),
      400,
    );
    expect(p.field).toBe("name");
  });

  it("lists newest first with cursor pagination and no duplicates or gaps", async () => {
    const ws = await workspaceWithKeys("list");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createModel(ws.write, `m${i}`)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(`/v1/models?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
        key: ws.read,
      });
      const page = await jsonOf(res, 200);
      seen.push(...page.models.map((m: { id: string }) => m.id));
      if (page.nextCursor) expect(res.headers.get("link")).toContain('rel="next"');
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    expect(
      (await problemOf(await api("/v1/models?cursor=nonsense", { key: ws.read }), 400)).field,
    ).toBe("cursor");
  });
});

describe("models: If-Match and versions", () => {
  it("PUT needs If-Match (428), a stale one is 412 with the current version, and each save adds a version", async () => {
    const ws = await workspaceWithKeys("ifmatch");
    const { body } = await createModel(ws.write);
    const url = `/v1/models/${body.id}`;

    const none = await problemOf(
      await api(url, { method: "PUT", key: ws.write, body: { input: planInput(2) } }),
      428,
    );
    expect(none.code).toBe("PRECONDITION_REQUIRED");

    const ok = await api(url, {
      method: "PUT",
      key: ws.write,
      body: { name: "renamed", input: planInput(2) },
      headers: { "If-Match": '"v1"' },
    });
    expect(ok.headers.get("etag")).toBe('"v2"');
    expect(await jsonOf(ok, 200)).toMatchObject({
      version: 2,
      name: "renamed",
      input: planInput(2),
    });

    const stale = await api(url, {
      method: "PUT",
      key: ws.write,
      body: { input: planInput(3) },
      headers: { "If-Match": '"v1"' },
    });
    expect(stale.headers.get("etag")).toBe('"v2"');
    const p = await problemOf(stale, 412);
    expect(p).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 2, yourVersion: 1 });

    const star = await problemOf(
      await api(url, {
        method: "PUT",
        key: ws.write,
        body: { input: planInput(3) },
        headers: { "If-Match": "*" },
      }),
      400,
    );
    expect(star.field).toBe("If-Match");

    const list = await jsonOf(await api(`${url}/versions`, { key: ws.read }), 200);
    expect(list.currentVersion).toBe(2);
    expect(
      list.versions.map((v: { version: number; name: string }) => [v.version, v.name]),
    ).toEqual([
      [1, "2027 AI team"],
      [2, "renamed"],
    ]);
    const v1 = await api(`${url}/versions/1`, { key: ws.read });
    expect(v1.headers.get("etag")).toBe('"v1"');
    expect(await jsonOf(v1, 200)).toMatchObject({
      modelId: body.id,
      version: 1,
      input: planInput(1),
    });
    await problemOf(await api(`${url}/versions/3`, { key: ws.read }), 404);
  });

  it("20 concurrent PUTs with the same If-Match: exactly one 200, nineteen 412, versions 1..2 with no gap or duplicate", async () => {
    const ws = await workspaceWithKeys("race");
    const { body } = await createModel(ws.write);
    const url = `/v1/models/${body.id}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(url, {
          method: "PUT",
          key: ws.write,
          body: { name: `writer ${i}`, input: planInput(i + 2) },
          headers: { "If-Match": '"v1"' },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = responses[statuses.indexOf(200)]!;
    const saved = await winner.json<{ version: number; name: string; input: unknown }>();
    expect(saved.version).toBe(2);
    for (const loser of responses.filter((r) => r.status === 412))
      expect((await loser.json<{ currentVersion: number }>()).currentVersion).toBe(2);

    const { results } = await env.DB.prepare(
      "SELECT version, name, input FROM model_versions WHERE model_id = ? ORDER BY version",
    )
      .bind(body.id)
      .all<{ version: number; name: string; input: string }>();
    expect(results.map((r) => r.version)).toEqual([1, 2]);
    expect(results[1]!.name).toBe(saved.name);
    expect(JSON.parse(results[1]!.input)).toEqual(saved.input);
    const model = await jsonOf(await api(url, { key: ws.read }), 200);
    expect(model).toMatchObject({ version: 2, name: saved.name });
    const updates = (await auditRows(ws.workspaceId)).filter((r) => r.action === "model.update");
    expect(updates).toEqual([
      {
        actor: ws.write.keyId,
        action: "model.update",
        object_type: "model",
        object_id: body.id,
        version: 2,
      },
    ]);
  });

  it("sequential saves from the ETag each succeed: versions 1..6 in order", async () => {
    const ws = await workspaceWithKeys("sequence");
    const { body } = await createModel(ws.write);
    let etag = '"v1"';
    for (let i = 2; i <= 6; i++) {
      const res = await api(`/v1/models/${body.id}`, {
        method: "PUT",
        key: ws.write,
        body: { input: planInput(i) },
        headers: { "If-Match": etag },
      });
      expect(res.status).toBe(200);
      etag = res.headers.get("etag")!;
      expect(etag).toBe(`"v${i}"`);
    }
    const list = await jsonOf(await api(`/v1/models/${body.id}/versions`, { key: ws.read }), 200);
    expect(list.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("models: soft delete and restore", () => {
  it("DELETE hides the model (404 everywhere), an admin restores it, and both are audited", async () => {
    const ws = await workspaceWithKeys("delete");
    const { body } = await createModel(ws.write);
    const url = `/v1/models/${body.id}`;
    expect((await api(url, { method: "DELETE", key: ws.read })).status).toBe(403);
    expect((await api(url, { method: "DELETE", key: ws.write })).status).toBe(204);
    await problemOf(await api(url, { key: ws.read }), 404);
    await problemOf(await api(`${url}/result`, { key: ws.read }), 404);
    await problemOf(await api(`${url}/versions`, { key: ws.read }), 404);
    await problemOf(
      await api(url, {
        method: "PUT",
        key: ws.write,
        body: { input: planInput() },
        headers: { "If-Match": '"v1"' },
      }),
      404,
    );
    await problemOf(await api(url, { method: "DELETE", key: ws.write }), 404);
    const listed = await jsonOf(await api("/v1/models", { key: ws.read }), 200);
    expect(listed.models).toEqual([]);

    expect(
      (await problemOf(await api("/v1/models?deleted=true", { key: ws.write }), 403)).requiredScope,
    ).toBe("admin");
    const deleted = await jsonOf(await api("/v1/models?deleted=true", { key: ws.admin }), 200);
    expect(deleted.models.map((m: { id: string }) => m.id)).toEqual([body.id]);
    expect(deleted.models[0].deletedAt).not.toBeNull();

    expect((await api(`${url}/restore`, { method: "POST", key: ws.write })).status).toBe(403);
    const restored = await jsonOf(
      await api(`${url}/restore`, { method: "POST", key: ws.admin }),
      200,
    );
    expect(restored).toMatchObject({ id: body.id, version: 1, deletedAt: null });
    await jsonOf(await api(url, { key: ws.read }), 200);
    expect(
      (await problemOf(await api(`${url}/restore`, { method: "POST", key: ws.admin }), 409)).code,
    ).toBe("NOT_DELETED");

    const trail = (await auditRows(ws.workspaceId)).filter((r) => r.object_type === "model");
    expect(trail.map((r) => [r.action, r.actor, r.version])).toEqual([
      ["model.create", ws.write.keyId, 1],
      ["model.delete", ws.write.keyId, 1],
      ["model.restore", ws.admin.keyId, 1],
    ]);
  });
});

describe("models: scopes and isolation", () => {
  it("no key → 401 with WWW-Authenticate; read key cannot write (403); another workspace's model is 404 on every route", async () => {
    const a = await workspaceWithKeys("iso-a");
    const b = await workspaceWithKeys("iso-b");
    const { body } = await createModel(a.write);
    const url = `/v1/models/${body.id}`;

    const anon = await api("/v1/models");
    await problemOf(anon.clone(), 401);
    expect(anon.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await problemOf(await api(url), 401);
    await problemOf(
      await api("/v1/models", { key: a.read, body: { name: "x", input: planInput() } }),
      403,
    );
    await problemOf(
      await api(url, {
        method: "PUT",
        key: a.read,
        body: { input: planInput() },
        headers: { "If-Match": '"v1"' },
      }),
      403,
    );

    const other = b.admin;
    for (const [path, method, extra] of [
      [url, "GET", {}],
      [`${url}/result`, "GET", {}],
      [`${url}/result.csv`, "GET", {}],
      [`${url}/versions`, "GET", {}],
      [`${url}/versions/1`, "GET", {}],
      [url, "PUT", { body: { input: planInput() }, headers: { "If-Match": '"v1"' } }],
      [url, "DELETE", {}],
      [`${url}/restore`, "POST", {}],
    ] as const) {
      const p = await problemOf(await api(path, { method, key: other, ...extra }), 404);
      expect(p.detail).toContain("No model");
    }
    expect((await jsonOf(await api("/v1/models", { key: other }), 200)).models).toEqual([]);
    // Untouched by all of that:
    expect(await jsonOf(await api(url, { key: a.read }), 200)).toMatchObject({
      version: 1,
      deletedAt: null,
    });
  });

  it("an unknown or revoked key is 401 even where no key is needed", async () => {
    const p = await problemOf(await api("/v1/models", { key: "atp_not-a-real-key" }), 401);
    expect(p.detail).toContain("unknown or has been revoked");
    const malformed = await problemOf(
      await api("/v1/models", { headers: { Authorization: "Token abc" } }),
      401,
    );
    expect(malformed.detail).toContain("Bearer");
  });
});
