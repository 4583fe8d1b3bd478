// Findings 2, 6 and 8 as the attack: public reads of a saved model (the page, its JSON and CSV,
// AI_MODEL) must be lookups after the first, bounded even for a model stored before there was a
// budget, follow every change to the figures, and keep share tokens out of the logs; a malformed
// path must not be a 5xx.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { API_REVISION } from "../../worker/http/api-revision.js";
import { datasetVersion, planWork, WORK_BUDGET } from "../../shared/index.js";
import { createApp } from "../../worker/app.js";
import {
  api,
  jsonOf,
  ORIGIN,
  planInput,
  problemOf,
  workspaceWithKeys,
} from "./support/workspace.js";

const app = createApp();
/** In-process with an execution context, so the Cache API writes (waitUntil) finish before the next call. */
async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(ORIGIN + path, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const outcome = (res: Response) => /desc="(\w+)"/.exec(res.headers.get("server-timing") ?? "")?.[1];

const SCENARIOS = [
  { name: "Hire 3 months later", overrides: { startMonthShift: 3 } },
  { name: "Slips", overrides: { slipMonths: 6 } },
];

async function sharedModel(base: string, input: unknown) {
  const ws = await workspaceWithKeys(base);
  const model = await jsonOf(
    await api("/v1/models", { key: ws.write, body: { name: base, input } }),
    201,
  );
  const { token } = await jsonOf(
    await api(`/v1/models/${model.id}/shares`, { key: ws.write, body: {} }),
    201,
  );
  return { ws, model, token: token as string };
}

describe("finding 2: a view of a shared model is a lookup", () => {
  it("the page computes once per version; later views, /result and /result.csv are served from the cache", async () => {
    const { ws, model, token } = await sharedModel("cached-page", {
      ...planInput(2),
      horizonMonths: 24,
      scenarios: SCENARIOS,
    });
    const first = await call(`/s/${token}`);
    expect(first.status).toBe(200);
    expect(outcome(first)).toBe("computed");
    const html = await first.text();
    const again = await call(`/s/${token}`);
    expect(outcome(again)).toBe("memory");
    expect(await again.text()).toBe(html);
    const json = await call(`/v1/shared/${token}/result`);
    expect(outcome(json)).toBe("memory");
    expect((await jsonOf(json, 200)).result.totals.total).toBeGreaterThan(0);
    const csvRes = await call(`/v1/shared/${token}/result.csv`);
    expect(outcome(csvRes)).toBe("memory");
    // The owner's own key reads the same cached result.
    const owned = await call(`/v1/models/${model.id}/result`, {
      headers: { Authorization: `Bearer ${ws.read.key}` },
    });
    expect(outcome(owned)).toBe("memory");

    // A new version is a new entry: computed once more.
    await jsonOf(
      await api(`/v1/models/${model.id}`, {
        method: "PUT",
        key: ws.write,
        body: { input: { ...planInput(3), scenarios: SCENARIOS } },
        headers: { "If-Match": '"v1"' },
      }),
      200,
    );
    expect(outcome(await call(`/s/${token}`))).toBe("computed");
  });

  it("result ETags name the version and what it is priced with; the page's content answers 304 until a new version", async () => {
    const { ws, token, model } = await sharedModel("page-etag", planInput());
    const { hash } = datasetVersion();
    const res = await call(`/v1/shared/${token}/result`);
    expect(res.headers.get("etag")).toBe(`"v1-b0-${hash}-r${API_REVISION}"`);
    const page = await call(`/s/${token}`);
    const etag = page.headers.get("etag")!;
    expect(etag).toBe(`"v1-b0-${hash}-r${API_REVISION}-d${hash}-page"`);

    const poll = () => call(`/s/${token}?fragment=1`, { headers: { "If-None-Match": etag } });
    expect((await poll()).status).toBe(304);
    // The owner uploads bands: version 1 stays priced as it was saved, so nothing changes.
    const put = await api("/v1/bands", {
      method: "PUT",
      key: ws.write,
      body: "role,level,location,basis,currency,low,high\nML Engineer,Mid,Austin,base,USD,150000,185000\n",
      headers: { "Content-Type": "text/csv" },
    });
    expect(put.status).toBe(200);
    expect((await poll()).status).toBe(304);
    // A reprice saves version 2 with the new bands: the page sees it.
    const repriced = await api(`/v1/models/${model.id}/reprice`, {
      method: "POST",
      key: ws.write,
      headers: { "If-Match": '"v1"' },
    });
    expect(repriced.status).toBe(200);
    const changed = await poll();
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).toBe(`"v2-b1-${hash}-r${API_REVISION}-d${hash}-page"`);
    // The hire is now priced at the band's mid, $167,500, not the seed's $170,000.
    const content = await changed.text();
    expect(content).toContain('data-value="167500"');
    expect(content).not.toContain('data-value="170000"');
  });

  it("a heavy model stored before there was a budget is refused at read (422 TOO_MUCH_WORK), and /health answers", async () => {
    const ws = await workspaceWithKeys("legacy-heavy");
    // Written straight to D1, as a save before this release could have stored it.
    const heavy = {
      horizonMonths: 120,
      hires: Array.from({ length: 5000 }, (_, i) => ({
        role: "ML Engineer",
        level: "Mid",
        startMonth: 1 + (i % 120),
      })),
    };
    expect(planWork(heavy).units).toBeGreaterThan(WORK_BUDGET);
    const text = JSON.stringify(heavy);
    await env.DB.batch([
      env.DB.prepare(
        // As migration 0004 leaves a version saved before it: no dataset yet (the running one), no snapshot.
        "INSERT INTO models (id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by, dataset_version, dataset_hash) VALUES ('mdl_legacy_heavy', ?, 'legacy', ?, 1, 0, 'k', 0, 'k', ?, ?)",
      ).bind(ws.workspaceId, text, "", ""),
      env.DB.prepare(
        "INSERT INTO shares (token, model_id, workspace_id, created_at, created_by) VALUES ('shr_legacy_heavy_token', 'mdl_legacy_heavy', ?, 0, 'k')",
      ).bind(ws.workspaceId),
    ]);
    const [result, health] = await Promise.all([
      call("/v1/shared/shr_legacy_heavy_token/result"),
      call("/health"),
    ]);
    const p = await problemOf(result, 422);
    expect(p.code).toBe("TOO_MUCH_WORK");
    expect(p.detail).toContain("Version 1 of this model is more than one request may compute");
    expect(health.status).toBe(200);
    const page = await call("/s/shr_legacy_heavy_token");
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("more than one request may compute");
    const batch = await jsonOf(
      await call("/v1/batch", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ calls: [{ fn: "AI_MODEL", args: ["shr_legacy_heavy_token"] }] }),
      }),
      200,
    );
    expect(batch.results[0].error.code).toBe("TOO_MUCH_WORK");
  });
});

describe("finding 6: a malformed path is never a 5xx", () => {
  it("POST /v1/functions/%ZZ (and other broken percent-encodings) is a 404 problem", async () => {
    for (const name of ["%ZZ", "%", "%E0%A4%A", "AI_%ZZMODEL", "%C0%AF"]) {
      const p = await problemOf(
        await call(`/v1/functions/${name}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ args: ["shr_x"] }),
        }),
        404,
      );
      expect(p.code).toBe("UNKNOWN_FUNCTION");
    }
  });
});

describe("finding 8: the smaller items", () => {
  it("share tokens never reach the request log: the path says {token}", async () => {
    const { token } = await sharedModel("log-token", planInput());
    const lines: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    try {
      await call(`/v1/shared/${token}/result.csv`);
      await call(`/s/${token}?fragment=1`);
      await call(`/v1/shared/${token}`);
    } finally {
      console.log = original;
    }
    const paths = lines.map((l) => (JSON.parse(l) as { path: string }).path);
    expect(paths).toEqual(["/v1/shared/{token}/result.csv", "/s/{token}", "/v1/shared/{token}"]);
    expect(lines.join("\n")).not.toContain(token);
  });
});
