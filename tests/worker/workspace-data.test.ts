// Workspace levels, locations and FX rates: stored as versioned sets like the bands, used by every
// priced request, and pinned in each saved model version.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { planToUnits, runPlan, salaryRange } from "../../shared/index.js";
import {
  api,
  auditRows,
  jsonOf,
  problemOf,
  workspaceWithKeys,
  type TestKey,
} from "./support/workspace.js";

function put(key: TestKey | undefined, kind: string, body: unknown, csv = false) {
  return api(`/v1/workspace/${kind}`, {
    method: "PUT",
    key,
    body: body as never,
    ...(csv ? { headers: { "Content-Type": "text/csv; charset=utf-8" } } : {}),
  });
}

const DENVER = { name: "Denver, CO", aliases: ["Denver"], factor: 0.95 };

describe("workspace data sets", () => {
  it("PUT JSON or CSV stores a new version; GET gives it back (CSV in the upload format); every version is kept", async () => {
    const ws = await workspaceWithKeys("wsdata");
    const first = await jsonOf(await put(ws.write, "locations", { rows: [DENVER] }), 200);
    expect(first).toMatchObject({ kind: "locations", version: 1, rows: [DENVER] });

    const csv = await api("/v1/workspace/locations.csv", { key: ws.read });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text).toBe('name,factor,currency,aliases\r\n"Denver, CO",0.95,,Denver\r\n');

    // Edited and PUT back: version 2; version 1 stays readable.
    const second = await jsonOf(
      await put(ws.write, "locations", text.replace("0.95", "1.1"), true),
      200,
    );
    expect(second).toMatchObject({ version: 2, rows: [{ ...DENVER, factor: 1.1 }] });
    const old = await jsonOf(await api("/v1/workspace/locations?version=1", { key: ws.read }), 200);
    expect(old.rows).toEqual([DENVER]);
    const versions = await jsonOf(
      await api("/v1/workspace/locations/versions", { key: ws.read }),
      200,
    );
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await auditRows(ws.workspaceId)).map((r) => r.action)).toEqual(
      expect.arrayContaining(["locations.replace"]),
    );

    const fx = await jsonOf(
      await put(ws.write, "fx", "currency,perUsd,asOf\r\neur,0.92,2026-03-31\r\n", true),
      200,
    );
    expect(fx.rows).toEqual([{ currency: "EUR", perUsd: 0.92, asOf: "2026-03-31" }]);
    const levels = await jsonOf(await put(ws.write, "levels", { rows: [{ name: "Staff" }] }), 200);
    expect(levels.version).toBe(1);
    const none = await jsonOf(await api("/v1/workspace/levels?version=1", { key: ws.read }), 200);
    expect(none.rows).toEqual([{ name: "Staff" }]);
    await problemOf(await api("/v1/workspace/levels?version=9", { key: ws.read }), 404);
    await problemOf(await api("/v1/workspace/teams", { key: ws.read }), 400);
  });

  it("the current set prices salary answers with the workspace's key, and only with it", async () => {
    const ws = await workspaceWithKeys("wsdata-salary");
    await jsonOf(await put(ws.write, "locations", { rows: [DENVER] }), 200);
    const res = await jsonOf(
      await api("/v1/salary?role=MLE&level=Mid&location=Denver", { key: ws.read }),
      200,
    );
    const expected = salaryRange(
      { role: "MLE", level: "Mid", location: "Denver" },
      { locations: [DENVER] },
    );
    expect(res.location).toBe("Denver, CO");
    expect(res.mid).toBe(expected.mid / 100);
    expect(res.method).toContain("your workspace's geo factor");
    // Without a key, Denver is not a location the seeds know.
    const anon = await problemOf(await api("/v1/salary?role=MLE&level=Mid&location=Denver"), 422);
    expect(anon.code).toBe("UNKNOWN_LOCATION");
  });

  it("bands may price the workspace's own levels and locations once they are uploaded, not before, and those stay while bands name them", async () => {
    const ws = await workspaceWithKeys("wsdata-bands");
    const band =
      "role,level,location,basis,currency,low,high\r\nML Engineer,Staff,US,base,USD,250000,310000\r\nML Engineer,Mid,Denver,base,USD,150000,170000\r\n";
    const bands = (key: TestKey) =>
      api("/v1/bands", {
        method: "PUT",
        key,
        body: band as never,
        headers: { "Content-Type": "text/csv" },
      });
    const before = await problemOf(await bands(ws.write), 422);
    expect(before.detail).toContain('Unknown level "Staff"');
    expect(before.detail).toContain("Denver");
    await jsonOf(
      await put(ws.write, "levels", { rows: [{ name: "Staff", aliases: ["L6"] }] }),
      200,
    );
    await jsonOf(await put(ws.write, "locations", { rows: [DENVER] }), 200);
    const stored = await jsonOf(await bands(ws.write), 200);
    expect(
      stored.bands.map((b: { level: string; location: string }) => [b.level, b.location]),
    ).toEqual([
      ["Staff", "US"],
      ["Mid", "Denver, CO"],
    ]);
    // Staff in Denver: the workspace's US band × Denver's factor (250,000 × 0.95 = 237,500).
    const staff = await jsonOf(
      await api("/v1/salary?role=MLE&level=L6&location=Denver", { key: ws.read }),
      200,
    );
    expect([staff.low, staff.high]).toEqual([237500, 294500]);
    expect(staff.provenance).toBe("workspace");
    // Mid in Denver: the workspace's own Denver band wins over the factor.
    const mid = await jsonOf(
      await api("/v1/salary?role=MLE&level=Mid&location=Denver", { key: ws.read }),
      200,
    );
    expect([mid.low, mid.high]).toEqual([150000, 170000]);
    // Levels or locations that drop a name the bands use are refused; nothing is stored.
    const dropped = await problemOf(
      await put(ws.write, "levels", { rows: [{ name: "Principal" }] }),
      409,
    );
    expect(dropped).toMatchObject({ code: "CONFLICT", field: "levels" });
    expect(dropped.detail).toContain('"Staff"');
    const noPlaces = await problemOf(await put(ws.write, "locations", { rows: [] }), 409);
    expect(noPlaces.detail).toContain('"Denver, CO"');
    const levels = await jsonOf(await api("/v1/workspace/levels", { key: ws.read }), 200);
    expect(levels.version).toBe(1);
    // Keeping Staff (and adding another) is fine.
    const kept = await put(ws.write, "levels", {
      rows: [{ name: "Staff" }, { name: "Principal" }],
    });
    expect((await jsonOf(kept, 200)).version).toBe(2);
  });

  it("bad rows: 422 naming each row and field, a repeated name refused, nothing stored", async () => {
    const ws = await workspaceWithKeys("wsdata-bad");
    const p = await problemOf(
      await put(ws.write, "locations", {
        rows: [
          DENVER,
          { name: "Austin", factor: 1 },
          { name: "Boise", factor: 9 },
          { name: "Denver, CO", factor: 1 },
        ],
      }),
      422,
    );
    expect(p.problems!.map((x) => x.field)).toEqual([
      "locations[1].name",
      "locations[2].factor",
      "locations[3]",
    ]);
    const fx = await problemOf(
      await put(ws.write, "fx", { rows: [{ currency: "EUR", perUsd: 0.9, asOf: "31/03/2026" }] }),
      422,
    );
    expect(fx.field).toBe("fx[0].asOf");
    const csv = await problemOf(await put(ws.write, "levels", "title\nStaff\n", true), 422);
    expect(csv.detail).toContain("name");
    const stored = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM workspace_data_sets WHERE workspace_id = ?",
    )
      .bind(ws.workspaceId)
      .first<{ n: number }>();
    expect(stored!.n).toBe(0);
    await problemOf(await put(ws.read, "levels", { rows: [] }), 403);
  });

  it("a model version keeps the locations it was priced with; reprice uses the new ones; both count in stored bytes", async () => {
    const ws = await workspaceWithKeys("wsdata-pin");
    await jsonOf(await put(ws.write, "locations", { rows: [DENVER] }), 200);
    const input = {
      horizonMonths: 12,
      hires: [{ role: "ML Engineer", level: "Mid", location: "Denver", startMonth: 1, count: 2 }],
    };
    const model = await jsonOf(
      await api("/v1/models", { key: ws.write, body: { name: "Denver team", input } }),
      201,
    );
    expect(model.pricedWith).toMatchObject({ locationsVersion: 1, levelsVersion: 0, fxVersion: 0 });
    const v1 = await jsonOf(await api(`/v1/models/${model.id}/result`, { key: ws.read }), 200);
    expect(v1.result.totals).toEqual(
      JSON.parse(JSON.stringify(planToUnits(runPlan(input, { locations: [DENVER] })).totals)),
    );

    const moved = { ...DENVER, factor: 1.1 };
    await jsonOf(await put(ws.write, "locations", { rows: [moved] }), 200);
    const again = await jsonOf(await api(`/v1/models/${model.id}/result`, { key: ws.read }), 200);
    expect(again.result).toEqual(v1.result);
    expect(again.pricedWith.locationsVersion).toBe(1);

    const repriced = await jsonOf(
      await api(`/v1/models/${model.id}/reprice`, {
        method: "POST",
        key: ws.write,
        headers: { "If-Match": '"v1"' },
      }),
      200,
    );
    expect(repriced.model.pricedWith.locationsVersion).toBe(2);
    const expected = planToUnits(runPlan(input, { locations: [moved] }));
    const cents = (x: number) => Math.round(x * 100);
    expect(repriced.difference.total).toEqual({
      before: v1.result.totals.total,
      after: expected.totals.total,
      difference: (cents(expected.totals.total) - cents(v1.result.totals.total)) / 100,
    });
    const diff = await jsonOf(
      await api(`/v1/models/${model.id}/diff?from=1&to=2`, { key: ws.read }),
      200,
    );
    expect(diff.change.summary).toBe("repriced (locations v1 → v2)");

    // Stored bytes: both location sets and both model versions.
    const usage = await jsonOf(await api("/v1/usage", { key: ws.read }), 200);
    const sums = await env.DB.prepare(
      "SELECT (SELECT SUM(bytes) FROM workspace_data_sets WHERE workspace_id = ?1) AS data, (SELECT SUM(bytes) FROM models WHERE workspace_id = ?1) AS models",
    )
      .bind(ws.workspaceId)
      .first<{ data: number; models: number }>();
    expect(sums!.data).toBe(
      new TextEncoder().encode(JSON.stringify([DENVER])).length +
        new TextEncoder().encode(JSON.stringify([moved])).length,
    );
    expect(usage.storedBytes.used).toBe(sums!.data + sums!.models);
  });
});
