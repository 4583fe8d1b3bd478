// What `npm run keys` and `npm start` need to write workspaces and keys: the worker's own
// provisioning code (worker/db/provisioning.ts, bundled on the fly by scripts/lib/paths.mjs so there is one
// implementation of key hashing and of the SQL), and `wrangler d1 execute` to run it against the
// local database or, with --remote, the deployed one.
import { importTs } from "./load-ts.mjs";
import { runWrangler, targetArgs } from "./wrangler.mjs";

/** worker/db/provisioning.ts and worker/db/statements.ts (inlineSql), compiled for Node. */
export function loadProvisioning() {
  return importTs(["worker/db/provisioning.ts", "worker/db/statements.ts"], "provisioning");
}

/**
 * Runs SQL with `wrangler d1 execute DB` (local unless `remote`; `env` picks a wrangler.toml
 * environment such as staging) and returns wrangler's JSON: one { results, success, meta } per
 * statement. Throws with wrangler's own message on failure.
 */
export function executeD1(sql, { remote = false, persistTo, env, config } = {}) {
  const args = ["d1", "execute", "DB", remote ? "--remote" : "--local", "--json", "--command", sql];
  if (!remote && persistTo) args.push("--persist-to", persistTo);
  args.push(...targetArgs({ env, config }));
  const r = runWrangler(args);
  if (r.status !== 0) {
    const text = `${r.stdout}\n${r.stderr}`.trim();
    let message = text;
    try {
      const parsed = JSON.parse(r.stdout);
      message = parsed?.error?.text ?? parsed?.error?.message ?? text;
    } catch {
      // not JSON: keep wrangler's text
    }
    throw new Error(`wrangler d1 execute failed (exit ${r.status}): ${message}`);
  }
  return JSON.parse(r.stdout);
}
