import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  citation,
  dataset,
  datasetVersion,
  salaryRange,
  SEED_FILES,
  SEED_TITLES,
  seedName,
  type Source,
} from "../../shared/index.js";
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

describe("sources read by title", () => {
  it("every source keeps its file and carries that file's title", () => {
    const sources = allSources(dataset());
    expect(sources.length).toBeGreaterThan(100);
    for (const s of sources) expect(s.title).toBe(SEED_TITLES[s.file]);
  });

  it("a seed is named by its title and number, and a citation by that, its section and quote", () => {
    expect(seedName("000_25832a8dc8d468ae.txt")).toBe("Hiring and Upskilling for AI (000)");
    expect(seedName("003_33d0e683a45af284.txt")).toBe(
      "Hiring and Building Effective AI Teams (003)",
    );
    const r = salaryRange({ role: "ML Engineer", level: "Mid", location: "US" });
    const s = r.sources[0]!;
    expect(s.file).toBe("000_25832a8dc8d468ae.txt");
    expect(citation(s)).toBe(`Hiring and Upskilling for AI (000) › ${s.section}: "${s.quote}"`);
    expect(citation(s, false)).toBe(`Hiring and Upskilling for AI (000) › ${s.section}`);
    expect(citation(s)).not.toContain(".txt");
  });

  it.skipIf(!seedsDir)("each title is the seed's own heading, in its first lines", () => {
    for (const file of Object.values(SEED_FILES)) {
      const head = readFileSync(path.join(seedsDir!, file), "utf8").split("\n").slice(0, 5);
      expect(
        head.some((line) => line.includes(SEED_TITLES[file])),
        file,
      ).toBe(true);
    }
  });
});
