// Finding 1 and 2 as the attack: requests whose work has no bound. Each compute route and each
// model save is costed from the raw input and refused over the budget before anything is computed
// (422 TOO_MUCH_WORK naming the cost, the budget and how to split); meanwhile /health answers.
import { describe, expect, it } from "vitest";
import {
  comparisonWork,
  modelWork,
  planRangeWork,
  planWork,
  WORK_BUDGET,
  WORK_COSTS,
} from "../../shared/index.js";
import { api, jsonOf, problemOf, workspaceWithKeys } from "./support/workspace.js";

const hires = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    role: i % 2 ? "ML Engineer" : "Data Scientist",
    level: "Mid",
    startMonth: 1 + (i % 120),
  }));

/** The largest row count of this shape whose estimate fits the budget. */
function largestFitting(cost: (rows: number) => number): number {
  let lo = 0;
  let hi = 5000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost(mid) <= WORK_BUDGET) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

describe("finding 1: one anonymous request could take the worker away from everyone", () => {
  const heavyRange = { horizonMonths: 120, slipMonths: 24, hires: hires(1000) };

  it("1,000 hires × 120 months × 25 starts is refused before computing, while /health answers", async () => {
    const [range, health] = await Promise.all([
      api("/v1/plan/range", { body: heavyRange }),
      api("/health"),
    ]);
    const p = await problemOf(range, 422);
    const units = planRangeWork(heavyRange).units;
    expect(p).toMatchObject({
      code: "TOO_MUCH_WORK",
      field: "hires",
      work: { units, budget: WORK_BUDGET },
    });
    expect(p.detail).toContain(`costs ${units.toLocaleString("en-US")} work units`);
    expect(p.detail).toMatch(/send at most [\d,]+ hire rows per request/);
    expect((await jsonOf(health, 200)).status).toBe("ok");
  });

  it("the advised split is accepted: that many rows of the same range answer 200", async () => {
    const p = await problemOf(await api("/v1/plan/range", { body: heavyRange }), 422);
    const rows = Number(/at most ([\d,]+) hire rows/.exec(p.detail)![1]!.replace(/,/g, ""));
    const part = { ...heavyRange, hires: hires(rows) };
    const [range, health] = await Promise.all([
      api("/v1/plan/range", { body: part }),
      api("/health"),
    ]);
    const body = await jsonOf(range, 200);
    expect(body.months).toHaveLength(120);
    expect(body.totals.total.low).toBeLessThan(body.totals.total.high);
    expect(health.status).toBe(200);
  });

  it("a plan of 5,000 rows × 120 months is over budget; the largest that fits is answered", async () => {
    const big = { horizonMonths: 120, hires: hires(5000) };
    expect((await problemOf(await api("/v1/plan", { body: big }), 422)).code).toBe("TOO_MUCH_WORK");
    const rows = largestFitting((n) => planWork({ horizonMonths: 120, hires: hires(n) }).units);
    expect(rows).toBeGreaterThan(1000);
    const body = await jsonOf(
      await api("/v1/plan", { body: { horizonMonths: 120, hires: hires(rows) } }),
      200,
    );
    expect(body.hires).toHaveLength(rows);
  });

  it("ten 24-month slip scenarios of a big base are refused; the problem says how many would fit", async () => {
    const base = { horizonMonths: 120, hires: hires(60) };
    const scenarios = Array.from({ length: 10 }, (_, i) => ({
      name: `late ${i}`,
      overrides: { slipMonths: 24 },
    }));
    const p = await problemOf(await api("/v1/plan/compare", { body: { base, scenarios } }), 422);
    expect(p).toMatchObject({
      code: "TOO_MUCH_WORK",
      field: "scenarios",
      work: { units: comparisonWork(base, scenarios).units, budget: WORK_BUDGET },
    });
    const fit = Number(/compare at most (\d+) of these scenarios/.exec(p.detail)![1]);
    expect(comparisonWork(base, scenarios.slice(0, fit)).units).toBeLessThanOrEqual(WORK_BUDGET);
    const ok = await jsonOf(
      await api("/v1/plan/compare", { body: { base, scenarios: scenarios.slice(0, fit) } }),
      200,
    );
    expect(ok.scenarios).toHaveLength(fit + 1);
  });

  it("junk in a slip is costed as no slip and refused by validation, not by the budget", async () => {
    const p = await problemOf(
      await api("/v1/plan/range", { body: { slipMonths: "24", hires: hires(1000) } }),
      400,
    );
    expect(p.field).toBe("slipMonths");
  });
});

describe("finding 2: a stored model made its public page expensive", () => {
  const base = { horizonMonths: 120, hires: hires(40) };
  const scenarios = Array.from({ length: 10 }, (_, i) => ({
    name: `slip ${i}`,
    overrides: { slipMonths: 24 },
  }));

  it("a model with ten 24-month slip scenarios over the budget is refused at save: nothing is stored", async () => {
    const ws = await workspaceWithKeys("heavy-model");
    const input = { ...base, scenarios };
    expect(modelWork(input).units).toBeGreaterThan(WORK_BUDGET);
    const p = await problemOf(
      await api("/v1/models", { key: ws.write, body: { name: "heavy", input } }),
      422,
    );
    expect(p).toMatchObject({
      code: "TOO_MUCH_WORK",
      field: "input.scenarios",
      work: { units: modelWork(input).units, budget: WORK_BUDGET },
    });
    const list = await jsonOf(await api("/v1/models", { key: ws.read }), 200);
    expect(list.models).toEqual([]);
  });

  it("scenarios are checked at save like the plan: a bad override is a 422 naming it", async () => {
    const ws = await workspaceWithKeys("bad-scenario");
    const p = await problemOf(
      await api("/v1/models", {
        key: ws.write,
        body: {
          name: "typo",
          input: {
            ...planBase(),
            scenarios: [{ name: "x", overrides: { hires: [{ index: 7, startMonth: 2 }] } }],
          },
        },
      }),
      422,
    );
    expect(p.field).toBe("input.scenarios[0].overrides.hires");
    expect(p.detail).toContain("no hire at index 7");
  });

  it("the scenario-heavy page that fits is served, then served again from the cache at the same version", async () => {
    const ws = await workspaceWithKeys("page-model");
    const input = { ...planBase(), scenarios: scenarios.slice(0, 3) };
    const created = await jsonOf(
      await api("/v1/models", { key: ws.write, body: { name: "scenarios", input } }),
      201,
    );
    const share = await jsonOf(
      await api(`/v1/models/${created.id}/shares`, { key: ws.write, body: {} }),
      201,
    );
    const first = await api(`/s/${share.token}`);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('id="table-scenarios"');
    const second = await api(`/s/${share.token}`);
    expect(await second.text()).toBe(html);
  });
});

function planBase() {
  return {
    horizonMonths: 24,
    benefitsRate: 0.25,
    hires: [
      { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1 },
      { role: "Data Scientist", level: "Mid", startMonth: 3 },
    ],
  };
}

/** A hires table as a sheet passes it: a header row, then one row per hire. */
const hiresTable = (n: number) => [
  ["Role", "Level", "Start month"],
  ...hires(n).map((h) => [h.role, h.level, h.startMonth]),
];
const rangeAssumptions = [
  ["Horizon months", 120],
  ["Slip months", "0-24"],
];

describe("finding 1: a batch had no cost budget", () => {
  it("200 heavy AI_PLAN_RANGE calls are refused whole before any runs, naming the heaviest; /health answers", async () => {
    // Each call alone fits (a few rows); together they are far over the budget.
    const call = { fn: "AI_PLAN_RANGE", args: [hiresTable(20), rangeAssumptions, "years"] };
    const [batch, health] = await Promise.all([
      api("/v1/batch", { body: { calls: Array.from({ length: 200 }, () => call) } }),
      api("/health"),
    ]);
    const p = await problemOf(batch, 422);
    const perCall = planRangeWork({
      horizonMonths: 120,
      slipMonths: [0, 24],
      hires: hires(20),
    }).units;
    expect(p).toMatchObject({
      code: "TOO_MUCH_WORK",
      field: "calls",
      work: { units: 200 * perCall, budget: WORK_BUDGET },
    });
    expect(p.detail).toContain("a batch of 200 calls");
    expect(p.detail).toContain(`costs ${perCall.toLocaleString("en-US")} units`);
    expect(p.detail).toMatch(/send these calls in \d+ or more batches/);
    expect((await jsonOf(health, 200)).status).toBe("ok");
  });

  it("the same calls within the budget run, and a bad call still fails only itself", async () => {
    const call = { fn: "AI_PLAN_RANGE", args: [hiresTable(20), rangeAssumptions, "years"] };
    const perCall = planRangeWork({
      horizonMonths: 120,
      slipMonths: [0, 24],
      hires: hires(20),
    }).units;
    const fitting = Math.floor(WORK_BUDGET / perCall);
    const calls = [...Array.from({ length: fitting }, () => call), { fn: "AI_SALRY", args: [] }];
    const body = await jsonOf(await api("/v1/batch", { body: { calls } }), 200);
    expect(body.results).toHaveLength(fitting + 1);
    expect(body.results[0].value[0][0]).toBe("Year");
    expect(body.results.at(-1).error.code).toBe("UNKNOWN_FUNCTION");
  });

  it("one call over the budget on its own is named, with its own advice", async () => {
    const heavy = { fn: "AI_PLAN_RANGE", args: [hiresTable(1000), rangeAssumptions] };
    const p = await problemOf(
      await api("/v1/batch", { body: { calls: [{ fn: "AI_TEAM", args: [12] }, heavy] } }),
      422,
    );
    expect(p.code).toBe("TOO_MUCH_WORK");
    expect(p.field).toBe("calls[1]");
    expect(p.detail).toContain("calls[1] alone is over the budget");
    expect(p.detail).toMatch(/send at most [\d,]+ hire rows per request/);
  });

  it("POST /v1/functions/{name} refuses an over-budget call before computing, even one whose rows are invalid", async () => {
    // Unknown roles in every row: computing would fail with UNKNOWN_ROLE; refusal comes first.
    const table = [["Role", "Level", "Start month"], ...hires(1000).map(() => ["Nope", "Mid", 1])];
    const p = await problemOf(
      await api("/v1/functions/AI_PLAN_RANGE", { body: { args: [table, rangeAssumptions] } }),
      422,
    );
    expect(p.code).toBe("TOO_MUCH_WORK");
    expect(p.work).toEqual({
      units: planRangeWork({ horizonMonths: 120, slipMonths: [0, 24], hires: hires(1000) }).units,
      budget: WORK_BUDGET,
    });
  });

  it("a ranged lookup is priced per non-blank cell: within the budget it maps, past it it is refused", async () => {
    const cells = (n: number) => Array.from({ length: n }, () => ["ML Engineer"]);
    const level = (n: number) => Array.from({ length: n }, () => ["Mid"]);
    const fits = Math.floor(WORK_BUDGET / WORK_COSTS.lookup);
    // Blank rows (the unused tail of A2:A) cost nothing.
    const withTail = [...cells(fits), ...Array.from({ length: 500 }, () => [""])];
    const ok = await jsonOf(
      await api("/v1/functions/AI_SALARY", {
        body: { args: [withTail, [...level(fits), ...Array.from({ length: 500 }, () => [""])]] },
      }),
      200,
    );
    expect(ok.value).toHaveLength(fits + 500);
    expect(ok.value[0][0]).toBe(165000);
    const p = await problemOf(
      await api("/v1/functions/AI_SALARY", { body: { args: [cells(fits + 1), level(fits + 1)] } }),
      422,
    );
    expect(p.code).toBe("TOO_MUCH_WORK");
    expect(p.detail).toContain(`AI_SALARY over ${(fits + 1).toLocaleString("en-US")} cells`);
  });
});
