/** Salary functions: point values, ranges, provenance and position in range. */
import { WORK_COSTS } from "../work-budget.js";
import { BASES } from "../data/salaries.js";
import { citation } from "../data/sources.js";
import { toUnits } from "../money.js";
import {
  COMPANY_STAGES,
  CURRENCIES,
  SALARY_POINTS,
  positionInRange,
  salaryRange,
  totalCompEstimate,
  type SalaryRange,
} from "../salary.js";
import { choice, levelOrYears, number, text } from "./args.js";
import { defineFunction, type CatalogueEntry } from "./types.js";

const role = text("role", 'Role name or alias, e.g. "ML Engineer", "MLE", "Data Scientist".', {
  map: true,
});
const level = levelOrYears(
  "level",
  'Entry, Mid or Senior (or "Junior", "Sr", or years of experience).',
  { map: true },
);
const location = text(
  "location",
  'City or alias ("SF", "NYC", "Austin", "London", "Remote"); blank for the US as a whole.',
  { optional: true, defaultText: "US", map: true },
);
const basis = choice(
  "basis",
  '"base" (000\'s base salary lists), "total" (002\'s total-compensation table) or "market" (002\'s career-path salaries).',
  BASES,
  { default: "base", map: true },
);
const currency = choice(
  "currency",
  '"USD" or "GBP"; defaults to the location\'s currency (GBP for London).',
  CURRENCIES,
  { optional: true, defaultText: "location's", map: true },
);
const point = choice("point", '"mid", "low" or "high".', SALARY_POINTS, {
  default: "mid",
  map: true,
});

function describeSources(r: SalaryRange): string {
  const notes = r.notes.length ? ` Notes: ${r.notes.join(" ")}` : "";
  if (r.provenance === "workspace") return `workspace band: ${r.method}${notes}`;
  const src = r.sources.map((s) => citation(s)).join(" | ");
  return `${r.derived ? `derived: ${r.method}. Sources: ${src}` : `seed: ${src}`}${notes}`;
}

export const SALARY_FUNCTIONS: CatalogueEntry[] = [
  defineFunction({
    name: "AI_SALARY",
    category: "Salary",
    summary: "Salary for a role, level and location: the mid of the range, or its low or high.",
    args: [role, level, location, basis, currency, point],
    returns: { kind: "number", help: "Annual amount in the currency." },
    example: { args: ["ML Engineer", "Mid", "Austin"] },
    cost: WORK_COSTS.lookup,
    run: ({ point, ...query }, ctx) => toUnits(salaryRange(query, ctx)[point]),
  }),
  defineFunction({
    name: "AI_SALARY_RANGE",
    category: "Salary",
    summary: "Low, mid and high salary for a role, level and location, as one row.",
    args: [role, level, location, basis, currency],
    returns: {
      kind: "row",
      help: "One row: low, mid, high (one row per input row when given ranges).",
    },
    example: { args: ["Data Scientist", "Senior", "NYC"] },
    cost: WORK_COSTS.lookup,
    run: (query, ctx) => {
      const r = salaryRange(query, ctx);
      return [[toUnits(r.low), toUnits(r.mid), toUnits(r.high)]];
    },
  }),
  defineFunction({
    name: "AI_SALARY_SOURCE",
    category: "Salary",
    summary:
      "Where a salary figure comes from: the seed, section and words, or how it was derived, and any note (such as two seeds disagreeing).",
    args: [role, level, location, basis, currency],
    returns: { kind: "text", help: "The provenance of AI_SALARY's figure for the same arguments." },
    example: { args: ["ML Engineer", "Senior", "Austin"] },
    cost: WORK_COSTS.lookup,
    run: (query, ctx) => describeSources(salaryRange(query, ctx)),
  }),
  defineFunction({
    name: "AI_SALARY_POSITION",
    category: "Salary",
    summary: "Where a salary sits in its range: 0 at the low end, 1 at the high end.",
    args: [
      number("salary", "The annual salary to place.", { map: true }),
      role,
      level,
      location,
      basis,
    ],
    returns: { kind: "number", help: "Position in range (below 0 or above 1 when outside it)." },
    example: { args: [165000, "ML Engineer", "Mid"] },
    cost: WORK_COSTS.lookup,
    run: ({ salary, ...query }, ctx) => positionInRange(salary, salaryRange(query, ctx)),
  }),
  defineFunction({
    name: "AI_TOTAL_COMP",
    category: "Salary",
    summary:
      "An estimate of total compensation: the base range at the location plus the seed's equity share for a company stage (not 002's total-compensation table, which AI_SALARY with basis \"total\" gives).",
    args: [
      role,
      level,
      location,
      choice("stage", '"startup" (equity 50–100% of base) or "public" (30–50%).', COMPANY_STAGES, {
        default: "startup",
        map: true,
      }),
      point,
    ],
    returns: { kind: "number", help: "Estimated annual total compensation (derived)." },
    example: { args: ["ML Engineer", "Senior", "", "public"] },
    cost: WORK_COSTS.lookup,
    run: ({ point, ...query }, ctx) => toUnits(totalCompEstimate(query, ctx)[point]),
  }),
];
