// worker/db/schema.ts (what drizzle queries) and migrations/ (what wrangler applies) must describe
// the same database: drizzle-kit, run on a copy of migrations/, must find nothing to generate.
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../../scripts/lib/paths.mjs";

// drizzle-kit takes --out relative to the working directory, so the copy lives in the repo's ignored test-results/.
const outDir = path.join("test-results", "drizzle-check", "migrations");

afterAll(() =>
  rmSync(path.join(root, "test-results", "drizzle-check"), { recursive: true, force: true }),
);

describe("schema and migrations", () => {
  it("drizzle-kit finds no schema change that migrations/ lacks", () => {
    rmSync(path.join(root, outDir), { recursive: true, force: true });
    cpSync(path.join(root, "migrations"), path.join(root, outDir), { recursive: true });
    const before = readdirSync(path.join(root, outDir)).sort();
    const out = execFileSync(
      process.execPath,
      [
        path.join(root, "node_modules", "drizzle-kit", "bin.cjs"),
        "generate",
        "--dialect",
        "sqlite",
        "--schema",
        "worker/db/schema.ts",
        "--out",
        outDir,
      ],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(out).toContain("No schema changes");
    expect(readdirSync(path.join(root, outDir)).sort()).toEqual(before);
  }, 60_000);
});
