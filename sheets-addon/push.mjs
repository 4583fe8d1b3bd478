#!/usr/bin/env node
// `npm run addon:push`: uploads sheets-addon/dist/ (built by `npm run build:addon`) to the Apps
// Script project named in sheets-addon/.clasp.json (not committed; see .clasp.json.example), by
// copying that file into dist/ and running `clasp push --force` there. Extra arguments go to clasp.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const addonDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(addonDir, "..");
const dist = path.join(addonDir, "dist");
const projectFile = path.join(addonDir, ".clasp.json");
const clasp = path.join(root, "node_modules", "@google", "clasp", "build", "src", "index.js");

function fail(message) {
  console.error(`addon:push: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(dist, "Code.js")))
  fail("sheets-addon/dist/Code.js is missing; run `npm run build:addon` first.");
if (!existsSync(projectFile)) {
  fail(
    "sheets-addon/.clasp.json is missing. Copy sheets-addon/.clasp.json.example to sheets-addon/.clasp.json " +
      "and set scriptId (Apps Script editor › Project Settings › Script ID), or create a new sheet with " +
      '`npx clasp create --type sheets --title "AI Team Planner" --rootDir sheets-addon/dist` and move ' +
      "sheets-addon/dist/.clasp.json to sheets-addon/.clasp.json.",
  );
}

let project;
try {
  project = JSON.parse(readFileSync(projectFile, "utf8"));
} catch (e) {
  fail(`sheets-addon/.clasp.json is not valid JSON: ${e.message}`);
}
if (typeof project.scriptId !== "string" || !/^[A-Za-z0-9_-]{20,}$/.test(project.scriptId)) {
  fail(
    'sheets-addon/.clasp.json needs "scriptId": the id of your Apps Script project (Project Settings › Script ID).',
  );
}

// In dist/ the content directory is dist itself, whatever rootDir the original pointed at.
const { rootDir: _rootDir, srcDir: _srcDir, ...rest } = project;
writeFileSync(
  path.join(dist, ".clasp.json"),
  `${JSON.stringify({ ...rest, rootDir: "." }, null, 2)}\n`,
);

// --force: our appsscript.json (scopes, allowlist) replaces the remote manifest without a prompt.
const run = spawnSync(process.execPath, [clasp, "push", "--force", ...process.argv.slice(2)], {
  cwd: dist,
  stdio: "inherit",
});
if (run.error) fail(`could not run clasp: ${run.error.message}`);
process.exit(run.status ?? 1);
