// Installing the add-on with nothing but a browser: headless Chromium opens /addon on the real
// local worker (scripts/start.mjs, fresh D1), copies the three files with the page's own Copy
// buttons, and the test loads that Code.js with the Apps Script stand-ins — the sheet's functions
// compute, the menu and sidebar work, and AI_MODEL reaches the API the page built it for, with no
// setting entered. No console error, and no request leaves 127.0.0.1.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAddon } from "../addon/support/load-addon.js";
import { api, startLocalWorker, type LocalWorker } from "../support/local-worker.js";
import { DESKTOP, launchChromium, openWatchedPage } from "./support/browser.js";

// page.evaluate callbacks run in the browser; the tests program has no DOM library.
declare const navigator: { clipboard: { readText(): Promise<string> } };
declare const document: { getElementById(id: string): { textContent: string | null } | null };

const FILES = ["Code.js", "appsscript.json", "Sidebar.html"] as const;

let worker: LocalWorker;
let browser: Browser;
const installDir = mkdtempSync(path.join(tmpdir(), "atp-addon-install-"));
const copied: Record<string, string> = {};

beforeAll(async () => {
  [worker, browser] = await Promise.all([startLocalWorker(), launchChromium()]);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  rmSync(installDir, { recursive: true, force: true });
}, 30_000);

describe("installing the add-on from /addon", () => {
  it("the page's Copy buttons put each file, whole, on the clipboard", async () => {
    const w = await openWatchedPage(browser, DESKTOP);
    try {
      await w.context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: worker.url,
      });
      const res = await w.page.goto(`${worker.url}/addon`, { waitUntil: "networkidle" });
      expect(res?.status()).toBe(200);
      const steps = await w.page.locator("#install-steps > li").allTextContents();
      expect(steps).toHaveLength(3);
      expect(steps[0]).toContain("Extensions › Apps Script");
      expect(steps[1]).toContain("Paste the three files");
      expect(steps[2]).toContain("Reload the spreadsheet.");
      // Served over http by npm start: the page says why the manifest has no urlFetchWhitelist.
      expect(await w.page.textContent("#http-notice")).toContain(
        "Apps Script fetches only https://",
      );

      for (const name of FILES) {
        await w.page.getByRole("button", { name: `Copy ${name}` }).click();
        await w.page.waitForFunction(
          (n) => document.getElementById("copy-status")?.textContent?.startsWith(`${n} copied`),
          name,
          { timeout: 10_000 },
        );
        copied[name] = await w.page.evaluate(() => navigator.clipboard.readText());
        // What the clipboard holds is the file the page's download link serves.
        expect(copied[name], name).toBe(await (await fetch(`${worker.url}/addon/${name}`)).text());
        writeFileSync(path.join(installDir, name), copied[name]!);
      }
      expect(w.errors).toEqual([]);
      expect(w.offHost).toEqual([]);
    } finally {
      await w.context.close();
    }
  }, 60_000);

  it("the copied Code.js computes AI_SALARY in the sheet, builds the menu and opens the copied sidebar", () => {
    const addon = loadAddon({ dir: installDir });
    expect(addon.call("AI_SALARY", "ML Engineer", "Mid", "Austin")).toBe(170000);
    expect(addon.urlFetch.requests).toEqual([]); // computed in the sheet

    addon.call("onOpen", {});
    expect(addon.spreadsheetApp.ui.menus.map((m) => m.caption)).toContain("AI Team Planner");
    addon.call("showSidebar");
    expect(addon.spreadsheetApp.ui.sidebars).toEqual([
      { title: "AI Team Planner", html: copied["Sidebar.html"] },
    ]);

    const manifest = JSON.parse(copied["appsscript.json"]!);
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest).not.toHaveProperty("urlFetchWhitelist");
  });

  it("was built for this worker: with no setting entered, AI_MODEL reads a shared model from it", async () => {
    const auth = { Authorization: `Bearer ${worker.devKey}` };
    const model = await api(
      worker,
      "POST",
      "/v1/models",
      {
        name: "Installed from /addon",
        input: {
          horizonMonths: 12,
          hires: [{ role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1 }],
        },
      },
      auth,
    );
    expect(model.status).toBe(201);
    const share = await api(worker, "POST", `/v1/models/${model.body.id}/shares`, undefined, auth);
    const result = await api(worker, "GET", `/v1/shared/${share.body.token}/result`);

    const addon = loadAddon({ dir: installDir });
    const state = addon.call("sidebarState") as { settings: { apiUrl: string } };
    expect(state.settings.apiUrl).toBe(worker.url);
    expect(addon.call("AI_MODEL", share.body.token, "total")).toBe(result.body.result.totals.total);
    expect(addon.urlFetch.requests.map((r) => r.url)).toEqual([
      `${worker.url}/v1/shared/${share.body.token}/result`,
    ]);
  }, 60_000);
});
