#!/usr/bin/env node
// `npm test`: the static checks — typecheck, lint (eslint + prettier --check), the import rules
// (dependency-cruiser: layers, no cycle), the served OpenAPI document (Spectral and Redocly), the
// generated Env types (wrangler types --check) — beside the add-on build and every vitest
// project, then a one-line summary as the LAST line: "N passed, N failed[, N skipped]".
// The checks run while vitest does (each one's output is printed whole when it ends), so they
// add little to the time the tests take. Exits non-zero if a check, the build or a test fails,
// or no test ran.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fromRoot, root, wranglerEnv } from "./lib/paths.mjs";

const env = wranglerEnv();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const resultsFile = fromRoot("test-results", "vitest.json");
const hasNice = process.platform !== "win32" && spawnSync("nice", ["true"]).status === 0;

const CHECKS = [
  ["typecheck", "npm run typecheck"],
  ["lint", "npm run lint (npm run format fixes formatting)"],
  ["depcruise", "npm run depcruise (import layers and cycles; rules in .dependency-cruiser.cjs)"],
  ["lint:openapi", "npm run lint:openapi (the served OpenAPI document)"],
  ["types:check", "npm run types:check (npm run cf-typegen regenerates the Env types)"],
];

function finish(passed, failed, skipped, ok) {
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
  process.exit(ok ? 0 : 1);
}

/**
 * Runs an npm script with its output captured, printed whole when it ends; resolves to its exit
 * code. At the lowest CPU priority (nice), so the checks use the time vitest leaves idle (waiting
 * for wrangler and workerd to start) rather than slowing the tests down.
 */
function check(script) {
  return new Promise((resolve) => {
    const [cmd, args] = hasNice
      ? ["nice", ["-n", "19", npm, "run", "--silent", script]]
      : [npm, ["run", "--silent", script]];
    const child = spawn(cmd, args, { cwd: root, env });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => {
      out += `could not run npm run ${script}: ${e.message}\n`;
      resolve(1);
    });
    child.on("close", (code) => {
      process.stdout.write(
        `\n── npm run ${script}: ${code === 0 ? "ok" : `FAILED (${code})`}\n${out}`,
      );
      resolve(code ?? 1);
    });
  });
}

// The add-on bundle is what tests/addon runs, so it is built before vitest starts.
const build = spawnSync(npm, ["run", "build:addon", "--if-present"], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (build.status !== 0) {
  console.error("test: build:addon failed");
  finish(0, 0, 0, false);
}

mkdirSync(path.dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });
const checks = Promise.all(CHECKS.map(([script]) => check(script)));
const vitest = new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [
      fromRoot("node_modules", "vitest", "vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${resultsFile}`,
    ],
    { cwd: root, env, stdio: "inherit" },
  );
  child.on("close", (code) => resolve(code ?? 1));
});

const [codes, vitestStatus] = await Promise.all([checks, vitest]);
const failedChecks = CHECKS.filter((_, i) => codes[i] !== 0);
for (const [script, fix] of failedChecks) console.error(`test: ${script} failed: ${fix}`);

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
finish(
  passed,
  failed,
  skipped,
  !failedChecks.length && vitestStatus === 0 && failed === 0 && passed > 0,
);
