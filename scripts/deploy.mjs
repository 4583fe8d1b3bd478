#!/usr/bin/env node
// `npm run deploy`: production (or `-- --env staging`) in one command, on an account with nothing
// in it or on a running deployment alike:
//
//   1. checks ADDON_API_URL (if set) and builds the add-on the worker serves at /addon;
//   2. finds the D1 database by its name in wrangler.toml, creating it on a new account, and
//      writes its id into wrangler.toml (every remote wrangler d1 command needs the id);
//   3. applies the migrations remotely — if that fails, stops: the new code is NOT deployed;
//   4. deploys the worker;
//   5. creates the first admin key, printed once, if the database has no admin key yet.
//
// Options: --env <name>, --workspace <slug> (the first key's workspace, default "main"),
// --no-admin-key (skip step 5, e.g. in CI, whose logs others can read), --config <file>
// (default wrangler.toml), --dry-run (steps 1 and a `wrangler deploy --dry-run`: the bundle and
// its size against the plans' limits, offline; --outdir <dir> keeps the bundle).
// Every wrangler command is printed before it runs. ATP_WRANGLER runs a stand-in (tests).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildAddonTemplate } from "../sheets-addon/build.mjs";
import { buildClientScripts } from "./build-client.mjs";
import { importTs } from "./lib/load-ts.mjs";
import { executeD1, loadProvisioning } from "./lib/workspace-db.mjs";
import { root, runWrangler, targetArgs } from "./lib/wrangler.mjs";

/** Workers' limits on a Worker's size after compression (developers.cloudflare.com/workers/platform/limits). */
const SIZE_LIMITS_KIB = { Free: 3 * 1024, Paid: 10 * 1024 };

const USAGE = `usage: npm run deploy [-- --env staging] [--workspace <slug>] [--no-admin-key] [--config <file>] [--dry-run [--outdir <dir>]]`;

class Stop extends Error {}

function say(message) {
  console.log(`deploy: ${message}`);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      env: { type: "string", short: "e" },
      workspace: { type: "string", default: "main" },
      "no-admin-key": { type: "boolean", default: false },
      config: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      outdir: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (e) {
  console.error(`deploy: ${e.message}\n${USAGE}`);
  process.exit(2);
}
const opts = parsed.values;
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const target = { env: opts.env, config: opts.config && path.resolve(opts.config) };
const configFile = target.config ?? path.join(root, "wrangler.toml");
/** How to run this again, as the user typed it. */
const again = `npm run deploy${opts.env ? ` -- --env ${opts.env}` : ""}`;

function show(args) {
  const text = args
    .map((a) => (a.length > 80 ? `"${a.slice(0, 60)}…"` : /\s/.test(a) ? `"${a}"` : a))
    .join(" ");
  console.log(`\n$ wrangler ${text}`);
}

/** wrangler.toml for the chosen environment, read by wrangler itself. */
async function readConfig() {
  const { unstable_readConfig, experimental_readRawConfig } = await import("wrangler");
  const { rawConfig } = experimental_readRawConfig({ config: configFile });
  if (opts.env && !rawConfig.env?.[opts.env]) {
    const known = Object.keys(rawConfig.env ?? {});
    throw new Stop(
      `${path.relative(process.cwd(), configFile)} has no [env.${opts.env}]${known.length ? `; its environments: ${known.join(", ")}` : ""}.`,
    );
  }
  const config = unstable_readConfig({ config: configFile, env: opts.env });
  const db = config.d1_databases.find((d) => d.binding === "DB");
  if (!db?.database_name)
    throw new Stop(
      `${path.relative(process.cwd(), configFile)} has no D1 binding "DB" with a database_name${opts.env ? ` in [env.${opts.env}]` : ""}.`,
    );
  return { name: config.name, db, vars: config.vars ?? {} };
}

/** The add-on's API, if pinned: an https origin, by the worker's own rule (usableAddonOrigin). */
async function checkAddonApiUrl(vars) {
  const fromEnv = process.env.ADDON_API_URL?.trim();
  const value = fromEnv || String(vars.ADDON_API_URL ?? "").trim();
  if (!value) return undefined;
  const where = fromEnv
    ? "the environment"
    : `${path.basename(configFile)} [${opts.env ? `env.${opts.env}.` : ""}vars]`;
  const { usableAddonOrigin } = await importTs(["worker/addon/addon-target.ts"], "addon-target");
  const url = usableAddonOrigin(value);
  if (!url) {
    throw new Stop(
      `ADDON_API_URL=${JSON.stringify(value)} (from ${where}) cannot be the API of the add-on served at /addon: Apps Script fetches only https:// URLs and its urlFetchWhitelist takes only https prefixes. Set ADDON_API_URL to the https address people reach this worker at, such as https://ai-team-planner.<your-subdomain>.workers.dev or your own domain (an origin, no path), or unset it so /addon builds the add-on for the address it is opened at. Nothing was changed.`,
    );
  }
  return { value: url.origin, fromEnv: Boolean(fromEnv) };
}

function wranglerOrStop(args, failure, { show: watch = false } = {}) {
  show(args);
  const r = runWrangler(args, { show: watch });
  if (!watch) {
    if (r.stdout.trim()) console.log(r.stdout.trimEnd());
  }
  if (r.status !== 0) {
    if (r.stderr.trim() && !watch) console.error(r.stderr.trimEnd());
    throw new Stop(failure(r.status));
  }
  return r.stdout;
}

const SIGN_IN =
  "Signed in? `npx wrangler login` (or set CLOUDFLARE_API_TOKEN, and CLOUDFLARE_ACCOUNT_ID if the token reaches several accounts).";

/** The database's id: from wrangler.toml, else found by name, else created; written back to wrangler.toml. */
function databaseId(db) {
  if (db.database_id) {
    say(`D1 database "${db.database_name}" (${db.database_id}, from wrangler.toml).`);
    return db.database_id;
  }
  const listArgs = ["d1", "list", "--json", ...targetArgs(target)];
  const listed = wranglerOrStop(
    listArgs,
    (code) =>
      `could not list the account's D1 databases (wrangler exit ${code}). ${SIGN_IN} Nothing was changed; run \`${again}\` again.`,
  );
  let id;
  try {
    id = JSON.parse(listed).find((d) => d.name === db.database_name)?.uuid;
  } catch {
    throw new Stop(
      `\`wrangler d1 list --json\` printed something that is not JSON; run \`${again}\` again.`,
    );
  }
  if (id) {
    say(`found D1 database "${db.database_name}" (${id}).`);
  } else {
    const created = wranglerOrStop(
      ["d1", "create", db.database_name, ...targetArgs(target)],
      (code) =>
        `could not create the D1 database "${db.database_name}" (wrangler exit ${code}). Nothing else was changed; run \`${again}\` again.`,
    );
    id = /database_id"?\s*[=:]\s*"([0-9a-f-]{36})"/i.exec(created)?.[1];
    if (!id)
      throw new Stop(
        `created "${db.database_name}" but found no database_id in wrangler's answer; run \`${again}\` again (it finds the database by name).`,
      );
    say(`created D1 database "${db.database_name}" (${id}).`);
  }
  writeDatabaseId(db.database_name, id);
  return id;
}

/** Adds `database_id = "…"` after the one `database_name = "<name>"` line of wrangler.toml. */
function writeDatabaseId(name, id) {
  const text = readFileSync(configFile, "utf8");
  const line = new RegExp(
    `^([ \\t]*)database_name\\s*=\\s*"${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^\\n]*$`,
    "gm",
  );
  const matches = [...text.matchAll(line)];
  const where = path.relative(process.cwd(), configFile);
  if (matches.length !== 1) {
    throw new Stop(
      `found ${matches.length} lines database_name = "${name}" in ${where}; add database_id = "${id}" under the right [[d1_databases]] yourself and run \`${again}\` again.`,
    );
  }
  const m = matches[0];
  const at = m.index + m[0].length;
  writeFileSync(configFile, `${text.slice(0, at)}\n${m[1]}database_id = "${id}"${text.slice(at)}`);
  say(
    `wrote database_id = "${id}" to ${where}; commit it, so \`wrangler d1 …\`, \`npm run keys -- … --remote\` and backups find the database.`,
  );
}

function migrate() {
  wranglerOrStop(
    ["d1", "migrations", "apply", "DB", "--remote", ...targetArgs(target)],
    (code) =>
      `migrations failed (wrangler exit ${code}), so the new code was NOT deployed: the worker keeps running the previous version, if any. Migrations that did apply are recorded in the database's d1_migrations table and will not run twice. Fix the error above and run \`${again}\` again.`,
    { show: true },
  );
}

function deployWorker(addonApiUrl) {
  const vars = addonApiUrl?.fromEnv ? ["--var", `ADDON_API_URL:${addonApiUrl.value}`] : [];
  const out = wranglerOrStop(
    ["deploy", ...targetArgs(target), ...vars],
    (code) =>
      `wrangler deploy failed (exit ${code}); the worker keeps running the previous version, if any. The database already has this release's migrations (each release's migrations keep the previous code working; see README › Operations). Fix the error above and run \`${again}\` again: applied migrations are skipped.`,
    { show: true },
  );
  return /https:\/\/[a-z0-9.-]+\.workers\.dev/i.exec(out)?.[0];
}

async function firstAdminKey(name) {
  const keyCommand = `npm run keys -- create --workspace ${opts.workspace} --scopes admin --remote${opts.env ? ` --env ${opts.env}` : ""}`;
  if (opts["no-admin-key"]) {
    say(`--no-admin-key: no key created. Make the first one with \`${keyCommand}\`.`);
    return;
  }
  try {
    const count = "SELECT count(*) AS n FROM api_keys WHERE scope = 'admin' AND revoked_at IS NULL";
    show(["d1", "execute", "DB", "--remote", "--json", "--command", count, ...targetArgs(target)]);
    const n = executeD1(count, { remote: true, ...target })[0]?.results?.[0]?.n;
    if (n > 0) {
      say(`${name} has ${n} active admin key(s); make another with \`${keyCommand}\`.`);
      return;
    }
    const p = await loadProvisioning();
    const now = Date.now();
    const created = await p.newKeyStatements({
      workspace: { slug: opts.workspace },
      scope: "admin",
      name: `${opts.workspace} admin key`,
      actor: "deploy",
      now,
    });
    const sql = p.inlineSql([
      ...p.ensureWorkspaceStatements(opts.workspace, "deploy", now),
      ...created.statements,
    ]);
    show(["d1", "execute", "DB", "--remote", "--json", "--command", sql, ...targetArgs(target)]);
    executeD1(sql, { remote: true, ...target });
    say(
      `the first admin key, for workspace "${opts.workspace}" (${created.id}). It is shown only now; only its SHA-256 is stored:`,
    );
    console.log(created.key);
  } catch (e) {
    throw new Stop(
      `the worker is deployed, but the first admin key was not created: ${e.message}\nCreate it with \`${keyCommand}\`.`,
    );
  }
}

async function dryRun(name) {
  const outdir = opts.outdir
    ? path.resolve(opts.outdir)
    : mkdtempSync(path.join(tmpdir(), "atp-deploy-"));
  try {
    const out = wranglerOrStop(
      ["deploy", "--dry-run", "--outdir", outdir, ...targetArgs(target)],
      (code) => `wrangler deploy --dry-run failed (exit ${code}); see above.`,
    );
    const size = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(out);
    if (!size) throw new Stop("wrangler deploy --dry-run printed no bundle size.");
    const [total, gzip] = [Number(size[1]), Number(size[2])];
    const fits = Object.entries(SIZE_LIMITS_KIB).filter(([, limit]) => gzip <= limit);
    say(
      `--dry-run: ${name} bundles to ${total} KiB, ${gzip} KiB gzipped; Workers allow ${SIZE_LIMITS_KIB.Free / 1024} MB (Free) and ${SIZE_LIMITS_KIB.Paid / 1024} MB (Paid) after compression, so it fits ${fits.map(([plan]) => plan).join(" and ") || "neither plan"}. Nothing was deployed.`,
    );
    if (!fits.length) throw new Stop(`the bundle is over every plan's limit.`);
  } finally {
    if (!opts.outdir) rmSync(outdir, { recursive: true, force: true });
  }
}

try {
  const { name, db, vars } = await readConfig();
  const addonApiUrl = await checkAddonApiUrl(vars);
  const template = await buildAddonTemplate();
  await buildClientScripts();
  say(
    `built the add-on served at /addon (${Math.round(template.bytes / 1024)} KB), for ${addonApiUrl ? addonApiUrl.value : "the https address /addon is opened at"}.`,
  );
  if (opts["dry-run"]) {
    await dryRun(name);
  } else {
    say(`deploying ${name}${opts.env ? ` (env ${opts.env})` : " (production)"}.`);
    databaseId(db);
    migrate();
    const url = deployWorker(addonApiUrl);
    await firstAdminKey(name);
    say(
      url
        ? `done. ${url}/ is live; ${url}/addon installs the Google Sheets add-on, ${url}/docs is the API reference.`
        : "done.",
    );
  }
} catch (e) {
  if (!(e instanceof Stop)) throw e;
  console.error(`\ndeploy: stopped: ${e.message}`);
  process.exit(1);
}
