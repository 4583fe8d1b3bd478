// The worker exactly as `npm start` runs it: `node scripts/start.mjs` (migrations on a fresh
// temporary D1, the dev workspace with DEV_API_KEY, then `wrangler dev`) on a free 127.0.0.1
// port. stop() ends its whole process group (node → wrangler → workerd) and removes the state.
//
// Rate limits: the bench sends tens of thousands of requests a minute from one address and one
// key, far past wrangler.toml's 120/600 a minute. `extraVars` raises them for this process only:
// with CLOUDFLARE_INCLUDE_PROCESS_ENV=true, wrangler dev binds the process environment as the
// worker's vars (only when the project has no .dev.vars, which would take precedence). The
// limiter itself still runs, one D1 write per /v1 request, as in production.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const STARTUP_TIMEOUT_MS = 120_000;

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

export async function startLocalWorker(root, { extraVars = {} } = {}) {
  if (Object.keys(extraVars).length && existsSync(path.join(root, ".dev.vars"))) {
    throw new Error(
      "bench: .dev.vars exists, so wrangler dev would ignore the raised rate limits; move it away while benchmarking",
    );
  }
  const port = await freePort();
  const persistDir = mkdtempSync(path.join(tmpdir(), "atp-bench-d1-"));
  const devKey = `atp_dev_${randomBytes(18).toString("hex")}`;
  let output = "";
  const env = {
    ...process.env,
    PORT: String(port),
    PERSIST_TO: persistDir,
    DEV_API_KEY: devKey,
    ...extraVars,
  };
  if (Object.keys(extraVars).length) env.CLOUDFLARE_INCLUDE_PROCESS_ENV = "true";
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env,
    detached: true, // its own process group, so stop() reaches wrangler and workerd too
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Keep only the tail: under load the worker logs two lines per request (its own and wrangler's).
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
