// The API reference at /docs, in a real browser against the real local worker: a key pasted in
// its sidebar is kept in this tab's sessionStorage only and sent only to this origin, so a
// workspace route's "Try it" answers 200 with it (401 without); PUT /v1/bands takes a CSV body;
// and the page fits a phone (no sideways scroll at 390 px), its "Try it" forms open. No console
// errors, and no request leaves 127.0.0.1.
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  PHONE,
  launchChromium,
  openWatchedPage,
  type WatchedPage,
} from "./support/browser.js";
import { api, startLocalWorker, type LocalWorker } from "../support/local-worker.js";

// Browser-side globals used in page.evaluate callbacks (the tests program has no DOM library).
declare const document: {
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): ArrayLike<{ open: boolean }>;
};
declare const window: { innerWidth: number };
declare const sessionStorage: {
  length: number;
  key(i: number): string | null;
  getItem(k: string): string | null;
};
declare const localStorage: { length: number };

const TEST_TIMEOUT_MS = 120_000;
const WAIT_MS = 30_000;

let worker: LocalWorker;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  worker = await startLocalWorker();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  for (const w of opened) await w.context.close().catch(() => undefined);
  await browser?.close();
  await worker?.stop();
}, 60_000);

async function openDocs(viewport: { width: number; height: number }, isMobile = false) {
  const w = await openWatchedPage(browser, viewport, { isMobile });
  opened.push(w);
  const res = await w.page.goto(`${worker.url}/docs`, { waitUntil: "networkidle" });
  expect(res?.status()).toBe(200);
  await w.page.waitForSelector("body[data-operations]", { timeout: WAIT_MS });
  return w;
}

/** Opens an operation's "Try it", sends it, and returns the status and text it shows. */
async function tryIt(page: Page, opId: string): Promise<{ status: number; text: string }> {
  const section = `#${opId}`;
  const details = page.locator(`${section} details.try`);
  if (!(await details.evaluate((d) => (d as unknown as { open: boolean }).open)))
    await page.click(`${section} details.try > summary`);
  const out = page.locator(`${section} pre.result`);
  await out.evaluate((o) =>
    (o as unknown as { removeAttribute(n: string): void }).removeAttribute("data-status"),
  );
  await page.click(`${section} form.try button[type=submit]`);
  await page.waitForSelector(`${section} pre.result[data-status]`, { timeout: WAIT_MS });
  return {
    status: Number(await out.getAttribute("data-status")),
    text: (await out.textContent()) ?? "",
  };
}

/** No console errors but the ones a test caused on purpose (Chromium logs every 4xx it loads). */
function expectClean(w: WatchedPage, expectedErrors: RegExp[] = []) {
  expect(w.errors.filter((e) => !expectedErrors.some((x) => x.test(e)))).toEqual([]);
  expect(w.offHost).toEqual([]);
  expect(w.requests.every((u) => u.startsWith(`${worker.url}/`))).toBe(true);
}

describe("/docs, the API reference", () => {
  it(
    "sends the key it was given: GET /v1/models from its form answers 401 without, 200 with; the key stays in this tab",
    async () => {
      const w = await openDocs(DESKTOP);
      const { page } = w;
      const withAuth: { url: string; auth: string }[] = [];
      page.on("request", (r: Request) => {
        const auth = r.headers()["authorization"];
        if (auth) withAuth.push({ url: r.url(), auth });
      });

      const anonymous = await tryIt(page, "get-v1-models");
      expect(anonymous.status).toBe(401);
      expect(await page.textContent("#key-state")).toMatch(/No key/);

      await page.fill("#api-key", worker.devKey);
      expect(await page.textContent("#key-state")).toMatch(/sends this key/);
      const keyed = await tryIt(page, "get-v1-models");
      expect(keyed.status, keyed.text).toBe(200);
      expect(keyed.text).toContain('"models"');
      // The curl line names the key without showing it.
      const curl = (await page.textContent("#get-v1-models pre.curl")) ?? "";
      expect(curl).toContain("Authorization: Bearer $API_KEY");
      expect(curl).not.toContain(worker.devKey);
      // Sent once, to this origin's API only.
      expect(withAuth).toEqual([
        { url: `${worker.url}/v1/models`, auth: `Bearer ${worker.devKey}` },
      ]);

      // Kept in sessionStorage (this tab), nowhere else: a reload keeps it, a new tab does not.
      const stored = await page.evaluate(() => ({
        session: Array.from({ length: sessionStorage.length }, (_, i) =>
          sessionStorage.getItem(sessionStorage.key(i)!),
        ),
        local: localStorage.length,
      }));
      expect(stored).toEqual({ session: [worker.devKey], local: 0 });
      expect(await w.context.cookies()).toEqual([]);
      await page.reload({ waitUntil: "networkidle" });
      expect(await page.inputValue("#api-key")).toBe(worker.devKey);
      const other = await w.context.newPage();
      await other.goto(`${worker.url}/docs`, { waitUntil: "networkidle" });
      expect(await other.inputValue("#api-key")).toBe("");
      await other.close();

      // Forget clears it.
      await page.click("#forget-key");
      expect(await page.inputValue("#api-key")).toBe("");
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      expectClean(w, [/status of 401 \(Unauthorized\) @ http:\/\/127\.0\.0\.1:\d+\/v1\/models$/]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "sends a CSV body: PUT /v1/bands as text/csv from its form stores the bands",
    async () => {
      const w = await openDocs(DESKTOP);
      const { page } = w;
      await page.fill("#api-key", worker.devKey);
      await page.click("#put-v1-bands details.try > summary");
      await page.selectOption("#put-v1-bands-type", "text/csv");
      const body = await page.inputValue("#put-v1-bands-body");
      expect(body.split("\n")[0]).toBe("role,level,location,basis,currency,low,high");
      const csv =
        "role,level,location,basis,currency,low,high\nML Engineer,Mid,Austin,base,USD,151000,186000\n";
      await page.fill("#put-v1-bands-body", csv);
      const sent = await tryIt(page, "put-v1-bands");
      expect(sent.status, sent.text).toBe(200);
      expect(sent.text).toContain("content-type: application/json");
      const curl = (await page.textContent("#put-v1-bands pre.curl")) ?? "";
      expect(curl).toContain("-H 'Content-Type: text/csv'");

      const bands = await api(worker, "GET", "/v1/bands", undefined, {
        Authorization: `Bearer ${worker.devKey}`,
      });
      expect(bands.status).toBe(200);
      expect(bands.body.bands).toEqual([
        expect.objectContaining({
          role: "ML Engineer",
          level: "Mid",
          location: "Austin, TX",
          low: 151000,
          high: 186000,
        }),
      ]);
      expectClean(w);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "fits a phone: no sideways scroll at 390 px, with every Try it form open",
    async () => {
      const w = await openDocs(PHONE, true);
      const { page } = w;
      await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll("details"))) d.open = true;
      });
      await page.fill("#api-key", worker.devKey);
      await tryIt(page, "get-v1-models");
      const layout = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(layout.viewport).toBe(390);
      expect(layout.page).toBeLessThanOrEqual(layout.viewport);
      expectClean(w);
    },
    TEST_TIMEOUT_MS,
  );
});
