// A scratch copy of the worker for diagnosis (bench/diagnose.mjs): the real app (worker/index.ts,
// imported, not copied) behind an entry that changes one thing per variant, chosen by the
// SCRATCH_VARIANT var. Written to a temporary folder with its own wrangler.toml; nothing in the
// repository changes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const VARIANTS = {
  "as-is": "the worker as npm start runs it",
  "limiter-in-memory":
    "the rate limiter's counter objects (RATE_LIMITER) answered from a Map in the worker's isolate (everything else, and the limiter's logic and headers, unchanged)",
  "no-console": "console.log a no-op (no request log lines to forward)",
  "limiter-in-memory+no-console": "both",
};

const entrySource = (root) => `
import app from ${JSON.stringify(path.join(root, "worker", "index.ts"))};
export { RateLimitCounter } from ${JSON.stringify(path.join(root, "worker", "index.ts"))};

/** RATE_LIMITER's get(idFromName(bucket)).hit(window) answered from memory, with no Durable Object call. */
function memoryLimiter() {
  const counts = new Map();
  return {
    idFromName: (name) => name,
    get: (bucket) => ({
      hit: async (window) => {
        const k = bucket + "|" + window;
        const n = (counts.get(k) ?? 0) + 1;
        counts.set(k, n);
        return n;
      },
    }),
  };
}

const quiet = () => {};
const limiter = memoryLimiter();
export default {
  fetch(req, env, ctx) {
    const v = env.SCRATCH_VARIANT ?? "as-is";
    if (v.includes("no-console")) console.log = quiet;
    return app.fetch(req, v.includes("limiter-in-memory") ? { ...env, RATE_LIMITER: limiter } : env, ctx);
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
