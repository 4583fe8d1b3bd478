// The worker exactly as `npm start` runs it, for the tests and the bench that need one over HTTP:
// `node scripts/start.mjs` (migrations on a fresh temporary D1, the dev workspace with a known
// DEV_API_KEY, then `wrangler dev`) on a free 127.0.0.1 port. stop() ends its whole process group
// (node → wrangler → workerd) and removes its state.
//
// `extraVars` sets worker vars for this process only (the bench raises the rate limits with it):
// with CLOUDFLARE_INCLUDE_PROCESS_ENV=true, wrangler dev binds the process environment as vars —
// unless the project has a .dev.vars, which would take precedence, so that is refused.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fromRoot, root } from "./paths.mjs";

export const STARTUP_TIMEOUT_MS = 120_000;

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Signals a detached child's whole process group (node → wrangler → workerd). */
export function killGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

export async function startLocalWorker({ extraVars = {} } = {}) {
  const raisesVars = Object.keys(extraVars).length > 0;
  if (raisesVars && existsSync(fromRoot(".dev.vars"))) {
    throw new Error(
      ".dev.vars exists, so wrangler dev would ignore the vars set for this worker; move it away meanwhile",
    );
  }
  const port = await freePort();
  const persistDir = mkdtempSync(path.join(tmpdir(), "atp-worker-"));
  const devKey = `atp_dev_${randomBytes(18).toString("hex")}`;
  const env = {
    ...process.env,
    PORT: String(port),
    PERSIST_TO: persistDir,
    DEV_API_KEY: devKey,
    ...extraVars,
  };
  if (raisesVars) env.CLOUDFLARE_INCLUDE_PROCESS_ENV = "true";
  const child = spawn(process.execPath, [fromRoot("scripts", "start.mjs")], {
    cwd: root,
    env,
    detached: true, // its own process group, so stop() reaches wrangler and workerd too
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Keep only the tail: under load the worker logs two lines per request (its own and wrangler's).
  let output = "";
  const keep = (d) => (output = (output + d.toString()).slice(-500_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    if (child.exitCode === null && child.signalCode === null) await exited;
    clearTimeout(timer);
    killGroup(child, "SIGKILL"); // anything left in the group (e.g. workerd)
    rmSync(persistDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`scripts/start.mjs exited early (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200)
        return { url, port, devKey, pid: child.pid, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`no 200 from ${url}/health within ${STARTUP_TIMEOUT_MS} ms:\n${output}`);
}
