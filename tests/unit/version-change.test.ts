import { describe, expect, it } from "vitest";
import { planToUnits, runPlan, type ModelPin } from "../../shared/index.js";
import { versionChange, yearDifferences } from "../../worker/http/version-change.js";

const pin = (over: Partial<ModelPin> = {}): ModelPin => ({
  datasetVersion: "2026.1.0",
  datasetHash: "84cc356d49fba7ec",
  bandsVersion: 0,
  levelsVersion: 0,
  locationsVersion: 0,
  fxVersion: 0,
  ...over,
});

const hire = (role: string, count = 1, startMonth = 1) => ({
  role,
  level: "Mid",
  location: "Austin",
  startMonth,
  count,
});

describe("versionChange", () => {
  it("an identical row is unchanged wherever it moved; the same person with other fields is one change", () => {
    const before = { horizonMonths: 12, hires: [hire("ML Engineer"), hire("Data Scientist")] };
    const after = {
      horizonMonths: 12,
      hires: [hire("Data Scientist"), hire("ML Engineer", 2), hire("AI Product Manager")],
    };
    const c = versionChange(
      { name: "a", input: JSON.stringify(before), pin: pin() },
      { name: "a", input: JSON.stringify(after), pin: pin() },
    );
    expect(c).toEqual({
      hiresAdded: 1,
      hiresRemoved: 0,
      hiresChanged: 1,
      fieldsChanged: [],
      nameChanged: false,
      repriced: false,
      summary: "1 hire added; 1 hire changed",
    });
  });

  it("fields compare by value, not key order; removed hires, renames and every kind of repricing are named", () => {
    const before = { hires: [hire("ML Engineer"), hire("ML Engineer", 1, 5)], benefitsRate: 0.2 };
    const after = {
      benefitsRate: 0.2,
      hires: [{ count: 1, startMonth: 1, location: "Austin", level: "Mid", role: "ML Engineer" }],
      annualRaise: 0.03,
    };
    const c = versionChange(
      { name: "a", input: JSON.stringify(before), pin: pin() },
      {
        name: "b",
        input: JSON.stringify(after),
        pin: pin({
          bandsVersion: 2,
          fxVersion: 1,
          datasetHash: "ffff",
          datasetVersion: "2027.1.0",
        }),
      },
    );
    expect(c.hiresRemoved).toBe(1);
    expect(c.hiresChanged).toBe(0);
    expect(c.fieldsChanged).toEqual(["annualRaise"]);
    expect(c.summary).toBe(
      '1 hire removed; changed: annualRaise; renamed to "b"; repriced (dataset 2026.1.0 (84cc356d49fba7ec) → 2027.1.0 (ffff), bands v0 → v2, FX rates v0 → v1)',
    );
    expect(
      versionChange({ name: "a", input: "{}", pin: pin() }, { name: "a", input: "{}", pin: pin() })
        .summary,
    ).toBe("no change");
  });
});

describe("yearDifferences", () => {
  it("subtracts each year and the total in exact cents; a year only one side has counts 0 on the other", () => {
    const short = planToUnits(runPlan({ horizonMonths: 12, hires: [hire("ML Engineer")] }));
    const long = planToUnits(runPlan({ horizonMonths: 24, hires: [hire("ML Engineer", 2)] }));
    const d = yearDifferences(short, long);
    expect(d.years).toHaveLength(2);
    expect(d.years[1]).toEqual({
      year: 2,
      label: long.years[1]!.label,
      before: 0,
      after: long.years[1]!.total,
      difference: long.years[1]!.total,
    });
    const cents = (x: number) => Math.round(x * 100);
    for (const y of d.years) expect(cents(y.difference)).toBe(cents(y.after) - cents(y.before));
    expect(cents(d.total.difference)).toBe(d.years.reduce((s, y) => s + cents(y.difference), 0));
  });
});
