// `npm start` end to end: scripts/start.mjs applies the migrations to a fresh local D1 and
// serves the worker with `wrangler dev`; we wait for GET /health, then stop the whole process
// group (node -> wrangler -> workerd).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STARTUP_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // group already gone
  }
}

let child: ChildProcess | undefined;
let output = "";
const persistDir = mkdtempSync(path.join(tmpdir(), "atp-e2e-"));

afterAll(async () => {
  if (child) {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => child && killGroup(child, "SIGKILL"), 10_000);
    await exited(child);
    clearTimeout(timer);
    killGroup(child, "SIGKILL"); // anything left in the group (e.g. workerd)
  }
  rmSync(persistDir, { recursive: true, force: true });
}, 20_000);

describe("npm start", () => {
  it(
    "applies migrations and serves GET /health on 127.0.0.1:$PORT",
    async () => {
      const port = await freePort();
      child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
        cwd: root,
        env: { ...process.env, PORT: String(port), PERSIST_TO: persistDir },
        detached: true, // own process group, so afterAll can stop wrangler and workerd too
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr?.on("data", (d: Buffer) => (output += d.toString()));

      const url = `http://127.0.0.1:${port}/health`;
      const deadline = Date.now() + STARTUP_TIMEOUT_MS;
      let res: Response | undefined;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) {
          throw new Error(`start.mjs exited early (${child.exitCode}):\n${output}`);
        }
        try {
          res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
          if (res.status === 200) break;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      if (res?.status !== 200) {
        throw new Error(`no 200 from ${url} within ${STARTUP_TIMEOUT_MS} ms:\n${output}`);
      }
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ status: "ok" });
      expect(output).toMatch(/0000_init\.sql/); // the migrations step ran against the local D1
    },
    STARTUP_TIMEOUT_MS + 30_000,
  );
});
