// The README's 40-person org example is real output: its org.json, run by the plan engine with the
// workspace data the example uploads (a Staff level, Denver at 0.95, a US Staff band), gives the
// totals, years and departments the README prints, and the sheet's AI_PLAN_SUMMARY over the same
// plan as ranges gives the same figures. A change to the engine or the seeds that moves a figure
// fails here until the README shows the new output.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkWorkspaceLevel,
  checkWorkspaceLocation,
  invokeFunction,
  planToUnits,
  runPlan,
  type SalaryOptions,
} from "../../shared/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const example = readme.slice(readme.indexOf("**A 40-person org's AI budget**"));
const between = (text: string, start: string, end: string) => {
  const from = text.indexOf(start);
  expect(from, `README: "${start}" not found`).toBeGreaterThanOrEqual(0);
  return text.slice(from + start.length, text.indexOf(end, from + start.length));
};

// What the example's three uploads store (each checked with the core's upload rules).
const workspace: SalaryOptions = {
  levels: [checkWorkspaceLevel({ name: "Staff", aliases: ["L6", "Staff engineer"] })],
  locations: [
    checkWorkspaceLocation({ name: "Denver, CO", factor: 0.95, aliases: ["Denver", "DEN"] }),
  ],
  bands: [
    {
      role: "ML Engineer",
      level: "Staff",
      location: "US",
      basis: "base",
      currency: "USD",
      low: 250000,
      high: 310000,
    },
  ],
};

describe("README: the 40-person org's budget", () => {
  const org = JSON.parse(between(example, "$ cat org.json\n", "\n$ curl")) as {
    hires: { level: string; location: string }[];
  };
  const result = planToUnits(runPlan(org, workspace));

  it("the API's answer is the engine's: cost lines, years, totals, departments, the Staff hire", () => {
    const printed = between(example, "-d @org.json \\\n", "\n```").split("\n").slice(1);
    const lines = [
      JSON.stringify(result.costLines),
      ...result.years.map((y) =>
        JSON.stringify({
          label: y.label,
          months: y.months,
          total: y.total,
          endHeadcount: y.endHeadcount,
        }),
      ),
      JSON.stringify(result.totals),
      ...result.departments.map((d) => JSON.stringify([d.department, d.totals.total])),
    ];
    expect(printed.slice(0, lines.length)).toEqual(lines);
    // Staff in Denver: the US Staff band's midpoint 280,000 × 0.95 = 266,000.
    const staff = result.hires[1]!;
    expect([staff.level, staff.location, staff.annualSalary]).toEqual([
      "Staff",
      "Denver, CO",
      266000,
    ]);
    expect(printed[lines.length]).toContain('"annualSalary":266000');
  });

  it("the sheet's AI_PLAN_SUMMARY over the same ranges gives the README's rows, equal to the API's", () => {
    const table = (block: string) =>
      block
        .trim()
        .split("\n")
        .map((row) => row.trim().split(" | "));
    const hires = table(between(example, "Hires:", "Assumptions:"));
    const assumptions = between(example, "Assumptions:", "Team:")
      .split(";")
      .map((pair) => pair.trim().split(" | "));
    const team = table(between(example, "Team:", "=AI_PLAN_SUMMARY"));
    const cell = (v: string | undefined) => (v === undefined || v === "" ? "" : v);
    const summary = invokeFunction(
      "AI_PLAN_SUMMARY",
      [
        hires.map((r) => Array.from({ length: hires[0]!.length }, (_, i) => cell(r[i]))),
        assumptions,
        "",
        team.map((r) => Array.from({ length: team[0]!.length }, (_, i) => cell(r[i]))),
      ],
      workspace,
    ) as (string | number)[][];
    const printed = table(
      between(example, "=AI_PLAN_SUMMARY(Hires, Assumptions, , Team)\n", "\n\n"),
    );
    expect(summary.map((row) => row.map(String))).toEqual(printed);
    const total = summary.find((row) => row[0] === "Total")!;
    expect(total[summary[0]!.indexOf("Total")]).toBe(result.totals.total);
  });
});
