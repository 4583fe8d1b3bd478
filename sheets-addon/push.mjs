#!/usr/bin/env node
// The clasp path to the add-on, for developers (everyone else installs it from the worker's /addon
// page with a browser):
//
//   npm run addon:create [-- --title "AI Team Planner"]  a new spreadsheet with its own script
//                                                        project; writes sheets-addon/.clasp.json
//   npm run addon:push [-- --dry-run]                    uploads sheets-addon/dist/ (npm run
//                                                        build:addon) into the project it names
//
// `clasp push` replaces a script project's whole file set, so pushing straight from dist/ would
// delete whatever else the project holds (a finance workbook's own macros). Instead this pulls
// the project into a scratch directory (`clasp pull`), lays the add-on's three files over it,
// merges appsscript.json and pushes the result: every file of the project's own comes back
// unchanged. It refuses, and says what to do, where the merge could break the project's own
// code: a Sidebar.html that is not ours, a top-level name the add-on also declares (onOpen,
// AI_SALARY, …), scopes left to Apps Script's automatic detection, or fetches that the add-on's
// urlFetchWhitelist would block. Another push landing between our pull and our push would be
// overwritten; push when nobody is editing the script.
//
// Options: --project <file> (the .clasp.json; default sheets-addon/.clasp.json), --dist <dir>
// (default sheets-addon/dist). ATP_CLASP runs another clasp (the tests' stand-in).
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CODE_MARK, FOOTER_MARK, SIDEBAR_MARK } from "./build.mjs";
import { root } from "../scripts/lib/paths.mjs";

const addonDir = path.dirname(fileURLToPath(import.meta.url));

const clasp =
  process.env.ATP_CLASP ||
  path.join(root, "node_modules", "@google", "clasp", "build", "src", "index.js");

const USAGE = `usage:
  npm run addon:create [-- --title "AI Team Planner"] [--project <file>]
  npm run addon:push [-- --dry-run] [--project <file>] [--dist <dir>]`;

class Refusal extends Error {}

function fail(command, message) {
  console.error(`addon:${command}: ${message}`);
  process.exit(1);
}

function runClasp(args, cwd, { capture = false } = {}) {
  const r = spawnSync(process.execPath, [clasp, ...args], {
    cwd,
    encoding: "utf8",
    stdio: capture ? "pipe" : "inherit",
  });
  if (r.error) throw new Error(`could not run clasp: ${r.error.message}`);
  if (r.status !== 0) {
    const said = capture ? `\n${`${r.stdout ?? ""}${r.stderr ?? ""}`.trim()}` : "";
    throw new Error(`clasp ${args[0]} failed (exit ${r.status}).${said}`);
  }
  return r.stdout ?? "";
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Refusal(`${what} is not valid JSON: ${e.message}`);
  }
}

// ---- create ------------------------------------------------------------------------------------

function create(opts) {
  const projectFile = path.resolve(opts.project ?? path.join(addonDir, ".clasp.json"));
  if (existsSync(projectFile)) {
    const { scriptId } = readJson(projectFile, projectFile);
    throw new Refusal(
      `${path.relative(process.cwd(), projectFile)} already names script ${scriptId}; \`npm run addon:push\` updates it. Delete that file first to create another spreadsheet.`,
    );
  }
  // In a scratch directory: clasp writes its .clasp.json and the new project's files where it runs.
  const scratch = mkdtempSync(path.join(tmpdir(), "atp-clasp-create-"));
  try {
    const title = opts.title ?? "AI Team Planner";
    const out = runClasp(["create", "--type", "sheets", "--title", title, "--json"], scratch, {
      capture: true,
    });
    const made = readJson(path.join(scratch, ".clasp.json"), "the .clasp.json clasp create wrote");
    let parentId = Array.isArray(made.parentId) ? made.parentId[0] : made.parentId;
    try {
      parentId ??= JSON.parse(out.slice(out.indexOf("{"))).parentId;
    } catch {
      // clasp's summary is optional; the .clasp.json has the script id
    }
    if (typeof made.scriptId !== "string")
      throw new Error(`clasp create wrote no scriptId:\n${out}`);
    mkdirSync(path.dirname(projectFile), { recursive: true });
    writeFileSync(
      projectFile,
      `${JSON.stringify({ scriptId: made.scriptId, ...(parentId ? { parentId } : {}), rootDir: "dist" }, null, 2)}\n`,
    );
    console.log(`Created the spreadsheet "${title}" with its own script project.`);
    if (parentId) console.log(`Spreadsheet: https://drive.google.com/open?id=${parentId}`);
    console.log(`Script:      https://script.google.com/d/${made.scriptId}/edit`);
    console.log(
      `Wrote ${path.relative(process.cwd(), projectFile)}; now \`npm run build:addon && npm run addon:push\`.`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---- push --------------------------------------------------------------------------------------

const HOW_TO_NAME_ONE =
  "For a new spreadsheet run `npm run addon:create`; for an existing one copy sheets-addon/.clasp.json.example to sheets-addon/.clasp.json and set scriptId (in the sheet: Extensions › Apps Script › Project Settings › Script ID).";

function projectFileFor(opts) {
  if (opts.project) {
    const file = path.resolve(opts.project);
    if (!existsSync(file)) throw new Refusal(`${opts.project} does not exist. ${HOW_TO_NAME_ONE}`);
    return file;
  }
  const own = path.join(addonDir, ".clasp.json");
  if (existsSync(own)) return own;
  // `clasp create` run at the repository root (as older instructions said) leaves it there.
  const left = path.join(root, ".clasp.json");
  if (existsSync(left)) {
    console.log(
      "addon:push: using .clasp.json at the repository root (where `clasp create` put it); `mv .clasp.json sheets-addon/.clasp.json` keeps it with the add-on.",
    );
    return left;
  }
  throw new Refusal(`no sheets-addon/.clasp.json names a script project. ${HOW_TO_NAME_ONE}`);
}

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join("/")];
  });
}

const isScript = (name) => /\.(js|gs)$/i.test(name);
const isOurCode = (text) => text.slice(0, 400).includes(CODE_MARK);
const isOurSidebar = (text) => text.slice(0, 400).includes(SIDEBAR_MARK);
/** The file Apps Script puts in every new project. */
const isEmptyDefault = (text) => text.replace(/\s+/g, "") === "functionmyFunction(){}";

/** Names a script declares at its top level (function, var, let, const, class at a line's start). */
function topLevelNames(text) {
  const names = new Set();
  for (const m of text.matchAll(
    /^(?:async\s+)?(?:function\s*\*?\s*|var\s+|let\s+|const\s+|class\s+)([A-Za-z_$][\w$]*)/gm,
  ))
    names.add(m[1]);
  return names;
}

const union = (a = [], b = []) => [...new Set([...a, ...b])];

/** What the push will do to the pulled project: every decision, or a Refusal that explains. */
export function planPush(remote, ours) {
  const scripts = Object.keys(remote).filter(isScript);
  const oursThere = scripts.filter((name) => isOurCode(remote[name]));
  const defaultCode = scripts.find((n) => /^Code\.(js|gs)$/i.test(n) && isEmptyDefault(remote[n]));
  const codeName =
    oursThere[0] ??
    (scripts.some((n) => /^Code\.(js|gs)$/i.test(n)) && !defaultCode
      ? "AI Team Planner.js"
      : (defaultCode ?? "Code.js"));
  const drop = new Set([...oursThere, ...(defaultCode ? [defaultCode] : [])]);

  if ("Sidebar.html" in remote && !isOurSidebar(remote["Sidebar.html"])) {
    throw new Refusal(
      "the project has a Sidebar.html of its own, and the add-on opens its sidebar by that name. Rename yours in the Apps Script editor (and where your code opens it), then push again.",
    );
  }
  const own = Object.keys(remote).filter(
    (n) => n !== "appsscript.json" && n !== "Sidebar.html" && !drop.has(n),
  );
  const ownScripts = own.filter(isScript);
  // Our globals: the bundle's two variables and the generated declarations after FOOTER_MARK
  // (everything else in Code.js lives inside the bundle's function scope).
  const footer = ours.code.indexOf(FOOTER_MARK);
  if (footer < 0) throw new Error(`dist/Code.js has no "${FOOTER_MARK}"; rebuild it`);
  const ourNames = new Set([
    "AiTeamPlannerBundle",
    "AiTeamPlanner",
    ...topLevelNames(ours.code.slice(footer)),
  ]);
  const clashes = ownScripts.flatMap((n) =>
    [...topLevelNames(remote[n])].filter((x) => ourNames.has(x)).map((x) => `${x} (${n})`),
  );
  if (clashes.length) {
    throw new Refusal(
      `the project's own code declares ${clashes.join(", ")}, which the add-on declares too; Apps Script would keep only one of each. Rename yours in the Apps Script editor (for onOpen, call your menu code from a function of another name), then push again.`,
    );
  }

  const theirs = remote["appsscript.json"];
  let manifest;
  if (!ownScripts.length) {
    // Nothing of the project's own depends on the manifest: the add-on's, keeping the project's
    // time zone and any libraries or advanced services it lists.
    manifest = {
      ...ours.manifest,
      timeZone: theirs?.timeZone ?? ours.manifest.timeZone,
      dependencies: theirs?.dependencies ?? ours.manifest.dependencies,
    };
  } else {
    if (!theirs?.oauthScopes) {
      throw new Refusal(
        `the project's own code (${ownScripts.join(", ")}) relies on Apps Script choosing its scopes, but the add-on's appsscript.json lists scopes, which turns that choice off for the whole project. In the Apps Script editor see Overview › Project OAuth Scopes, add those to appsscript.json as "oauthScopes", then push again.`,
      );
    }
    if (!theirs.urlFetchWhitelist && ownScripts.some((n) => /UrlFetchApp/.test(remote[n]))) {
      throw new Refusal(
        `the project's own code (${ownScripts.filter((n) => /UrlFetchApp/.test(remote[n])).join(", ")}) calls UrlFetchApp, and the add-on's urlFetchWhitelist would then allow only ${ours.manifest.urlFetchWhitelist.join(", ")}. Add the https prefixes your code fetches to appsscript.json as "urlFetchWhitelist", then push again.`,
      );
    }
    manifest = {
      ...theirs,
      runtimeVersion: "V8",
      exceptionLogging: theirs.exceptionLogging ?? ours.manifest.exceptionLogging,
      oauthScopes: union(theirs.oauthScopes, ours.manifest.oauthScopes),
      urlFetchWhitelist: union(theirs.urlFetchWhitelist, ours.manifest.urlFetchWhitelist),
    };
  }
  return { codeName, drop: [...drop], keep: own, manifest };
}

function push(opts) {
  const dist = path.resolve(opts.dist ?? path.join(addonDir, "dist"));
  for (const name of ["Code.js", "appsscript.json", "Sidebar.html"]) {
    if (!existsSync(path.join(dist, name)))
      throw new Refusal(
        `${path.relative(process.cwd(), path.join(dist, name))} is missing; run \`npm run build:addon\` first.`,
      );
  }
  const projectFile = projectFileFor(opts);
  const { scriptId } = readJson(projectFile, projectFile);
  if (typeof scriptId !== "string" || !/^[A-Za-z0-9_-]{20,}$/.test(scriptId)) {
    throw new Refusal(
      `${path.relative(process.cwd(), projectFile)} needs "scriptId": the id of your Apps Script project (Project Settings › Script ID).`,
    );
  }
  const ours = {
    code: readFileSync(path.join(dist, "Code.js"), "utf8"),
    sidebar: readFileSync(path.join(dist, "Sidebar.html"), "utf8"),
    manifest: readJson(path.join(dist, "appsscript.json"), "dist/appsscript.json"),
  };

  const scratch = mkdtempSync(path.join(tmpdir(), "atp-clasp-push-"));
  try {
    writeFileSync(
      path.join(scratch, ".clasp.json"),
      `${JSON.stringify({ scriptId, rootDir: "." }, null, 2)}\n`,
    );
    console.log(`addon:push: reading script ${scriptId} (clasp pull) so nothing of yours is lost…`);
    runClasp(["pull"], scratch, { capture: true });
    const remote = {};
    for (const name of listFiles(scratch)) {
      if (name === ".clasp.json") continue;
      const text = readFileSync(path.join(scratch, name), "utf8");
      remote[name] = name === "appsscript.json" ? readJson(path.join(scratch, name), name) : text;
    }
    const plan = planPush(remote, ours);

    for (const name of plan.drop) rmSync(path.join(scratch, name));
    writeFileSync(path.join(scratch, plan.codeName), ours.code);
    writeFileSync(path.join(scratch, "Sidebar.html"), ours.sidebar);
    writeFileSync(
      path.join(scratch, "appsscript.json"),
      `${JSON.stringify(plan.manifest, null, 2)}\n`,
    );

    const summary = [
      `the add-on as ${plan.codeName} and Sidebar.html`,
      plan.keep.length
        ? `${plan.keep.length} file(s) of the project's own kept unchanged: ${plan.keep.join(", ")}`
        : "no other files in the project",
      ...(plan.drop.filter((n) => n !== plan.codeName).length
        ? [`replaced: ${plan.drop.filter((n) => n !== plan.codeName).join(", ")}`]
        : []),
      `appsscript.json scopes: ${plan.manifest.oauthScopes.join(", ")}; urlFetchWhitelist: ${plan.manifest.urlFetchWhitelist?.join(", ") || "none"}`,
    ];
    if (opts["dry-run"]) {
      console.log(`addon:push: --dry-run, nothing pushed. Would push ${summary.join("; ")}.`);
      return;
    }
    // --force: the manifest was merged above, so clasp need not ask before replacing it.
    runClasp(["push", "--force"], scratch);
    console.log(`addon:push: pushed ${summary.join("; ")}.`);
    console.log(
      "addon:push: reload the spreadsheet; the menu is under Extensions › AI Team Planner.",
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        title: { type: "string" },
        project: { type: "string" },
        dist: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    fail("push", `${e.message}\n${USAGE}`);
  }
  const [command = "push", ...extra] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (extra.length || !["push", "create"].includes(command))
    fail("push", `unexpected argument ${JSON.stringify(extra[0] ?? command)}\n${USAGE}`);
  try {
    if (command === "create") create(parsed.values);
    else push(parsed.values);
  } catch (e) {
    const nothing = command === "create" ? "nothing was created" : "nothing was pushed";
    fail(command, e instanceof Refusal ? `${nothing}: ${e.message}` : e.message);
  }
}
