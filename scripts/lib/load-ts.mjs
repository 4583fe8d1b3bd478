// The one way scripts, the bench and tests load TypeScript from Node: esbuild bundles the modules
// into one .mjs (worker/db for the keys script and npm start, the app for the OpenAPI document,
// shared/ and the add-on test support for the bench).
import * as esbuild from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fromRoot, root } from "./paths.mjs";

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
