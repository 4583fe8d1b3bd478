import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataset, datasetVersion, type Source } from "../../shared/index.js";
import { root } from "../../scripts/lib/paths.mjs";

// The seeds live beside the repository (../shared/seeds) wherever the project is checked out with
// its shared folder, as on developers' machines and in CI.

const seedsDir = [process.env.SEEDS_DIR, path.join(root, "..", "shared", "seeds")].find(
  (d) => d && existsSync(d),
);

/** Every Source object anywhere in the dataset. */
function allSources(value: unknown, out: Source[] = []): Source[] {
  if (Array.isArray(value)) value.forEach((v) => allSources(v, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.file === "string" && typeof o.section === "string" && typeof o.quote === "string")
      out.push(o as unknown as Source);
    else Object.values(o).forEach((v) => allSources(v, out));
  }
  return out;
}

const flat = (s: string) => s.replace(/\s+/g, " ").trim();

describe("dataset identity", () => {
  it("has a version and a stable 16-hex content hash", () => {
    const v = datasetVersion();
    expect(v.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(v.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(datasetVersion()).toEqual(v);
  });
});

describe.skipIf(!seedsDir)("every quote in the dataset is in its seed file", () => {
  const sources = allSources(dataset());
  it("finds the quotes", () => {
    expect(sources.length).toBeGreaterThan(100);
  });
  it("each quote (or each piece of an elided quote) appears verbatim in the file it names", () => {
    const texts = new Map<string, string>();
    const missing: string[] = [];
    for (const s of sources) {
      if (!texts.has(s.file))
        texts.set(s.file, flat(readFileSync(path.join(seedsDir!, s.file), "utf8")));
      const text = texts.get(s.file)!;
      // Quotes may elide with "…" or join bullet lines with " - "; each piece must be in the seed.
      const pieces = s.quote
        .split(/ … | - |…/)
        .map((p) => flat(p.replace(/^\|\s*|\s*\|$/g, "")))
        .filter((p) => p.length > 3);
      for (const piece of pieces) {
        const cells = piece.split(/\s*\|\s*/).filter(Boolean);
        if (!cells.every((c) => text.includes(c))) missing.push(`${s.file}: ${piece}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
