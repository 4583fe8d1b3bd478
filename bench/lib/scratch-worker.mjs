// A scratch copy of the worker for diagnosis (bench/diagnose.mjs): the real app (worker/index.ts,
// imported, not copied) behind an entry that changes one thing per variant, chosen by the
// SCRATCH_VARIANT var. Written to a temporary folder with its own wrangler.toml; nothing in the
// repository changes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const VARIANTS = {
  "as-is": "the worker as npm start runs it",
  "counter-in-memory":
    "the rate limiter's two D1 statements answered from memory (everything else, and the limiter's logic and headers, unchanged)",
  "no-console": "console.log a no-op (no request log lines to forward)",
  "counter-in-memory+no-console": "both",
};

const entrySource = (root) => `
import app from ${JSON.stringify(path.join(root, "worker", "index.ts"))};

/** Answers the rate limiter's statements (worker/db/rate-limits.ts) from memory; passes everything else to the real D1. */
function memoryCounterDb(real) {
  const counts = new Map();
  return new Proxy(real, {
    get(target, prop) {
      if (prop !== "prepare") return Reflect.get(target, prop).bind(target);
      return (sql) => {
        if (sql.startsWith("INSERT INTO rate_limits")) {
          return { bind: (bucket, w, requests = 1) => ({ first: async () => { const k = bucket + "|" + w; const n = (counts.get(k) ?? 0) + requests; counts.set(k, n); return { count: n }; } }) };
        }
        if (sql.startsWith("DELETE FROM rate_limits")) return { bind: () => ({ run: async () => ({}) }) };
        return target.prepare(sql);
      };
    },
  });
}

const quiet = () => {};
export default {
  fetch(req, env, ctx) {
    const v = env.SCRATCH_VARIANT ?? "as-is";
    if (v.includes("no-console")) console.log = quiet;
    return app.fetch(req, v.includes("counter-in-memory") ? { ...env, DB: memoryCounterDb(env.DB) } : env, ctx);
  },
};
`;

/** Writes the scratch worker and a wrangler.toml like the repository's (same compatibility date, D1, migrations). */
export function writeScratchWorker(root) {
  const dir = mkdtempSync(path.join(tmpdir(), "atp-scratch-worker-"));
  writeFileSync(path.join(dir, "entry.js"), entrySource(root));
  const toml = readFileSync(path.join(root, "wrangler.toml"), "utf8")
    .replace(/^main = .*$/m, 'main = "entry.js"')
    .replace(
      /^migrations_dir = .*$/m,
      `migrations_dir = ${JSON.stringify(path.join(root, "migrations"))}`,
    );
  writeFileSync(path.join(dir, "wrangler.toml"), toml);
  return dir;
}
