// Bundles TypeScript modules (e.g. shared/index.ts) with esbuild into a temporary .mjs that plain
// Node can import, so the bench measures the same source the worker and the add-on are built from.
import * as esbuild from "esbuild";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

let outDir;

/**
 * One .mjs re-exporting every module in `modules` (paths relative to `root`). import.meta.url
 * keeps the first module's own location, so code that finds files next to itself (the add-on test
 * support finds dist/ and its fetch child that way) works from the temporary bundle; so only
 * bundle together modules that read import.meta.url from the same folder.
 */
export async function bundleTs(root, modules, name) {
  outDir ??= mkdtempSync(path.join(tmpdir(), "atp-bench-"));
  const outfile = path.join(outDir, `${name}.mjs`);
  await esbuild.build({
    stdin: {
      contents: modules.map((m) => `export * from ${JSON.stringify(`./${m}`)};`).join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile,
    define: { "import.meta.url": JSON.stringify(pathToFileURL(path.join(root, modules[0])).href) },
    logLevel: "silent",
  });
  return outfile;
}

export function bundleDir() {
  return outDir;
}
