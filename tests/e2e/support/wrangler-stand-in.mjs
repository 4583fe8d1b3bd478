#!/usr/bin/env node
// A stand-in for wrangler, for tests of scripts/deploy.mjs: every call is appended to
// $WRANGLER_STAND_IN_LOG as one JSON line (its arguments), and it answers from the scenario in
// $WRANGLER_STAND_IN_SCENARIO: a JSON list of { match, stdout, stderr, exit }, where `match` is a
// regular expression tried against the arguments joined by spaces; the first match answers.
// Nothing matched: exit 0, no output.
import { appendFileSync } from "node:fs";

const args = process.argv.slice(2);
appendFileSync(process.env.WRANGLER_STAND_IN_LOG, `${JSON.stringify(args)}\n`);
const scenario = JSON.parse(process.env.WRANGLER_STAND_IN_SCENARIO ?? "[]");
const answer = scenario.find((a) => new RegExp(a.match).test(args.join(" ")));
if (answer?.stdout) process.stdout.write(answer.stdout);
if (answer?.stderr) process.stderr.write(answer.stderr);
process.exit(answer?.exit ?? 0);
