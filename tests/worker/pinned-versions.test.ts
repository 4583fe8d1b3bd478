// Issue 15, part 1 and 2: a saved version gives the same figures forever, says what it was priced
// with, and only an explicit reprice (or a restore) makes a new version; the history says who
// changed what, and two versions diff by input and by year.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { planToUnits, planWork, runPlan, WORK_BUDGET } from "../../shared/index.js";
import { resultEtag } from "../../worker/http/version-etag.js";
import {
  api,
  auditRows,
  jsonOf,
  pinWith,
  problemOf,
  workspaceWithKeys,
  type TestKey,
} from "./support/workspace.js";

/** Two hires the bands below price (ML Engineer, Mid, Austin) and one they do not. */
const INPUT = {
  horizonMonths: 24,
  startDate: "2027-01",
  hires: [
    { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 2 },
    { role: "Data Scientist", level: "Senior", location: "Austin", startMonth: 4, count: 1 },
  ],
};

const BANDS_CSV =
  "role,level,location,basis,currency,low,high\r\nMLE,mid,Austin,base,usd,170000,200000\r\n";

function uploadBands(key: TestKey) {
  return api("/v1/bands", {
    method: "PUT",
    key,
    body: BANDS_CSV,
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
}

async function savedModel(base: string) {
  const ws = await workspaceWithKeys(base);
  const model = await jsonOf(
    await api("/v1/models", { key: ws.write, body: { name: "Budget 2027", input: INPUT } }),
    201,
  );
  return { ws, model, id: model.id as string };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

async function versionCount(id: string): Promise<number> {
  return (await env.DB.prepare("SELECT COUNT(*) AS n FROM model_versions WHERE model_id = ?")
    .bind(id)
    .first<{ n: number }>())!.n;
}

describe("pinned versions", () => {
  it("v1 keeps its figures to the cent after new bands; reprice → v2 with the difference; restore v1 → v3 equal to v1", async () => {
    const { ws, model, id } = await savedModel("pin");
    const seedResult = plain(planToUnits(runPlan(INPUT)));
    expect(model.pricedWith).toEqual({
      dataset: { version: pinWith(0).datasetVersion, hash: pinWith(0).datasetHash },
      bandsVersion: 0,
      levelsVersion: 0,
      locationsVersion: 0,
      fxVersion: 0,
    });
    const v1 = await jsonOf(await api(`/v1/models/${id}/result`, { key: ws.read }), 200);
    expect(v1.result).toEqual(seedResult);

    await jsonOf(await uploadBands(ws.write), 200);
    const bandedResult = plain(
      planToUnits(
        runPlan(INPUT, {
          bands: [
            {
              role: "ML Engineer",
              level: "Mid",
              location: "Austin, TX",
              basis: "base",
              currency: "USD",
              low: 170000,
              high: 200000,
            },
          ],
        }),
      ),
    ) as typeof v1.result;
    // The bands do change the plan's figures, so "unchanged" below means something.
    expect(bandedResult.totals.total).not.toBe(v1.result.totals.total);

    for (const path of [`/v1/models/${id}/result`, `/v1/models/${id}/result?version=1`]) {
      const again = await api(path, { key: ws.read });
      expect(again.headers.get("etag")).toBe(resultEtag(1, pinWith(0)));
      const body = await jsonOf(again, 200);
      expect(body.result).toEqual(v1.result);
      expect(body.bandsVersion).toBe(0);
      expect(body.pricedWith.bandsVersion).toBe(0);
    }
    const version1 = await jsonOf(await api(`/v1/models/${id}/versions/1`, { key: ws.read }), 200);
    expect(version1).toMatchObject({
      kind: "create",
      change: null,
      pricedWith: { bandsVersion: 0 },
    });

    // Reprice: a new version priced with bands v1, and the difference year by year.
    const repriced = await jsonOf(
      await api(`/v1/models/${id}/reprice`, {
        method: "POST",
        key: ws.write,
        headers: { "If-Match": '"v1"' },
      }),
      200,
    );
    expect(repriced.model).toMatchObject({ version: 2, pricedWith: { bandsVersion: 1 } });
    expect(repriced.previous).toEqual({ version: 1, pricedWith: v1.pricedWith });
    const v2 = await jsonOf(await api(`/v1/models/${id}/result`, { key: ws.read }), 200);
    expect(v2.result).toEqual(bandedResult);
    expect(v2.pricedWith.bandsVersion).toBe(1);
    const cents = (x: number) => Math.round(x * 100);
    expect(repriced.difference.years).toEqual(
      v1.result.years.map((y: { label: string; total: number }, i: number) => ({
        year: i + 1,
        label: y.label,
        before: y.total,
        after: v2.result.years[i].total,
        difference: (cents(v2.result.years[i].total) - cents(y.total)) / 100,
      })),
    );
    expect(repriced.difference.years.map((y: { label: string }) => y.label)).toEqual([
      "FY2027",
      "FY2028",
    ]);
    expect(repriced.difference.total.difference).toBe(
      (cents(v2.result.totals.total) - cents(v1.result.totals.total)) / 100,
    );
    expect(repriced.difference.total.difference).not.toBe(0);

    // Restore v1 as v3: the same input, pin and figures as v1.
    const restored = await api(`/v1/models/${id}/versions/1/restore`, {
      method: "POST",
      key: ws.write,
      headers: { "If-Match": '"v2"' },
    });
    expect(restored.headers.get("etag")).toBe('"v3"');
    expect(await jsonOf(restored, 200)).toMatchObject({ version: 3, pricedWith: v1.pricedWith });
    const v3 = await jsonOf(await api(`/v1/models/${id}/result`, { key: ws.read }), 200);
    expect(v3.result).toEqual(v1.result);
    expect(v3.pricedWith).toEqual(v1.pricedWith);

    // The history says how each version came to be and what changed.
    const history = await jsonOf(await api(`/v1/models/${id}/versions`, { key: ws.read }), 200);
    expect(history.versions.map((v: { kind: string }) => v.kind)).toEqual([
      "create",
      "reprice",
      "restore",
    ]);
    expect(history.versions[1].change).toMatchObject({
      hiresAdded: 0,
      hiresRemoved: 0,
      hiresChanged: 0,
      fieldsChanged: [],
      repriced: true,
      summary: "repriced (bands v0 → v1)",
    });
    expect(history.versions[2]).toMatchObject({
      restoredFrom: 1,
      createdBy: ws.write.keyId,
      change: { repriced: true, summary: "restored version 1: repriced (bands v1 → v0)" },
    });
    const actions = (await auditRows(ws.workspaceId))
      .filter((r) => r.object_type === "model")
      .map((r) => [r.action, r.version]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["model.reprice", 2],
        ["model.restore", 3],
      ]),
    );
  });

  it("a diff of two versions names the hires added, removed and changed, other fields, and the year totals", async () => {
    const { ws, id } = await savedModel("diff");
    const next = {
      ...INPUT,
      benefitsRate: 0.25,
      hires: [
        { ...INPUT.hires[0]!, count: 3 },
        {
          role: "AI Product Manager",
          level: "Senior",
          location: "Austin",
          startMonth: 2,
          count: 1,
        },
      ],
    };
    await jsonOf(
      await api(`/v1/models/${id}`, {
        method: "PUT",
        key: ws.write,
        headers: { "If-Match": '"v1"' },
        body: { name: "Budget 2027 (revised)", input: next },
      }),
      200,
    );
    const diff = await jsonOf(
      await api(`/v1/models/${id}/diff?from=1&to=2`, { key: ws.read }),
      200,
    );
    expect(diff.change).toEqual({
      hiresAdded: 1,
      hiresRemoved: 1,
      hiresChanged: 1,
      fieldsChanged: ["benefitsRate"],
      nameChanged: true,
      repriced: false,
      summary:
        '1 hire added; 1 hire removed; 1 hire changed; changed: benefitsRate; renamed to "Budget 2027 (revised)"',
    });
    const before = planToUnits(runPlan(INPUT));
    const after = planToUnits(runPlan(next));
    expect(diff.difference.total).toEqual({
      before: before.totals.total,
      after: after.totals.total,
      difference: Math.round(after.totals.total * 100 - before.totals.total * 100) / 100,
    });
    expect(diff.difference.years.map((y: { after: number }) => y.after)).toEqual(
      after.years.map((y) => y.total),
    );
    // The history has the same change, written when the version was saved.
    const history = await jsonOf(await api(`/v1/models/${id}/versions`, { key: ws.read }), 200);
    expect(history.versions[1].change).toEqual(diff.change);
    // `to` defaults to the current version.
    expect(
      (await jsonOf(await api(`/v1/models/${id}/diff?from=1`, { key: ws.read }), 200)).to.version,
    ).toBe(2);

    for (const [query, field] of [
      ["from=9&to=2", "from"],
      ["from=1&to=7", "to"],
    ] as const) {
      const p = await problemOf(await api(`/v1/models/${id}/diff?${query}`, { key: ws.read }), 404);
      expect(p).toMatchObject({ code: "NOT_FOUND", field });
    }
    const bad = await problemOf(await api(`/v1/models/${id}/diff?from=one`, { key: ws.read }), 400);
    expect(bad.field).toBe("from");
  });

  it("reprice and restore need a current If-Match: stale → 412, missing → 428, and nothing is saved", async () => {
    const { ws, id } = await savedModel("pin-stale");
    await jsonOf(
      await api(`/v1/models/${id}/reprice`, {
        method: "POST",
        key: ws.write,
        headers: { "If-Match": '"v1"' },
      }),
      200,
    );
    for (const path of [`/v1/models/${id}/reprice`, `/v1/models/${id}/versions/1/restore`]) {
      const stale = await problemOf(
        await api(path, { method: "POST", key: ws.write, headers: { "If-Match": '"v1"' } }),
        412,
      );
      expect(stale).toMatchObject({
        code: "VERSION_CONFLICT",
        field: "If-Match",
        currentVersion: 2,
      });
      const missing = await problemOf(await api(path, { method: "POST", key: ws.write }), 428);
      expect(missing.field).toBe("If-Match");
    }
    const none = await problemOf(
      await api(`/v1/models/${id}/versions/5/restore`, {
        method: "POST",
        key: ws.write,
        headers: { "If-Match": '"v2"' },
      }),
      404,
    );
    expect(none.field).toBe("n");
    expect(await versionCount(id)).toBe(2);
    // Reading needs no more than read; saving needs write.
    await problemOf(
      await api(`/v1/models/${id}/reprice`, {
        method: "POST",
        key: ws.read,
        headers: { "If-Match": '"v2"' },
      }),
      403,
    );
  });

  it("20 racing reprices with the same If-Match: one winner, nineteen 412, one new version", async () => {
    const { ws, id } = await savedModel("pin-race");
    await jsonOf(await uploadBands(ws.write), 200);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(`/v1/models/${id}/reprice`, {
          method: "POST",
          key: ws.write,
          headers: { "If-Match": '"v1"' },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    expect(await versionCount(id)).toBe(2);
    const reprices = (await auditRows(ws.workspaceId)).filter((r) => r.action === "model.reprice");
    expect(reprices).toHaveLength(1);
  });

  it("a version answers from its snapshot whatever the running dataset; one without a snapshot on another dataset says so (422)", async () => {
    const { ws, id } = await savedModel("pin-deploy");
    const v1 = await jsonOf(await api(`/v1/models/${id}/result`, { key: ws.read }), 200);
    // As after a deploy with a new dataset: the pin names a dataset this build does not carry.
    await env.DB.prepare(
      "UPDATE model_versions SET dataset_hash = 'feedfacefeedface', dataset_version = '2025.9.0' WHERE model_id = ?",
    )
      .bind(id)
      .run();
    await env.DB.prepare(
      "UPDATE models SET dataset_hash = 'feedfacefeedface', dataset_version = '2025.9.0' WHERE id = ?",
    )
      .bind(id)
      .run();
    const kept = await jsonOf(await api(`/v1/models/${id}/result`, { key: ws.read }), 200);
    expect(kept.result).toEqual(v1.result);
    expect(kept.pricedWith.dataset).toEqual({ version: "2025.9.0", hash: "feedfacefeedface" });

    // A version saved before pinning (no snapshot) whose dataset is not the running one.
    await env.DB.prepare(
      "UPDATE model_versions SET result = NULL, dataset_hash = 'deadbeefdeadbeef' WHERE model_id = ?",
    )
      .bind(id)
      .run();
    await env.DB.prepare("UPDATE models SET dataset_hash = 'deadbeefdeadbeef' WHERE id = ?")
      .bind(id)
      .run();
    const p = await problemOf(
      await api(`/v1/models/${id}/result?format=csv`, { key: ws.read }),
      422,
    );
    expect(p.code).toBe("VERSION_NOT_REPRODUCIBLE");
    expect(p.detail).toContain(`POST /v1/models/${id}/reprice`);
  });

  it("a diff that has to price two versions saved before snapshots shares one work budget; once one is kept, it is a lookup", async () => {
    const ws = await workspaceWithKeys("pin-budget");
    const heavy = (startMonth: number) =>
      JSON.stringify({
        horizonMonths: 120,
        hires: Array.from({ length: 800 }, () => ({
          role: "ML Engineer",
          level: "Mid",
          location: "Austin",
          startMonth,
        })),
      });
    const [a, b] = [heavy(1), heavy(2)];
    expect(planWork(JSON.parse(a)).units * 2).toBeGreaterThan(WORK_BUDGET);
    expect(planWork(JSON.parse(a)).units).toBeLessThan(WORK_BUDGET);
    // Two versions as migration 0004 leaves them: no dataset yet (the running one), no snapshot.
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO models (id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by, dataset_version, dataset_hash) VALUES ('mdl_pin_budget', ?, 'old', ?, 2, 0, 'k', 0, 'k', ?, ?)",
      ).bind(ws.workspaceId, b, "", ""),
      env.DB.prepare(
        "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by, dataset_version, dataset_hash) VALUES ('mdl_pin_budget', 1, 'old', ?1, 0, 'k', ?3, ?4), ('mdl_pin_budget', 2, 'old', ?2, 0, 'k', ?3, ?4)",
      ).bind(a, b, "", ""),
    ]);
    const diff = () => api("/v1/models/mdl_pin_budget/diff?from=1&to=2", { key: ws.read });
    const refused = await problemOf(await diff(), 422);
    expect(refused).toMatchObject({ code: "TOO_MUCH_WORK", field: "to" });
    await jsonOf(await api("/v1/models/mdl_pin_budget/result?version=1", { key: ws.read }), 200);
    const ok = await jsonOf(await diff(), 200);
    expect(ok.difference.years).toHaveLength(10);
  });
});
