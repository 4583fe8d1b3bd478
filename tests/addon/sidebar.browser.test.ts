// The sidebar (sheets-addon/dist/Sidebar.html) in headless Chromium. Its google.script.run is a
// stand-in injected before the page's scripts that carries each call to the BUILT bundle running
// under the Apps Script stand-ins in this process (and from there to the real local worker), so
// what the page shows is what the add-on answers. Every request to a host other than 127.0.0.1
// is blocked and recorded; none may happen.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE } from "../../shared/index.js";
import { distDir, loadAddon, root, type Addon } from "./support/load-addon.js";
import { launchChromium } from "../browser/support/browser.js";
import { api, startLocalWorker } from "../support/local-worker.js";

const resultsDir = path.join(root, "test-results");

const worker = await startLocalWorker();
const auth = { Authorization: `Bearer ${worker.devKey}` };

/** google.script.run as Apps Script gives it to a sidebar: chainable handlers, then any server function by name. */
const GOOGLE_SCRIPT_RUN_STAND_IN = `
(() => {
  const runner = (onSuccess, onFailure) => new Proxy({}, {
    get(_target, prop) {
      if (prop === "withSuccessHandler") return (f) => runner(f, onFailure);
      if (prop === "withFailureHandler") return (f) => runner(onSuccess, f);
      if (prop === "withUserObject") return () => runner(onSuccess, onFailure);
      return (...args) => {
        window.__gasCall(String(prop), JSON.parse(JSON.stringify(args))).then((r) => {
          if (r.ok) onSuccess && onSuccess(r.value);
          else onFailure && onFailure(new Error(r.message));
        });
      };
    },
  });
  window.google = { script: { run: runner(null, null), host: { close() {}, editor: { focus() {} } } } };
})();`;

let browser: Browser;
let server: Server;
let sidebarUrl: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  loadAddon(); // builds dist when stale
  const html = readFileSync(path.join(distDir, "Sidebar.html"), "utf8");
  server = createServer((_req, res) =>
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sidebarUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Sidebar.html`;
  browser = await launchChromium();
  mkdirSync(resultsDir, { recursive: true });
}, 90_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await worker.stop();
}, 60_000);

interface Sidebar {
  page: Page;
  /** Requests the page tried to make to any host but 127.0.0.1 (all blocked). */
  blocked: string[];
  /** google.script.run calls, in order. */
  calls: string[];
}

async function openSidebar(addon: Addon): Promise<Sidebar> {
  // The sidebar is 300 px wide in Sheets.
  const context = await browser.newContext({ viewport: { width: 300, height: 1000 } });
  contexts.push(context);
  const blocked: string[] = [];
  const calls: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  await page.exposeFunction("__gasCall", (name: string, args: unknown[]) => {
    calls.push(name);
    try {
      return { ok: true, value: addon.call(name, ...args) ?? null };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN_STAND_IN);
  await page.goto(sidebarUrl);
  await page.waitForSelector("body[data-ready=true]");
  return { page, blocked, calls };
}

describe("the sidebar in headless Chromium", () => {
  it("saves settings: the URL with the document, the key in user properties only, never shown again", async () => {
    const addon = loadAddon();
    const { page, blocked } = await openSidebar(addon);
    await page.click("#tab-settings");
    await page.fill("#api-url", "http://planner.example.com");
    await page.click("#save-settings");
    await expect
      .poll(() => page.textContent("#settings-status"))
      .toMatch(/API URL must use https:\/\//);
    expect(await page.getAttribute("#settings-status", "class")).toContain("error");

    await page.fill("#api-url", `${worker.url}/`);
    await page.fill("#api-key", worker.devKey);
    await page.click("#save-settings");
    await expect
      .poll(() => page.textContent("#settings-status"))
      .toBe(
        `Saved. API ${worker.url}; key …${worker.devKey.slice(-4)} kept in your user properties.`,
      );
    expect(addon.properties.user.getProperty("atp.apiKey")).toBe(worker.devKey);
    expect(addon.properties.document.getProperty("atp.apiUrl")).toBe(worker.url);
    expect(await page.inputValue("#api-key")).toBe("");
    expect(await page.getAttribute("#api-key", "placeholder")).toContain(
      `saved (…${worker.devKey.slice(-4)})`,
    );
    expect(await page.content()).not.toContain(worker.devKey);

    await page.click("#clear-key");
    await expect.poll(() => page.textContent("#settings-status")).toBe("Your key is forgotten.");
    expect(addon.properties.user.getProperty("atp.apiKey")).toBeNull();
    expect(blocked).toEqual([]);
  });

  it("lists every catalogue function and inserts the chosen formula at the selected cell", async () => {
    const addon = loadAddon();
    const sheet = addon.ss.getActiveSheet();
    addon.ss.select(sheet, "B2");
    const { page, blocked, calls } = await openSidebar(addon);
    const listed = await page.$$eval("details.fn", (nodes) =>
      nodes.map((n) => n.getAttribute("data-name")),
    );
    expect(listed).toEqual(CATALOGUE.map((e) => e.name));

    await page.fill("#fn-search", "team");
    const filtered = await page.$$eval("details.fn", (nodes) =>
      nodes.map((n) => n.getAttribute("data-name")),
    );
    expect(filtered).toContain("AI_TEAM");
    expect(filtered).not.toContain("AI_SALARY");

    const team = page.locator('details.fn[data-name="AI_TEAM"]');
    await team.locator("summary").click();
    expect(await team.locator("input.formula").inputValue()).toBe("=AI_TEAM(12)");
    await team.locator("input.formula").fill("=AI_TEAM(20)");
    await page.screenshot({ path: path.join(resultsDir, "addon-sidebar.png") });
    await team.locator("button[data-fn=AI_TEAM]").click();
    await expect
      .poll(() => page.textContent("#fn-status"))
      .toBe("Inserted =AI_TEAM(20) in Sheet1!B2.");
    expect(sheet.getRange("B2").getFormulas()).toEqual([["=AI_TEAM(20)"]]);
    expect(addon.evaluate(sheet, "=AI_TEAM(20)")).toEqual(addon.call("AI_TEAM", 20));

    await team.locator("input.formula").fill("=AI_TEEM(20)");
    await team.locator("button[data-fn=AI_TEAM]").click();
    await expect
      .poll(() => page.textContent("#fn-status"))
      .toMatch(/^Unknown function "AI_TEEM"\. Did you mean "AI_TEAM"/);
    expect(calls.filter((c) => c === "insertFormula")).toHaveLength(2);
    expect(blocked).toEqual([]);
  });

  it("shows a conflict when someone else saved first, and overwrites only when the user says so", async () => {
    const addon = loadAddon();
    addon.call("saveSettings", { apiUrl: worker.url, apiKey: worker.devKey });
    const { page, blocked } = await openSidebar(addon);
    await page.click("#tab-models");
    await page.selectOption("#template", "year-1-build-out");
    await page.click("#insert-template");
    await expect
      .poll(() => page.textContent("#models-status"))
      .toMatch(/^Inserted "Plan - Year 1 Build-Out \(Centralized Team\)"/);
    await page.click("#publish");
    await expect
      .poll(() => page.textContent("#models-status"))
      .toMatch(/^Published ".*" as a shared model \(version 1\)\./);
    const model = (
      addon.call("sidebarState") as { activeSheet: { model: { id: string; shareToken: string } } }
    ).activeSheet.model;
    expect(await page.textContent("#sheet-info")).toContain(model.shareToken);

    // Someone else saves version 2 through the API.
    const theirs = await api(worker, "GET", `/v1/models/${model.id}`, undefined, auth);
    const saved = await api(
      worker,
      "PUT",
      `/v1/models/${model.id}`,
      { name: theirs.body.name, input: { ...theirs.body.input, annualRaise: 0.04 } },
      { ...auth, "If-Match": theirs.headers.get("etag")! },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    addon.ss.getActiveSheet().getRange("B6").setValue(0.25);
    await page.click("#publish");
    await page.waitForSelector("#conflict:not([hidden])");
    await expect.poll(() => page.textContent("#models-status")).toBe("");
    expect(await page.textContent("#conflict-message")).toMatch(
      /^Someone else saved version 2 of ".*" after you last published or pulled version 1\./,
    );
    expect(await page.textContent("#conflict-pull")).toBe("Pull theirs (version 2)");
    expect(await page.textContent("#conflict-overwrite")).toBe("Overwrite version 2 with mine");
    await page.screenshot({ path: path.join(resultsDir, "addon-sidebar-conflict.png") });
    expect((await api(worker, "GET", `/v1/models/${model.id}`, undefined, auth)).body.version).toBe(
      2,
    ); // nothing overwritten

    await page.click("#conflict-overwrite");
    await expect
      .poll(() => page.textContent("#models-status"))
      .toMatch(/^Published ".*" version 3\.$/);
    expect(await page.isHidden("#conflict")).toBe(true);
    const now = await api(worker, "GET", `/v1/models/${model.id}`, undefined, auth);
    expect(now.body).toMatchObject({ version: 3, input: { benefitsRate: 0.25 } });
    expect(blocked).toEqual([]);
  }, 90_000);

  it("keeps the screenshot as a test artifact (UPDATE_DOCS_SCREENSHOT=1 also copies it for the README)", () => {
    expect(readFileSync(path.join(resultsDir, "addon-sidebar.png")).subarray(1, 4).toString()).toBe(
      "PNG",
    );
    if (process.env.UPDATE_DOCS_SCREENSHOT === "1") {
      mkdirSync(path.join(root, "docs", "images"), { recursive: true });
      for (const name of ["addon-sidebar.png", "addon-sidebar-conflict.png"]) {
        copyFileSync(path.join(resultsDir, name), path.join(root, "docs", "images", name));
      }
    }
  });
});
