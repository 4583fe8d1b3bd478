// How the scripts run wrangler: the project's own copy (or ATP_WRANGLER's stand-in) with the
// environment of scripts/lib/paths.mjs.
import { spawnSync } from "node:child_process";
import { root, wranglerBin, wranglerEnv } from "./paths.mjs";

export { root };

/**
 * Runs `wrangler <args>` from the repository root and waits. `show: true` lets the user watch its
 * output as it comes (stdout is still captured when `capture` is set).
 */
export function runWrangler(args, { capture = true, show = false } = {}) {
  const stdio = show ? ["inherit", capture ? "pipe" : "inherit", "inherit"] : "pipe";
  const r = spawnSync(process.execPath, [wranglerBin(), ...args], {
    cwd: root,
    env: wranglerEnv(),
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
