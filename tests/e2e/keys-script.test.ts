// `npm run keys` and the migrations as wrangler applies them, against a fresh local D1 in a
// temporary directory (--persist-to): migrations apply from empty and re-running applies nothing;
// `create` prints the key alone on its last line and stores only its SHA-256; list; revoke.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root, wranglerBin, wranglerEnv } from "../../scripts/lib/paths.mjs";

const wrangler = wranglerBin();
const state = mkdtempSync(path.join(tmpdir(), "keys-script-"));
const env = wranglerEnv();

afterAll(() => rmSync(state, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const keys = (...args: string[]) =>
  run([path.join(root, "scripts", "keys.mjs"), ...args, "--persist-to", state]);

function query(sql: string): Record<string, unknown>[] {
  const r = run([
    wrangler,
    "d1",
    "execute",
    "DB",
    "--local",
    "--persist-to",
    state,
    "--json",
    "--command",
    sql,
  ]);
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { results: Record<string, unknown>[] }[])[0]!.results;
}

describe("migrations with wrangler, and npm run keys", { timeout: 120_000 }, () => {
  it("applies every migration to an empty database, and a second run applies none", () => {
    const first = run([
      wrangler,
      "d1",
      "migrations",
      "apply",
      "DB",
      "--local",
      "--persist-to",
      state,
    ]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("0001_workspaces_keys_models_bands.sql");
    const second = run([
      wrangler,
      "d1",
      "migrations",
      "apply",
      "DB",
      "--local",
      "--persist-to",
      state,
    ]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/No migrations to apply/);
    expect(query("SELECT name FROM d1_migrations ORDER BY id").map((r) => r.name)).toEqual([
      "0000_init.sql",
      "0001_workspaces_keys_models_bands.sql",
      "0002_model_bytes.sql",
      "0003_drop_rate_limits.sql",
      "0004_pinned_versions_share_views.sql",
    ]);
  });

  it("create makes the workspace once and prints the key alone on the last line; only its hash is stored", () => {
    const first = keys("create", "--workspace", "acme", "--scopes", "admin");
    expect(first.status, first.stderr).toBe(0);
    const lines = first.stdout.trimEnd().split("\n");
    const key = lines.at(-1)!;
    expect(key).toMatch(/^atp_[A-Za-z0-9_-]{43}$/);
    expect(lines[0]).toBe('Created workspace "acme" in the local database.');

    const second = keys(
      "create",
      "--workspace",
      "acme",
      "--scopes",
      "read,write",
      "--name",
      "HR sync",
    );
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.split("\n")[0]).toBe('Using workspace "acme" in the local database.');

    const rows = query(
      "SELECT k.name, k.scope, k.key_hash, k.created_by FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id WHERE w.slug = 'acme' ORDER BY k.created_at",
    );
    expect(rows.map((r) => [r.name, r.scope, r.created_by])).toEqual([
      ["acme admin key", "admin", "cli"],
      ["HR sync", "write", "cli"],
    ]);
    expect(rows[0]!.key_hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(JSON.stringify(query("SELECT * FROM api_keys"))).not.toContain(key);
    expect(query("SELECT action FROM audit_log ORDER BY id").map((r) => r.action)).toEqual([
      "workspace.create",
      "key.create",
      "key.create",
    ]);
  });

  it("list shows keys without secrets; revoke refuses a second revoke; bad input exits 2 with the fix", () => {
    const list = keys("list", "--workspace", "acme");
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain("HR sync");
    const id = list.stdout
      .split("\n")
      .find((l) => l.includes("HR sync"))!
      .split(/\s+/)[0]!;
    expect(id).toMatch(/^key_/);

    const revoked = keys("revoke", id);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(query(`SELECT revoked_at FROM api_keys WHERE id = '${id}'`)[0]!.revoked_at).toEqual(
      expect.any(Number),
    );
    const again = keys("revoke", id);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`no active key ${id}`);

    const badName = keys("create", "--workspace", "Not OK", "--scopes", "admin");
    expect(badName.status).toBe(2);
    expect(badName.stderr).toContain("lower-case letters, digits and dashes");
    const badScope = keys("create", "--workspace", "acme", "--scopes", "owner");
    expect(badScope.status).toBe(2);
    expect(badScope.stderr).toContain("use read, write or admin");
  });
});
