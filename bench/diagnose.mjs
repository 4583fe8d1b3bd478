#!/usr/bin/env node
// Why /v1/salary is slower than /health under load: the same two routes on scratch copies of the
// worker that each change one thing (bench/lib/scratch-worker.mjs), served two ways — by
// `wrangler dev` (as `npm start` does: a proxy workerd in front of the worker's workerd, every
// log line forwarded through wrangler's Node process) and by Miniflare alone (one workerd).
// autocannon, 10 connections, loopback, alternating /health and /v1/salary. About 3 minutes.
// Usage: node bench/diagnose.mjs   (not part of npm run bench; prints a table, writes bench/diagnosis.json)
import autocannon from "autocannon";
import * as esbuild from "esbuild";
import { Miniflare } from "miniflare";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SALARY_PATH } from "./api.mjs";
import { freePort } from "../scripts/lib/local-worker.mjs";
import { root, wranglerBin, wranglerEnv } from "../scripts/lib/paths.mjs";
import { machineInfo } from "./lib/machine.mjs";
import { VARIANTS, writeScratchWorker } from "./lib/scratch-worker.mjs";
import { median, round } from "./lib/stats.mjs";

const wrangler = wranglerBin();
const LIMITS = {
  RATE_LIMIT_PER_MINUTE: "1000000000",
  ANON_RATE_LIMIT_PER_MINUTE: "1000000000",
  SHARE_RATE_LIMIT_PER_MINUTE: "1000000000",
  PAGE_RATE_LIMIT_PER_MINUTE: "1000000000",
};
const ROUNDS = 2;
const SECONDS = 4;
const compatibilityDate = /^compatibility_date = "([^"]+)"/m.exec(
  readFileSync(path.join(root, "wrangler.toml"), "utf8"),
)[1];

function load(url) {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections: 10, duration: SECONDS }, (e, r) => (e ? reject(e) : resolve(r))),
  );
}

async function measure(base) {
  const runs = { health: [], salary: [] };
  await load(`${base}/health`);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, p] of [
      ["health", "/health"],
      ["salary", SALARY_PATH],
    ]) {
      const x = await load(`${base}${p}`);
      if (x.non2xx || x.errors)
        throw new Error(`diagnose: ${p} had ${x.non2xx} non-2xx and ${x.errors} errors`);
      runs[name].push(x);
    }
  }
  const pick = (name) => ({
    rps: round(median(runs[name].map((x) => x.requests.average)), 0),
    p50: median(runs[name].map((x) => x.latency.p50)),
    p99: median(runs[name].map((x) => x.latency.p99)),
  });
  const health = pick("health");
  const salary = pick("salary");
  return { health, salary, ratio: round(salary.rps / health.rps, 3) };
}

async function underWrangler(dir, variant) {
  const persist = mkdtempSync(path.join(tmpdir(), "atp-diag-d1-"));
  const env = wranglerEnv({
    CLOUDFLARE_INCLUDE_PROCESS_ENV: "true",
    SCRATCH_VARIANT: variant,
    ...LIMITS,
  });
  spawnSync(
    process.execPath,
    [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist],
    { cwd: dir, env, stdio: "ignore" },
  );
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [wrangler, "dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persist],
    { cwd: dir, env, detached: true, stdio: "ignore" },
  );
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
      } catch {
        // not yet listening
      }
      if (Date.now() > deadline) throw new Error("diagnose: wrangler dev did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
    return await measure(`http://127.0.0.1:${port}`);
  } finally {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1500));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    rmSync(persist, { recursive: true, force: true });
  }
}

async function underMiniflare(dir, variant) {
  const script = path.join(dir, "bundle.mjs");
  await esbuild.build({
    entryPoints: [path.join(dir, "entry.js")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    outfile: script,
    logLevel: "error",
  });
  const persist = mkdtempSync(path.join(tmpdir(), "atp-diag-mf-"));
  const port = await freePort();
  const mf = new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRoot: dir,
    compatibilityDate,
    host: "127.0.0.1",
    port,
    d1Databases: ["DB"],
    d1Persist: persist,
    durableObjects: { RATE_LIMITER: "RateLimitCounter" },
    bindings: { SCRATCH_VARIANT: variant, ...LIMITS },
    // The worker's request log would flood the table; wrangler dev's rows are measured with it on.
    handleRuntimeStdio: (stdout, stderr) => {
      stdout.resume();
      stderr.resume();
    },
  });
  try {
    await mf.ready;
    const db = await mf.getD1Database("DB");
    const migrations = path.join(root, "migrations");
    for (const f of readdirSync(migrations)
      .filter((f) => f.endsWith(".sql"))
      .sort()) {
      for (const stmt of readFileSync(path.join(migrations, f), "utf8").split(
        "--> statement-breakpoint",
      ))
        if (stmt.trim()) await db.prepare(stmt).run();
    }
    return await measure(`http://127.0.0.1:${port}`);
  } finally {
    await mf.dispose();
    rmSync(persist, { recursive: true, force: true });
  }
}

const dir = writeScratchWorker(root);
const rows = [];
const line = (c) => `| ${c.join(" | ")} |`;
console.log(
  line([
    "transport",
    "variant",
    "/health req/s",
    "/health p50/p99 ms",
    "/v1/salary req/s",
    "/v1/salary p50/p99 ms",
    "salary ÷ health",
  ]),
);
console.log(line(Array(7).fill("---")));
const report = (r) => {
  rows.push(r);
  console.log(
    line([
      r.transport,
      r.variant,
      r.health.rps,
      `${r.health.p50} / ${r.health.p99}`,
      r.salary.rps,
      `${r.salary.p50} / ${r.salary.p99}`,
      `${Math.round(r.ratio * 100)}%`,
    ]),
  );
};
try {
  for (const variant of Object.keys(VARIANTS))
    report({
      transport: "wrangler dev (npm start)",
      variant,
      ...(await underWrangler(dir, variant)),
    });
  for (const variant of ["as-is", "limiter-in-memory"])
    report({ transport: "Miniflare alone", variant, ...(await underMiniflare(dir, variant)) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(
  path.join(root, "bench", "diagnosis.json"),
  `${JSON.stringify({ ...machineInfo(root), connections: 10, seconds: SECONDS, rounds: ROUNDS, variants: VARIANTS, rows }, null, 2)}\n`,
);
