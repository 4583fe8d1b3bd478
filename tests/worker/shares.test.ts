import { describe, expect, it } from "vitest";
import { resultEtag } from "../../worker/http/version-etag.js";
import { invokeFunction, planToUnits, runPlan } from "../../shared/index.js";
import {
  api,
  auditRows,
  jsonOf,
  pinWith,
  planInput,
  problemOf,
  workspaceWithKeys,
} from "./support/workspace.js";

async function sharedModel() {
  const ws = await workspaceWithKeys("share");
  const model = await jsonOf(
    await api("/v1/models", { key: ws.write, body: { name: "Shared plan", input: planInput(2) } }),
    201,
  );
  const created = await api(`/v1/models/${model.id}/shares`, { method: "POST", key: ws.write });
  const share = await jsonOf(created, 201);
  return { ws, model, share, location: created.headers.get("location") };
}

/** The months table a sheet's =AI_MODEL(…, "months") shows for this result, as CSV lines. */
function monthsCsv(name: string, version: number, input: unknown): string[] {
  const result = planToUnits(runPlan(input));
  const table = invokeFunction("AI_MODEL", ["x", "months"], {
    models: () => ({ name, version, result }),
  }) as (string | number)[][];
  return table.map((row) => row.join(","));
}

describe("shares", () => {
  it("POST /v1/models/:id/shares → a token and its URL; GET /v1/shared/:token needs no key and carries the version as ETag", async () => {
    const { ws, model, share, location } = await sharedModel();
    expect(share.token).toMatch(/^shr_[A-Za-z0-9_-]{32}$/);
    expect(share.url).toBe(`http://api.test/v1/shared/${share.token}`);
    expect(location).toBe(`/v1/shared/${share.token}`);

    const res = await api(`/v1/shared/${share.token}`);
    expect(res.headers.get("etag")).toBe('"v1"');
    const body = await jsonOf(res, 200);
    expect(body).toEqual({
      name: "Shared plan",
      version: 1,
      updatedAt: model.updatedAt,
      view: "full",
      pricedWith: model.pricedWith,
      input: planInput(2),
    });
    expect(
      (await api(`/v1/shared/${share.token}`, { headers: { "If-None-Match": '"v1"' } })).status,
    ).toBe(304);

    // A new save changes the ETag, so a polling page sees it.
    await jsonOf(
      await api(`/v1/models/${model.id}`, {
        method: "PUT",
        key: ws.write,
        body: { input: planInput(4) },
        headers: { "If-Match": '"v1"' },
      }),
      200,
    );
    const polled = await api(`/v1/shared/${share.token}`, { headers: { "If-None-Match": '"v1"' } });
    expect(polled.status).toBe(200);
    expect(polled.headers.get("etag")).toBe('"v2"');
    expect((await polled.json<{ input: unknown }>()).input).toEqual(planInput(4));

    const listed = await jsonOf(await api(`/v1/models/${model.id}/shares`, { key: ws.read }), 200);
    expect(listed.shares).toEqual([
      {
        token: share.token,
        url: share.url,
        createdAt: share.createdAt,
        createdBy: ws.write.keyId,
        revokedAt: null,
        view: "full",
        expiresAt: null,
      },
    ]);
  });

  it("/result, /result.csv and ?format=csv give the current version's plan result with no key (IMPORTDATA)", async () => {
    const { share } = await sharedModel();
    const result = await api(`/v1/shared/${share.token}/result`);
    expect(result.headers.get("etag")).toBe(resultEtag(1, pinWith(0)));
    expect(await jsonOf(result, 200)).toEqual({
      name: "Shared plan",
      version: 1,
      updatedAt: expect.any(String),
      bandsVersion: 0,
      pricedWith: {
        dataset: expect.any(Object),
        bandsVersion: 0,
        levelsVersion: 0,
        locationsVersion: 0,
        fxVersion: 0,
      },
      view: "full",
      result: JSON.parse(JSON.stringify(planToUnits(runPlan(planInput(2))))),
    });

    const expected = monthsCsv("Shared plan", 1, planInput(2));
    for (const path of [
      `/v1/shared/${share.token}/result.csv`,
      `/v1/shared/${share.token}/result?format=csv`,
    ]) {
      const csv = await api(path);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("etag")).toBe(resultEtag(1, pinWith(0), "csv"));
      expect((await csv.text()).trimEnd().split("\r\n")).toEqual(expected);
    }
    expect(
      (
        await api(`/v1/shared/${share.token}/result.csv`, {
          headers: { "If-None-Match": resultEtag(1, pinWith(0), "csv") },
        })
      ).status,
    ).toBe(304);
  });

  it("a revoked or unknown token is 404 on every shared route; revoking is audited", async () => {
    const { ws, model, share } = await sharedModel();
    expect(
      (
        await api(`/v1/models/${model.id}/shares/${share.token}`, {
          method: "DELETE",
          key: ws.read,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(`/v1/models/${model.id}/shares/${share.token}`, {
          method: "DELETE",
          key: ws.write,
        })
      ).status,
    ).toBe(204);
    for (const path of [
      `/v1/shared/${share.token}`,
      `/v1/shared/${share.token}/result`,
      `/v1/shared/${share.token}/result.csv`,
      "/v1/shared/shr_unknown",
      "/v1/shared/shr_unknown/result.csv",
    ]) {
      const p = await problemOf(await api(path), 404);
      expect(p.detail).toContain("unknown, was revoked, or its model was deleted");
    }
    await problemOf(
      await api(`/v1/models/${model.id}/shares/${share.token}`, {
        method: "DELETE",
        key: ws.write,
      }),
      404,
    );
    const listed = await jsonOf(await api(`/v1/models/${model.id}/shares`, { key: ws.read }), 200);
    expect(listed.shares[0].revokedAt).not.toBeNull();
    const trail = (await auditRows(ws.workspaceId)).filter((r) => r.action.startsWith("share."));
    expect(trail).toEqual([
      {
        actor: ws.write.keyId,
        action: "share.create",
        object_type: "model",
        object_id: model.id,
        version: 1,
      },
      {
        actor: ws.write.keyId,
        action: "share.revoke",
        object_type: "model",
        object_id: model.id,
        version: 1,
      },
    ]);
  });

  it("a deleted model's links answer 404 until an admin restores it", async () => {
    const { ws, model, share } = await sharedModel();
    expect((await api(`/v1/models/${model.id}`, { method: "DELETE", key: ws.write })).status).toBe(
      204,
    );
    await problemOf(await api(`/v1/shared/${share.token}`), 404);
    await problemOf(
      await api(`/v1/models/${model.id}/shares`, { method: "POST", key: ws.write }),
      404,
    );
    await jsonOf(
      await api(`/v1/models/${model.id}/restore`, { method: "POST", key: ws.admin }),
      200,
    );
    await jsonOf(await api(`/v1/shared/${share.token}`), 200);
  });

  it("another workspace can neither share, list nor revoke (404), and its key does not change what a link shows", async () => {
    const { ws, model, share } = await sharedModel();
    const other = await workspaceWithKeys("share-other");
    await problemOf(
      await api(`/v1/models/${model.id}/shares`, { method: "POST", key: other.admin }),
      404,
    );
    await problemOf(await api(`/v1/models/${model.id}/shares`, { key: other.admin }), 404);
    await problemOf(
      await api(`/v1/models/${model.id}/shares/${share.token}`, {
        method: "DELETE",
        key: other.admin,
      }),
      404,
    );
    await problemOf(await api(`/v1/models/${model.id}/shares`, { method: "POST" }), 401);
    await problemOf(
      await api(`/v1/models/${model.id}/shares`, { method: "POST", key: ws.read }),
      403,
    );
    // The link still works, for anyone, with or without a key.
    await jsonOf(await api(`/v1/shared/${share.token}`, { key: other.read }), 200);
    await jsonOf(await api(`/v1/shared/${share.token}`), 200);
  });

  it("AI_MODEL in /v1/functions and /v1/batch reads a shared model by token (no key) and a model by id (its workspace's key only)", async () => {
    const { ws, model, share } = await sharedModel();
    const expectedYears = invokeFunction("AI_MODEL", ["x", "years"], {
      models: () => ({
        name: "Shared plan",
        version: 1,
        result: planToUnits(runPlan(planInput(2))),
      }),
    });

    const byToken = await jsonOf(
      await api("/v1/functions/AI_MODEL", { body: { args: [share.token, "years"] } }),
      200,
    );
    expect(byToken.value).toEqual(expectedYears);

    const byId = await jsonOf(
      await api("/v1/functions/AI_MODEL", { key: ws.read, body: { args: [model.id, "total"] } }),
      200,
    );
    expect(byId.value).toBe(planToUnits(runPlan(planInput(2))).totals.total);

    const other = await workspaceWithKeys("fn-other");
    const batch = await jsonOf(
      await api("/v1/batch", {
        key: other.read,
        body: {
          calls: [
            { fn: "AI_MODEL", args: [model.id, "total"] },
            { fn: "AI_MODEL", args: [share.token, "total"] },
          ],
        },
      }),
      200,
    );
    expect(batch.results[0].error.code).toBe("NO_DATA");
    expect(batch.results[0].error.message).toContain("no such model in this workspace");
    expect(batch.results[1]).toEqual({ value: planToUnits(runPlan(planInput(2))).totals.total });
  });
});
