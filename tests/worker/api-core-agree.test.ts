// The API and the core agree on every generated input: fast-check builds salary queries, team
// sizes, small plans and batches of function calls; each goes to the worker as workerd serves it
// (exports.default.fetch) and to the core directly (shared/, imported here), and the answers must
// match field by field — errors included: the same code, message, field, suggestions and the
// status the API gives that code (NO_DATA 404, any other core error 422).
import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DATASET_VERSION,
  invokeFunction,
  isPlannerError,
  listLevels,
  listLocations,
  listRoles,
  PLAN_TEMPLATES,
  planToUnits,
  recommendTeam,
  runPlan,
  salaryRange,
  toUnits,
  UPSKILLING_PATHS,
  type PlannerError,
} from "../../shared/index.js";

const ORIGIN = "http://agree.test";

// The worker logs one JSON line per request; hundreds of them would bury the test output.
const consoleLog = console.log;
beforeEach(() => {
  console.log = () => {};
});
afterEach(() => {
  console.log = consoleLog;
});
// Each request to exports.default slows the pool's loopback a little within one test, so each
// property stays at a few dozen requests.
const RUNS = 40;

async function api(path: string, body?: unknown) {
  const res = await exports.default.fetch(
    new Request(
      ORIGIN + path,
      body === undefined
        ? undefined
        : {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body),
          },
    ),
  );
  return {
    status: res.status,
    contentType: res.headers.get("Content-Type") ?? "",
    body: (await res.json()) as Record<string, unknown>,
  };
}

type CoreAnswer = { ok: true; value: unknown } | { ok: false; error: PlannerError };

/** The core's answer as the API would carry it: through JSON, or the PlannerError it threw. */
function core(fn: () => unknown): CoreAnswer {
  try {
    return { ok: true, value: JSON.parse(JSON.stringify(fn())) };
  } catch (e) {
    if (!isPlannerError(e)) throw e;
    return { ok: false, error: e };
  }
}

/** A problem+json answer carries exactly the core's error. */
function expectSameError(res: Awaited<ReturnType<typeof api>>, error: PlannerError) {
  const j = error.toJSON();
  expect(res.status).toBe(error.code === "NO_DATA" ? 404 : 422);
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe(j.code);
  expect(res.body.detail).toBe(j.message);
  expect(res.body.field).toBe(j.field || undefined);
  expect(res.body.suggestions).toEqual(j.suggestions);
  if (j.available) expect(res.body.available).toEqual(j.available);
  expect(res.body.problems).toEqual(
    j.problems ? JSON.parse(JSON.stringify(j.problems)) : undefined,
  );
}

// ---- generators: real names, their aliases, case and spacing variants, near misses, junk ------
const roles = listRoles();
const roleNames = roles.flatMap((r) => [r.name, ...r.aliases]);
const levelNames = listLevels().flatMap((l) => [l.name, ...l.aliases]);
const locationNames = listLocations().flatMap((l) => [l.name, ...l.aliases]);
const pathNames = UPSKILLING_PATHS.flatMap((p) => [p.name, ...p.aliases]);

/** A known name as given (most often), or a variant a person might type, or a typo, or unrelated text. */
function nameLike(names: string[], knownWeight = 6) {
  const known = fc.constantFrom(...names);
  return fc.oneof(
    { weight: knownWeight, arbitrary: known },
    { weight: 1, arbitrary: known.map((s) => s.toUpperCase()) },
    { weight: 1, arbitrary: known.map((s) => `  ${s.toLowerCase()} `) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(known, fc.nat())
        .map(([s, i]) =>
          s.length > 2 ? s.slice(0, i % s.length) + s.slice((i % s.length) + 1) : s,
        ),
    },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  );
}
/** Usually nothing (the default), sometimes one of the given values. */
const mostlyAbsent = <T>(values: T[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...values) },
  );

// Cells the seeds answer, so that most generated queries get a figure rather than an error.
const answerable = roles
  .flatMap((r) =>
    listLevels().flatMap((l) =>
      listLocations().map((loc) => ({ role: r.name, level: l.name, location: loc.name })),
    ),
  )
  .filter((q) => {
    try {
      salaryRange(q);
      return true;
    } catch {
      return false;
    }
  });
const role = nameLike(roleNames);
const level = fc.oneof(
  { weight: 4, arbitrary: nameLike(levelNames) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 15 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("2.5", "1e1", "Principal") },
);
const location = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: nameLike(locationNames) },
);
const basis = mostlyAbsent(["base", "total", "market", "Total", "gross"]);
const currency = mostlyAbsent(["USD", "GBP", "usd", "EUR"]);
const salaryQuery = fc.oneof(
  { weight: 1, arbitrary: fc.record({ role, level, location, basis, currency }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...answerable), basis, currency)
      .map(([q, b, c]) => ({ ...q, basis: b, currency: c })),
  },
);

type Query = { role: string; level: string; location?: string; basis?: string; currency?: string };

function salaryBody(q: Query) {
  const r = salaryRange(q);
  return {
    role: r.role,
    level: r.level,
    location: r.location,
    basis: r.basis,
    currency: r.currency,
    low: toUnits(r.low),
    mid: toUnits(r.mid),
    high: toUnits(r.high),
    derived: r.derived,
    provenance: r.provenance,
    method: r.method,
    sources: r.sources,
    notes: r.notes,
    openEnded: r.openEnded,
    datasetVersion: DATASET_VERSION,
  };
}

describe("the API answers what the core answers", () => {
  it("GET /v1/salary: every generated role, level, location, basis and currency", async () => {
    await fc.assert(
      fc.asyncProperty(salaryQuery, async (q: Query) => {
        const params = new URLSearchParams(
          Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined),
        );
        const res = await api(`/v1/salary?${params}`);
        const want = core(() => salaryBody(q));
        if (want.ok) {
          expect(res.status).toBe(200);
          expect(res.body).toEqual(want.value);
        } else expectSameError(res, want.error);
      }),
      { numRuns: RUNS },
    );
  });

  it("GET /v1/team: every team size the API accepts, with 3 or 4 projects per engineer", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1_000_000 })),
        fc.option(fc.constantFrom(3, 4), { nil: undefined }),
        async (projects, ppe) => {
          const res = await api(
            `/v1/team?projects=${projects}${ppe === undefined ? "" : `&projectsPerEngineer=${ppe}`}`,
          );
          expect(res.status).toBe(200);
          expect(res.body).toEqual(JSON.parse(JSON.stringify(recommendTeam(projects, ppe))));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /v1/plan: small generated plans, valid or not (every problem reported as the core reports it)", async () => {
    // Mostly valid rows (so most plans run), with every kind of mistake now and then.
    const hire = fc.record(
      {
        role: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...answerable.map((q) => q.role)) },
          { weight: 1, arbitrary: role },
        ),
        level: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom("Entry", "Mid", "Senior", "Sr", 4) },
          { weight: 1, arbitrary: fc.oneof(nameLike(levelNames), fc.integer({ min: 0, max: 12 })) },
        ),
        location: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...answerable.map((q) => q.location)) },
          { weight: 1, arbitrary: nameLike(locationNames) },
        ),
        startMonth: fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 1, max: 24 }) },
          { weight: 1, arbitrary: fc.integer({ min: 25, max: 40 }) },
        ),
        count: fc.integer({ min: 1, max: 4 }),
        salary: fc.integer({ min: 0, max: 400_000 }),
        channel: fc.constantFrom(
          "referral",
          "recruiter",
          "job board",
          "Referrals",
          "carrier pigeon",
        ),
      },
      { requiredKeys: ["role", "level", "startMonth"] },
    );
    const upskilling = fc.record({
      path: nameLike(pathNames, 12),
      people: fc.integer({ min: 1, max: 5 }),
      startMonth: fc.integer({ min: 1, max: 24 }),
    });
    const plan = fc.record(
      {
        horizonMonths: fc.integer({ min: 12, max: 36 }),
        benefitsRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
        annualRaise: fc.double({ min: 0, max: 0.1, noNaN: true }),
        startDate: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom("2027-01", "2026-11") },
          { weight: 1, arbitrary: fc.constantFrom("2027-13", "next year") },
        ),
        hires: fc.array(hire, { maxLength: 4 }),
        upskilling: fc.array(upskilling, { maxLength: 2 }),
      },
      { requiredKeys: ["hires"] },
    );
    await fc.assert(
      fc.asyncProperty(plan, async (input) => {
        const res = await api("/v1/plan", input);
        const want = core(() => planToUnits(runPlan(input)));
        if (want.ok) {
          expect(res.status).toBe(200);
          expect(res.body).toEqual(want.value);
        } else expectSameError(res, want.error);
      }),
      { numRuns: RUNS },
    );
  });

  it("POST /v1/plan: the seed's build-out templates", async () => {
    for (const t of PLAN_TEMPLATES) {
      const res = await api("/v1/plan", t.input);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(JSON.parse(JSON.stringify(planToUnits(runPlan(t.input)))));
    }
  });

  it("POST /v1/batch: every call's value or error is invokeFunction's", async () => {
    const cell = fc.oneof(
      role,
      level,
      fc.integer({ min: -5, max: 300_000 }),
      fc.boolean(),
      fc.constant(null),
    );
    const call = fc.oneof(
      fc.tuple(role, level, location).map((args) => ({ fn: "AI_SALARY", args })),
      fc
        .constantFrom(...answerable)
        .map((q) => ({ fn: "AI_SALARY", args: [q.role, q.level, q.location] })),
      fc.tuple(role, level, location, basis).map((args) => ({ fn: "AI_SALARY_RANGE", args })),
      fc
        .tuple(fc.integer({ min: 240_000, max: 360_000 }), role, level)
        .map((args) => ({ fn: "AI_SALARY_POSITION", args })),
      fc.tuple(fc.integer({ min: 0, max: 80 })).map((args) => ({ fn: "AI_TEAM", args })),
      fc
        .tuple(fc.array(fc.tuple(role), { minLength: 2, maxLength: 5 }), level)
        .map((args) => ({ fn: "AI_SALARY", args })),
      fc
        .tuple(
          fc.constantFrom("AI_SALRY", "ai_salary", "salary", "NOPE"),
          fc.array(cell, { maxLength: 3 }),
        )
        .map(([fn, args]) => ({ fn, args })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 12 }), async (calls) => {
        const res = await api("/v1/batch", { calls });
        expect(res.status).toBe(200);
        const results = res.body.results as unknown[];
        expect(results).toHaveLength(calls.length);
        calls.forEach((c, i) => {
          const want = core(() => invokeFunction(c.fn, c.args as never));
          if (want.ok) expect(results[i]).toEqual({ value: want.value });
          else {
            const j = want.error.toJSON();
            expect(results[i]).toEqual({
              error: {
                code: j.code,
                message: j.message,
                ...(j.field ? { field: j.field } : {}),
                suggestions: j.suggestions,
                ...(j.available ? { available: j.available } : {}),
              },
            });
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});
