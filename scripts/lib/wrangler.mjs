// How the scripts run wrangler: the project's own copy, non-interactive (CI=true: no prompts, and
// wrangler's confirmations take their defaults) and without telemetry. ATP_WRANGLER names another
// script to run in its place (the deploy test's stand-in, which records every call).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin =
  process.env.ATP_WRANGLER || path.join(root, "node_modules", "wrangler", "bin", "wrangler.js");

/**
 * Runs `wrangler <args>` from the repository root and waits. `show: true` lets the user watch its
 * output as it comes (stdout is still captured when `capture` is set).
 */
export function runWrangler(args, { capture = true, show = false } = {}) {
  const stdio = show ? ["inherit", capture ? "pipe" : "inherit", "inherit"] : "pipe";
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio,
  });
  if (r.error) throw new Error(`could not run wrangler: ${r.error.message}`);
  if (show && capture && r.stdout) process.stdout.write(r.stdout);
  return { status: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** `--env <name>` and `--config <file>` for every command that reads wrangler.toml. */
export function targetArgs({ env, config } = {}) {
  return [...(env ? ["--env", env] : []), ...(config ? ["--config", config] : [])];
}
