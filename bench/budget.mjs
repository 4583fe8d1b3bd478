// Work budget section: for every compute route and every stored-model read, the largest request
// the work budget accepts (the worst case an anonymous caller can send) and a few everyday ones,
// each timed against the worker `npm start` runs. Server time is the median round trip minus the
// median /health round trip, alternating; it includes parsing the body and carrying the answer
// over loopback through wrangler dev's proxy, so it is an upper bound of the CPU time the same
// request costs on Cloudflare. The stated figure: the worst accepted request of every route
// within 50 ms. Cloudflare's limits for comparison: Workers Free allows 10 ms of CPU per request,
// Workers Paid 30 s by default.
import { request } from "./lib/http.mjs";
import { median, round } from "./lib/stats.mjs";

export const WORST_CASE_TARGET_MS = 50;
export const FREE_PLAN_CPU_MS = 10;
const RUNS = 7;

/** Median server time of a request over RUNS runs, each beside a /health round trip. */
async function time(worker, make, check) {
  const ms = [];
  const health = [];
  let last;
  for (let r = 0; r < RUNS + 1; r++) {
    const { method, path, body, headers } = await make(r);
    health.push((await request(worker.url, "GET", "/health")).ms);
    last = await request(worker.url, method, path, { body, headers });
    check(last);
    if (r > 0) ms.push(last.ms); // the first run warms the isolate
  }
  return {
    serverMs: round(Math.max(0, median(ms) - median(health.slice(1))), 2),
    roundTripMs: round(median(ms), 2),
    responseBytes: last.bytes,
    serverTiming: last.headers["server-timing"] ?? null,
  };
}

const ok = (status) => (res) => {
  if (res.status !== status)
    throw new Error(`bench: expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
};

export async function budgetSection(worker, core) {
  const auth = { Authorization: `Bearer ${worker.devKey}` };
  // The same largest requests the fuzz test sends (tests/support/largest-requests.ts).
  const { scenarios, rows, bodies } = core.largestRequests();
  const hires = core.heavyHires;
  const largest = (_core, cost) => core.largestWithin(cost);
  const units = {
    plan: core.planWork(bodies.plan).units,
    range: core.planRangeWork(bodies.range).units,
    rangeCalendar: core.planRangeWork(bodies.rangeCalendar).units,
    compare: core.comparisonWork(bodies.compare.base, scenarios).units,
    model: core.modelWork(bodies.model).units,
    hireVsUpskill: core.hireVsUpskillWork().units,
  };

  // The heaviest model the budget lets anyone save, shared: its page and result, cold and warm.
  const created = await request(worker.url, "POST", "/v1/models", {
    headers: auth,
    body: { name: "bench: heaviest accepted model", input: bodies.model },
  });
  ok(201)(created);
  const modelId = created.body.id;
  const share = await request(worker.url, "POST", `/v1/models/${modelId}/shares`, {
    headers: auth,
    body: {},
  });
  ok(201)(share);
  const token = share.body.token;
  let version = 1;
  /** A new version of the heavy model before each run, so every view is a cold one. */
  const freshVersion = async () => {
    const saved = await request(worker.url, "PUT", `/v1/models/${modelId}`, {
      headers: { ...auth, "If-Match": `"v${version}"` },
      body: { input: { ...bodies.model, benefitsRate: (version % 50) / 100 } },
    });
    ok(200)(saved);
    version = saved.body.version;
  };

  const worst = [];
  const add = async (route, request_, unitsOf, make, check = ok(200)) =>
    worst.push({ route, request: request_, units: unitsOf, ...(await time(worker, make, check)) });
  await add("POST /v1/plan", `${rows.plan} hire rows × 120 months`, units.plan, () => ({
    method: "POST",
    path: "/v1/plan",
    body: bodies.plan,
  }));
  await add(
    "POST /v1/plan/range",
    `${rows.range} hire rows × 120 months, slip 0–24 (25 starts)`,
    units.range,
    () => ({ method: "POST", path: "/v1/plan/range", body: bodies.range }),
  );
  await add(
    "POST /v1/plan/range",
    `${rows.rangeCalendar} hire rows × 120 months, slip 0–24, a merit month (a curve per start), bonus, equity, attrition`,
    units.rangeCalendar,
    () => ({ method: "POST", path: "/v1/plan/range", body: bodies.rangeCalendar }),
  );
  await add(
    "POST /v1/plan/compare",
    `${rows.compare} hire rows × 120 months, ${scenarios.length} scenarios with slip 0–24 and a salary change`,
    units.compare,
    () => ({ method: "POST", path: "/v1/plan/compare", body: bodies.compare }),
  );
  // Catalogue calls: each is priced from its typed arguments, a batch as the sum of its calls.
  const sheetHires = (n) => [
    ["Role", "Level", "Location", "Start month", "Count"],
    ...hires(n).map((h) => [h.role, h.level, h.location ?? "", h.startMonth, h.count]),
  ];
  const slipBlock = [
    ["Horizon months", 120],
    ["Slip months", "0-24"],
  ];
  const rangeCall = { fn: "AI_PLAN_RANGE", args: [sheetHires(20), slipBlock, "years"] };
  const rangeCallUnits = core.prepareCall(rangeCall.fn, rangeCall.args).work.units;
  const rangeCalls = Math.floor(core.WORK_BUDGET / rangeCallUnits);
  // Names of every kind: seed cells, derived ones, a NO_DATA answer and an alias.
  const lookups = Array.from(
    { length: Math.floor(core.WORK_BUDGET / core.WORK_COSTS.lookup) },
    (_, i) => ({
      fn: "AI_SALARY",
      args: [
        ["ML Engineer", "Data Scientist", "AI PM", "MLOps Engineer"][i % 4],
        ["Entry", "Mid", "Senior"][i % 3],
        ["Austin", "SF", "NYC", "Remote", ""][i % 5],
      ],
    }),
  );
  const cells = Math.floor(core.WORK_BUDGET / core.WORK_COSTS.lookup);
  const column = (values) => Array.from({ length: cells }, (_, i) => [values[i % values.length]]);
  const mapped = [column(["ML Engineer", "Data Scientist", "MLE"]), column(["Mid", "Senior", 4])];
  const functionRows = largest(
    core,
    (n) => core.prepareCall("AI_PLAN_RANGE", [sheetHires(n), slipBlock]).work.units,
  );
  await add(
    "POST /v1/batch",
    `${rangeCalls} AI_PLAN_RANGE calls of 20 hire rows × 120 months, slip 0–24`,
    rangeCalls * rangeCallUnits,
    () => ({
      method: "POST",
      path: "/v1/batch",
      body: { calls: Array(rangeCalls).fill(rangeCall) },
    }),
  );
  await add(
    "POST /v1/batch",
    `${lookups.length.toLocaleString("en-US")} AI_SALARY calls (as many as the budget takes)`,
    lookups.length * core.WORK_COSTS.lookup,
    () => ({ method: "POST", path: "/v1/batch", body: { calls: lookups } }),
  );
  await add(
    "POST /v1/functions/AI_SALARY",
    `one call mapped over ${cells.toLocaleString("en-US")} cells`,
    cells * core.WORK_COSTS.lookup,
    () => ({ method: "POST", path: "/v1/functions/AI_SALARY", body: { args: mapped } }),
  );
  await add(
    "POST /v1/functions/AI_PLAN_RANGE",
    `${functionRows} hire rows × 120 months, slip 0–24`,
    core.prepareCall("AI_PLAN_RANGE", [sheetHires(functionRows), slipBlock]).work.units,
    () => ({
      method: "POST",
      path: "/v1/functions/AI_PLAN_RANGE",
      body: { args: [sheetHires(functionRows), slipBlock] },
    }),
  );
  await add(
    "POST /v1/scenarios/hire-vs-upskill",
    "every option at its limit, 120 months",
    units.hireVsUpskill,
    () => ({
      method: "POST",
      path: "/v1/scenarios/hire-vs-upskill",
      body: bodies.hireVsUpskill,
    }),
  );
  await add(
    "POST /v1/models (save)",
    `${rows.model} hire rows × 120 months + ${scenarios.length} scenarios (checked and costed at save)`,
    units.model,
    () => ({
      method: "POST",
      path: "/v1/models",
      body: { name: "bench: save", input: bodies.model },
      headers: auth,
    }),
    ok(201),
  );
  await add(
    "GET /s/{token} (cold: new version)",
    `the page of that model: plan, comparison, scenario lines`,
    units.model,
    async () => {
      await freshVersion();
      return { method: "GET", path: `/s/${token}` };
    },
  );
  await add("GET /s/{token} (warm)", "the same page again: a cache lookup", 0, () => ({
    method: "GET",
    path: `/s/${token}`,
  }));
  await add(
    "GET /v1/shared/{token}/result.csv (cold)",
    "the months table of that model's new version",
    core.planWork(bodies.model).units,
    async () => {
      await freshVersion();
      return { method: "GET", path: `/v1/shared/${token}/result.csv` };
    },
  );

  // Everyday requests: do they fit the Free plan's 10 ms?
  const template = await request(worker.url, "GET", "/v1/plan/templates/year-1-build-out");
  ok(200)(template);
  const seedPlan = template.body.input;
  const everyday = [];
  const day = async (route, what, make, check = ok(200)) =>
    everyday.push({ route, request: what, ...(await time(worker, make, check)) });
  await day("GET /v1/salary", "ML Engineer, Mid, Austin", () => ({
    method: "GET",
    path: "/v1/salary?role=ML%20Engineer&level=Mid&location=Austin",
  }));
  await day("POST /v1/plan", "the seed's year-1 build-out", () => ({
    method: "POST",
    path: "/v1/plan",
    body: seedPlan,
  }));
  await day("POST /v1/plan/range", "the year-1 build-out, every hire 0–2 months late", () => ({
    method: "POST",
    path: "/v1/plan/range",
    body: { ...seedPlan, slipMonths: [0, 2] },
  }));
  await day("POST /v1/plan/compare", "the year-1 build-out and 2 scenarios", () => ({
    method: "POST",
    path: "/v1/plan/compare",
    body: {
      base: seedPlan,
      scenarios: [
        { name: "Hire later", overrides: { startMonthShift: 3 } },
        { name: "Pay more", overrides: { salaryChange: 0.1 } },
      ],
    },
  }));
  await day("POST /v1/batch", "100 AI_SALARY calls", () => ({
    method: "POST",
    path: "/v1/batch",
    body: {
      calls: Array.from({ length: 100 }, () => ({
        fn: "AI_SALARY",
        args: ["ML Engineer", "Mid", "Austin"],
      })),
    },
  }));

  return {
    budget: core.WORK_BUDGET,
    targetMs: WORST_CASE_TARGET_MS,
    freePlanMs: FREE_PLAN_CPU_MS,
    runs: RUNS,
    method:
      "median round trip minus median /health round trip over the same runs (first run dropped), loopback through wrangler dev: an upper bound of the request's CPU time",
    worst,
    everyday,
  };
}
