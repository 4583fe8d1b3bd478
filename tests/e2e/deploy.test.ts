// `npm run deploy` (scripts/deploy.mjs) against a stand-in for wrangler that records every call:
// the exact commands, in order, on an account with nothing in it and on later deploys; a failed
// migration deploys nothing and says how to retry; an add-on API that is not https stops the
// deploy before anything changes. The add-on build and the key SQL are real.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { root } from "../support/local-worker.js";

const standIn = path.join(root, "tests", "e2e", "support", "wrangler-stand-in.mjs");
const DB_ID = "0b7c5a2e-3f7d-4c1e-9a55-2d8f0e6b1c44";
const COUNT_ADMIN_KEYS =
  "SELECT count(*) AS n FROM api_keys WHERE scope = 'admin' AND revoked_at IS NULL";

interface Answer {
  match: string;
  stdout?: string;
  stderr?: string;
  exit?: number;
}

const created = (name: string) =>
  `✅ Successfully created DB '${name}' in region WNAM\nCreated your new D1 database.\n\nTo access your new D1 Database in your Worker, add the following snippet to your configuration file:\n[[d1_databases]]\nbinding = "${name.replace(/-/g, "_")}"\ndatabase_name = "${name}"\ndatabase_id = "${DB_ID}"\n`;
const deployed = (name: string) =>
  `Total Upload: 1838.12 KiB / gzip: 368.40 KiB\nUploaded ${name} (4.21 sec)\nDeployed ${name} triggers (0.87 sec)\n  https://${name}.acme.workers.dev\nCurrent Version ID: 5c1d2e3f-0000-4000-8000-000000000001\n`;
const rows = (r: object[]) => JSON.stringify([{ results: r, success: true, meta: {} }]);

/** A new account: no database, no keys; every command works. */
function emptyAccount(name: string): Answer[] {
  return [
    { match: "^d1 list --json", stdout: "[]" },
    { match: "^d1 create ", stdout: created(name) },
    { match: "^d1 migrations apply DB --remote", stdout: "🚣 Migrations applied.\n" },
    { match: "^deploy", stdout: deployed(name.replace(/-staging$/, "-staging")) },
    { match: "^d1 execute DB --remote --json --command SELECT count", stdout: rows([{ n: 0 }]) },
    { match: "^d1 execute DB --remote --json --command INSERT", stdout: rows([{ id: "ws_x" }]) },
  ];
}

let work: string;
let config: string;
let log: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "atp-deploy-test-"));
  config = path.join(work, "wrangler.toml");
  log = path.join(work, "wrangler.log");
  copyFileSync(path.join(root, "wrangler.toml"), config);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function deploy(scenario: Answer[], args: string[] = [], env: Record<string, string> = {}) {
  const { ADDON_API_URL: _unset, ...base } = process.env;
  const r = spawnSync(
    process.execPath,
    [path.join(root, "scripts", "deploy.mjs"), "--config", config, ...args],
    {
      cwd: root,
      env: {
        ...base,
        ATP_WRANGLER: standIn,
        WRANGLER_STAND_IN_LOG: log,
        WRANGLER_STAND_IN_SCENARIO: JSON.stringify(scenario),
        ...env,
      },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function calls(): string[][] {
  try {
    return readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as string[]);
  } catch {
    return []; // wrangler never ran
  }
}

const tail = (...args: string[]) => [...args, "--config", config];

// Each run starts node, reads wrangler.toml with wrangler's own reader and builds the add-on.
describe("npm run deploy", { timeout: 60_000 }, () => {
  it("on an account with nothing in it: creates the database, migrates, deploys, prints the first admin key once", () => {
    const r = deploy(emptyAccount("ai-team-planner"));
    expect(r.status, r.out).toBe(0);
    const made = calls();
    expect(made.slice(0, 5)).toEqual([
      tail("d1", "list", "--json"),
      tail("d1", "create", "ai-team-planner"),
      tail("d1", "migrations", "apply", "DB", "--remote"),
      tail("deploy"),
      tail("d1", "execute", "DB", "--remote", "--json", "--command", COUNT_ADMIN_KEYS),
    ]);
    expect(made).toHaveLength(6);
    const insert = made[5]!;
    expect(insert.slice(0, 6)).toEqual(["d1", "execute", "DB", "--remote", "--json", "--command"]);
    expect(insert.slice(7)).toEqual(["--config", config]);

    // The key is printed once, alone on its line; the database gets only its SHA-256.
    const keys = r.out.match(/^atp_[A-Za-z0-9_-]{43}$/gm) ?? [];
    expect(keys).toHaveLength(1);
    const sql = insert[6]!;
    expect(sql).toMatch(/^INSERT INTO workspaces .*'main'/);
    expect(sql).toContain(`'${createHash("sha256").update(keys[0]!).digest("hex")}'`);
    expect(sql).not.toContain(keys[0]!);
    expect(r.out).toContain('the first admin key, for workspace "main"');

    // The id lands in wrangler.toml's production block, so later remote commands find it.
    const toml = readFileSync(config, "utf8");
    expect(toml).toContain(
      `database_name = "ai-team-planner"\ndatabase_id = "${DB_ID}"\n# No database_id`,
    );
    expect(toml.match(/database_id = /g)).toHaveLength(1);
    expect(r.out).toContain(
      "done. https://ai-team-planner.acme.workers.dev/ is live; https://ai-team-planner.acme.workers.dev/addon installs the Google Sheets add-on",
    );
  });

  it("--env staging: every command names the environment, and the staging block gets its own database id", () => {
    const r = deploy(emptyAccount("ai-team-planner-staging"), ["--env", "staging"]);
    expect(r.status, r.out).toBe(0);
    const env = (...args: string[]) => [...args, "--env", "staging", "--config", config];
    expect(calls().slice(0, 5)).toEqual([
      env("d1", "list", "--json"),
      env("d1", "create", "ai-team-planner-staging"),
      env("d1", "migrations", "apply", "DB", "--remote"),
      env("deploy"),
      env("d1", "execute", "DB", "--remote", "--json", "--command", COUNT_ADMIN_KEYS),
    ]);
    const toml = readFileSync(config, "utf8");
    expect(toml).toContain(
      `database_name = "ai-team-planner-staging"\ndatabase_id = "${DB_ID}"\nmigrations_dir`,
    );
    expect(toml).toContain('database_name = "ai-team-planner"\n# No database_id');
  });

  it("a later deploy: the database exists and admin keys exist, so nothing is created", () => {
    const scenario: Answer[] = [
      {
        match: "^d1 list --json",
        stdout: JSON.stringify([
          { uuid: "11111111-2222-4333-8444-555555555555", name: "other-db" },
          { uuid: DB_ID, name: "ai-team-planner" },
        ]),
      },
      { match: "^deploy", stdout: deployed("ai-team-planner") },
      { match: "SELECT count", stdout: rows([{ n: 2 }]) },
    ];
    const r = deploy(scenario);
    expect(r.status, r.out).toBe(0);
    expect(calls()).toEqual([
      tail("d1", "list", "--json"),
      tail("d1", "migrations", "apply", "DB", "--remote"),
      tail("deploy"),
      tail("d1", "execute", "DB", "--remote", "--json", "--command", COUNT_ADMIN_KEYS),
    ]);
    expect(r.out).toContain("ai-team-planner has 2 active admin key(s)");
    expect(r.out).not.toMatch(/^atp_/m);

    // With the id now in wrangler.toml the next deploy does not even look it up; --no-admin-key skips the key step.
    const next = deploy(scenario, ["--no-admin-key"]);
    expect(next.status, next.out).toBe(0);
    expect(calls().slice(4)).toEqual([
      tail("d1", "migrations", "apply", "DB", "--remote"),
      tail("deploy"),
    ]);
    expect(next.out).toContain(
      "--no-admin-key: no key created. Make the first one with `npm run keys -- create --workspace main --scopes admin --remote`.",
    );
  });

  it("migrations fail: the new code is not deployed, and the message says how to retry", () => {
    const scenario: Answer[] = [
      { match: "^d1 migrations apply", stderr: '✘ [ERROR] near "TABLEE": syntax error\n', exit: 1 },
      ...emptyAccount("ai-team-planner-staging"),
    ];
    const r = deploy(scenario, ["--env", "staging"]);
    expect(r.status).toBe(1);
    expect(calls().map((c) => c.slice(0, 3).join(" "))).toEqual([
      "d1 list --json",
      "d1 create ai-team-planner-staging",
      "d1 migrations apply",
    ]);
    expect(r.out).toContain('near "TABLEE": syntax error');
    expect(r.out).toContain(
      "deploy: stopped: migrations failed (wrangler exit 1), so the new code was NOT deployed",
    );
    expect(r.out).toContain("Fix the error above and run `npm run deploy -- --env staging` again.");
  });

  it("wrangler deploy fails: no key is made, and the message says the previous version still runs", () => {
    const scenario: Answer[] = [
      { match: "^deploy", stderr: "✘ [ERROR] A request to the Cloudflare API failed.\n", exit: 1 },
      ...emptyAccount("ai-team-planner"),
    ];
    const r = deploy(scenario);
    expect(r.status).toBe(1);
    expect(calls().map((c) => c[0] === "deploy" || c.slice(0, 2).join(" "))).toEqual([
      "d1 list",
      "d1 create",
      "d1 migrations",
      true,
    ]);
    expect(r.out).toContain(
      "wrangler deploy failed (exit 1); the worker keeps running the previous version",
    );
  });

  it("an add-on API that is not https stops the deploy before anything changes, saying what to set", () => {
    const r = deploy(emptyAccount("ai-team-planner"), [], {
      ADDON_API_URL: "http://planner.acme.com",
    });
    expect(r.status).toBe(1);
    expect(calls()).toEqual([]);
    expect(r.out).toContain(
      'deploy: stopped: ADDON_API_URL="http://planner.acme.com" (from the environment) cannot be the API of the add-on served at /addon',
    );
    expect(r.out).toContain("Set ADDON_API_URL to the https address people reach this worker at");
    expect(readFileSync(config, "utf8")).toBe(
      readFileSync(path.join(root, "wrangler.toml"), "utf8"),
    );
  });

  it("ADDON_API_URL from wrangler.toml is checked too; a good one from the environment is passed to wrangler deploy", () => {
    const toml = readFileSync(config, "utf8").replace(
      "[env.staging.vars]\n",
      '[env.staging.vars]\nADDON_API_URL = "https://planner.acme.com/v1"\n',
    );
    writeFileSync(config, toml);
    const bad = deploy(emptyAccount("ai-team-planner-staging"), ["--env", "staging"]);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain("(from wrangler.toml [env.staging.vars]) cannot be the API");
    expect(calls()).toEqual([]);

    const good = deploy(emptyAccount("ai-team-planner"), ["--no-admin-key"], {
      ADDON_API_URL: "https://planner.acme.com/",
    });
    expect(good.status, good.out).toBe(0);
    expect(calls().find((c) => c[0] === "deploy")).toEqual([
      "deploy",
      "--config",
      config,
      "--var",
      "ADDON_API_URL:https://planner.acme.com",
    ]);
    expect(good.out).toContain("for https://planner.acme.com.");
  });

  it("an environment wrangler.toml does not define is refused by name", () => {
    const r = deploy(emptyAccount("ai-team-planner"), ["--env", "prod"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("wrangler.toml has no [env.prod]; its environments: staging.");
    expect(calls()).toEqual([]);
  });
});
