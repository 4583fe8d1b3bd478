// What the figures were measured on and with: machine, runtime, package versions, date, commit.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function packageVersion(root, name) {
  try {
    return JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"))
      .version;
  } catch {
    return null;
  }
}

function git(root, args) {
  try {
    return execFileSync("git", args, { cwd: root, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

function osName() {
  try {
    return /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? null;
  } catch {
    return null;
  }
}

export function machineInfo(root) {
  const cpus = os.cpus();
  const status = git(root, ["status", "--porcelain", "--untracked-files=no"]);
  return {
    date: new Date().toISOString(),
    git: {
      commit: git(root, ["rev-parse", "HEAD"]),
      dirty: status === null ? null : status.length > 0,
    },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? null,
      memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
      os: `${osName() ?? os.type()} (${os.platform()} ${os.release()} ${os.arch()})`,
      node: process.version,
    },
    packages: Object.fromEntries(
      [
        "hono",
        "@hono/zod-openapi",
        "zod",
        "wrangler",
        "workerd",
        "miniflare",
        "autocannon",
        "esbuild",
      ].map((n) => [n, packageVersion(root, n)]),
    ),
  };
}
