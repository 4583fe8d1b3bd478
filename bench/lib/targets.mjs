// The targets of issue 7, judged from one run's results. Each says what was measured against what.

export function judgeTargets(r) {
  const t = [];
  const salary = r.api.throughput.salary;
  t.push({
    target: "/v1/salary throughput ≥ 90% of /health's, p99 < 5 ms (10 connections)",
    measured: `${Math.round(r.api.salaryVsHealth * 100)}% (${salary.rps} vs ${r.api.throughput.health.rps} req/s), p99 ${salary.p99} ms`,
    pass:
      r.api.salaryVsHealth >= 0.9 && salary.p99 < 5 && salary.errors === 0 && salary.non2xx === 0,
  });
  t.push({
    target: "1,000-call /v1/batch < 20 ms server time",
    measured: `${r.api.batch.serverMs} ms (${r.api.batch.clientMs} ms round trip − ${r.api.batch.healthRoundTripMs} ms /health)`,
    pass: r.api.batch.serverMs < 20,
  });
  t.push({
    target: "plan engine, 1,000 hires × 60 months < 20 ms",
    measured: `${r.core.plan.medianMs} ms median`,
    pass: r.core.plan.medianMs < 20,
  });
  t.push({
    target: "10,000 add-on cells via one ranged call < 0.2 s, no network call",
    measured: `${r.addon.rangedMs} ms, ${r.addon.urlFetchUses} UrlFetchApp uses`,
    pass: r.addon.rangedMs < 200 && r.addon.urlFetchUses === 0 && r.addon.urlFetchRequests === 0,
  });
  const b = r.budget;
  const slowest = b.worst.reduce((m, x) => (x.serverMs > m.serverMs ? x : m));
  t.push({
    target: `every route's largest accepted request ≤ ${b.targetMs} ms server time`,
    measured: `slowest: ${slowest.route} ${slowest.serverMs} ms (${b.worst.filter((x) => x.serverMs <= b.targetMs).length} of ${b.worst.length} within)`,
    pass: b.worst.every((x) => x.serverMs <= b.targetMs),
  });
  const w = r.models.concurrentWriters;
  t.push({
    target: "0 lost updates (50 concurrent writers, If-Match)",
    measured: `${w.lostUpdates} lost; versions 1…${w.historyVersions} ${w.historyContiguous ? "without gaps or duplicates" : "WITH GAPS OR DUPLICATES"}`,
    pass:
      w.lostUpdates === 0 &&
      w.historyContiguous &&
      w.landedVersionsDistinct &&
      w.extraRows === 0 &&
      w.historyVersions === w.writers + 1,
  });
  return t;
}
