// API section: the worker `npm start` runs (wrangler dev → workerd, local D1), loopback only.
// Throughput and latency with autocannon for GET /v1/salary and POST /v1/plan (the seed's
// build-out) against GET /health of the same app, in the same run, alternating; then a
// 1,000-call POST /v1/batch timed against /health round trips.
import autocannon from "autocannon";
import { request } from "./lib/http.mjs";
import { median, round } from "./lib/stats.mjs";

export const SALARY_PATH = "/v1/salary?role=ML%20Engineer&level=Mid&location=Austin";
const LOAD = { connections: 10, seconds: 5, rounds: 3 };
const LATENCY = { connections: 1, seconds: 3, rounds: 3 };
const BATCH_ROUNDS = 25;

function load(url, { connections, seconds }, extra = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, ...extra }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
}

function summary(r) {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/** Runs each leg once per round, alternating, and reports per leg the medians over rounds (and every round). */
export async function alternateLoad(legs, shape) {
  const rounds = Object.fromEntries(Object.keys(legs).map((k) => [k, []]));
  for (const [, leg] of Object.entries(legs))
    await load(leg.url, { connections: shape.connections, seconds: 1 }, leg.extra); // warm-up
  for (let r = 0; r < shape.rounds; r++) {
    for (const [name, leg] of Object.entries(legs))
      rounds[name].push(summary(await load(leg.url, shape, leg.extra)));
  }
  const out = {};
  for (const [name, runs] of Object.entries(rounds)) {
    out[name] = {
      rps: round(median(runs.map((x) => x.rps)), 0),
      p50: median(runs.map((x) => x.p50)),
      p99: median(runs.map((x) => x.p99)),
      requests: runs.reduce((s, x) => s + x.requests, 0),
      non2xx: runs.reduce((s, x) => s + x.non2xx, 0),
      errors: runs.reduce((s, x) => s + x.errors, 0),
      rounds: runs,
    };
  }
  return out;
}

export async function apiSection(worker, { core, queries }) {
  // The plan body: the seed's build-out, as the API itself serves it.
  const template = await request(worker.url, "GET", "/v1/plan/templates/year-2-scale-out");
  if (template.status !== 200)
    throw new Error(`bench: GET /v1/plan/templates/year-2-scale-out answered ${template.status}`);
  const planBody = JSON.stringify(template.body.input);

  // Correct answers first: the load only counts if the routes answer what the core says.
  const salary = await request(worker.url, "GET", SALARY_PATH);
  const expected = core.salaryRange({ role: "ML Engineer", level: "Mid", location: "Austin" });
  if (salary.status !== 200 || salary.body.mid !== core.toUnits(expected.mid))
    throw new Error(`bench: /v1/salary answered ${salary.status} ${salary.text.slice(0, 200)}`);
  const plan = await request(worker.url, "POST", "/v1/plan", { body: planBody });
  const expectedPlan = core.planToUnits(core.runPlan(template.body.input));
  if (plan.status !== 200 || plan.body.totals.total !== expectedPlan.totals.total)
    throw new Error(`bench: POST /v1/plan answered ${plan.status} ${plan.text.slice(0, 200)}`);

  const legs = {
    health: { url: `${worker.url}/health` },
    salary: { url: `${worker.url}${SALARY_PATH}` },
    plan: {
      url: `${worker.url}/v1/plan`,
      extra: { method: "POST", headers: { "content-type": "application/json" }, body: planBody },
    },
  };
  const throughput = await alternateLoad(legs, LOAD);
  // Where the time goes: the same unknown path inside and outside /v1 (both 404 from the same
  // notFound handler); the only difference is the /v1/* middleware: key check and rate limiter.
  const middleware = await alternateLoad(
    {
      outsideV1: { url: `${worker.url}/bench-unknown` },
      insideV1: { url: `${worker.url}/v1/bench-unknown` },
    },
    { ...LOAD, seconds: 3 },
  );
  const latency = await alternateLoad({ health: legs.health, salary: legs.salary }, LATENCY);
  const ratio = (a, b) => round(a / b, 3);

  // ---- 1,000-call batch ---------------------------------------------------------------------
  const calls = Array.from({ length: 1000 }, (_, i) => {
    const q = queries[i % queries.length];
    return { fn: "AI_SALARY", args: [q.role, q.level, q.location] };
  });
  const batchBody = JSON.stringify({ calls });
  const check = await request(worker.url, "POST", "/v1/batch", { body: batchBody });
  if (check.status !== 200 || check.body.results.length !== 1000)
    throw new Error(`bench: POST /v1/batch answered ${check.status} ${check.text.slice(0, 200)}`);
  check.body.results.forEach((r, i) => {
    const want = core.invokeFunction("AI_SALARY", calls[i].args);
    if (r.value !== want)
      throw new Error(`bench: batch call ${i} is ${JSON.stringify(r)}, the core says ${want}`);
  });
  const serverTiming = check.headers["server-timing"] ?? null;
  const batchMs = [];
  const healthMs = [];
  for (let i = 0; i < 3; i++) await request(worker.url, "POST", "/v1/batch", { body: batchBody }); // warm-up
  for (let r = 0; r < BATCH_ROUNDS; r++) {
    healthMs.push((await request(worker.url, "GET", "/health")).ms);
    const b = await request(worker.url, "POST", "/v1/batch", { body: batchBody });
    if (b.status !== 200) throw new Error(`bench: POST /v1/batch answered ${b.status}`);
    batchMs.push(b.ms);
  }

  // The worker logs each request's duration (whole ms); the last BATCH_ROUNDS batch lines are these runs.
  await new Promise((r) => setTimeout(r, 500)); // the last lines pass through wrangler's process first
  const workerLogMs = worker
    .output()
    .split("\n")
    .flatMap((line) => {
      try {
        const j = JSON.parse(line);
        return j.msg === "request" && j.path === "/v1/batch" ? [j.ms] : [];
      } catch {
        return [];
      }
    })
    .slice(-BATCH_ROUNDS);

  return {
    setup: {
      loopback: true,
      ...LOAD,
      latencyConnections: LATENCY.connections,
      latencySeconds: LATENCY.seconds,
      tool: "autocannon",
      planBodyBytes: planBody.length,
      salaryBodyBytes: salary.bytes,
      planResponseBytes: plan.bytes,
    },
    throughput,
    latency,
    salaryVsHealth: ratio(throughput.salary.rps, throughput.health.rps),
    planVsHealth: ratio(throughput.plan.rps, throughput.health.rps),
    middleware: {
      ...middleware,
      insideVsOutside: ratio(middleware.insideV1.rps, middleware.outsideV1.rps),
      note: "404 for an unknown path, outside /v1 and inside it (the /v1/* middleware: key check, then the rate limiter's counter object); non2xx here are those expected 404s",
    },
    batch: {
      calls: 1000,
      rounds: BATCH_ROUNDS,
      requestBytes: batchBody.length,
      responseBytes: check.bytes,
      serverTimingHeader: serverTiming,
      method: serverTiming
        ? "Server-Timing header"
        : "client round trip minus the median /health round trip (the API sets no Server-Timing header); the transfer of the bigger request and answer counts as server time",
      workerLogMs: median(workerLogMs),
      workerLogNote:
        "the worker's own request log line (requestLog middleware: whole ms, from the first middleware to the end, including the rate limiter's call), median over the same requests",
      clientMs: round(median(batchMs), 2),
      healthRoundTripMs: round(median(healthMs), 2),
      serverMs: round(median(batchMs) - median(healthMs), 2),
    },
  };
}
