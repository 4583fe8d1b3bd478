// GET /addon and /addon/{file} inside workerd: the add-on built for the origin the page is opened
// at (or the worker's ADDON_API_URL), the same files on the page as behind its download links,
// urlFetchWhitelist only for https, conditional GETs, and clear answers for what cannot work.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app.js";
import { ADDON_TEMPLATE } from "../../worker/addon/template.generated.js";
import { problemOf } from "./support/workspace.js";

const app = createApp();

async function fetchWith(url: string, vars: Partial<Env> = {}, headers: HeadersInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(url, { headers }), { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** The text of each <textarea> on the page, decoded by workerd's own HTML parser. */
async function textareas(res: Response): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  let current = "";
  await new HTMLRewriter()
    .on("textarea", {
      element(el) {
        current = el.getAttribute("aria-label") ?? "";
        found[current] = "";
      },
      text(chunk) {
        found[current] += chunk.text;
      },
    })
    .transform(res)
    .text();
  // HTMLRewriter hands text over still escaped; the page escapes exactly these five characters.
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  return Object.fromEntries(Object.entries(found).map(([k, v]) => [k, unescape(v)]));
}

describe("GET /addon/{file}", () => {
  it("builds Code.js for the https origin it is reached at, and allows only that origin in appsscript.json", async () => {
    const code = await exports.default.fetch("https://planner.example.com/addon/Code.js");
    expect(code.status).toBe(200);
    expect(code.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const text = await code.text();
    expect(text).toContain(
      'apiUrl: "https://planner.example.com", urlFetchAllowlist: ["https://planner.example.com/"]',
    );
    expect(text.includes(ADDON_TEMPLATE.origin)).toBe(false);
    expect(text).toContain("function AI_SALARY(role, level, location, basis, currency, point) {");
    expect(text.length).toBe(
      ADDON_TEMPLATE.codeJs.length +
        ("https://planner.example.com".length - ADDON_TEMPLATE.origin.length) * 2,
    );

    const manifest = await exports.default.fetch(
      "https://planner.example.com/addon/appsscript.json",
    );
    expect(manifest.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await manifest.json()).toEqual({
      timeZone: "Etc/UTC",
      runtimeVersion: "V8",
      exceptionLogging: "STACKDRIVER",
      dependencies: {},
      oauthScopes: [
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.external_request",
      ],
      urlFetchWhitelist: ["https://planner.example.com/"],
    });

    const sidebar = await exports.default.fetch("https://planner.example.com/addon/Sidebar.html");
    // Served as text: the sidebar is for Apps Script, never a page of this origin.
    expect(sidebar.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await sidebar.text()).toBe(ADDON_TEMPLATE.sidebarHtml);
  });

  it("over http (npm start) builds for that origin with no urlFetchWhitelist, which takes only https", async () => {
    const code = await (await exports.default.fetch("http://127.0.0.1:8787/addon/Code.js")).text();
    expect(code).toContain('apiUrl: "http://127.0.0.1:8787"');
    const manifest = (await (
      await exports.default.fetch("http://127.0.0.1:8787/addon/appsscript.json")
    ).json()) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty("urlFetchWhitelist");
    expect(manifest.oauthScopes).toHaveLength(3);
  });

  it("ADDON_API_URL pins the API whatever origin the page is opened at", async () => {
    const vars = { ADDON_API_URL: "https://planner.acme.com/" };
    const code = await (await fetchWith("https://atp.acme.workers.dev/addon/Code.js", vars)).text();
    expect(code).toContain('apiUrl: "https://planner.acme.com"');
    expect(code.includes("atp.acme.workers.dev")).toBe(false);
    const manifest = (await (
      await fetchWith("http://127.0.0.1:8787/addon/appsscript.json", vars)
    ).json()) as Record<string, unknown>;
    expect(manifest.urlFetchWhitelist).toEqual(["https://planner.acme.com/"]);
  });

  it("a pinned ADDON_API_URL Apps Script could not call is the worker's misconfiguration, named with its fix", async () => {
    for (const value of [
      "http://planner.acme.com",
      "https://localhost",
      "https://x.acme.com/api",
      "planner",
    ]) {
      const res = await fetchWith("https://atp.acme.workers.dev/addon", { ADDON_API_URL: value });
      const p = await problemOf(res, 500);
      expect(p).toMatchObject({ code: "ADDON_API_URL_INVALID", field: "ADDON_API_URL" });
      expect(p.detail).toContain(JSON.stringify(value));
      expect(p.detail).toContain("https origin such as https://planner.example.com");
    }
  });

  it("answers If-None-Match with 304; the ETag changes with the origin", async () => {
    const first = await exports.default.fetch("https://a.example.com/addon/Code.js");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await exports.default.fetch("https://a.example.com/addon/Code.js", {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
    const other = await exports.default.fetch("https://b.example.com/addon/Code.js");
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("an unknown file is a 404 that lists the three", async () => {
    const p = await problemOf(
      await exports.default.fetch("https://a.example.com/addon/Code.gs"),
      404,
    );
    expect(p).toMatchObject({ code: "NOT_FOUND", field: "file" });
    expect(p.detail).toBe(
      'No add-on file "Code.gs"; the add-on is Code.js, appsscript.json, Sidebar.html (see /addon).',
    );
  });
});

describe("GET /addon", () => {
  it("shows the three steps and, in its text boxes, exactly the files its links download", async () => {
    const res = await exports.default.fetch("https://planner.example.com/addon");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const page = await res.clone().text();
    expect(page).toContain("Extensions › Apps Script");
    expect(page).toContain("Reload the spreadsheet.");
    expect(page).toMatch(/<script src="\/assets\/addon\.js\?v=[0-9a-f]+" defer><\/script>/);
    expect(page).toContain("allows <code>https://planner.example.com/</code> and nothing else");
    expect(page).not.toContain('id="http-notice"');

    const boxes = await textareas(res);
    expect(Object.keys(boxes).sort()).toEqual(["Code.js", "Sidebar.html", "appsscript.json"]);
    for (const name of Object.keys(boxes)) {
      const file = await exports.default.fetch(`https://planner.example.com/addon/${name}`);
      expect(boxes[name], name).toBe(await file.text());
    }
  });

  it("over http on this computer says what works and why urlFetchWhitelist is missing", async () => {
    const page = await (await exports.default.fetch("http://127.0.0.1:8787/addon")).text();
    expect(page).toContain('id="http-notice"');
    expect(page).toContain("Apps Script fetches only <code>https://</code> addresses");
    expect(page).toContain("The spreadsheet functions work as they are");
  });
});
