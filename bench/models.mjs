// Models on D1 through the API, with the dev workspace's admin key: sequential saves (PUT with
// If-Match) and reads (GET /v1/models/:id) per second, alternating; then 50 concurrent writers,
// each doing read-modify-write with If-Match and retrying on 412 until its edit lands, and a
// count of lost updates from the final model and its version history.
import { request } from "./lib/http.mjs";
import { median, round } from "./lib/stats.mjs";

const LEG_SECONDS = 3;
const ROUNDS = 3;
export const WRITERS = 50;
const MAX_ATTEMPTS_PER_WRITER = 500;

const baseHire = { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 1 };
/** Writer w's edit: one hire row whose salary marks who added it. */
const markerSalary = (w) => 100_000 + w;

function etagVersion(res) {
  const m = /^"v(\d+)"$/.exec(res.headers.etag ?? "");
  if (!m)
    throw new Error(
      `bench: expected an ETag "vN", got ${res.headers.etag} (status ${res.status}: ${res.text.slice(0, 200)})`,
    );
  return Number(m[1]);
}

async function createModel(worker, auth, name) {
  const res = await request(worker.url, "POST", "/v1/models", {
    headers: auth,
    body: { name, input: { horizonMonths: 12, hires: [baseHire] } },
  });
  if (res.status !== 201)
    throw new Error(`bench: POST /v1/models answered ${res.status}: ${res.text.slice(0, 300)}`);
  return res.body.id;
}

/** Calls step() back to back for `seconds` and returns completed calls per second. */
async function perSecond(seconds, step) {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    await step(n);
    n++;
  }
  return (n / (performance.now() - start)) * 1000;
}

export async function modelsSection(worker) {
  const auth = { Authorization: `Bearer ${worker.devKey}` };

  // ---- sequential saves and reads -----------------------------------------------------------
  const id = await createModel(worker, auth, "bench: saves and reads");
  let version = 1;
  const save = async (n) => {
    const res = await request(worker.url, "PUT", `/v1/models/${id}`, {
      headers: { ...auth, "If-Match": `"v${version}"` },
      body: { input: { horizonMonths: 12, hires: [{ ...baseHire, count: 1 + (n % 5) }] } },
    });
    if (res.status !== 200)
      throw new Error(
        `bench: PUT /v1/models/${id} answered ${res.status}: ${res.text.slice(0, 300)}`,
      );
    version = etagVersion(res);
  };
  const read = async () => {
    const res = await request(worker.url, "GET", `/v1/models/${id}`, { headers: auth });
    if (res.status !== 200 || res.body.version !== version)
      throw new Error(
        `bench: GET /v1/models/${id} answered ${res.status} version ${res.body?.version}, expected ${version}`,
      );
  };
  await perSecond(0.5, save);
  await perSecond(0.5, read); // warm-up
  const saves = [];
  const reads = [];
  for (let r = 0; r < ROUNDS; r++) {
    saves.push(await perSecond(LEG_SECONDS, save));
    reads.push(await perSecond(LEG_SECONDS, read));
  }

  // ---- 50 concurrent writers ----------------------------------------------------------------
  const contested = await createModel(worker, auth, "bench: 50 concurrent writers");
  const stats = { attempts: 0, conflicts: 0, landedVersions: [] };
  const writer = async (w) => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS_PER_WRITER; attempt++) {
      const current = await request(worker.url, "GET", `/v1/models/${contested}`, {
        headers: auth,
      });
      if (current.status !== 200)
        throw new Error(`bench: writer ${w}: GET answered ${current.status}`);
      const input = current.body.input;
      input.hires.push({ ...baseHire, salary: markerSalary(w) });
      stats.attempts++;
      const put = await request(worker.url, "PUT", `/v1/models/${contested}`, {
        headers: { ...auth, "If-Match": `"v${etagVersion(current)}"` },
        body: { input },
      });
      if (put.status === 200) {
        stats.landedVersions.push(etagVersion(put));
        return;
      }
      if (put.status !== 412)
        throw new Error(
          `bench: writer ${w}: PUT answered ${put.status}: ${put.text.slice(0, 300)}`,
        );
      stats.conflicts++;
    }
    throw new Error(
      `bench: writer ${w} did not land its edit in ${MAX_ATTEMPTS_PER_WRITER} attempts`,
    );
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w + 1)));
  const writersMs = performance.now() - started;

  const final = await request(worker.url, "GET", `/v1/models/${contested}`, { headers: auth });
  const history = await request(worker.url, "GET", `/v1/models/${contested}/versions`, {
    headers: auth,
  });
  const markers = new Set(
    final.body.input.hires.filter((h) => h.salary !== undefined).map((h) => h.salary),
  );
  const present = Array.from({ length: WRITERS }, (_, i) =>
    markers.has(markerSalary(i + 1)),
  ).filter(Boolean).length;
  const versions = history.body.versions.map((v) => v.version).sort((a, b) => a - b);
  const contiguous =
    versions.every((v, i) => v === i + 1) && new Set(versions).size === versions.length;
  const landedDistinct = new Set(stats.landedVersions).size === stats.landedVersions.length;

  return {
    sequential: {
      rounds: ROUNDS,
      legSeconds: LEG_SECONDS,
      savesPerSecond: round(median(saves), 1),
      readsPerSecond: round(median(reads), 1),
      versionsWritten: version,
    },
    concurrentWriters: {
      writers: WRITERS,
      edit: "each writer appends one hire row whose salary marks it (100,001 … 100,050)",
      putAttempts: stats.attempts,
      conflicts412: stats.conflicts,
      seconds: round(writersMs / 1000, 2),
      finalVersion: final.body.version,
      editsPresent: present,
      lostUpdates: WRITERS - present,
      historyVersions: versions.length,
      historyContiguous: contiguous,
      landedVersionsDistinct: landedDistinct,
      extraRows: final.body.input.hires.length - 1 - WRITERS,
    },
  };
}
