// The real local worker for tests that need one over HTTP (add-on, browser): `node scripts/start.mjs` (migrations applied to a
// fresh temporary D1, then wrangler dev) on a free 127.0.0.1 port, with DEV_API_KEY set so the
// dev workspace's admin key is known. stop() ends its whole process group and removes the state.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const STARTUP_TIMEOUT_MS = 90_000;

export interface LocalWorker {
  /** http://127.0.0.1:<port> */
  url: string;
  /** An admin key of the local "dev" workspace. */
  devKey: string;
  output(): string;
  stop(): Promise<void>;
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
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

/** Signals a detached child's whole process group (node → wrangler → workerd). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

export async function startLocalWorker(): Promise<LocalWorker> {
  const port = await freePort();
  const persistDir = mkdtempSync(path.join(tmpdir(), "atp-worker-"));
  const devKey = `atp_dev_${randomBytes(18).toString("hex")}`;
  let output = "";
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), PERSIST_TO: persistDir, DEV_API_KEY: devKey },
    detached: true, // its own process group, so stop() reaches wrangler and workerd too
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
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
      if (res.status === 200) return { url, devKey, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`no 200 from ${url}/health within ${STARTUP_TIMEOUT_MS} ms:\n${output}`);
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts
  body: any;
}

/** One HTTP call from the test itself (not the browser), JSON in and out. */
export async function api(
  worker: LocalWorker,
  method: string,
  pathname: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const res = await fetch(`${worker.url}${pathname}`, {
    method,
    headers: {
      Accept: "application/json",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: json };
}
