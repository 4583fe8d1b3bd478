// The worker imports two generated modules that are not committed: the add-on it serves at /addon
// (worker/addon/template.generated.js) and the pages' browser scripts
// (worker/client/scripts.generated.js). Anything that loads the worker from a fresh clone (the
// tests, the OpenAPI document) builds them first; each build writes only when its content changes.
import { execFileSync } from "node:child_process";
import { fromRoot, root } from "./paths.mjs";

export function buildGeneratedSources() {
  for (const build of [
    [fromRoot("sheets-addon", "build.mjs"), "--template"],
    [fromRoot("scripts", "build-client.mjs")],
  ])
    execFileSync(process.execPath, build, { cwd: root, stdio: "pipe" });
}
