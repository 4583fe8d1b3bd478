// Where things are in the repository and the environment every wrangler run gets: the one module
// scripts, the bench and the tests ask, so none of them works out the root or wrangler's flags on
// its own. (No dependencies: code bundled for a test or the bench may import it.)
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the nearest folder above this file with the project's package.json. */
export const root = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (
    !existsSync(path.join(dir, "package.json")) ||
    !existsSync(path.join(dir, "wrangler.toml"))
  ) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("repo: no package.json with a wrangler.toml above this file");
    dir = up;
  }
  return dir;
})();

/** An absolute path from a path relative to the root. */
export const fromRoot = (...parts) => path.join(root, ...parts);

/** The project's own wrangler (ATP_WRANGLER names a stand-in, as the deploy test uses). */
export const wranglerBin = () =>
  process.env.ATP_WRANGLER || fromRoot("node_modules", "wrangler", "bin", "wrangler.js");

/**
 * The environment of every wrangler run: non-interactive (CI=true: no prompts, confirmations take
 * their defaults), no telemetry, and Miniflare's built-in `Request.cf` instead of downloading one
 * (offline that download prints "Error: getaddrinfo ENOTFOUND"; the worker reads nothing from cf;
 * set CLOUDFLARE_CF_FETCH_ENABLED=true to fetch it anyway).
 */
export function wranglerEnv(extra = {}) {
  return {
    ...process.env,
    CI: "true",
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? "false",
    ...extra,
  };
}
