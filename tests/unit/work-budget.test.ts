// The work budget: estimates read only the raw input's shape, never throw, and an estimate over
// the budget is refused with TOO_MUCH_WORK naming the cost, the budget and how to split.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CATALOGUE,
  checkWork,
  comparisonWork,
  invokeFunction,
  prepareCall,
  SHEET_WORK_BUDGET,
  hireVsUpskillWork,
  modelWork,
  PAGE_LINE_MONTH,
  planRangeWork,
  planWork,
  slipWidth,
  tooMuchWork,
  WORK_BUDGET,
  WORK_COSTS,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const hires = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, () => ({ role: "MLE", level: "Mid", startMonth: 1, ...extra }));

describe("estimates", () => {
  it("a plan costs every row priced, then every row and upskilling entry each month", () => {
    const input = {
      horizonMonths: 60,
      hires: hires(1000),
      upskilling: [{ path: "x", people: 1, startMonth: 1 }],
    };
    expect(planWork(input).units).toBe(
      1000 * (WORK_COSTS.priceRow + 60 * WORK_COSTS.planMonth) +
        1 * (WORK_COSTS.priceRow + 60 * WORK_COSTS.upskillingMonth),
    );
    // No horizon: the engine's default of 24 months.
    expect(planWork({ hires: hires(10) }).units).toBe(
      10 * (WORK_COSTS.priceRow + 24 * WORK_COSTS.planMonth),
    );
  });

  it("slip widths: n, [min, max] and {min, max} allow max − min + 1 starts; junk allows one", () => {
    expect([0, 2, [1, 4], { min: 3, max: 3 }, { min: 0, max: 24 }].map(slipWidth)).toEqual([
      1, 3, 4, 1, 25,
    ]);
    expect([undefined, null, "3", [5, 1], { min: "a" }, 1e9, NaN].map(slipWidth)).toEqual([
      1, 1, 1, 1, 1, 25, 1,
    ]);
  });

  it("a range costs every row × month × possible start; a hire's own slip overrides the plan's", () => {
    const perRow = (w: number, months: number) =>
      WORK_COSTS.priceRow + months * (WORK_COSTS.rangeMonth + w);
    const plain = (rows: number, months: number) =>
      rows * (WORK_COSTS.priceRow + months * WORK_COSTS.planMonth);
    const input = {
      horizonMonths: 120,
      slipMonths: 24,
      hires: [...hires(2), { role: "MLE", level: "Mid", startMonth: 1, slipMonths: [0, 2] }],
    };
    expect(planRangeWork(input).units).toBe(2 * perRow(25, 120) + perRow(3, 120) + plain(3, 120));
    // Nobody can slip: the range engine runs the plain plan once.
    expect(planRangeWork({ horizonMonths: 120, hires: hires(3) }).units).toBe(plain(3, 120));
  });

  it("a comparison costs the base range and each scenario's, with its horizon and slips", () => {
    const base = { horizonMonths: 12, hires: hires(10) };
    const one = planRangeWork(base).units;
    const scenarios = [
      { name: "a", overrides: { slipMonths: 2 } },
      { name: "b", overrides: { horizonMonths: 24, hires: [{ index: 0, slipMonths: 5 }] } },
      { name: "c", overrides: { salaryChange: 0.1 } },
    ];
    expect(comparisonWork(base, scenarios).units).toBe(
      one +
        planRangeWork({ ...base, slipMonths: 2 }).units +
        planRangeWork({
          horizonMonths: 24,
          hires: [{ ...base.hires[0], slipMonths: 5 }, ...hires(9)],
        }).units +
        one +
        10 * WORK_COSTS.priceRow,
    );
  });

  it("a model costs its plan, with scenarios the comparison twice, and drawing every line of its page", () => {
    const plan = { horizonMonths: 24, hires: hires(20) };
    expect(modelWork(plan).units).toBe(planWork(plan).units + PAGE_LINE_MONTH * 24);
    const scenarios = [{ name: "late", overrides: { slipMonths: 24 } }];
    expect(modelWork({ ...plan, scenarios }).units).toBe(
      planWork(plan).units + 2 * comparisonWork(plan, scenarios).units + PAGE_LINE_MONTH * 24 * 2,
    );
  });

  it("the existing team is priced and run like hire rows (and once more for its months in a range)", () => {
    const team = [{ role: "Software Engineer", salary: 150000, count: 40 }, { role: "x" }];
    const row = WORK_COSTS.priceRow + 24 * WORK_COSTS.planMonth;
    expect(planWork({ hires: hires(3), team }).units).toBe(5 * row);
    const slipping = { slipMonths: 2, hires: hires(3) };
    expect(planRangeWork({ ...slipping, team }).units).toBe(
      planRangeWork(slipping).units + 2 * row + 2 * 24 * WORK_COSTS.planMonth,
    );
    expect(planWork({ hires: hires(3), team }).what).toBe(
      "a plan of 3 hire rows and 2 team rows × 24 months",
    );
  });

  it("a range costs a quarter unit more per start for each cost line beyond payroll and recruiting", () => {
    const base = { horizonMonths: 12, slipMonths: 3, hires: hires(2) };
    const perRow = (startUnits: number) =>
      WORK_COSTS.priceRow + 12 * (WORK_COSTS.rangeMonth + startUnits);
    const plain = 2 * (WORK_COSTS.priceRow + 12 * WORK_COSTS.planMonth);
    expect(planRangeWork(base).units).toBe(2 * perRow(4) + plain);
    // Taxes, bonus, equity and backfill: 4 × (1 + 4/4) = 8 units per month for 4 starts.
    const lines = {
      ...base,
      payrollTax: { rate: 0.062 },
      bonusRate: 0.1,
      equityRate: 0.2,
      attritionRate: 0.1,
    };
    expect(planRangeWork(lines).units).toBe(2 * perRow(8) + plain);
    // A hire's own bonus rate or a contractor row brings its line in too: ceil(4 × 6/4) = 6.
    const own = {
      ...base,
      hires: [
        { ...hires(1)[0], bonusRate: 0.1 },
        { role: "Labelling", type: "contractor", monthlyRate: 9000, startMonth: 1 },
      ],
    };
    expect(planRangeWork(own).units).toBe(2 * perRow(6) + plain);
  });

  it("a merit month or a wage base gives each start of an employee's row its own curve, costed per start and line", () => {
    const base = { horizonMonths: 12, slipMonths: 3, hires: hires(2) };
    const perRow = (startUnits: number) =>
      WORK_COSTS.priceRow + 12 * (WORK_COSTS.rangeMonth + startUnits);
    const plain = 2 * (WORK_COSTS.priceRow + 12 * WORK_COSTS.planMonth);
    const merit = { ...base, raiseMonth: 4, annualRaise: 0.04 };
    expect(planRangeWork(merit).units).toBe(2 * perRow(4 * WORK_COSTS.rangeOwnCurveStart) + plain);
    // A merit month without a raise changes nothing; a wage base needs a tax rate to matter.
    expect(planRangeWork({ ...base, raiseMonth: 4 }).units).toBe(planRangeWork(base).units);
    expect(planRangeWork({ ...base, payrollTax: { rate: 0, wageBase: 1000 } }).units).toBe(
      planRangeWork(base).units,
    );
    // A wage base with a rate: the taxes line too, one line more per start.
    const capped = { ...base, payrollTax: { rate: 0.062, wageBase: 168600 } };
    const own = WORK_COSTS.rangeOwnCurveStart + WORK_COSTS.rangeOwnCurveStartPerLine;
    expect(planRangeWork(capped).units).toBe(2 * perRow(4 * own) + plain);
    expect(planRangeWork(capped).what).toContain("gives each start its own cost curve");
    // A contractor's curve only moves, whatever the calendar: 4 starts × (1 + 1/4) for the
    // contractors line, rounded up.
    const contractor = {
      ...merit,
      hires: [{ role: "Labelling", type: "contractor", monthlyRate: 9000, startMonth: 1 }],
    };
    expect(planRangeWork(contractor).units).toBe(
      perRow(5) + WORK_COSTS.priceRow + 12 * WORK_COSTS.planMonth,
    );
  });

  it("a comparison reads each scenario's own calendar rules, cost lines and added hires", () => {
    const base = { horizonMonths: 12, slipMonths: 2, hires: hires(5) };
    const merit = { raiseMonth: 4, annualRaise: 0.05 };
    const added = [{ role: "MLE", level: "Mid", startMonth: 2, slipMonths: 4 }];
    expect(
      comparisonWork(base, [{ name: "Merit", overrides: { ...merit, addHires: added } }]).units,
    ).toBe(
      planRangeWork(base).units +
        planRangeWork({ ...base, ...merit, hires: [...base.hires, ...added] }).units,
    );
    // An override of one value of a group keeps the base's others: a wage base given in the base
    // with a rate only in the scenario still makes each start a curve of its own.
    const capped = { ...base, payrollTax: { rate: 0, wageBase: 100000 } };
    expect(
      comparisonWork(capped, [{ name: "Taxed", overrides: { payrollTax: { rate: 0.062 } } }]).units,
    ).toBe(
      planRangeWork(capped).units +
        planRangeWork({ ...capped, payrollTax: { rate: 0.062, wageBase: 100000 } }).units,
    );
  });

  it("hire or upskill costs the same whatever its input", () => {
    expect(hireVsUpskillWork().units).toBe(WORK_COSTS.hireVsUpskill);
  });

  it("never throws, whatever the input, and never goes below zero", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        for (const e of [planWork(a), planRangeWork(a), comparisonWork(a, b), modelWork(a)]) {
          expect(Number.isSafeInteger(e.units)).toBe(true);
          expect(e.units).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe("over budget", () => {
  const heavy = { horizonMonths: 120, slipMonths: 24, hires: hires(1000) };

  it("TOO_MUCH_WORK names the cost, the budget and how many rows would fit", () => {
    const estimate = planRangeWork(heavy);
    expect(estimate.units).toBeGreaterThan(WORK_BUDGET);
    const e = caught(() => checkWork(estimate));
    expect(e.code).toBe("TOO_MUCH_WORK");
    expect(e.field).toBe("hires");
    expect(e.work).toEqual({ units: estimate.units, budget: WORK_BUDGET });
    const fits = Math.floor(
      WORK_BUDGET /
        (2 * WORK_COSTS.priceRow + 120 * (WORK_COSTS.rangeMonth + 25 + WORK_COSTS.planMonth)),
    );
    expect(e.message).toBe(
      `This request asks for too much work at once: a plan range of 1,000 hire rows × 120 months, starts up to 25 wide costs ${estimate.units.toLocaleString("en-US")} work units, and one request may cost at most ${WORK_BUDGET.toLocaleString("en-US")}. Nothing was computed; split it: send at most ${fits.toLocaleString("en-US")} hire rows per request, a shorter horizon or narrower slipMonths.`,
    );
    expect(e.toJSON().work).toEqual({ units: estimate.units, budget: WORK_BUDGET });
  });

  it("the advised split fits: that many rows of the same plan are within budget", () => {
    const team = [{ role: "Software Engineer", salary: 150000, count: 40 }];
    for (const plan of [
      heavy,
      // A finance plan: a merit month, every cost line, a team of its own.
      {
        ...heavy,
        raiseMonth: 4,
        annualRaise: 0.04,
        payrollTax: { rate: 0.062, wageBase: 168600 },
        bonusRate: 0.1,
        equityRate: 0.1,
        attritionRate: 0.1,
        team,
      },
    ]) {
      const e = caught(() => checkWork(planRangeWork(plan)));
      const fits = Number(/at most ([\d,]+) hire rows/.exec(e.message)![1]!.replace(/,/g, ""));
      expect(fits).toBeGreaterThan(0);
      expect(planRangeWork({ ...plan, hires: hires(fits) }).units).toBeLessThanOrEqual(WORK_BUDGET);
      expect(planRangeWork({ ...plan, hires: hires(fits + 10) }).units).toBeGreaterThan(
        WORK_BUDGET,
      );
    }
    const plan = { horizonMonths: 120, hires: hires(5000), team };
    const e = caught(() => checkWork(planWork(plan)));
    const fits = Number(/at most ([\d,]+) hire rows/.exec(e.message)![1]!.replace(/,/g, ""));
    expect(planWork({ ...plan, hires: hires(fits) }).units).toBeLessThanOrEqual(WORK_BUDGET);
    expect(planWork({ ...plan, hires: hires(fits + 1) }).units).toBeGreaterThan(WORK_BUDGET);
  });

  it("at the budget passes; one unit over is refused", () => {
    const estimate = { units: WORK_BUDGET, what: "x", split: "y", field: "f" };
    expect(() => checkWork(estimate)).not.toThrow();
    expect(caught(() => checkWork({ ...estimate, units: WORK_BUDGET + 1 })).code).toBe(
      "TOO_MUCH_WORK",
    );
    expect(tooMuchWork(estimate, 10).work).toEqual({ units: WORK_BUDGET, budget: 10 });
  });
});

describe("the spreadsheet catalogue's work", () => {
  const table = (n: number) => [
    ["Role", "Level", "Start month"],
    ...Array.from({ length: n }, (_, i) => ["ML Engineer", "Mid", 1 + (i % 120)]),
  ];
  const slip = [
    ["Horizon months", 120],
    ["Slip months", "0-24"],
  ];

  it("every function that runs a plan engine declares its own estimate; mapped lookups do not", () => {
    for (const entry of CATALOGUE) {
      const engine = entry.args.some((a) => a.name === "hires");
      const mapped = entry.args.some((a) => a.map);
      if (engine) expect(entry.work, entry.name).toBeTypeOf("function");
      if (mapped) expect(entry.work, entry.name).toBeUndefined();
    }
  });

  it("a call is priced from its typed arguments by the same estimator as its route", () => {
    const call = prepareCall("AI_PLAN_RANGE", [table(30), slip, "years"]);
    expect(call.work.units).toBe(
      planRangeWork({
        horizonMonths: 120,
        slipMonths: { min: 0, max: 24 },
        hires: Array(30).fill({}),
      }).units,
    );
    expect(prepareCall("AI_SALARY", ["MLE", "Mid"]).work.units).toBe(WORK_COSTS.lookup);
    expect(prepareCall("AI_TEAM", [12]).work.units).toBe(WORK_COSTS.call);
    // A mapped call costs one lookup per non-blank cell; blank rows cost nothing.
    const col = [["MLE"], [""], ["Data Scientist"], [""]];
    expect(prepareCall("AI_SALARY", [col, [["Mid"], [""], ["Senior"], [""]]]).work.units).toBe(
      2 * WORK_COSTS.lookup,
    );
  });

  it("over the budget is TOO_MUCH_WORK before anything runs, even where every row is invalid", () => {
    const invalidRows = table(1000).map((r, i) => (i === 0 ? r : ["Nope", r[1], r[2]]));
    const e = caught(() => invokeFunction("AI_PLAN_RANGE", [invalidRows, slip]));
    expect(e.code).toBe("TOO_MUCH_WORK");
    expect(e.work?.budget).toBe(WORK_BUDGET);
    // With the default budget the same rows, valid, are refused; a sheet's larger budget runs them.
    expect(caught(() => invokeFunction("AI_PLAN_RANGE", [table(1000), slip])).code).toBe(
      "TOO_MUCH_WORK",
    );
    const inSheet = invokeFunction("AI_PLAN_RANGE", [table(1000), slip, "years"], {
      workBudget: SHEET_WORK_BUDGET,
    }) as unknown[][];
    expect(inSheet[0]![0]).toBe("Year");
    expect(inSheet).toHaveLength(11);
  });
});
