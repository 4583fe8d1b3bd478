// `npm run deploy -- --dry-run` with the real wrangler, offline: the worker as it would be
// uploaded (the add-on for /addon inside it), its size printed and checked against the Workers
// plans' limits, for production and for staging. Nothing leaves this machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../support/local-worker.js";

const outdir = mkdtempSync(path.join(tmpdir(), "atp-dry-run-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function dryRun(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, "scripts", "deploy.mjs"), "--dry-run", ...args],
    { cwd: root, encoding: "utf8", timeout: 120_000 },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("npm run deploy -- --dry-run (real wrangler, offline)", { timeout: 150_000 }, () => {
  it("bundles the worker with the add-on inside, within the Free plan's 3 MB, and prints its size", () => {
    const r = dryRun("--outdir", outdir);
    expect(r.status, r.out).toBe(0);
    const size = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(r.out);
    expect(size, r.out).not.toBeNull();
    const gzip = Number(size![2]);
    expect(gzip).toBeGreaterThan(100);
    expect(gzip).toBeLessThan(3 * 1024);
    const summary = r.out.split("\n").find((l) => l.startsWith("deploy: --dry-run: "))!;
    expect(summary).toContain(`gzipped; Workers allow 3 MB (Free) and 10 MB (Paid)`);
    expect(summary).toContain("so it fits Free and Paid. Nothing was deployed.");
    console.log(`worker bundle: ${size![0]} (wrangler deploy --dry-run)`);

    expect(r.out).toContain("env.DB (ai-team-planner)");
    const bundle = readdirSync(outdir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(path.join(outdir, f), "utf8"))
      .join("\n");
    // The add-on the worker serves at /addon travels inside the bundle.
    expect(bundle).toContain("https://addon-origin.invalid");
    expect(bundle).toContain("function AI_SALARY(role, level, location, basis, currency, point) {");
  });

  it("--env staging bundles against the staging database", () => {
    const r = dryRun("--env", "staging");
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("env.DB (ai-team-planner-staging)");
    expect(r.out).toContain("deploy: --dry-run: ai-team-planner-staging bundles to");
  });
});
