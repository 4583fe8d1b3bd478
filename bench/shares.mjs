// One share link under load: its JSON result, the CSV a sheet's IMPORTDATA reads, the page, and
// the page's poll (a conditional fragment check that answers 304), against /health of the same
// worker in the same run, alternating; then where a read's time goes when a new version has to
// be computed (the first read) and when it is a lookup (every read after), from Server-Timing.
// The per-link rate limit is raised for the bench (run.mjs), so this measures what the worker can
// serve; what a deployed link is allowed to serve is SHARE_RATE_LIMIT_PER_MINUTE (README).
import { alternateLoad } from "./api.mjs";
import { request } from "./lib/http.mjs";
import { median, round } from "./lib/stats.mjs";

const LOAD = { connections: 10, seconds: 4, rounds: 3 };
const VERSIONS = 5;

const timing = (res) => {
  const m = /result;desc="(\w+)";dur=(\d+)/.exec(res.headers["server-timing"] ?? "");
  return m ? { outcome: m[1], ms: Number(m[2]) } : undefined;
};

export async function sharesSection(worker, core) {
  const auth = { Authorization: `Bearer ${worker.devKey}` };
  const template = await request(worker.url, "GET", "/v1/plan/templates/year-2-scale-out");
  if (template.status !== 200)
    throw new Error(`bench: GET /v1/plan/templates/year-2-scale-out answered ${template.status}`);
  const input = template.body.input;
  const created = await request(worker.url, "POST", "/v1/models", {
    headers: auth,
    body: { name: "bench: one share link", input },
  });
  if (created.status !== 201)
    throw new Error(`bench: POST /v1/models answered ${created.status}: ${created.text}`);
  const id = created.body.id;
  const share = await request(worker.url, "POST", `/v1/models/${id}/shares`, {
    headers: auth,
    body: {},
  });
  if (share.status !== 201)
    throw new Error(`bench: POST /v1/models/${id}/shares answered ${share.status}`);
  const token = share.body.token;

  // Correct answers first: the link serves the figures the core computes for the same plan.
  const json = await request(worker.url, "GET", `/v1/shared/${token}/result`);
  const expected = core.planToUnits(core.runPlan(input)).totals.total;
  if (json.status !== 200 || json.body.result.totals.total !== expected)
    throw new Error(`bench: the shared result is not the core's: ${json.text.slice(0, 200)}`);
  const page = await request(worker.url, "GET", `/s/${token}`);
  const etag = page.headers.etag;
  const poll = await request(worker.url, "GET", `/s/${token}?fragment=1`, {
    headers: { "If-None-Match": etag, Accept: "text/html" },
  });
  if (page.status !== 200 || poll.status !== 304)
    throw new Error(`bench: page ${page.status}, its poll ${poll.status} (304 expected)`);
  const bookmark = json.headers["x-d1-bookmark"];
  if (!bookmark) throw new Error("bench: the share read answered without an X-D1-Bookmark");

  const base = `${worker.url}`;
  const throughput = await alternateLoad(
    {
      health: { url: `${base}/health` },
      json: { url: `${base}/v1/shared/${token}/result` },
      jsonWithBookmark: {
        url: `${base}/v1/shared/${token}/result`,
        extra: { headers: { "x-d1-bookmark": bookmark } },
      },
      csv: { url: `${base}/v1/shared/${token}/result.csv` },
      page: { url: `${base}/s/${token}` },
      poll: {
        url: `${base}/s/${token}?fragment=1`,
        extra: { headers: { "if-none-match": etag, accept: "text/html" } },
      },
    },
    LOAD,
  );

  // A new version: its first read computes (and caches) the result; the next ones look it up.
  const computed = [];
  const lookedUp = [];
  let version = 1;
  for (let v = 0; v < VERSIONS; v++) {
    const saved = await request(worker.url, "PUT", `/v1/models/${id}`, {
      headers: { ...auth, "If-Match": `"v${version}"` },
      body: { input: { ...input, hires: input.hires.map((h) => ({ ...h })).slice(0, 1 + v) } },
    });
    if (saved.status !== 200) throw new Error(`bench: PUT answered ${saved.status}`);
    version = saved.body.version;
    const headers = { "x-d1-bookmark": saved.headers["x-d1-bookmark"] };
    const first = await request(worker.url, "GET", `/v1/shared/${token}/result`, { headers });
    const again = await request(worker.url, "GET", `/v1/shared/${token}/result`, { headers });
    if (first.body?.version !== version || again.body?.version !== version)
      throw new Error(`bench: a read with the save's bookmark did not see version ${version}`);
    const [a, b] = [timing(first), timing(again)];
    if (a?.outcome !== "computed" || b?.outcome !== "memory")
      throw new Error(`bench: expected computed then memory, got ${a?.outcome}, ${b?.outcome}`);
    computed.push(a.ms);
    lookedUp.push(b.ms);
  }

  return {
    setup: { ...LOAD, tool: "autocannon", plan: "year-2-scale-out", versions: VERSIONS },
    bytes: { json: json.bytes, page: page.bytes },
    throughput,
    serverTiming: {
      computedMs: median(computed),
      lookupMs: median(lookedUp),
      note: "Server-Timing of GET /v1/shared/{token}/result (whole ms): the first read of a new version, then the next",
    },
    ratios: {
      jsonVsHealth: round(throughput.json.rps / throughput.health.rps, 3),
      pageVsHealth: round(throughput.page.rps / throughput.health.rps, 3),
    },
  };
}
