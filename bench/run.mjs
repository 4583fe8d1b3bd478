#!/usr/bin/env node
// `npm run bench`: measures the core, the API on a local workerd (the worker `npm start` runs),
// the built add-on and models on D1; prints a table and writes bench/results.json. Every figure is
// a median of repeated runs; where two things are compared they are measured in the same run,
// alternating. The add-on is built first when sheets-addon/dist is missing (a fresh clone).
import { execFileSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { apiSection } from "./api.mjs";
import { budgetSection } from "./budget.mjs";
import { closeConnections } from "./lib/http.mjs";
import { startLocalWorker } from "../scripts/lib/local-worker.mjs";
import { root } from "../scripts/lib/paths.mjs";
import { bundleFolder, bundleTs } from "../scripts/lib/load-ts.mjs";
import { machineInfo } from "./lib/machine.mjs";
import { renderBudget, renderReport, renderShares } from "./lib/report.mjs";
import { judgeTargets } from "./lib/targets.mjs";
import { salaryQueries } from "./lib/workloads.mjs";
import { modelsSection } from "./models.mjs";
import { sharesSection } from "./shares.mjs";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
// `node bench/run.mjs --only budget`: the work-budget section alone (about a minute), printed and
// not written to results.json, for checking the budget's calibration after an engine change.
const onlyBudget = process.argv.includes("--only") && process.argv.includes("budget");
// `node bench/run.mjs --only shares`: one share link under load alone (about 2 minutes), likewise.
const onlyShares = process.argv.includes("--only") && process.argv.includes("shares");

/** Runs a bench script in its own Node process and returns the JSON it prints. */
function child(args) {
  const out = execFileSync(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.toString("utf8").trim().split("\n").pop());
}

/** The bench's own worker only: limits raised so the load measures the routes, not the limiter. */
const BENCH_LIMITS = {
  RATE_LIMIT_PER_MINUTE: "1000000000",
  ANON_RATE_LIMIT_PER_MINUTE: "1000000000",
  SHARE_RATE_LIMIT_PER_MINUTE: "1000000000",
  PAGE_RATE_LIMIT_PER_MINUTE: "1000000000",
};

let worker;
const stopWorker = async () => {
  const w = worker;
  worker = undefined;
  closeConnections();
  if (w) await w.stop();
};
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.once(sig, () => {
    log(`${sig}: stopping the local worker`);
    stopWorker().finally(() => process.exit(130));
  });
}

try {
  const info = machineInfo(root);
  if (!existsSync(path.join(root, "sheets-addon", "dist", "Code.js"))) {
    log("sheets-addon/dist is missing: building the add-on (npm run build:addon)");
    // Its report goes to stderr with the bench's progress, so stdout is the table alone.
    execFileSync(process.execPath, [path.join(root, "sheets-addon", "build.mjs")], {
      cwd: root,
      stdio: ["ignore", 2, 2],
    });
  }
  log("bundling shared/ and the add-on test support with esbuild");
  const sharedBundle = await bundleTs(
    ["shared/index.ts", "tests/support/largest-requests.ts"],
    "shared",
  );
  const addonSupport = await bundleTs(
    ["tests/addon/support/load-addon.ts", "tests/addon/support/apps-script-stand-ins.ts"],
    "addon-support",
  );
  const core = await import(pathToFileURL(sharedBundle).href);
  const queries = salaryQueries(core);

  if (onlyBudget) {
    worker = await startLocalWorker({ extraVars: BENCH_LIMITS });
    log(`work budget only: ${worker.url}`);
    console.log(renderBudget(await budgetSection(worker, core)).join("\n"));
    await stopWorker();
    if (bundleFolder()) rmSync(bundleFolder(), { recursive: true, force: true });
    process.exit(0);
  }
  if (onlyShares) {
    worker = await startLocalWorker({ extraVars: BENCH_LIMITS });
    log(`one share link only: ${worker.url}`);
    console.log(renderShares(await sharesSection(worker, core)).join("\n"));
    await stopWorker();
    if (bundleFolder()) rmSync(bundleFolder(), { recursive: true, force: true });
    process.exit(0);
  }
  log("core: AI_SALARY calls/s and the 1,000 × 60 plan (own process, --expose-gc)");
  const coreResult = child([
    "--expose-gc",
    "--max-semi-space-size=64",
    path.join(benchDir, "core.mjs"),
    sharedBundle,
  ]);
  log("add-on: 10,000 cells, one ranged call vs 10,000 calls");
  const addonResult = child([path.join(benchDir, "addon.mjs"), addonSupport, sharedBundle]);

  log(
    "API: starting the local worker (scripts/start.mjs, fresh D1, rate limits raised for the bench)",
  );
  worker = await startLocalWorker({ extraVars: BENCH_LIMITS });
  log(`API: ${worker.url}; about 2 minutes of alternating load`);
  const apiResult = await apiSection(worker, { core, queries });
  log("work budget: every route's largest accepted request, and everyday requests");
  const budgetResult = await budgetSection(worker, core);
  log("models: saves, reads and 50 concurrent writers");
  const modelsResult = await modelsSection(worker);
  log("shares: one share link's JSON, CSV, page and poll under load");
  const sharesResult = await sharesSection(worker, core);
  await stopWorker();

  const results = {
    ...info,
    core: coreResult,
    addon: addonResult,
    api: apiResult,
    budget: budgetResult,
    models: modelsResult,
    shares: sharesResult,
  };
  const targets = judgeTargets(results);
  results.targets = targets;
  writeFileSync(path.join(benchDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(renderReport(results, targets));
  console.log(
    `\nWrote bench/results.json. ${targets.filter((t) => t.pass).length} of ${targets.length} targets pass.`,
  );
} catch (e) {
  log(`failed: ${e.stack ?? e}`);
  if (worker) log(`worker output (tail):\n${worker.output().slice(-3000)}`);
  process.exitCode = 1;
} finally {
  await stopWorker();
  if (bundleFolder()) rmSync(bundleFolder(), { recursive: true, force: true });
}
