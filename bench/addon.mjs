#!/usr/bin/env node
// Add-on section, run by bench/run.mjs in its own process: the BUILT sheets-addon/dist/Code.js,
// loaded under the Apps Script stand-ins of tests/addon/support (a node:vm realm, as Apps Script
// runs it), computes 10,000 AI_SALARY cells through ONE ranged call, =AI_SALARY(A2:A10001,
// B2:B10001, C2:C10001), and through 10,000 separate calls, =AI_SALARY(A2, B2, C2) filled down,
// alternating. Every UrlFetchApp access is counted: custom functions must make no network call.
// Usage: node bench/addon.mjs <bundled load-addon.mjs> <bundled shared/index.mjs>; prints JSON.
import { pathToFileURL } from "node:url";
import { median, round } from "./lib/stats.mjs";
import { salaryQueries } from "./lib/workloads.mjs";

const support = await import(pathToFileURL(process.argv[2]).href);
const core = await import(pathToFileURL(process.argv[3]).href);
const CELLS = 10_000;
const ROUNDS = 7;

// Any use of UrlFetchApp (fetch, fetchAll, or anything else) is counted.
const realUrlFetch = new support.UrlFetchAppStandIn();
let urlFetchUses = 0;
const urlFetch = new Proxy(realUrlFetch, {
  get(target, prop, receiver) {
    if (prop !== "requests" && typeof prop === "string") urlFetchUses++;
    return Reflect.get(target, prop, receiver);
  },
});
const addon = support.loadAddon({ urlFetch });
const AI_SALARY = addon.context.AI_SALARY;
if (typeof AI_SALARY !== "function") throw new Error("bench: Code.js has no global AI_SALARY");

const queries = salaryQueries(core);
const rows = Array.from({ length: CELLS }, (_, i) => queries[i % queries.length]);
// Sheets passes a range as rows of cells and every declared parameter (undefined when left out).
const roleColumn = rows.map((q) => [q.role]);
const levelColumn = rows.map((q) => [q.level]);
const locationColumn = rows.map((q) => [q.location]);

const ranged = () =>
  AI_SALARY(roleColumn, levelColumn, locationColumn, undefined, undefined, undefined);
const separate = () =>
  rows.map((q) => [AI_SALARY(q.role, q.level, q.location, undefined, undefined, undefined)]);

// The two ways must fill the same 10,000 numbers, each the core's own figure.
const a = ranged();
const b = separate();
if (a.length !== CELLS || JSON.stringify(a) !== JSON.stringify(b))
  throw new Error("bench: the ranged call and the separate calls disagree");
rows.forEach((q, i) => {
  const expected = core.toUnits(core.salaryRange(q).mid);
  if (a[i][0] !== expected)
    throw new Error(`bench: cell ${i + 1} is ${a[i][0]}, the core says ${expected}`);
});

const rangedMs = [];
const separateMs = [];
for (let r = 0; r < ROUNDS; r++) {
  let t0 = performance.now();
  ranged();
  rangedMs.push(performance.now() - t0);
  t0 = performance.now();
  separate();
  separateMs.push(performance.now() - t0);
}

console.log(
  JSON.stringify({
    cells: CELLS,
    rounds: ROUNDS,
    rangedMs: round(median(rangedMs), 2),
    separateMs: round(median(separateMs), 2),
    speedup: round(median(separateMs) / median(rangedMs), 2),
    urlFetchUses,
    urlFetchRequests: realUrlFetch.requests.length,
    codeBytes: addon.code.length,
  }),
);
