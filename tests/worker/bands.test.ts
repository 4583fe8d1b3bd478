import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resultEtag } from "../../worker/http/version-etag.js";
import { salaryRange } from "../../shared/index.js";
import {
  api,
  auditRows,
  jsonOf,
  pinWith,
  problemOf,
  workspaceWithKeys,
  type TestKey,
} from "./support/workspace.js";

const HEADER = "role,level,location,basis,currency,low,high";
const GOOD_CSV =
  [
    HEADER,
    "MLE,mid,Austin,base,usd,150000,185000",
    '"Data Scientist",Sr,"London, UK",base,GBP,"120,000",160000.50',
  ].join("\r\n") + "\r\n";

function putCsv(key: TestKey | undefined, csv: string) {
  return api("/v1/bands", {
    method: "PUT",
    key,
    body: csv,
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
}

async function bandSetCount(workspaceId: string) {
  return (await env.DB.prepare("SELECT COUNT(*) AS n FROM band_sets WHERE workspace_id = ?")
    .bind(workspaceId)
    .first<{ n: number }>())!.n;
}

describe("bands upload", () => {
  it("PUT CSV stores canonical names as version 1; GET returns them as JSON and as CSV that can be PUT back", async () => {
    const ws = await workspaceWithKeys("bands");
    const put = await jsonOf(await putCsv(ws.write, GOOD_CSV), 200);
    const expected = [
      {
        role: "ML Engineer",
        level: "Mid",
        location: "Austin, TX",
        basis: "base",
        currency: "USD",
        low: 150000,
        high: 185000,
      },
      {
        role: "Data Scientist",
        level: "Senior",
        location: "London, UK",
        basis: "base",
        currency: "GBP",
        low: 120000,
        high: 160000.5,
      },
    ];
    expect(put).toMatchObject({ version: 1, createdBy: ws.write.keyId, bands: expected });

    const got = await api("/v1/bands", { key: ws.read });
    expect(got.headers.get("etag")).toBe('"b1"');
    expect(await jsonOf(got, 200)).toMatchObject({ version: 1, bands: expected });

    const csv = await api("/v1/bands.csv", { key: ws.read });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text.split("\r\n").slice(0, 3)).toEqual([
      HEADER,
      'ML Engineer,Mid,"Austin, TX",base,USD,150000,185000',
      'Data Scientist,Senior,"London, UK",base,GBP,120000,160000.5',
    ]);
    const again = await jsonOf(await putCsv(ws.write, text), 200);
    expect(again).toMatchObject({ version: 2, bands: expected });
  });

  it("PUT JSON replaces the set; the previous set stays readable as its version", async () => {
    const ws = await workspaceWithKeys("bands-json");
    await jsonOf(await putCsv(ws.write, GOOD_CSV), 200);
    const json = {
      bands: [
        {
          role: "AI Product Manager",
          level: 4,
          location: "NYC",
          basis: "total",
          currency: "USD",
          low: 200000,
          high: 260000,
        },
      ],
    };
    const put = await jsonOf(
      await api("/v1/bands", { method: "PUT", key: ws.write, body: json }),
      200,
    );
    expect(put.bands).toEqual([
      {
        role: "AI Product Manager",
        level: "Mid",
        location: "New York, NY",
        basis: "total",
        currency: "USD",
        low: 200000,
        high: 260000,
      },
    ]);
    expect(put.version).toBe(2);
    expect((await jsonOf(await api("/v1/bands", { key: ws.read }), 200)).bands).toHaveLength(1);
    expect(
      (await jsonOf(await api("/v1/bands?version=1", { key: ws.read }), 200)).bands,
    ).toHaveLength(2);
    const versions = await jsonOf(await api("/v1/bands/versions", { key: ws.read }), 200);
    expect(
      versions.versions.map((v: { version: number; rows: number }) => [v.version, v.rows]),
    ).toEqual([
      [2, 1],
      [1, 2],
    ]);
    await problemOf(await api("/v1/bands?version=7", { key: ws.read }), 404);
    const trail = (await auditRows(ws.workspaceId)).filter((r) => r.action === "bands.replace");
    expect(trail.map((r) => [r.actor, r.version])).toEqual([
      [ws.write.keyId, 1],
      [ws.write.keyId, 2],
    ]);
  });

  it("a bad upload is 422 listing each bad row (row, line, column, fix) and leaves the previous bands untouched", async () => {
    const ws = await workspaceWithKeys("bands-bad");
    await jsonOf(await putCsv(ws.write, GOOD_CSV), 200);
    const before = await jsonOf(await api("/v1/bands", { key: ws.read }), 200);
    const bad = [
      HEADER,
      "ML Engineer,Mid,Austin,base,USD,150000,185000",
      "ML Enginer,Mid,Austin,base,USD,1,2",
      "ML Engineer,Sneior,Austin,base,USD,1,2",
      "ML Engineer,Mid,Atlantis,base,USD,1,2",
      "ML Engineer,Mid,Austin,gross,USD,1,2",
      "ML Engineer,Mid,Austin,base,EUR,1,2",
      "Data Scientist,Mid,Austin,base,USD,200000,100000",
      "Data Scientist,Entry,Austin,base,USD,-5,100",
      "Data Scientist,Senior,,base,USD,1,2",
      "MLE,mid,austin,base,usd,1,2",
      "Data Scientist,Mid,Austin, TX,base,USD,1,2",
    ].join("\n");
    const p = await problemOf(await putCsv(ws.write, bad), 422);
    expect(p.code).toBe("INVALID_BANDS");
    expect(p.detail).toContain("nothing was stored and the previous bands still apply");
    const summary = p.problems!.map((x) => [x.row, x.line, x.column ?? null, x.field]);
    expect(summary).toEqual([
      [2, 3, "role", "bands[1].role"],
      [3, 4, "level", "bands[2].level"],
      [4, 5, "location", "bands[3].location"],
      [5, 6, "basis", "bands[4].basis"],
      [6, 7, "currency", "bands[5].currency"],
      [7, 8, "high", "bands[6].high"],
      [8, 9, "low", "bands[7].low"],
      [9, 10, "location", "bands[8].location"],
      [10, 11, null, "bands[9]"],
      [11, 12, null, "bands[10]"],
    ]);
    expect(p.problems![0]!.suggestions).toContain("ML Engineer");
    expect(p.problems![1]!.suggestions).toContain("Senior");
    expect(p.problems![5]!.message).toContain("low ≤ high");
    expect(p.problems![6]!.message).toContain("must not be negative");
    expect(p.problems![7]!.message).toMatch(/location: is required/);
    expect(p.problems![8]!.message).toContain("repeats row 1");
    expect(p.problems![9]!.message).toContain(
      'quote a value that contains a comma, e.g. "Austin, TX"',
    );
    for (const x of p.problems!)
      expect(x.message).toMatch(new RegExp(`^Row ${x.row} \\(line ${x.line}\\): `));

    expect(await jsonOf(await api("/v1/bands", { key: ws.read }), 200)).toEqual(before);
    expect(await bandSetCount(ws.workspaceId)).toBe(1);
    expect(
      (await auditRows(ws.workspaceId)).filter((r) => r.action === "bands.replace"),
    ).toHaveLength(1);
  });

  it("a wrong header, an empty CSV, a missing field in JSON or another content type are rejected with the fix", async () => {
    const ws = await workspaceWithKeys("bands-header");
    const header = await problemOf(
      await putCsv(
        ws.write,
        "role,level,place,basis,currency,low,high\nMLE,Mid,Austin,base,USD,1,2\n",
      ),
      422,
    );
    expect(header.detail).toContain("missing location");
    expect(header.detail).toContain('unknown "place"');
    expect((await problemOf(await putCsv(ws.write, ""), 422)).detail).toContain("The CSV is empty");
    expect(
      (await problemOf(await putCsv(ws.write, `${HEADER}\n"MLE,Mid,Austin,base,USD,1,2\n`), 422))
        .detail,
    ).toContain("never closed");
    const json = await problemOf(
      await api("/v1/bands", {
        method: "PUT",
        key: ws.write,
        body: {
          bands: [
            {
              role: "MLE",
              level: "Mid",
              location: "Austin",
              basis: "base",
              currency: "USD",
              low: 1,
            },
          ],
        },
      }),
      422,
    );
    expect(json.problems!.map((x) => x.field)).toEqual(["bands[0].high"]);
    expect(json.problems![0]!.message).toBe(
      "Row 1: high: is required, an amount in currency units, e.g. 150000",
    );
    const text = await problemOf(
      await api("/v1/bands", {
        method: "PUT",
        key: ws.write,
        body: GOOD_CSV,
        headers: { "Content-Type": "text/plain" },
      }),
      415,
    );
    expect(text.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await bandSetCount(ws.workspaceId)).toBe(0);
    expect(await jsonOf(await api("/v1/bands", { key: ws.read }), 200)).toEqual({
      version: 0,
      createdAt: null,
      createdBy: null,
      bands: [],
    });
  });
});

describe("bands in computations", () => {
  it("with a key, /v1/salary uses the workspace's band and says provenance workspace; without one, the seeds", async () => {
    const ws = await workspaceWithKeys("bands-salary");
    await jsonOf(await putCsv(ws.write, GOOD_CSV), 200);
    const query = "/v1/salary?role=ML%20Engineer&level=Mid&location=Austin";
    const seeded = await jsonOf(await api(query), 200);
    const seed = salaryRange({ role: "ML Engineer", level: "Mid", location: "Austin" });
    expect(seeded).toMatchObject({
      provenance: seed.provenance,
      low: seed.low / 100,
      high: seed.high / 100,
    });

    const withKey = await api(query, { key: ws.read });
    expect(withKey.headers.get("cache-control")).toMatch(/^private/);
    expect(await jsonOf(withKey, 200)).toMatchObject({
      provenance: "workspace",
      low: 150000,
      high: 185000,
      mid: 167500,
    });

    const other = await workspaceWithKeys("bands-other");
    expect(await jsonOf(await api(query, { key: other.read }), 200)).toMatchObject({
      provenance: seed.provenance,
      low: seed.low / 100,
    });
    expect(await jsonOf(await api("/v1/bands", { key: other.read }), 200)).toMatchObject({
      version: 0,
      bands: [],
    });
  });

  it("with a key, /v1/dataset carries the workspace's bands (provenance workspace) and its ETag is per workspace and bands version", async () => {
    const ws = await workspaceWithKeys("bands-dataset");
    const anonymous = await api("/v1/dataset");
    expect((await jsonOf(anonymous.clone(), 200)).workspace).toBeUndefined();
    const before = await api("/v1/dataset", { key: ws.read });
    expect((await jsonOf(before.clone(), 200)).workspace).toBeUndefined();
    await jsonOf(await putCsv(ws.write, GOOD_CSV), 200);
    const after = await api("/v1/dataset", { key: ws.read });
    const body = await jsonOf(after.clone(), 200);
    expect(body.workspace).toMatchObject({
      provenance: "workspace",
      bandsVersion: 1,
      bands: [
        { role: "ML Engineer", level: "Mid", location: "Austin, TX", low: 150000 },
        { role: "Data Scientist" },
      ],
    });
    const etags = [anonymous, before, after].map((r) => r.headers.get("etag"));
    expect(new Set(etags).size).toBe(3);
    expect(after.headers.get("cache-control")).toMatch(/^private/);
  });

  it("with a key, /v1/functions and /v1/batch compute with the workspace's band", async () => {
    const ws = await workspaceWithKeys("bands-functions");
    await jsonOf(await putCsv(ws.write, GOOD_CSV), 200);
    const fn = await jsonOf(
      await api("/v1/functions/AI_SALARY", {
        key: ws.read,
        body: { args: ["MLE", "Mid", "Austin"] },
      }),
      200,
    );
    expect(fn.value).toBe(167500);
    const anon = await jsonOf(
      await api("/v1/functions/AI_SALARY", { body: { args: ["MLE", "Mid", "Austin"] } }),
      200,
    );
    expect(anon.value).toBe(
      salaryRange({ role: "MLE", level: "Mid", location: "Austin" }).mid / 100,
    );
    const batch = await jsonOf(
      await api("/v1/batch", {
        key: ws.read,
        body: { calls: [{ fn: "AI_SALARY", args: ["Data Scientist", "Senior", "London"] }] },
      }),
      200,
    );
    expect(batch.results).toEqual([{ value: 140000.25 }]);
  });

  it("a saved version keeps the bands it was priced with; a version saved after an upload uses the new bands", async () => {
    const ws = await workspaceWithKeys("bands-model");
    const input = {
      horizonMonths: 12,
      hires: [{ role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 1 }],
    };
    const model = await jsonOf(
      await api("/v1/models", { key: ws.write, body: { name: "m", input } }),
      201,
    );
    const seedResult = await api(`/v1/models/${model.id}/result`, { key: ws.read });
    expect(seedResult.headers.get("etag")).toBe(resultEtag(1, pinWith(0)));
    const seedBody = await jsonOf(seedResult, 200);
    expect(seedBody.result.hires[0].salarySource.provenance).not.toBe("workspace");

    await jsonOf(await putCsv(ws.write, GOOD_CSV), 200);
    // Version 1 is still priced with no bands: the same ETag and the same figures.
    const still = await api(`/v1/models/${model.id}/result`, { key: ws.read });
    expect(still.headers.get("etag")).toBe(resultEtag(1, pinWith(0)));
    expect(await jsonOf(still, 200)).toEqual(seedBody);

    const saved = await api(`/v1/models/${model.id}`, {
      method: "PUT",
      key: ws.write,
      headers: { "If-Match": '"v1"' },
      body: { input },
    });
    expect((await jsonOf(saved, 200)).pricedWith.bandsVersion).toBe(1);
    const banded = await api(`/v1/models/${model.id}/result`, { key: ws.read });
    expect(banded.headers.get("etag")).toBe(resultEtag(2, pinWith(1)));
    const body = await jsonOf(banded, 200);
    expect(body.bandsVersion).toBe(1);
    expect(body.result.hires[0]).toMatchObject({
      annualSalary: 167500,
      salarySource: { provenance: "workspace" },
    });
    expect(body.result.totals.payroll).toBe(167500);

    const share = await jsonOf(
      await api(`/v1/models/${model.id}/shares`, { method: "POST", key: ws.write }),
      201,
    );
    const shared = await jsonOf(await api(`/v1/shared/${share.token}/result`), 200);
    expect(shared.result.totals.payroll).toBe(167500);
  });

  it("scopes: no key → 401, read cannot upload (403)", async () => {
    const ws = await workspaceWithKeys("bands-scope");
    await problemOf(await putCsv(undefined, GOOD_CSV), 401);
    await problemOf(await api("/v1/bands"), 401);
    const p = await problemOf(await putCsv(ws.read, GOOD_CSV), 403);
    expect(p.requiredScope).toBe("write");
    expect(await bandSetCount(ws.workspaceId)).toBe(0);
  });
});
