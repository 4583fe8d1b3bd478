// The printed table: one block per section, then the targets with PASS/FAIL.

const n = (x, digits = 0) =>
  typeof x === "number"
    ? x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : String(x);

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ].join("\n");
}

export function renderReport(r, targets) {
  const { core, addon, api, models } = r;
  const out = [];
  out.push(
    `AI Team Planner bench — ${r.date} — ${r.machine.cpus}× ${r.machine.cpuModel}, ${r.machine.memoryGB} GB, Node ${r.machine.node}, ${r.machine.os}`,
  );
  out.push(
    `commit ${r.git.commit?.slice(0, 12) ?? "?"}${r.git.dirty ? " (+ uncommitted changes)" : ""}; hono ${r.packages.hono}, wrangler ${r.packages.wrangler}, workerd ${r.packages.workerd}; load average at start ${r.machine.loadAverageAtStart.join(" ")}`,
  );
  out.push("");
  out.push("Core (Node, in process; medians)");
  out.push(
    table([
      ["measure", "value"],
      ["AI_SALARY via invokeFunction", `${n(core.aiSalaryPerSecond.invokeFunction)} calls/s`],
      ["AI_SALARY via salaryRange", `${n(core.aiSalaryPerSecond.salaryRange)} calls/s`],
      [
        `plan engine, ${n(core.plan.hires)} hires (${n(core.plan.people)} people) × ${core.plan.months} months`,
        `${n(core.plan.medianMs, 2)} ms (min ${n(core.plan.minMs, 2)}, max ${n(core.plan.maxMs, 2)}, ${core.plan.runs} runs)`,
      ],
      [
        `plan range, ${n(core.planRange.hires)} hires × ${core.planRange.months} months × ${core.planRange.slipStarts} starts (${n(core.planRange.workUnits)} units: over budget, the API refuses it)`,
        `${n(core.planRange.medianMs, 1)} ms (median of ${core.planRange.runs})`,
      ],
      [
        "plan engine heap: allocated by one run (peak) / retained by its result",
        `${n(core.plan.heapAllocatedMB, 2)} MB / ${n(core.plan.heapRetainedMB, 2)} MB${core.plan.collectionsDuringRun ? ` (a lower bound: ${core.plan.collectionsDuringRun} collections mid-run)` : ""}`,
      ],
    ]),
  );
  out.push("");
  out.push(
    `API on local workerd via \`npm start\` (loopback, autocannon, ${api.setup.connections} connections, ${api.setup.seconds} s × ${api.setup.rounds} alternating rounds; medians)`,
  );
  const t = api.throughput;
  const row = (label, x, ref) => [
    label,
    n(x.rps),
    x.p50,
    x.p99,
    ref ? `${Math.round((x.rps / ref.rps) * 100)}%` : "",
    x.errors + x.non2xx,
  ];
  out.push(
    table([
      ["route", "req/s", "p50 ms", "p99 ms", "vs /health", "errors+non-2xx"],
      row("GET /health", t.health),
      row("GET /v1/salary", t.salary, t.health),
      row("POST /v1/plan (seed build-out)", t.plan, t.health),
      [
        "GET /bench-unknown (404, outside /v1)",
        n(api.middleware.outsideV1.rps),
        api.middleware.outsideV1.p50,
        api.middleware.outsideV1.p99,
        `${Math.round((api.middleware.outsideV1.rps / t.health.rps) * 100)}%`,
        "(404 expected)",
      ],
      [
        "GET /v1/bench-unknown (404, /v1 middleware)",
        n(api.middleware.insideV1.rps),
        api.middleware.insideV1.p50,
        api.middleware.insideV1.p99,
        `${Math.round((api.middleware.insideV1.rps / t.health.rps) * 100)}%`,
        "(404 expected)",
      ],
      [
        `GET /health, ${api.setup.latencyConnections} connection`,
        n(api.latency.health.rps),
        api.latency.health.p50,
        api.latency.health.p99,
        "",
        api.latency.health.errors + api.latency.health.non2xx,
      ],
      [
        `GET /v1/salary, ${api.setup.latencyConnections} connection`,
        n(api.latency.salary.rps),
        api.latency.salary.p50,
        api.latency.salary.p99,
        `${Math.round((api.latency.salary.rps / api.latency.health.rps) * 100)}%`,
        api.latency.salary.errors + api.latency.salary.non2xx,
      ],
    ]),
  );
  out.push(
    `POST /v1/batch, 1,000 AI_SALARY calls (${n(api.batch.requestBytes)} B in, ${n(api.batch.responseBytes)} B out): ${n(api.batch.clientMs, 2)} ms round trip, /health ${n(api.batch.healthRoundTripMs, 2)} ms → ${n(api.batch.serverMs, 2)} ms server time (${api.batch.serverTimingHeader ? "Server-Timing" : "round trip minus /health; no Server-Timing header"}; median of ${api.batch.rounds}; the worker's own request log says ${api.batch.workerLogMs} ms)`,
  );
  out.push("");
  out.push(...renderBudget(r.budget));
  out.push(`Add-on (built Code.js under the Apps Script stand-ins; median of ${addon.rounds})`);
  out.push(
    table([
      ["measure", "value"],
      [`${n(addon.cells)} AI_SALARY cells, one ranged call`, `${n(addon.rangedMs, 1)} ms`],
      [
        `${n(addon.cells)} AI_SALARY cells, ${n(addon.cells)} separate calls`,
        `${n(addon.separateMs, 1)} ms (${n(addon.speedup, 1)}× the ranged call)`,
      ],
      ["UrlFetchApp uses during both", `${addon.urlFetchUses}`],
    ]),
  );
  out.push("");
  out.push("Models on local D1 through the API (dev admin key)");
  const w = models.concurrentWriters;
  out.push(
    table([
      ["measure", "value"],
      ["saves (PUT with If-Match, sequential)", `${n(models.sequential.savesPerSecond, 1)} /s`],
      ["reads (GET /v1/models/:id, sequential)", `${n(models.sequential.readsPerSecond, 1)} /s`],
      [
        `${w.writers} concurrent writers, read-modify-write, retry on 412`,
        `${w.putAttempts} PUTs, ${w.conflicts412} × 412, ${n(w.seconds, 2)} s`,
      ],
      ["edits present / lost updates", `${w.editsPresent} / ${w.lostUpdates}`],
      [
        "version history",
        `1…${w.historyVersions}, ${w.historyContiguous ? "no gaps or duplicates" : "GAPS OR DUPLICATES"}`,
      ],
    ]),
  );
  out.push("");
  if (r.shares) out.push(...renderShares(r.shares));
  out.push("Targets");
  out.push(
    table([
      ["target", "measured", "result"],
      ...targets.map((x) => [x.target, x.measured, x.pass ? "PASS" : "FAIL"]),
    ]),
  );
  return out.join("\n");
}

/** The work-budget tables: every route's worst accepted request, and everyday requests on Free. */
export function renderBudget(b) {
  const out = [];
  out.push(
    `Work budget: the largest request each route accepts (budget ${n(b.budget)} work units), server time = ${b.method}; target ≤ ${b.targetMs} ms`,
  );
  out.push(
    table([
      [
        "route",
        "worst accepted request",
        "work units",
        "server ms",
        `≤ ${b.targetMs} ms`,
        "answer",
      ],
      ...b.worst.map((x) => [
        x.route,
        x.request,
        n(x.units),
        n(x.serverMs, 1),
        x.serverMs <= b.targetMs ? "yes" : "NO",
        `${n(x.responseBytes)} B${x.serverTiming ? `, ${x.serverTiming}` : ""}`,
      ]),
    ]),
  );
  out.push("");
  out.push(`Everyday requests against the Workers Free plan's ${b.freePlanMs} ms of CPU`);
  out.push(
    table([
      ["route", "request", "server ms", `fits ${b.freePlanMs} ms`],
      ...b.everyday.map((x) => [
        x.route,
        x.request,
        n(x.serverMs, 1),
        x.serverMs <= b.freePlanMs ? "yes" : "no",
      ]),
    ]),
  );
  out.push("");
  return out;
}

/** One share link under load: its reads against /health, and a read's time computed vs looked up. */
export function renderShares(s) {
  const t = s.throughput;
  const row = (label, x, note = "") => [
    label,
    n(x.rps),
    x.p50,
    x.p99,
    x === t.health ? "" : `${Math.round((x.rps / t.health.rps) * 100)}%`,
    note || x.errors + x.non2xx,
  ];
  return [
    `One share link on local workerd (${s.setup.plan} model, autocannon, ${s.setup.connections} connections, ${s.setup.seconds} s × ${s.setup.rounds} alternating rounds; medians)`,
    table([
      ["read", "req/s", "p50 ms", "p99 ms", "vs /health", "errors+non-2xx"],
      row("GET /health", t.health),
      row(`GET /v1/shared/{token}/result (${n(s.bytes.json)} B)`, t.json),
      row("… with X-D1-Bookmark", t.jsonWithBookmark),
      row("GET /v1/shared/{token}/result.csv (IMPORTDATA)", t.csv),
      row(`GET /s/{token} (the page, ${n(s.bytes.page)} B)`, t.page),
      row("GET /s/{token}?fragment=1, If-None-Match (the page's poll)", t.poll, "(304 expected)"),
    ]),
    `A read's Server-Timing: ${s.serverTiming.computedMs} ms for the first read of a new version (computed, then cached), ${s.serverTiming.lookupMs} ms after (a lookup); median of ${s.setup.versions} versions, each read with its save's bookmark`,
    "",
  ];
}
