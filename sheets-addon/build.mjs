#!/usr/bin/env node
// `npm run build:addon`: bundles sheets-addon/src with the core (shared/) into sheets-addon/dist/,
// the three files `clasp push` uploads (`--template` builds only the worker's copy, see below):
//   Code.js          the bundle (unminified, no module syntax: Apps Script has no modules) and a
//                    GENERATED footer of top-level function declarations with JSDoc — one per
//                    catalogue function (@customfunction), trigger, menu item and sidebar call.
//   appsscript.json  V8, the narrowest scopes that work, urlFetchWhitelist for the API host.
//   Sidebar.html     the sidebar, with the function browser's catalogue embedded.
// Environment: ADDON_API_URL (the API a new document starts with, and the allowlisted host),
// ADDON_URL_ALLOWLIST (comma-separated https prefixes, default "$ADDON_API_URL/"),
// ADDON_TIME_ZONE (default Etc/UTC), ADDON_DIST (output directory, default sheets-addon/dist).
//
// It also writes worker/addon/template.generated.js: the same three files built for a placeholder
// origin, which the worker serves at /addon with its own origin put in (worker/addon/addon-files.ts),
// so an add-on for any deployment needs no build of its own. `npm start`, `npm run deploy` and the
// tests run this build; nothing has to be built by hand.
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const addonDir = path.dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_FILE = path.join(addonDir, "..", "worker", "addon", "template.generated.js");
/** Stands for the worker's origin in the template; `.invalid` can never be a real host (RFC 2606). */
export const TEMPLATE_ORIGIN = "https://addon-origin.invalid";
export const DEFAULT_API_URL = "https://ai-team-planner.example.workers.dev";
const BUNDLE_GLOBAL = "AiTeamPlannerBundle";
const SURFACE_GLOBAL = "AiTeamPlanner";

export function buildConfig(env = process.env) {
  const apiUrl = (env.ADDON_API_URL || DEFAULT_API_URL).trim().replace(/\/+$/, "");
  const allowlist = env.ADDON_URL_ALLOWLIST
    ? env.ADDON_URL_ALLOWLIST.split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [`${apiUrl}/`];
  for (const prefix of allowlist) {
    // Apps Script's rules for urlFetchWhitelist: https, a full domain, a non-empty path.
    if (!/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}(:\d+)?\/\S*$/i.test(prefix)) {
      throw new Error(
        `urlFetchWhitelist prefix ${JSON.stringify(prefix)} is not valid for Apps Script: it must start with https://, name a full domain and end its host with "/" (set ADDON_API_URL or ADDON_URL_ALLOWLIST).`,
      );
    }
  }
  return { apiUrl, urlFetchAllowlist: allowlist, timeZone: env.ADDON_TIME_ZONE || "Etc/UTC" };
}

/**
 * esbuild writes ES module output; its only module syntax is the final `export { … }`, which is
 * replaced by an IIFE's return. Unlike esbuild's own iife format this leaves no `__export`
 * helper, and unlike a bare script it keeps every internal name out of the global scope (where
 * google.script.run could call it and the generated declarations could collide with it).
 */
export async function bundle(config) {
  const result = await esbuild.build({
    entryPoints: [path.join(addonDir, "src", "main.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2019",
    charset: "utf8",
    minify: false,
    legalComments: "none",
    write: false,
    logLevel: "silent",
    define: {
      ADDON_BUILD: JSON.stringify({
        apiUrl: config.apiUrl,
        urlFetchAllowlist: config.urlFetchAllowlist,
      }),
    },
  });
  const code = result.outputFiles[0].text;
  const tail = /\nexport \{([^}]*)\};\s*$/.exec(code);
  if (!tail)
    throw new Error(
      "build: expected esbuild's output to end with its one `export { … }` statement",
    );
  const names = tail[1]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const body = code.slice(0, tail.index);
  const members = names.map((n) => `${n}: ${n}`).join(", ");
  return `var ${BUNDLE_GLOBAL} = (function () {\n"use strict";\n${body}\nreturn { ${members} };\n})();\n`;
}

/** Loads the bundle in an empty vm context (it touches no Apps Script service at load) for its manifest. */
export function manifestOf(bundleCode) {
  const context = vm.createContext({});
  new vm.Script(`${bundleCode}\n${BUNDLE_GLOBAL};`, { filename: "Code.js" }).runInContext(context);
  return JSON.parse(JSON.stringify(vm.runInContext(`${BUNDLE_GLOBAL}.buildManifest()`, context)));
}

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield await arguments eval".split(
    " ",
  ),
);

function checkIdentifier(name, what) {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) || RESERVED.has(name)) {
    throw new Error(
      `build: ${what} ${JSON.stringify(name)} cannot be a JavaScript parameter or function name; rename it in the catalogue`,
    );
  }
}

/** JSDoc text on one line, with nothing that could close the comment early. */
const doc = (text) => String(text).replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();

const ARG_TYPES = {
  text: "string",
  number: "number",
  any: "string|number",
  range: "Array<Array<*>>",
};

function paramType(arg) {
  const base = ARG_TYPES[arg.type] ?? "*";
  return arg.mappable ? `${base}|Array<Array<${base.includes("|") ? "*" : base}>>` : base;
}

function returnType(entry) {
  const kind = entry.returns.kind;
  if (kind === "row" || kind === "column" || kind === "table") return "Array<Array<*>>";
  const base = kind === "number" ? "number" : "string";
  return entry.args.some((a) => a.mappable) ? `${base}|Array<Array<${base}>>` : base;
}

export function customFunctionDeclaration(entry) {
  checkIdentifier(entry.name, "function name");
  const params = entry.args.map((a) => a.name);
  params.forEach((p) => checkIdentifier(p, `${entry.name} argument`));
  const lines = [
    "/**",
    ` * ${doc(entry.summary)}`,
    " *",
    ` * Example: ${doc(entry.example)}`,
    " *",
  ];
  for (const a of entry.args) {
    const name = a.optional ? `[${a.name}]` : a.name;
    const notes = [
      a.mappable ? "A range gives one result per cell." : "",
      a.optional ? `Optional${a.defaultText ? `; default ${a.defaultText}` : ""}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
    lines.push(` * @param {${paramType(a)}} ${name} ${doc(a.help)}${notes ? ` ${notes}` : ""}`);
  }
  lines.push(
    ` * @return {${returnType(entry)}} ${doc(entry.returns.help)}`,
    " * @customfunction",
    " */",
  );
  lines.push(
    `function ${entry.name}(${params.join(", ")}) {`,
    `  return ${SURFACE_GLOBAL}.${entry.name}(${params.join(", ")});`,
    "}",
  );
  return lines.join("\n");
}

export function entryPointDeclaration(entry) {
  checkIdentifier(entry.name, "entry point");
  entry.params.forEach((p) => checkIdentifier(p, `${entry.name} parameter`));
  const lines = ["/**", ` * ${doc(entry.doc)}`];
  for (const p of entry.params) lines.push(` * @param {*} ${p}`);
  lines.push(
    " */",
    `function ${entry.name}(${entry.params.join(", ")}) {`,
    `  return ${SURFACE_GLOBAL}.${entry.name}(${entry.params.join(", ")});`,
    "}",
  );
  return lines.join("\n");
}

export function codeJs(bundleCode, manifest) {
  const names = [
    ...manifest.catalogue.map((e) => e.name),
    ...manifest.entryPoints.map((e) => e.name),
  ];
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  if (dupes.length)
    throw new Error(
      `build: ${dupes.join(", ")} declared twice (catalogue and entry points must not share names)`,
    );
  return [
    "/**",
    " * AI Team Planner — Google Sheets add-on. GENERATED by sheets-addon/build.mjs from sheets-addon/src",
    " * and shared/: do not edit; run `npm run build:addon`.",
    " *",
    " * @OnlyCurrentDoc",
    " */",
    "",
    bundleCode,
    `var ${SURFACE_GLOBAL} = ${BUNDLE_GLOBAL}.surface;`,
    "",
    "// ---------------------------------------------------------------------------------------------",
    "// GENERATED: top-level declarations Apps Script and Sheets can see. Custom functions come from",
    "// the core's CATALOGUE (shared/catalogue.ts); the rest from sheets-addon/src/entry-points.ts.",
    "// ---------------------------------------------------------------------------------------------",
    "",
    ...manifest.catalogue.map(customFunctionDeclaration).flatMap((d) => [d, ""]),
    ...manifest.entryPoints.map(entryPointDeclaration).flatMap((d) => [d, ""]),
  ].join("\n");
}

/** Apps Script runs plain scripts: no module syntax, no Node or browser I/O. Fails the build otherwise. */
export function checkAppsScriptSafe(code) {
  const problems = [];
  try {
    new vm.Script(code, { filename: "Code.js" }); // a script parse rejects import/export statements
  } catch (e) {
    problems.push(`does not parse as a plain script: ${e.message}`);
  }
  for (const [pattern, what] of [
    [/\bimport\b/, "import"],
    [/\bexport\b/, "export"],
    [/require\(/, "require("],
    [/fetch\(/, "fetch("],
  ]) {
    const m = pattern.exec(code);
    if (m)
      problems.push(
        `holds "${what}" near: ${code.slice(Math.max(0, m.index - 60), m.index + 40).replace(/\s+/g, " ")}`,
      );
  }
  if (problems.length)
    throw new Error(`build: Code.js is not Apps Script-safe:\n  ${problems.join("\n  ")}`);
}

export function appsscriptJson(config) {
  const template = JSON.parse(readFileSync(path.join(addonDir, "appsscript.json"), "utf8"));
  return `${JSON.stringify({ ...template, timeZone: config.timeZone, urlFetchWhitelist: config.urlFetchAllowlist }, null, 2)}\n`;
}

export function sidebarHtml(manifest) {
  const template = readFileSync(path.join(addonDir, "src", "sidebar.html"), "utf8");
  const marker = "/*@CATALOGUE@*/[]";
  if (!template.includes(marker))
    throw new Error(`build: src/sidebar.html has no ${marker} marker for the catalogue`);
  // JSON in a <script>: escape "<" so no string can end the element.
  const catalogue = manifest.catalogue.map(({ exampleArgs: _args, ...entry }) => entry);
  const json = JSON.stringify(catalogue).replace(/</g, "\\u003c");
  return template.replace(marker, () => json);
}

function writeAtomically(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file); // concurrent builds (e.g. parallel test files) never see a half-written file
}

function readOr(file, fallback) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/**
 * The add-on for the worker's /addon page: Code.js and Sidebar.html built for TEMPLATE_ORIGIN, and
 * appsscript.json without urlFetchWhitelist (the worker adds its own https origin), as one ES module.
 * Written only when its content changes, so `wrangler dev` (which watches it) reloads only then.
 */
export async function buildAddonTemplate({ env = process.env, outFile = TEMPLATE_FILE } = {}) {
  const config = {
    apiUrl: TEMPLATE_ORIGIN,
    urlFetchAllowlist: [`${TEMPLATE_ORIGIN}/`],
    timeZone: env.ADDON_TIME_ZONE || "Etc/UTC",
  };
  const bundleCode = await bundle(config);
  const manifest = manifestOf(bundleCode);
  const code = codeJs(bundleCode, manifest);
  checkAppsScriptSafe(code);
  const sidebar = sidebarHtml(manifest);
  if (!code.includes(`"${TEMPLATE_ORIGIN}"`) || sidebar.includes(TEMPLATE_ORIGIN))
    throw new Error(
      `build: the template's origin ${TEMPLATE_ORIGIN} must appear in Code.js (the build config) and nowhere in Sidebar.html`,
    );
  const { urlFetchWhitelist: _perOrigin, ...appsscript } = JSON.parse(appsscriptJson(config));
  const template = {
    origin: TEMPLATE_ORIGIN,
    codeJs: code,
    sidebarHtml: sidebar,
    manifest: appsscript,
    functions: manifest.catalogue.length,
  };
  const hash = createHash("sha256").update(JSON.stringify(template)).digest("hex").slice(0, 16);
  const text = [
    "// GENERATED by sheets-addon/build.mjs (npm run build:addon; npm start, npm run deploy and the",
    "// tests run it): the add-on the worker serves at /addon. Do not edit; see template.generated.d.ts.",
    `export const ADDON_TEMPLATE = ${JSON.stringify({ ...template, hash })};`,
    "",
  ].join("\n");
  const changed = readOr(outFile, "") !== text;
  if (changed) {
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeAtomically(outFile, text);
  }
  return { outFile, hash, changed, bytes: Buffer.byteLength(text) };
}

export async function buildAddon({
  env = process.env,
  outDir = env.ADDON_DIST || path.join(addonDir, "dist"),
} = {}) {
  const config = buildConfig(env);
  const bundleCode = await bundle(config);
  const manifest = manifestOf(bundleCode);
  const code = codeJs(bundleCode, manifest);
  checkAppsScriptSafe(code);
  mkdirSync(outDir, { recursive: true });
  writeAtomically(path.join(outDir, "Code.js"), code);
  writeAtomically(path.join(outDir, "appsscript.json"), appsscriptJson(config));
  writeAtomically(path.join(outDir, "Sidebar.html"), sidebarHtml(manifest));
  return { outDir, config, manifest, bytes: Buffer.byteLength(code) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // --template: only the worker's /addon template (what `npm start` and the tests need).
  const templateOnly = process.argv.includes("--template");
  try {
    if (!templateOnly) {
      const { outDir, config, manifest, bytes } = await buildAddon();
      const rel = path.relative(process.cwd(), outDir) || ".";
      console.log(
        `build:addon: ${rel}/Code.js (${Math.round(bytes / 1024)} KB, ${manifest.catalogue.length} custom functions, ${manifest.entryPoints.length} entry points), appsscript.json, Sidebar.html`,
      );
      console.log(
        `build:addon: API ${config.apiUrl}; urlFetchWhitelist ${config.urlFetchAllowlist.join(", ")}${process.env.ADDON_API_URL ? "" : " (placeholder: set ADDON_API_URL to your deployed API)"}`,
      );
    }
    const template = await buildAddonTemplate();
    console.log(
      `build:addon: ${path.relative(process.cwd(), template.outFile)} (${Math.round(template.bytes / 1024)} KB${template.changed ? "" : ", unchanged"}): the add-on the worker serves at /addon, for the origin it is opened at`,
    );
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
