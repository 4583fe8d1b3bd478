import { describe, expect, it } from "vitest";
import {
  comparePlans,
  comparisonToUnits,
  hireVsUpskill,
  hireVsUpskillToUnits,
  planRangeToUnits,
  planTemplate,
  runPlanRange,
} from "../../shared/index.js";
import { okJson, post, problem } from "./api-client.js";

const HVU = {
  targetRole: "ML Engineer",
  level: "Mid",
  location: "Austin",
  fromRole: "Backend engineer",
  horizonMonths: 12,
  channel: "recruiter",
};

describe("POST /v1/scenarios/hire-vs-upskill", () => {
  it("answers the hand-computed seed case in USD: hire $137,666.66–$233,333.33 vs upskill $15,000", async () => {
    const body = await okJson(await post("/v1/scenarios/hire-vs-upskill", HVU));
    // Low: $140K paid from month 3 (ten monthly pieces, rounded down as the plan engine pays them)
    // + 15% of 140K; high: $200K from month 2 + 25% of 200K; expected: the plan range's mean.
    expect(body.hire.cashCost).toEqual({ low: 137666.66, expected: 182750, high: 233333.33 });
    expect(body.upskill.cashCost).toEqual({ low: 15000, expected: 15000, high: 15000 });
    expect(body.hire.monthsUntilProductive).toEqual({ low: 1.92, expected: 2.42, high: 2.92 });
    expect(body.path).toBe("Engineers → AI Engineers");
    expect(body.hire.sources.some((s: { quote: string }) => s.quote.includes("15-25% fee"))).toBe(
      true,
    );
  });
  it("is the core's answer exactly (the API adds no arithmetic)", async () => {
    const body = await okJson(
      await post("/v1/scenarios/hire-vs-upskill", { ...HVU, mentorship: true }),
    );
    expect(body).toEqual(
      JSON.parse(JSON.stringify(hireVsUpskillToUnits(hireVsUpskill({ ...HVU, mentorship: true })))),
    );
  });
  it("agrees with the sheet function AI_HIRE_VS_UPSKILL through /v1/functions, benefits and raises included", async () => {
    const withCosts = { ...HVU, horizonMonths: 24, benefitsRate: 0.25, annualRaise: 0.04 };
    const costed = await okJson(await post("/v1/scenarios/hire-vs-upskill", withCosts));
    const block = [
      ["Horizon months", 24],
      ["Benefits rate", "25%"],
      ["Annual raise", "4%"],
    ];
    const viaSheet = await okJson(
      await post("/v1/functions/AI_HIRE_VS_UPSKILL", {
        args: ["ML Engineer", "Mid", "Austin", "Backend engineer", block, "recruiter"],
      }),
    );
    expect(viaSheet.value[2].slice(1, 4)).toEqual([
      costed.hire.cashCost.low,
      costed.hire.cashCost.expected,
      costed.hire.cashCost.high,
    ]);
    // The plan engine's cost of the same hire (starting in month 3, the latest start) to the cent.
    const plan = await okJson(
      await post("/v1/plan", {
        horizonMonths: 24,
        benefitsRate: 0.25,
        annualRaise: 0.04,
        hires: [
          {
            role: "ML Engineer",
            level: "Mid",
            location: "Austin",
            startMonth: 3,
            salary: 140000,
            recruitingCost: 21000,
          },
        ],
      }),
    );
    expect(costed.hire.cashCost.low).toBe(plan.totals.total);
    expect(
      (
        await problem(
          await post("/v1/scenarios/hire-vs-upskill", { ...HVU, benefitsRate: 25 }),
          400,
        )
      ).detail,
    ).toContain("did you mean 0.25 (25%)?");

    const api = await okJson(await post("/v1/scenarios/hire-vs-upskill", HVU));
    const sheet = await okJson(
      await post("/v1/functions/AI_HIRE_VS_UPSKILL", {
        args: [
          "ML Engineer",
          "Mid",
          "Austin",
          "Backend engineer",
          [["Horizon months", 12]],
          "recruiter",
        ],
      }),
    );
    expect(sheet.value[2].slice(1)).toEqual([
      api.hire.cashCost.low,
      api.hire.cashCost.expected,
      api.hire.cashCost.high,
      api.upskill.cashCost.low,
      api.upskill.cashCost.expected,
      api.upskill.cashCost.high,
    ]);
  });
  it("a target with no seed path is 404 NO_DATA naming the paths; a wrong type is 400 naming the field", async () => {
    const p = await problem(
      await post("/v1/scenarios/hire-vs-upskill", {
        targetRole: "AI Product Manager",
        level: "Mid",
      }),
      404,
    );
    expect(p.code).toBe("NO_DATA");
    expect(p.available).toEqual(["ML Engineer", "Data Scientist", "Prompt Engineer"]);
    expect(
      (
        await problem(
          await post("/v1/scenarios/hire-vs-upskill", {
            targetRole: "ML Engineer",
            level: "Mid",
            mentorship: "maybe",
          }),
          400,
        )
      ).field,
    ).toBe("mentorship");
    expect(
      (
        await problem(
          await post("/v1/scenarios/hire-vs-upskill", { targetRole: "Wizard", level: "Mid" }),
          422,
        )
      ).suggestions,
    ).toBeDefined();
  });
});

describe("POST /v1/plan/range", () => {
  const year1 = planTemplate("year-1-build-out").input;
  it("slip 0 answers exactly what POST /v1/plan does, in every band", async () => {
    const plain = await okJson(await post("/v1/plan", year1));
    const range = await okJson(await post("/v1/plan/range", { ...year1, slipMonths: 0 }));
    expect(range.months.map((m: { total: unknown }) => m.total)).toEqual(
      plain.months.map((m: { total: number }) => ({
        low: m.total,
        expected: m.total,
        high: m.total,
      })),
    );
    expect(range.years[0].runRate).toEqual({ low: 440000, expected: 440000, high: 440000 });
  });
  it("slip 0–2 is the core's range and is ordered", async () => {
    const input = { ...year1, slipMonths: [0, 2] };
    const body = await okJson(await post("/v1/plan/range", input));
    expect(body).toEqual(JSON.parse(JSON.stringify(planRangeToUnits(runPlanRange(input)))));
    for (const m of body.months)
      expect(m.total.low <= m.total.expected && m.total.expected <= m.total.high).toBe(true);
    expect(body.years[0].payroll.low).toBe(296666.66);
  });
  it("min above max is a 422 naming slipMonths; a slip of 99 is a 400", async () => {
    expect(
      (await problem(await post("/v1/plan/range", { ...year1, slipMonths: [2, 1] }), 422)).field,
    ).toBe("slipMonths");
    expect(
      (await problem(await post("/v1/plan/range", { ...year1, slipMonths: 99 }), 400)).field,
    ).toBe("slipMonths");
  });
});

describe("POST /v1/plan/compare", () => {
  const base = {
    horizonMonths: 24,
    benefitsRate: 0.25,
    hires: [
      { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1 },
      { role: "Data Scientist", level: "Mid", startMonth: 3 },
    ],
  };
  const scenarios = [
    { name: "Hire later", overrides: { startMonthShift: 3 } },
    { name: "Pay more", overrides: { salaryChange: 0.1 } },
  ];
  it("answers base and scenarios per year with differences, equal to the core", async () => {
    const body = await okJson(await post("/v1/plan/compare", { base, scenarios }));
    expect(body.scenarios.map((s: { name: string }) => s.name)).toEqual([
      "Base",
      "Hire later",
      "Pay more",
    ]);
    expect(body).toEqual(
      JSON.parse(JSON.stringify(comparisonToUnits(comparePlans(base, scenarios)))),
    );
    const later = body.scenarios[1];
    expect(later.differences.years[0].total).toBeCloseTo(
      later.years[0].total - body.scenarios[0].years[0].total,
      2,
    );
  });
  it("duplicate scenario names are a 422 naming the scenario; an unknown override is a 400", async () => {
    expect(
      (
        await problem(
          await post("/v1/plan/compare", { base, scenarios: [{ name: "A" }, { name: "A" }] }),
          422,
        )
      ).field,
    ).toBe("scenarios[1].name");
    expect(
      (
        await problem(
          await post("/v1/plan/compare", {
            base,
            scenarios: [{ name: "A", overrides: { bonus: 1 } }],
          }),
          400,
        )
      ).field,
    ).toContain("scenarios[0].overrides");
  });
});
