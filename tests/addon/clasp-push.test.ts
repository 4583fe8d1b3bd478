// `npm run addon:create` / `npm run addon:push` (sheets-addon/push.mjs) against a stand-in for
// clasp whose "remote" script project is a directory, and whose push replaces that project's
// whole file set as clasp's does. Pushing into a finance workbook's existing project keeps every
// file of its own byte for byte and merges appsscript.json; where a merge could break the
// project's own code the script refuses, says what to do, and pushes nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { distDir, ensureBuilt, root } from "./support/load-addon.js";

const standIn = path.join(root, "tests", "addon", "support", "clasp-stand-in.mjs");
const SCRIPT_ID = "1FinanceWorkbookScript_0123456789abcdef";
const OUR_SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/script.external_request",
];

let work: string;
let remote: string;
let log: string;
let projectFile: string;

beforeAll(() => ensureBuilt());
afterEach(() => rmSync(work, { recursive: true, force: true }));

function setUp(files: Record<string, string | object>): void {
  work = mkdtempSync(path.join(tmpdir(), "atp-clasp-test-"));
  remote = path.join(work, "remote");
  log = path.join(work, "clasp.log");
  projectFile = path.join(work, "project", ".clasp.json");
  mkdirSync(remote);
  mkdirSync(path.dirname(projectFile));
  writeFileSync(projectFile, JSON.stringify({ scriptId: SCRIPT_ID, rootDir: "dist" }));
  for (const [name, body] of Object.entries(files))
    writeFileSync(
      path.join(remote, name),
      typeof body === "string" ? body : JSON.stringify(body, null, 2),
    );
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "sheets-addon", "push.mjs"), ...args], {
    cwd: root,
    env: {
      ...process.env,
      ATP_CLASP: standIn,
      CLASP_STAND_IN_REMOTE: remote,
      CLASP_STAND_IN_LOG: log,
    },
    encoding: "utf8",
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const claspCalls = () =>
  readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { args: string[] }).args.join(" "));
const remoteFiles = () => readdirSync(remote).sort();
const remoteText = (name: string) => readFileSync(path.join(remote, name), "utf8");
const remoteManifest = () => JSON.parse(remoteText("appsscript.json"));
const built = (name: string) => readFileSync(path.join(distDir, name), "utf8");

const MACROS = `/** @OnlyCurrentDoc */
function onEdit(e) {
  stampLastEdit(e.range);
}
function stampLastEdit(range) {
  range.getSheet().getRange("Z1").setValue(new Date());
}
`;
const REPORT = "<!DOCTYPE html><p>Monthly report</p>\n";
const THEIR_MANIFEST = {
  timeZone: "America/New_York",
  dependencies: {
    enabledAdvancedServices: [{ userSymbol: "Drive", serviceId: "drive", version: "v3" }],
  },
  exceptionLogging: "STACKDRIVER",
  oauthScopes: [
    "https://www.googleapis.com/auth/spreadsheets",
    "https://www.googleapis.com/auth/drive",
  ],
  runtimeVersion: "V8",
};

describe("npm run addon:push into an existing script project", () => {
  it("keeps the project's own files byte for byte, adds the add-on and merges appsscript.json", () => {
    setUp({ "Macros.js": MACROS, "Report.html": REPORT, "appsscript.json": THEIR_MANIFEST });
    const r = run("--project", projectFile);
    expect(r.status, r.out).toBe(0);
    expect(claspCalls()).toEqual(["pull", "push --force"]);
    expect(remoteFiles()).toEqual([
      "Code.js",
      "Macros.js",
      "Report.html",
      "Sidebar.html",
      "appsscript.json",
    ]);
    expect(remoteText("Macros.js")).toBe(MACROS);
    expect(remoteText("Report.html")).toBe(REPORT);
    expect(remoteText("Code.js")).toBe(built("Code.js"));
    expect(remoteText("Sidebar.html")).toBe(built("Sidebar.html"));
    expect(remoteManifest()).toEqual({
      ...THEIR_MANIFEST,
      oauthScopes: [...THEIR_MANIFEST.oauthScopes, ...OUR_SCOPES],
      urlFetchWhitelist: JSON.parse(built("appsscript.json")).urlFetchWhitelist,
    });
    expect(r.out).toContain(
      "2 file(s) of the project's own kept unchanged: Macros.js, Report.html",
    );
  });

  it("puts the add-on beside a Code.js of the project's own, and updates it in place next time", () => {
    const theirCode = "function totals() {\n  return 42;\n}\n";
    setUp({ "Code.js": theirCode, "appsscript.json": THEIR_MANIFEST });
    expect(run("--project", projectFile).status).toBe(0);
    expect(remoteFiles()).toEqual([
      "AI Team Planner.js",
      "Code.js",
      "Sidebar.html",
      "appsscript.json",
    ]);
    expect(remoteText("Code.js")).toBe(theirCode);
    expect(remoteText("AI Team Planner.js")).toBe(built("Code.js"));

    const again = run("--project", projectFile);
    expect(again.status, again.out).toBe(0);
    expect(remoteFiles()).toEqual([
      "AI Team Planner.js",
      "Code.js",
      "Sidebar.html",
      "appsscript.json",
    ]);
    expect(remoteText("Code.js")).toBe(theirCode);
    // Pushing twice adds no scope or prefix twice.
    expect(remoteManifest().oauthScopes).toEqual([...THEIR_MANIFEST.oauthScopes, ...OUR_SCOPES]);
    expect(claspCalls()).toEqual(["pull", "push --force", "pull", "push --force"]);
  });

  it("--dry-run says what it would push and pushes nothing", () => {
    setUp({ "Macros.js": MACROS, "appsscript.json": THEIR_MANIFEST });
    const r = run("--project", projectFile, "--dry-run");
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(
      "--dry-run, nothing pushed. Would push the add-on as Code.js and Sidebar.html",
    );
    expect(claspCalls()).toEqual(["pull"]);
    expect(remoteFiles()).toEqual(["Macros.js", "appsscript.json"]);
  });
});

describe("npm run addon:push refuses, explains, and pushes nothing", () => {
  const refusals: [string, Record<string, string | object>, string][] = [
    [
      "a top-level name the add-on declares too",
      {
        "Macros.js": `${MACROS}function onOpen() {\n  SpreadsheetApp.getUi().createMenu("Finance").addToUi();\n}\n`,
        "appsscript.json": THEIR_MANIFEST,
      },
      "the project's own code declares onOpen (Macros.js), which the add-on declares too",
    ],
    [
      "a Sidebar.html of the project's own",
      { "Sidebar.html": "<p>Our sidebar</p>", "appsscript.json": THEIR_MANIFEST },
      "the project has a Sidebar.html of its own",
    ],
    [
      "scopes left to Apps Script's automatic detection",
      {
        "Macros.js": MACROS,
        "appsscript.json": { timeZone: "America/New_York", runtimeVersion: "V8" },
      },
      "relies on Apps Script choosing its scopes",
    ],
    [
      "fetches the add-on's urlFetchWhitelist would block",
      {
        "Rates.js":
          'function rates() {\n  return UrlFetchApp.fetch("https://rates.example.com/usd").getContentText();\n}\n',
        "appsscript.json": THEIR_MANIFEST,
      },
      "(Rates.js) calls UrlFetchApp, and the add-on's urlFetchWhitelist would then allow only",
    ],
  ];
  it.each(refusals)("%s", (_what, files, message) => {
    setUp(files);
    const before = Object.fromEntries(remoteFiles().map((n) => [n, remoteText(n)]));
    const r = run("--project", projectFile);
    expect(r.status).toBe(1);
    expect(r.out).toContain("addon:push: nothing was pushed: ");
    expect(r.out).toContain(message);
    expect(claspCalls()).toEqual(["pull"]);
    expect(Object.fromEntries(remoteFiles().map((n) => [n, remoteText(n)]))).toEqual(before);
  });

  it("without a .clasp.json it says how to make one", () => {
    setUp({});
    rmSync(projectFile);
    const r = run("--project", projectFile);
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      `${projectFile} does not exist. For a new spreadsheet run \`npm run addon:create\``,
    );
    expect(claspCalls).toThrow(); // clasp never ran
  });
});

describe("npm run addon:create", () => {
  it("writes .clasp.json where addon:push reads it; the first push replaces only the empty Code.js Apps Script starts with", () => {
    setUp({});
    rmSync(remote, { recursive: true });
    rmSync(projectFile);
    const made = run("create", "--project", projectFile, "--title", "Budget 2027");
    expect(made.status, made.out).toBe(0);
    expect(claspCalls()).toEqual(["create --type sheets --title Budget 2027 --json"]);
    expect(JSON.parse(readFileSync(projectFile, "utf8"))).toEqual({
      scriptId: "1StandInScriptId_abcdefghijklmnopqrstuvwxyz",
      parentId: "1StandInSheetId",
      rootDir: "dist",
    });
    expect(made.out).toContain("Spreadsheet: https://drive.google.com/open?id=1StandInSheetId");

    const pushed = run("--project", projectFile);
    expect(pushed.status, pushed.out).toBe(0);
    expect(remoteFiles()).toEqual(["Code.js", "Sidebar.html", "appsscript.json"]);
    expect(remoteText("Code.js")).toBe(built("Code.js"));
    expect(remoteManifest()).toEqual({
      ...JSON.parse(built("appsscript.json")),
      timeZone: "Europe/Berlin",
    });

    const twice = run("create", "--project", projectFile);
    expect(twice.status).toBe(1);
    expect(twice.out).toContain("nothing was created: ");
    expect(twice.out).toContain("already names script 1StandInScriptId_abcdefghijklmnopqrstuvwxyz");
  });
});
