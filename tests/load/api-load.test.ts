// A short bounded load test in CI: the real `npm start` worker (wrangler dev → workerd, a fresh
// local D1) on 127.0.0.1, about 3 s of concurrent GET /v1/salary, POST /v1/batch and POST /v1/plan
// from autocannon. Asserts no connection error, no timeout, no non-2xx answer, and that every
// answer under load is still the right one (checked against the core). No timing assertions:
// how fast is `npm run bench`'s business.
import autocannon, { type AutocannonResult } from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalWorker, type LocalWorker } from "../support/local-worker.js";
import {
  invokeFunction,
  planTemplate,
  planToUnits,
  runPlan,
  salaryRange,
  toUnits,
} from "../../shared/index.js";

const CONNECTIONS = 4;
const SECONDS = 3;

let worker: LocalWorker | undefined;

beforeAll(async () => {
  // wrangler.toml allows 120 anonymous calls a minute per address; a load test makes thousands.
  worker = await startLocalWorker({
    extraVars: {
      RATE_LIMIT_PER_MINUTE: "100000000",
      ANON_RATE_LIMIT_PER_MINUTE: "100000000",
      SHARE_RATE_LIMIT_PER_MINUTE: "100000000",
    },
  });
}, 150_000);

afterAll(async () => {
  await worker?.stop();
}, 30_000);

interface Tally {
  responses: number;
  wrong: string[];
}

function run(options: Parameters<typeof autocannon>[0]): Promise<AutocannonResult> {
  return new Promise((resolve, reject) =>
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

describe("load: concurrent requests to the local worker", () => {
  it(`${CONNECTIONS} connections for ${SECONDS} s on /v1/salary, /v1/batch and POST /v1/plan: no errors, every answer right`, async () => {
    const salary = salaryRange({ role: "ML Engineer", level: "Mid", location: "Austin" });
    const calls = [
      { fn: "AI_SALARY", args: ["ML Engineer", "Mid", "Austin"] },
      { fn: "AI_SALARY_RANGE", args: ["Data Scientist", "Senior", "NYC"] },
      { fn: "AI_TEAM", args: [12] },
      { fn: "AI_SALARY", args: [[["ML Engineer"], ["Data Scientist"], ["ML Enginer"]], "Mid"] },
      { fn: "AI_SALARY", args: ["Nope", "Mid"] },
    ];
    const batchExpected = calls.map((c) => {
      try {
        return { value: invokeFunction(c.fn, c.args as never) };
      } catch (e) {
        return { code: (e as { code: string }).code };
      }
    });
    const planInput = planTemplate("year-2-scale-out").input;
    const plan = planToUnits(runPlan(planInput));

    const tallies: Record<string, Tally> = {
      salary: { responses: 0, wrong: [] },
      batch: { responses: 0, wrong: [] },
      plan: { responses: 0, wrong: [] },
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each check reads its own body shape
    const check = (name: string, ok: (body: any) => boolean) => (status: number, body: string) => {
      const t = tallies[name]!;
      t.responses++;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      if (status !== 200 || !ok(parsed)) t.wrong.push(`${status} ${body.slice(0, 300)}`);
    };

    const result = await run({
      url: worker!.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: "GET",
          path: "/v1/salary?role=ML%20Engineer&level=Mid&location=Austin",
          onResponse: check(
            "salary",
            (b) =>
              b.role === "ML Engineer" &&
              b.location === salary.location &&
              b.low === toUnits(salary.low) &&
              b.mid === toUnits(salary.mid) &&
              b.high === toUnits(salary.high),
          ),
        },
        {
          method: "POST",
          path: "/v1/batch",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ calls }),
          onResponse: check(
            "batch",
            (b) =>
              Array.isArray(b.results) &&
              b.results.length === calls.length &&
              b.results.every((r: { value?: unknown; error?: { code: string } }, i: number) => {
                const want = batchExpected[i]!;
                return "value" in want
                  ? JSON.stringify(r.value) === JSON.stringify(want.value)
                  : r.error?.code === want.code;
              }),
          ),
        },
        {
          method: "POST",
          path: "/v1/plan",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(planInput),
          onResponse: check(
            "plan",
            (b) =>
              b.totals?.total === plan.totals.total &&
              b.months?.length === plan.months.length &&
              JSON.stringify(b.years) === JSON.stringify(plan.years),
          ),
        },
      ],
    });

    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result["2xx"]).toBe(result.requests.total);
    for (const [name, t] of Object.entries(tallies)) {
      expect(t.responses, `${name}: answered under load`).toBeGreaterThan(0);
      expect(t.wrong, `${name}: wrong answers under load`).toEqual([]);
    }
  }, 60_000);
});
