import { describe, expect, it } from "vitest";
import { planTemplate, planToUnits, runPlan } from "../../shared/index.js";
import { get, okJson, post, problem } from "./api-client.js";

describe("GET /v1/team", () => {
  it("recommends the team the seed's ratios call for", async () => {
    const team = await okJson(await get("/v1/team?projects=12"));
    expect(team).toMatchObject({
      projects: 12,
      projectsPerEngineer: 3,
      engineers: 4,
      dataPeople: 2,
      productManagers: 0,
      managers: 1,
      total: 7,
    });
    expect(team.rules.map((r: { formula: string }) => r.formula)).toEqual([
      "ceil(12 projects ÷ 3)",
      "floor(4 engineers ÷ 2)",
      "floor(4 engineers ÷ 5)",
      "6 people ≥ 6 ? 1 : 0",
    ]);
    expect(await okJson(await get("/v1/team?projects=12&projectsPerEngineer=4"))).toMatchObject({
      engineers: 3,
      dataPeople: 1,
      productManagers: 0,
      managers: 0,
      total: 4,
    });
  });

  it("is 400 naming the parameter for a missing, non-numeric or out-of-range count", async () => {
    expect(await problem(await get("/v1/team"), 400)).toMatchObject({ field: "projects" });
    expect((await problem(await get("/v1/team?projects=twelve"), 400)).detail).toBe(
      "Invalid query parameter projects: must be a whole number from 0 to 1000000",
    );
    expect((await problem(await get("/v1/team?projects=-1"), 400)).detail).toBe(
      "Invalid query parameter projects: must be at least 0",
    );
    expect(
      await problem(await get("/v1/team?projects=12&projectsPerEngineer=5"), 400),
    ).toMatchObject({ field: "projectsPerEngineer" });
  });
});

describe("POST /v1/plan", () => {
  it("costs the seed's year-1 build-out: $440K run-rate, exact cents, no arithmetic of the API's own", async () => {
    const input = planTemplate("year-1-build-out").input;
    const plan = await okJson(await post("/v1/plan", input));
    // Every cost line is in the answer; the build-out uses none of the ones finance plans add.
    const unused = { taxes: 0, bonus: 0, equity: 0, contractors: 0, backfill: 0 };
    expect(plan.costLines).toEqual(["payroll", "benefits", "recruiting", "upskilling"]);
    expect(plan.totals).toEqual({
      payroll: 369999.99,
      benefits: 0,
      recruiting: 30000,
      upskilling: 0,
      total: 399999.99,
      ...unused,
    });
    expect(plan.years).toEqual([
      {
        year: 1,
        label: "Year 1",
        months: 12,
        payroll: 369999.99,
        benefits: 0,
        recruiting: 30000,
        upskilling: 0,
        total: 399999.99,
        endHeadcount: 3,
        endFte: 3,
        runRate: 440000,
        ...unused,
      },
    ]);
    expect(plan.months[0]).toEqual({
      month: 1,
      label: "Month 1",
      headcount: 1,
      fte: 1,
      payroll: 13333.33,
      benefits: 0,
      recruiting: 10000,
      upskilling: 0,
      total: 23333.33,
      cumulative: 23333.33,
      ...unused,
    });
    // The answer is the core's, converted to units by the core: nothing added, nothing rounded.
    expect(plan).toEqual(planToUnits(runPlan(input)));
  });

  it("prices hires from the salary data, benefits and raises as asked, with calendar labels", async () => {
    const plan = await okJson(
      await post("/v1/plan", {
        horizonMonths: 24,
        benefitsRate: 0.25,
        annualRaise: 0.03,
        startDate: "2027-01",
        hires: [
          { role: "MLE", level: "Mid", location: "Austin", startMonth: 1 },
          { role: "Data Scientist", level: "Mid", startMonth: 3, count: 2, channel: "referral" },
        ],
        upskilling: [{ path: "Engineer → AI Engineer", people: 2, startMonth: 7 }],
      }),
    );
    expect(plan.hires[0]).toMatchObject({
      role: "ML Engineer",
      location: "Austin, TX",
      annualSalary: 170000,
      recruitingPerPerson: 10000,
    });
    expect(plan.hires[1]).toMatchObject({
      role: "Data Scientist",
      location: "US",
      count: 2,
      annualSalary: 155000,
      recruitingPerPerson: 6500,
    });
    expect(plan.upskilling[0]).toMatchObject({
      path: "Engineers → AI Engineers",
      people: 2,
      costPerPerson: 15000,
    });
    expect(plan.months[0]).toMatchObject({
      label: "2027-01",
      payroll: 14166.66,
      benefits: 3541.67,
    });
    expect(plan.months[6].upskilling).toBe(30000);
    expect(plan.years[1].runRate).toBe(
      Math.round(170000 * 1.03 * 100) / 100 + (2 * Math.round(155000 * 1.03 * 100)) / 100,
    );
    expect(plan.warnings).toEqual([]);
  });

  it("warns in which months the team breaks a ratio rule", async () => {
    const plan = await okJson(
      await post("/v1/plan", {
        horizonMonths: 6,
        hires: [
          { role: "MLE", level: "Mid", startMonth: 1, count: 2 },
          { role: "DS", level: "Mid", startMonth: 4 },
        ],
      }),
    );
    expect(plan.warnings).toEqual([
      {
        code: "RATIO_DATA_PEOPLE",
        message:
          "One data person per 2 engineers: needs 1 data person(s), has 0 in month 1; broken in months 1–3.",
        months: [1, 2, 3],
        source: {
          file: "000_25832a8dc8d468ae.txt",
          title: "Hiring and Upskilling for AI",
          section: "Building Your Hiring Strategy › Phase 3: Build the Team (Month 6+)",
          quote: "One data person per 2 engineers",
        },
      },
    ]);
  });

  it("is 422 listing every problem at once, each naming its field", async () => {
    const p = await problem(
      await post("/v1/plan", {
        horizonMonths: 12,
        hires: [
          { role: "ML Enginer", level: "Mid", startMonth: 1 },
          { role: "MLE", level: "Mid", startMonth: 13 },
        ],
      }),
      422,
    );
    expect(p.code).toBe("INVALID_ARGUMENT");
    expect(p.problems?.map((x) => [x.code, x.field])).toEqual([
      ["UNKNOWN_ROLE", "hires[0].role"],
      ["INVALID_ARGUMENT", "hires[1].startMonth"],
    ]);
    expect(p.problems?.[0]?.suggestions[0]).toBe("ML Engineer");
  });

  it("is 400 naming the field for a wrong type or a misspelt field", async () => {
    const type = await problem(
      await post("/v1/plan", { hires: [{ role: "MLE", level: "Mid", startMonth: "soon" }] }),
      400,
    );
    expect(type.field).toBe("hires[0].startMonth");
    const typo = await problem(
      await post("/v1/plan", {
        hires: [{ role: "MLE", level: "Mid", startmonth: 1, startMonth: 1 }],
      }),
      400,
    );
    expect(typo.field).toBe("hires[0].startmonth");
    expect(typo.detail).toMatch(/unrecognized "startmonth"/);
    const missing = await problem(await post("/v1/plan", {}), 400);
    expect(missing).toMatchObject({ field: "hires" });
  });

  it("is 404 NO_DATA when a hire's salary has no seed figure and none is given", async () => {
    const p = await problem(
      await post("/v1/plan", {
        hires: [{ role: "Prompt Engineering Manager", level: "Senior", startMonth: 1 }],
      }),
      404,
    );
    expect(p).toMatchObject({ code: "NO_DATA", field: "hires[0].salary" });
    expect(p.detail).toMatch(/Give this hire a salary\.$/);
  });

  it("takes every assumption of the table in its own shape: payroll tax as { rate, wageBase }, fiscal year start as a calendar month", async () => {
    const input = {
      horizonMonths: 12,
      startDate: "2027-01",
      fiscalYearStart: 7,
      payrollTax: { rate: 0.062, wageBase: 168600 },
      hires: [{ role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1 }],
    };
    const plan = await okJson(await post("/v1/plan", input));
    expect(plan).toEqual(planToUnits(runPlan(input)));
    expect(plan.assumptions.payrollTax).toEqual({ rate: 0.062, wageBase: 168600 });
    expect(plan.totals.taxes).toBeGreaterThan(0);

    const percent = await problem(
      await post("/v1/plan", { ...input, payrollTax: { rate: 6.2 } }),
      400,
    );
    expect(percent.field).toBe("payrollTax.rate");
    expect(percent.detail).toContain("did you mean 0.062 (6.2%)?");
    const month = await problem(await post("/v1/plan", { ...input, fiscalYearStart: 13 }), 400);
    expect(month.field).toBe("fiscalYearStart");
    expect(month.detail).toContain("must be from 1 to 12");
  });
});

describe("POST /v1/functions/{name}", () => {
  it("calls a catalogue function exactly as a sheet would", async () => {
    expect(
      await okJson(
        await post("/v1/functions/AI_SALARY", { args: ["ML Engineer", "Mid", "Austin"] }),
      ),
    ).toEqual({ value: 170000 });
    expect(
      await okJson(
        await post("/v1/functions/salary_range", { args: ["ML Engineer", "Mid", "Austin"] }),
      ),
    ).toEqual({ value: [[140000, 170000, 200000]] });
    expect(await okJson(await post("/v1/functions/AI_TEAM", { args: [12] }))).toEqual({
      value: [
        ["Role", "Count"],
        ["Engineers", 4],
        ["Data people", 2],
        ["Product managers", 0],
        ["Managers", 1],
        ["Total", 7],
      ],
    });
    expect(await okJson(await post("/v1/functions/AI_DATASET_VERSION", {}))).toEqual({
      value: expect.stringMatching(/^2026\.1\.0 \([0-9a-f]{16}\)$/),
    });
  });

  it("maps a range over a per-cell argument; a bad cell becomes an error value in its place", async () => {
    const { value } = await okJson(
      await post("/v1/functions/AI_SALARY", {
        args: [[["ML Engineer"], ["Nope"], ["Data Scientist"]], "Mid"],
      }),
    );
    expect(value).toEqual([
      [165000],
      ['Error: Unknown role "Nope". Did you mean "NLP Engineer"?'],
      [155000],
    ]);
  });

  it("is 404 with suggestions for an unknown function, 422 for bad arguments", async () => {
    const unknown = await problem(await post("/v1/functions/AI_SALARYY", { args: [] }), 404);
    expect(unknown).toMatchObject({
      code: "UNKNOWN_FUNCTION",
      field: "name",
      suggestions: ["AI_SALARY", "AI_SALARY_RANGE", "AI_SALARY_SOURCE"],
    });
    expect(
      await problem(await post("/v1/functions/AI_SALARY", { args: ["Nope", "Mid"] }), 422),
    ).toMatchObject({ code: "UNKNOWN_ROLE", field: "role" });
    expect(await problem(await post("/v1/functions/AI_SALARY", { args: [] }), 422)).toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "role",
    });
    expect(await problem(await post("/v1/functions/AI_LEVELS", { args: [1] }), 422)).toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "args",
    });
    expect(
      await problem(await post("/v1/functions/AI_SALARY", { args: [{ role: "MLE" }] }), 400),
    ).toMatchObject({ field: "args[0]" });
  });
});

describe("POST /v1/batch", () => {
  it("answers every call in order; one bad call never fails the others", async () => {
    const { results } = await okJson(
      await post("/v1/batch", {
        calls: [
          { fn: "AI_SALARY", args: ["ML Engineer", "Mid", "Austin"] },
          { fn: "AI_SALARY", args: ["ML Engineeer", "Mid"] },
          { fn: "AI_NOPE" },
          { fn: "AI_SALARY", args: ["Prompt Engineer", "Senior"] },
          7,
          { fn: 5, args: [] },
          { fn: "AI_SALARY", args: [{}] },
          { fn: "AI_SALARY_RANGE", args: ["ML Engineer", "Senior", "SF"] },
          { fn: "AI_TEAM", args: [12] },
        ],
      }),
    );
    expect(results).toHaveLength(9);
    expect(results[0]).toEqual({ value: 170000 });
    expect(results[1].error).toMatchObject({
      code: "UNKNOWN_ROLE",
      field: "role",
      suggestions: ["ML Engineer", "Reinforcement Learning Engineer", "Computer Vision Engineer"],
    });
    expect(results[2].error).toMatchObject({ code: "UNKNOWN_FUNCTION", field: "fn" });
    expect(results[3].error).toMatchObject({
      code: "NO_DATA",
      field: "level",
      available: expect.arrayContaining(["base: Entry, Mid"]),
    });
    expect(results[4].error).toMatchObject({ code: "INVALID_ARGUMENT", field: "call" });
    expect(results[5].error).toMatchObject({ code: "INVALID_ARGUMENT", field: "fn" });
    expect(results[6].error).toMatchObject({ code: "INVALID_ARGUMENT", field: "args[0]" });
    expect(results[7]).toEqual({ value: [[290909, 349091, 407273]] });
    expect(results[8].value[1]).toEqual(["Engineers", 4]);
  });

  it("takes 5,000 calls and refuses 5,001 naming the field", async () => {
    const calls = Array.from({ length: 5000 }, (_, i) => ({ fn: "AI_RATIO", args: ["data", i] }));
    const { results } = await okJson(await post("/v1/batch", { calls }));
    expect(results).toHaveLength(5000);
    expect(results[4999]).toEqual({ value: 2499 });
    const p = await problem(
      await post("/v1/batch", { calls: [...calls, { fn: "AI_LEVELS" }] }),
      400,
    );
    expect(p.field).toBe("calls");
    expect(p.detail).toMatch(/at most 5000 calls/);
  });

  it("answers an empty batch with no results", async () => {
    expect(await okJson(await post("/v1/batch", { calls: [] }))).toEqual({ results: [] });
  });
});
