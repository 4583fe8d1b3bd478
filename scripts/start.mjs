#!/usr/bin/env node
// Local API: build the add-on the worker serves at /addon and the pages' scripts, apply D1 migrations to the local
// database, ensure the local `dev` workspace and its admin key (DEV_API_KEY, or a generated one
// printed below), then run `wrangler dev` and, once it answers, say what to open.
// Honours PORT (default 8787) and, optionally, PERSIST_TO (a directory for the local D1 state
// instead of .wrangler/state; the e2e test uses a temporary one). Signals are forwarded to
// wrangler; exits with its code. The dev key exists only in the local database: a deployed worker
// has no key until one is created with `npm run keys -- create … --remote`.
import { spawn, spawnSync } from "node:child_process";
import { buildAddonTemplate } from "../sheets-addon/build.mjs";
import { buildClientScripts } from "./build-client.mjs";
import { root, wranglerBin, wranglerEnv } from "./lib/paths.mjs";
import { executeD1, loadProvisioning } from "./lib/workspace-db.mjs";

const wrangler = wranglerBin();
const env = wranglerEnv();
const port = process.env.PORT || "8787";
const persist = process.env.PERSIST_TO ? ["--persist-to", process.env.PERSIST_TO] : [];

try {
  await buildAddonTemplate();
  await buildClientScripts();
} catch (e) {
  console.error(`start: could not build the add-on (/addon) and the pages' scripts: ${e.message}`);
  process.exit(1);
}

const migrate = spawnSync(
  process.execPath,
  [wrangler, "d1", "migrations", "apply", "DB", "--local", ...persist],
  { cwd: root, env, stdio: "inherit" },
);
if (migrate.status !== 0) {
  console.error(`start: migrations failed (exit ${migrate.status ?? migrate.signal})`);
  process.exit(migrate.status || 1);
}

try {
  const { devWorkspaceStatements, inlineSql, DEV_WORKSPACE } = await loadProvisioning();
  const devKey = await devWorkspaceStatements(process.env.DEV_API_KEY, Date.now());
  executeD1(inlineSql(devKey.statements), { persistTo: process.env.PERSIST_TO });
  console.log(
    devKey.generated
      ? `start: local workspace "${DEV_WORKSPACE}", admin key (new each start; set DEV_API_KEY to keep one):\n${devKey.key}`
      : `start: local workspace "${DEV_WORKSPACE}", admin key from DEV_API_KEY.`,
  );
} catch (e) {
  console.error(`start: could not set up the dev workspace: ${e.message}`);
  process.exit(1);
}

const dev = spawn(
  process.execPath,
  [wrangler, "dev", "--ip", "127.0.0.1", "--port", port, ...persist],
  { cwd: root, env, stdio: "inherit" },
);

// wrangler prints "Ready on …" among its own lines; once /health answers, say what to open.
const base = `http://127.0.0.1:${port}`;
(async () => {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && dev.exitCode === null) {
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        console.log(
          `\nstart: open ${base}/ (calculator), ${base}/docs (API reference), ${base}/addon (install the Google Sheets add-on). Ctrl+C stops it.\n`,
        );
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
})();

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    if (dev.exitCode === null && dev.signalCode === null) dev.kill(sig);
  });
}

dev.on("exit", (code, signal) => {
  if (signal) {
    // Re-raise so our own exit status reflects the signal.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
