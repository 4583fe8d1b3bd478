// Issue 15, part 3: a share link shows only what its view allows and ends when it expires.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, jsonOf, problemOf, workspaceWithKeys, type TestKey } from "./support/workspace.js";

const INPUT = {
  horizonMonths: 24,
  startDate: "2027-01",
  hires: [
    { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 2 },
    { role: "Data Scientist", level: "Senior", location: "London", startMonth: 3, count: 1 },
    {
      role: "ML Engineer",
      level: "Senior",
      location: "Austin",
      startMonth: 6,
      count: 1,
      salary: 212345,
    },
  ],
  scenarios: [{ name: "Hire 3 months later", overrides: { startMonthShift: 3 } }],
};

async function modelWithShare(base: string, body?: unknown) {
  const ws = await workspaceWithKeys(base);
  const model = await jsonOf(
    await api("/v1/models", { key: ws.write, body: { name: "Board budget", input: INPUT } }),
    201,
  );
  const share = await jsonOf(
    await api(`/v1/models/${model.id}/shares`, { method: "POST", key: ws.write, body }),
    201,
  );
  return { ws, model, share };
}

/** Every way a salary figure could be written in a body: 212345, 212,345, 212345.00, $212,345… */
function salarySpellings(units: number): string[] {
  const fixed = units.toFixed(2);
  const grouped = units.toLocaleString("en-US");
  const grouped2 = units.toLocaleString("en-US", { minimumFractionDigits: 2 });
  return [...new Set([String(units), fixed, grouped, grouped2])];
}

function createShare(key: TestKey, id: string, body: unknown) {
  return api(`/v1/models/${id}/shares`, { method: "POST", key, body });
}

describe("share views", () => {
  it("a totals link: page, JSON, CSV and AI_MODEL carry no per-hire salary; a full link does", async () => {
    const { ws, model, share } = await modelWithShare("totals", { view: "totals" });
    expect(share.view).toBe("totals");
    expect(share.expiresAt).toBeNull();
    const full = await jsonOf(await api(`/v1/models/${model.id}/result`, { key: ws.read }), 200);
    const salaries: number[] = full.result.hires.map(
      (h: { annualSalary: number }) => h.annualSalary,
    );
    expect(salaries).toContain(212345);
    expect(new Set(salaries).size).toBe(3);

    const bodies: Record<string, string> = {};
    for (const path of [
      `/s/${share.token}`,
      `/s/${share.token}?fragment=1`,
      `/v1/shared/${share.token}`,
      `/v1/shared/${share.token}/result`,
      `/v1/shared/${share.token}/result.csv`,
    ]) {
      const res = await api(path);
      expect(res.status, path).toBe(200);
      bodies[path] = await res.text();
    }
    for (const what of ["months", "years", "total", "payroll"]) {
      const res = await api("/v1/functions/AI_MODEL", { body: { args: [share.token, what] } });
      bodies[`AI_MODEL ${what}`] = await jsonOf(res, 200).then((b) => JSON.stringify(b));
    }
    for (const [where, body] of Object.entries(bodies))
      for (const salary of salaries)
        for (const spelled of salarySpellings(salary))
          expect(body.includes(spelled), `${where} contains the salary ${spelled}`).toBe(false);

    // What it does show: the totals, the years and the view and pin it was made with.
    const result = JSON.parse(bodies[`/v1/shared/${share.token}/result`]!);
    expect(result.view).toBe("totals");
    expect(result.result.hires).toEqual([]);
    expect(result.result.totals).toEqual(full.result.totals);
    expect(result.result.years).toEqual(full.result.years);
    expect(result.result.departments).toEqual(full.result.departments);
    const sharedModel = JSON.parse(bodies[`/v1/shared/${share.token}`]!);
    expect(sharedModel.input).toEqual({ horizonMonths: 24, startDate: "2027-01" });
    const page = bodies[`/s/${share.token}`]!;
    expect(page).toContain('data-view="totals"');
    expect(page).toContain("Hire 3 months later");
    expect(page).toContain(`Priced with dataset ${full.pricedWith.dataset.version}`);

    // The same model through a full link shows the salaries (so the searches above can fail).
    const fullShare = await jsonOf(await createShare(ws.write, model.id, { view: "full" }), 201);
    const fullPage = await (await api(`/s/${fullShare.token}`)).text();
    expect(fullPage).toContain(salarySpellings(212345)[2]!);
    const listed = await jsonOf(await api(`/v1/models/${model.id}/shares`, { key: ws.read }), 200);
    expect(listed.shares.map((s: { view: string }) => s.view)).toEqual(
      expect.arrayContaining(["full", "totals"]),
    );
  });

  it("an expired link answers like a revoked one: the same 404s and the same page", async () => {
    const { ws, model, share } = await modelWithShare("expiry", {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(Date.parse(share.expiresAt)).toBeGreaterThan(Date.now());
    expect((await api(`/v1/shared/${share.token}`)).status).toBe(200);
    const listed = await jsonOf(await api(`/v1/models/${model.id}/shares`, { key: ws.read }), 200);
    expect(listed.shares[0]).toMatchObject({ view: "full", expiresAt: share.expiresAt });

    const revoked = await jsonOf(await createShare(ws.write, model.id, {}), 201);
    await api(`/v1/models/${model.id}/shares/${revoked.token}`, {
      method: "DELETE",
      key: ws.write,
    });
    // Time passes: the link's end is now behind us.
    await env.DB.prepare("UPDATE shares SET expires_at = ? WHERE token = ?")
      .bind(Date.now() - 1000, share.token)
      .run();
    for (const suffix of ["", "/result", "/result.csv"]) {
      const expired = await problemOf(await api(`/v1/shared/${share.token}${suffix}`), 404);
      const gone = await problemOf(await api(`/v1/shared/${revoked.token}${suffix}`), 404);
      expect(expired.detail).toBe(gone.detail);
    }
    const expiredPage = await api(`/s/${share.token}`);
    const revokedPage = await api(`/s/${revoked.token}`);
    expect(expiredPage.status).toBe(404);
    expect(await expiredPage.text()).toBe(await revokedPage.text());
    // AI_MODEL by the expired token: the same "no shared model" answer as a revoked one.
    const [byExpired, byRevoked] = await Promise.all(
      [share.token, revoked.token].map(async (t) => {
        const res = await api("/v1/functions/AI_MODEL", { body: { args: [t, "total"] } });
        return { status: res.status, body: (await res.text()).replaceAll(t, "TOKEN") };
      }),
    );
    expect(byExpired!.status).toBeGreaterThanOrEqual(400);
    expect(byExpired!.body.replace(/"requestId":"[^"]*"/, "")).toBe(
      byRevoked!.body.replace(/"requestId":"[^"]*"/, ""),
    );
  });

  it("bad view or expiresAt: 400 naming the field, and no link is made", async () => {
    const ws = await workspaceWithKeys("share-bad");
    const model = await jsonOf(
      await api("/v1/models", { key: ws.write, body: { name: "m", input: INPUT } }),
      201,
    );
    const cases: [unknown, string][] = [
      [{ view: "summary" }, "view"],
      [{ expiresAt: "next tuesday" }, "expiresAt"],
      [{ expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt"],
      [{ expiresAt: "2027-02-30" }, "expiresAt"],
    ];
    for (const [body, field] of cases) {
      const p = await problemOf(await createShare(ws.write, model.id, body), 400);
      expect(p.field, JSON.stringify(body)).toBe(field);
      expect(p.detail).toContain(field);
    }
    const listed = await jsonOf(await api(`/v1/models/${model.id}/shares`, { key: ws.read }), 200);
    expect(listed.shares).toEqual([]);
  });
});
