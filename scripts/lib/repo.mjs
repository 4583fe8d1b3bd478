// Where things are in the repository, the environment every wrangler run gets, and the one way
// scripts, the bench and tests load TypeScript: the single module each of them asks, so none of
// them works out the repository root or wrangler's flags on its own.
import * as esbuild from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

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

let bundleDir;

/** The folder bundleTs writes into (one per process); the caller may remove it when done. */
export const bundleFolder = () => bundleDir;

/**
 * TypeScript modules (paths relative to the root) bundled with esbuild into one .mjs that plain
 * Node imports, re-exporting every export of each. import.meta.url keeps the first module's own
 * location, so code that finds files next to itself still does; bundle together only modules
 * that read import.meta.url from the same folder. Returns the file's path.
 */
export async function bundleTs(modules, name = path.basename(modules[0], ".ts")) {
  bundleDir ??= mkdtempSync(path.join(tmpdir(), "atp-ts-"));
  const outfile = path.join(bundleDir, `${name}.mjs`);
  await esbuild.build({
    stdin: {
      contents: modules.map((m) => `export * from ${JSON.stringify(`./${m}`)};`).join("\n"),
      resolveDir: root,
      loader: "ts",
      sourcefile: `${name}-entry.ts`,
    },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile,
    define: { "import.meta.url": JSON.stringify(pathToFileURL(fromRoot(modules[0])).href) },
    logLevel: "silent",
  });
  return outfile;
}

/** bundleTs, then import the bundle (and remove its file: a loaded module needs it no more). */
export async function importTs(modules, name) {
  const file = await bundleTs(modules, name);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
}
