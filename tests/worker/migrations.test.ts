import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { datasetVersion, planToUnits, runPlan } from "../../shared/index.js";
import { api, createKey, jsonOf, planInput, uniqueWorkspace } from "./support/workspace.js";

// The setup file has applied migrations/ to this file's own D1 (storage is per test file), as
// `wrangler d1 migrations apply` does: recorded in d1_migrations, each applied once.

const TABLES = [
  "api_keys",
  "audit_log",
  "band_sets",
  "bands",
  "model_versions",
  "models",
  "shares",
  "workspace_data_sets",
  "workspaces",
];

/** Every table any migration makes (rate_limits until 0003), children before parents (the foreign keys are enforced), and the migrations record. */
const ALL_TABLES = [
  "workspace_data_sets",
  "bands",
  "band_sets",
  "shares",
  "model_versions",
  "models",
  "api_keys",
  "audit_log",
  "rate_limits",
  "workspaces",
  "d1_migrations",
];

async function tables(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY name",
  ).all<{ name: string }>();
  return results.map((r) => r.name);
}

async function applied(): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{
    name: string;
  }>();
  return results.map((r) => r.name);
}

describe("migrations", () => {
  it("every migration in migrations/ is applied and recorded, giving the schema's tables", async () => {
    expect(await tables()).toEqual(TABLES);
    expect(await applied()).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
    expect(env.TEST_MIGRATIONS.map((m) => m.name)).toEqual([
      "0000_init.sql",
      "0001_workspaces_keys_models_bands.sql",
      "0002_model_bytes.sql",
      "0003_drop_rate_limits.sql",
      "0004_pinned_versions_share_views.sql",
    ]);
  });

  it("re-applying is a no-op: nothing runs twice and data survives", async () => {
    const key = await createKey(uniqueWorkspace("rerun"), "write");
    const model = await jsonOf(
      await api("/v1/models", { key, body: { name: "kept", input: planInput() } }),
      201,
    );
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect(await applied()).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
    expect((await jsonOf(await api(`/v1/models/${model.id}`, { key }), 200)).name).toBe("kept");
  });

  it("they apply from an empty database, and the API works on the result", async () => {
    // Children before parents: the foreign keys are enforced.
    for (const t of ALL_TABLES) await env.DB.prepare(`DROP TABLE IF EXISTS ${t}`).run();
    expect(await tables()).toEqual([]);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect(await tables()).toEqual(TABLES);
    expect(await applied()).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
    const key = await createKey(uniqueWorkspace("fresh"), "admin");
    await jsonOf(
      await api("/v1/models", { key, body: { name: "fresh", input: planInput() } }),
      201,
    );
  });

  it("0002 counts the bytes of every version a model already kept (the storage quota's usage)", async () => {
    for (const t of ALL_TABLES) await env.DB.prepare(`DROP TABLE IF EXISTS ${t}`).run();
    const before = env.TEST_MIGRATIONS.filter((m) => m.name < "0002");
    await applyD1Migrations(env.DB, before);
    const ws = uniqueWorkspace("backfill");
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO workspaces (id, slug, name, created_at) VALUES ('ws_b', ?, ?, 0)",
      ).bind(ws, ws),
      env.DB.prepare(
        "INSERT INTO models (id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by) VALUES ('mdl_b', 'ws_b', 'Équipe', '{\"hires\":[]}', 2, 0, 'k', 0, 'k')",
      ),
      env.DB.prepare(
        "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by) VALUES ('mdl_b', 1, 'Équipe', '{\"hires\":[]}', 0, 'k'), ('mdl_b', 2, 'Équipe', '{\"hires\":[1]}', 0, 'k')",
      ),
    ]);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    const row = await env.DB.prepare("SELECT bytes FROM models WHERE id = 'mdl_b'").first<{
      bytes: number;
    }>();
    const utf8 = (t: string) => new TextEncoder().encode(t).length;
    expect(row!.bytes).toBe(2 * utf8("Équipe") + utf8('{"hires":[]}') + utf8('{"hires":[1]}'));
  });

  it("0004 pins every version saved before it to its workspace's bands then; the first read pins the running dataset with the result it computes", async () => {
    for (const t of ALL_TABLES) await env.DB.prepare(`DROP TABLE IF EXISTS ${t}`).run();
    await applyD1Migrations(
      env.DB,
      env.TEST_MIGRATIONS.filter((m) => m.name < "0004"),
    );
    const key = await createKey(uniqueWorkspace("pin-backfill"), "write");
    const input = JSON.stringify(planInput());
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO band_sets (id, workspace_id, version, row_count, created_at, created_by) VALUES ('bset_pin1', ?, 1, 0, 0, 'k'), ('bset_pin2', ?, 2, 0, 0, 'k')",
      ).bind(key.workspaceId, key.workspaceId),
      env.DB.prepare(
        "INSERT INTO models (id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by) VALUES ('mdl_p', ?, 'Old', ?, 2, 0, 'k', 0, 'k')",
      ).bind(key.workspaceId, input),
      env.DB.prepare(
        "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by) VALUES ('mdl_p', 1, 'Old', ?1, 0, 'k'), ('mdl_p', 2, 'Old', ?1, 0, 'k')",
      ).bind(input),
    ]);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    const { results } = await env.DB.prepare(
      "SELECT version, dataset_version, dataset_hash, bands_version, kind, result FROM model_versions WHERE model_id = 'mdl_p' ORDER BY version",
    ).all();
    const d = datasetVersion();
    expect(results).toEqual([
      {
        version: 1,
        dataset_version: "",
        dataset_hash: "",
        bands_version: 2,
        kind: "create",
        result: null,
      },
      {
        version: 2,
        dataset_version: "",
        dataset_hash: "",
        bands_version: 2,
        kind: "save",
        result: null,
      },
    ]);
    const model = await jsonOf(await api("/v1/models/mdl_p", { key }), 200);
    expect(model.pricedWith).toEqual({
      dataset: { version: d.version, hash: d.hash },
      bandsVersion: 2,
      levelsVersion: 0,
      locationsVersion: 0,
      fxVersion: 0,
    });
    // Band set 2 has no rows here, so the seed figures; the first read keeps the snapshot.
    const res = await jsonOf(await api("/v1/models/mdl_p/result", { key }), 200);
    expect(res.result.totals).toEqual(
      JSON.parse(JSON.stringify(planToUnits(runPlan(planInput())).totals)),
    );
    // The read wrote down the dataset it priced with, beside the snapshot, on the version and on
    // the model (version 2 is current); version 1, not read yet, still waits for its first read.
    const pins = await env.DB.prepare(
      "SELECT version, dataset_version, dataset_hash, result IS NOT NULL AS kept FROM model_versions WHERE model_id = 'mdl_p' ORDER BY version",
    ).all();
    expect(pins.results).toEqual([
      { version: 1, dataset_version: "", dataset_hash: "", kept: 0 },
      { version: 2, dataset_version: d.version, dataset_hash: d.hash, kept: 1 },
    ]);
    const row = await env.DB.prepare(
      "SELECT dataset_version, dataset_hash FROM models WHERE id = 'mdl_p'",
    ).first();
    expect(row).toEqual({ dataset_version: d.version, dataset_hash: d.hash });
  });

  it("the database refuses what the schema forbids: a duplicate model version, an unknown scope, low above high", async () => {
    const key = await createKey(uniqueWorkspace("constraints"), "write");
    const model = await jsonOf(
      await api("/v1/models", { key, body: { name: "m", input: planInput() } }),
      201,
    );
    await expect(
      env.DB.prepare(
        "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by) VALUES (?, 1, 'dup', '{}', 0, 'x')",
      )
        .bind(model.id)
        .run(),
    ).rejects.toThrow(/UNIQUE|PRIMARY KEY/i);
    await expect(
      env.DB.prepare("UPDATE api_keys SET scope = 'owner' WHERE id = ?").bind(key.keyId).run(),
    ).rejects.toThrow(/CHECK/i);
    await expect(
      env.DB.prepare(
        "INSERT INTO band_sets (id, workspace_id, version, row_count, created_at, created_by) VALUES ('bset_x', ?, 1, 1, 0, 'x')",
      )
        .bind(key.workspaceId)
        .run(),
    ).resolves.toBeTruthy();
    await expect(
      env.DB.prepare(
        "INSERT INTO bands (set_id, row, role, level, location, basis, currency, low_cents, high_cents) VALUES ('bset_x', 1, 'ML Engineer', 'Mid', 'US', 'base', 'USD', 200, 100)",
      ).run(),
    ).rejects.toThrow(/CHECK/i);
  });
});
