// A workspace's own levels, locations and FX rates, passed like bands (SalaryOptions): resolved by
// the core's name lookup and priced by its salary functions with provenance "workspace"; never a
// figure from nowhere.
import { describe, expect, it } from "vitest";
import {
  checkFxRate,
  checkWorkspaceLevel,
  checkWorkspaceLocation,
  resolveLevel,
  resolveLocation,
  salaryRange,
  type SalaryOptions,
  type WorkspaceBand,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const workspace: SalaryOptions = {
  levels: [{ name: "Staff", aliases: ["L6"] }],
  locations: [{ name: "Denver, CO", aliases: ["Denver"], factor: 0.95 }],
  fx: [
    { currency: "EUR", perUsd: 0.9, asOf: "2026-01-31" },
    { currency: "EUR", perUsd: 0.92, asOf: "2026-03-31" },
  ],
};

describe("workspace names", () => {
  it("resolve like the seeds' (case, aliases), next to them, never over them", () => {
    expect(resolveLevel("staff", "level", workspace).name).toBe("Staff");
    expect(resolveLevel("l6", "level", workspace).name).toBe("Staff");
    expect(resolveLevel("Sr", "level", workspace).name).toBe("Senior");
    expect(resolveLocation("denver", "location", workspace)).toMatchObject({
      name: "Denver, CO",
      factor: 0.95,
    });
    // Without the workspace's data they are unknown, with the closest names suggested.
    expect(caught(() => resolveLevel("Staff")).code).toBe("UNKNOWN_LEVEL");
    expect(caught(() => resolveLocation("Denver")).code).toBe("UNKNOWN_LOCATION");
    expect(caught(() => resolveLevel("Stafff", "level", workspace)).suggestions).toContain("Staff");
  });
  it("uploads are checked row by row, naming the field and the fix", () => {
    expect(checkWorkspaceLevel({ name: " Staff " })).toEqual({ name: "Staff" });
    expect(caught(() => checkWorkspaceLevel({ name: "Senior" })).message).toBe(
      `level.name: "Senior" is already the seeds' Senior level; give the workspace level a name of its own`,
    );
    expect(caught(() => checkWorkspaceLocation({ name: "Denver", factor: 95 })).message).toBe(
      "location.factor: must be from 0.1 to 5, got 95",
    );
    expect(caught(() => checkWorkspaceLocation({ name: "NYC", factor: 1 })).field).toBe(
      "location.name",
    );
    expect(caught(() => checkFxRate({ currency: "EUR", perUsd: 0.92 })).message).toBe(
      'fx.asOf: must be the date the rate is as of, "YYYY-MM-DD" such as "2026-03-31", got undefined',
    );
    expect(
      caught(() => checkFxRate({ currency: "EURO", perUsd: 1, asOf: "2026-01-01" })).field,
    ).toBe("fx.currency");
    expect(
      caught(() => checkFxRate({ currency: "EUR", perUsd: 0, asOf: "2026-01-01" })).message,
    ).toBe("fx.perUsd: must be more than 0 and at most 1000000, got 0");
  });
});

describe("workspace salaries", () => {
  it("a workspace location is the seed US range × its factor, and says so", () => {
    // ML Engineer, Mid, US base: $150K–$180K (000). × 0.95 = $142,500–$171,000, mid $156,750.
    const r = salaryRange({ role: "ML Engineer", level: "Mid", location: "Denver" }, workspace);
    expect([r.low, r.mid, r.high]).toEqual([142500_00, 156750_00, 171000_00]);
    expect(r.provenance).toBe("workspace");
    expect(r.derived).toBe(true);
    expect(r.location).toBe("Denver, CO");
    expect(r.method).toContain("× 0.95 (Denver, CO: your workspace's geo factor");
    expect(r.sources[0]!.quote).toBe("Mid: $150K-180K");
  });
  it("a workspace level has a salary only where a workspace band gives one", () => {
    const e = caught(() =>
      salaryRange({ role: "ML Engineer", level: "Staff", location: "Denver" }, workspace),
    );
    expect(e.code).toBe("NO_DATA");
    expect(e.field).toBe("level");
    expect(e.message).toContain("Staff is your workspace's own level");
    expect(e.message).toContain(
      "Upload a base band for ML Engineer / Staff / Denver, CO, or one for the US",
    );
    const banded = salaryRange(
      { role: "MLE", level: "L6", location: "Denver" },
      {
        ...workspace,
        bands: [
          {
            role: "ML Engineer",
            level: "Staff",
            location: "Denver, CO",
            basis: "base",
            currency: "USD",
            low: 230000,
            high: 270000,
          },
        ],
      },
    );
    expect([banded.low, banded.mid, banded.high]).toEqual([230000_00, 250000_00, 270000_00]);
    expect(banded.provenance).toBe("workspace");
  });
  it("a workspace level's US band is the range a location's factor and an FX rate scale", () => {
    const staffUs: WorkspaceBand = {
      role: "ML Engineer",
      level: "Staff",
      location: "US",
      basis: "base",
      currency: "USD",
      low: 250000,
      high: 310000,
    };
    const options = { ...workspace, bands: [staffUs] };
    // Denver: 250,000 × 0.95 = 237,500; 310,000 × 0.95 = 294,500; mid 266,000.
    const denver = salaryRange({ role: "MLE", level: "Staff", location: "Denver" }, options);
    expect([denver.low, denver.mid, denver.high]).toEqual([237500_00, 266000_00, 294500_00]);
    expect(denver.provenance).toBe("workspace");
    expect(denver.method).toContain("the workspace's US base band × 0.95 (Denver, CO");
    expect(denver.sources).toEqual([]);
    expect(denver.notes.join(" ")).toContain("your workspace's own US band");
    // A seed location: the band × that location's seed factor, citing the seed cells behind it.
    const austin = salaryRange({ role: "MLE", level: "Staff", location: "Austin" }, options);
    // Austin's ML Engineer factor: 002's $140K–$200K midpoint ÷ 000's US Mid $150K–$180K midpoint
    // = 170 / 165; 250,000 × 170 / 165 = 257,575.76 → $257,576, 310,000 × 170 / 165 → $319,394.
    expect([austin.low, austin.high]).toEqual([257576_00, 319394_00]);
    expect(austin.method).toContain("the workspace's US base band × 1.0303 (Austin, TX factor");
    expect(austin.sources.length).toBeGreaterThan(0);
    // In EUR at the workspace's rate: 250,000 × 0.92 = 230,000.
    expect(salaryRange({ role: "MLE", level: "Staff", currency: "EUR" }, options).low).toBe(
      230000_00,
    );
    // The band's own location still wins where it is given.
    expect(salaryRange({ role: "MLE", level: "Staff", location: "US" }, options).low).toBe(
      250000_00,
    );
  });
  it("FX: the workspace's latest rate converts, with its as-of date; without one, NO_DATA says what to add", () => {
    // $150K–$180K × 0.92 = €138,000–€165,600.
    const r = salaryRange({ role: "ML Engineer", level: "Mid", currency: "eur" }, workspace);
    expect(r.currency).toBe("EUR");
    expect([r.low, r.high]).toEqual([138000_00, 165600_00]);
    expect(r.provenance).toBe("workspace");
    expect(r.method).toContain("0.92 EUR per USD (your workspace's rate as of 2026-03-31)");
    // Denver in EUR: both factors apply, 150,000 × 0.95 × 0.92 = 131,100.
    expect(
      salaryRange(
        { role: "ML Engineer", level: "Mid", location: "Denver", currency: "EUR" },
        workspace,
      ).low,
    ).toBe(131100_00);
    expect(
      caught(() => salaryRange({ role: "ML Engineer", level: "Mid", currency: "EUR" })).field,
    ).toBe("currency");
  });
  it("seed answers are unchanged by workspace data that does not touch them", () => {
    const plain = salaryRange({ role: "ML Engineer", level: "Mid", location: "Austin" });
    const withWorkspace = salaryRange(
      { role: "ML Engineer", level: "Mid", location: "Austin" },
      workspace,
    );
    expect(withWorkspace).toEqual(plain);
  });
});
