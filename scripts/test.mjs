#!/usr/bin/env node
// `npm test`: typecheck, lint (eslint + prettier --check), build the add-on (when a build:addon
// script exists), run every vitest project, then print a one-line summary as the LAST line: "N passed, N failed[, N skipped]".
// Exits non-zero if typecheck or the build fails, vitest fails, any test fails, or no test ran.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" };
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const resultsFile = path.join(root, "test-results", "vitest.json");

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.error) console.error(`test: could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

function finish(passed, failed, skipped, ok) {
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
  process.exit(ok ? 0 : 1);
}

if (run(npm, ["run", "typecheck"]) !== 0) {
  console.error("test: typecheck failed");
  finish(0, 0, 0, false);
}
if (run(npm, ["run", "lint"]) !== 0) {
  console.error("test: lint failed (npm run format fixes formatting)");
  finish(0, 0, 0, false);
}
if (run(npm, ["run", "build:addon", "--if-present"]) !== 0) {
  console.error("test: build:addon failed");
  finish(0, 0, 0, false);
}

mkdirSync(path.dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
const vitestStatus = run(process.execPath, [
  vitestBin,
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${resultsFile}`,
]);

let report;
try {
  report = JSON.parse(readFileSync(resultsFile, "utf8"));
} catch (err) {
  console.error(`test: no readable vitest report at ${resultsFile}: ${err.message}`);
  finish(0, 0, 0, false);
}

const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
if (vitestStatus !== 0) console.error(`test: vitest exited with ${vitestStatus}`);
if (passed + failed === 0) console.error("test: no tests ran");
finish(passed, failed, skipped, vitestStatus === 0 && failed === 0 && passed > 0);
