import { PlannerError } from "./errors.js";
import { BUILD_OUT, DEFAULT_UPSKILLING_COST } from "./data/hiring.js";
import type { Source } from "./data/sources.js";
import { nameKey } from "./names.js";
import type { PlanInput } from "./plan.js";

export interface PlanTemplate {
  name: string;
  title: string;
  description: string;
  input: Required<
    Pick<PlanInput, "horizonMonths" | "benefitsRate" | "annualRaise" | "hires" | "upskilling">
  >;
  sources: Source[];
}

/**
 * 000's build-out as plan inputs. A seed window "Month a-b" in plan year N starts the hire in
 * plan month (N−1)·12 + a: the first month of the window. Year 2's "Month 7-9" is month 19.
 * Where the seed offers a choice ("second engineer or data scientist", "AI PM or third
 * engineer") the template takes the specialist the seed's Phase 2 and 3 describe; its salary
 * and recruitment are the seed's stated figures either way.
 */
export const MONTH_WINDOW_RULE =
  'A seed window "Month a-b" in plan year N becomes start month (N−1)×12 + a (the window\'s first month).';

const startMonthOf = (year: number, monthWindow: readonly [number, number]) =>
  (year - 1) * 12 + monthWindow[0];

function buildOut(throughYear: 1 | 2): PlanTemplate["input"] {
  return {
    horizonMonths: throughYear * 12,
    benefitsRate: 0,
    annualRaise: 0,
    hires: BUILD_OUT.hires
      .filter((h) => h.year <= throughYear)
      .map((h) => ({
        role: h.role,
        level: h.level,
        location: "US",
        startMonth: startMonthOf(h.year, h.monthWindow),
        count: 1,
        salary: h.salary,
        recruitingCost: h.recruiting,
      })),
    upskilling: BUILD_OUT.upskilling
      .filter((u) => u.year <= throughYear)
      .map((u) => ({
        path: u.path,
        people: u.people,
        startMonth: startMonthOf(u.year, u.monthWindow),
        costPerPerson: u.cost / u.people,
      })),
  };
}

export const PLAN_TEMPLATES: PlanTemplate[] = [
  {
    name: "year-1-build-out",
    title: "Year 1 Build-Out (Centralized Team)",
    description:
      "A team lead in month 1, a second hire in month 3 and a third in month 5: 3 people, $440K in annual salaries plus benefits.",
    input: buildOut(1),
    sources: [
      ...BUILD_OUT.hires.filter((h) => h.year === 1).map((h) => h.source),
      BUILD_OUT.summaries[0]!.source,
    ],
  },
  {
    name: "year-2-scale-out",
    title: "Year 1 Build-Out and Year 2 Scale-Out (Embedded Engineers)",
    description:
      "The year-1 team, then an embedded engineer and 2 internal engineers upskilled in month 19 and a second embedded engineer in month 22: 5 people + 2 upskilled.",
    input: buildOut(2),
    sources: [
      ...BUILD_OUT.hires.map((h) => h.source),
      ...BUILD_OUT.upskilling.map((u) => u.source),
      DEFAULT_UPSKILLING_COST.source,
      ...BUILD_OUT.summaries.map((s) => s.source),
    ],
  },
];

const TEMPLATE_ALIASES: Record<string, string> = {
  year1: "year-1-build-out",
  "1": "year-1-build-out",
  year1buildout: "year-1-build-out",
  buildout: "year-1-build-out",
  year2: "year-2-scale-out",
  "2": "year-2-scale-out",
  year2scaleout: "year-2-scale-out",
  scaleout: "year-2-scale-out",
};

export function planTemplate(name: unknown, field = "name"): PlanTemplate {
  const key = typeof name === "string" || typeof name === "number" ? nameKey(String(name)) : "";
  const id = TEMPLATE_ALIASES[key] ?? PLAN_TEMPLATES.find((t) => nameKey(t.name) === key)?.name;
  const found = PLAN_TEMPLATES.find((t) => t.name === id);
  if (!found) {
    const names = PLAN_TEMPLATES.map((t) => t.name);
    throw new PlannerError(
      "UNKNOWN_TEMPLATE",
      `Unknown plan template ${JSON.stringify(name)}. Known templates: ${names.join(", ")}.`,
      { field, suggestions: names },
    );
  }
  return structuredCloneTemplate(found);
}

/** A deep copy, so callers can edit a template without touching the shared one. */
function structuredCloneTemplate(t: PlanTemplate): PlanTemplate {
  return JSON.parse(JSON.stringify(t)) as PlanTemplate;
}
