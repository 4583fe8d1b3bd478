import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const sharedDir = fileURLToPath(new URL("../../shared/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return full.endsWith(".ts") ? [full] : [];
  });
}

// Apps Script, Workers and Node share the core, so it may use none of their globals or any I/O.
const FORBIDDEN =
  /\b(fetch|process|require|window|document|globalThis|console|setTimeout|setInterval|crypto|Buffer|UrlFetchApp|SpreadsheetApp|PropertiesService|CacheService|Date\.now|Math\.random)\b/;

describe("the core stays pure", () => {
  const files = sources(sharedDir);
  it("has sources to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });
  it.each(files.map((f) => [path.relative(sharedDir, f), f]))(
    "%s imports only from shared/ and uses no runtime globals",
    (_name, file) => {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const m of text.matchAll(/from\s+["']([^"']+)["']/g)) {
        const spec = m[1]!;
        expect(spec.startsWith(".")).toBe(true);
        expect(path.resolve(path.dirname(file), spec).startsWith(sharedDir)).toBe(true);
      }
      const code = text.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
      expect(code).not.toMatch(FORBIDDEN);
    },
  );
});
