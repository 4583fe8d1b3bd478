#!/usr/bin/env node
// API keys from the command line, against the local D1 (what `npm start` serves) or, with
// --remote, the deployed one:
//
//   npm run keys -- create --workspace acme --scopes admin [--name "Ops laptop"] [--remote]
//   npm run keys -- list [--workspace acme] [--remote]
//   npm run keys -- revoke key_Xq2b9dK1mP0sLw3Z [--workspace acme] [--remote]
//
// `create` makes the workspace if it does not exist yet and prints the new key alone on its last
// line (it is shown only this once; only its SHA-256 is stored). --persist-to <dir> points a
// local run at the same directory `PERSIST_TO=<dir> npm start` uses; --env staging (with
// --remote) the staging database of wrangler.toml's [env.staging].
import { parseArgs } from "node:util";
import { executeD1, loadProvisioning } from "./lib/workspace-db.mjs";

const USAGE = `usage:
  npm run keys -- create --workspace <name> --scopes <read|write|admin>[,…] [--name <label>] [--remote]
  npm run keys -- list [--workspace <name>] [--remote]
  npm run keys -- revoke <key id> [--workspace <name>] [--remote]
options: --remote (the deployed database), --env <name> (a wrangler.toml environment, e.g. staging),
         --persist-to <dir> (local state directory, as PERSIST_TO for npm start)`;

function fail(message) {
  console.error(`keys: ${message}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      workspace: { type: "string", short: "w" },
      scopes: { type: "string", short: "s" },
      name: { type: "string", short: "n" },
      remote: { type: "boolean", default: false },
      env: { type: "string", short: "e" },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (e) {
  fail(`${e.message}\n${USAGE}`);
}
const { values: opts, positionals } = parsed;
const [command, ...rest] = positionals;
if (opts.help || !command) {
  console.log(USAGE);
  process.exit(opts.help ? 0 : 2);
}

const p = await loadProvisioning();
const target = { remote: opts.remote, persistTo: opts["persist-to"], env: opts.env };
const where = `the ${opts.remote ? "remote" : "local"} ${opts.env ? `${opts.env} ` : ""}database`;
const iso = (ms) => (ms === null || ms === undefined ? "" : new Date(ms).toISOString());

async function create() {
  if (!opts.workspace) fail(`create needs --workspace <name>, e.g. --workspace acme\n${USAGE}`);
  if (!opts.scopes)
    fail("create needs --scopes read, write or admin (admin implies write, write implies read)");
  if (rest.length) fail(`unexpected argument ${JSON.stringify(rest[0])}\n${USAGE}`);
  const now = Date.now();
  let ensure;
  let created;
  try {
    const scope = p.parseScopes(opts.scopes);
    ensure = p.ensureWorkspaceStatements(opts.workspace, "cli", now);
    created = await p.newKeyStatements({
      workspace: { slug: opts.workspace },
      scope,
      name: opts.name ?? `${opts.workspace} ${scope} key`,
      actor: "cli",
      now,
    });
  } catch (e) {
    fail(e.message);
  }
  const results = executeD1(p.inlineSql([...ensure, ...created.statements]), target);
  const workspaceCreated = (results[0]?.results?.length ?? 0) === 1;
  console.log(
    `${workspaceCreated ? "Created" : "Using"} workspace "${opts.workspace}" in ${where}.`,
  );
  console.log(
    `Created key ${created.id} ("${created.name}", scopes: ${p.impliedScopes(created.scope).join(", ")}). It is shown only now; only its SHA-256 is stored.`,
  );
  console.log(created.key);
}

function list() {
  if (rest.length) fail(`unexpected argument ${JSON.stringify(rest[0])}\n${USAGE}`);
  let statement;
  try {
    statement = p.listKeysStatement(opts.workspace);
  } catch (e) {
    fail(e.message);
  }
  const [result] = executeD1(p.inlineSql([statement]), target);
  const rows = result?.results ?? [];
  if (!rows.length) {
    console.log(
      opts.workspace
        ? `No keys in workspace "${opts.workspace}" (${where}).`
        : `No keys in ${where}.`,
    );
    return;
  }
  const lines = rows.map((r) => [
    r.id,
    r.workspace,
    r.scope,
    r.prefix + "…",
    iso(r.created_at),
    r.revoked_at ? `revoked ${iso(r.revoked_at)}` : "active",
    r.name,
  ]);
  const header = ["id", "workspace", "scope", "prefix", "created", "status", "name"];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  for (const line of [header, ...lines])
    console.log(
      line
        .map((v, i) => String(v).padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    );
}

function revoke() {
  const [id, extra] = rest;
  if (!id) fail(`revoke needs a key id (see \`npm run keys -- list\`)\n${USAGE}`);
  if (extra) fail(`unexpected argument ${JSON.stringify(extra)}`);
  const workspace = opts.workspace ? { slug: opts.workspace } : undefined;
  const results = executeD1(
    p.inlineSql(p.revokeKeyStatements(id, workspace, "cli", Date.now())),
    target,
  );
  if ((results[0]?.results?.length ?? 0) !== 1)
    fail(
      `no active key ${id}${opts.workspace ? ` in workspace "${opts.workspace}"` : ""} in ${where}; \`npm run keys -- list\` shows the keys`,
    );
  console.log(`Revoked key ${id} in ${where}; it is refused from the next request on.`);
}

try {
  if (command === "create") await create();
  else if (command === "list") list();
  else if (command === "revoke") revoke();
  else fail(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
} catch (e) {
  fail(e.message);
}
