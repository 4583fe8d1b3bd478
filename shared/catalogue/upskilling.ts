/** Upskilling functions: paths, career transitions, and hire-or-upskill. */
import { RECRUITING_CHANNELS } from "../data/hiring.js";
import { citation } from "../data/sources.js";
import { hireVsUpskill, HIRE_VS_UPSKILL_ASSUMPTIONS } from "../hire-vs-upskill.js";
import { toUnits } from "../money.js";
import { hireVsUpskillWork, WORK_COSTS } from "../work-budget.js";
import type { Spread } from "../plan-range.js";
import { careerTransitions, upskillingPath } from "../upskilling.js";
import { assumptions, choice, levelOrYears, text } from "./args.js";
import { defineFunction, type CatalogueEntry } from "./types.js";

export const UPSKILLING_FUNCTIONS: CatalogueEntry[] = [
  defineFunction({
    name: "AI_HIRE_VS_UPSKILL",
    category: "Upskilling",
    summary:
      "Hire or upskill: months until productive, cash over the horizon (the hire costed by the plan engine: payroll, benefits, raises, recruiting), productive person-months and cost per productive month for each option (low / expected / high).",
    args: [
      text(
        "target_role",
        "The role to fill: ML Engineer, Data Scientist or Prompt Engineer (the roles the seeds' upskilling paths lead to).",
      ),
      levelOrYears("level", "Level of the hire: Entry, Mid, Senior (or years)."),
      text("location", "Where the hire would be; blank for the US.", {
        optional: true,
        defaultText: "US",
      }),
      text(
        "from_role",
        'Who would be upskilled, e.g. "Backend engineer", "Analyst"; blank for the path\'s usual starting point.',
        { optional: true },
      ),
      assumptions("assumptions", {
        accepts: HIRE_VS_UPSKILL_ASSUMPTIONS,
        what: "AI_HIRE_VS_UPSKILL",
        defaults: { horizonMonths: "12" },
      }),
      text(
        "channel",
        `Recruiting channel for the hire: ${RECRUITING_CHANNELS.map((c) => c.id).join(", ")} (blank: the seed's $10K).`,
        { optional: true },
      ),
    ],
    returns: {
      kind: "table",
      help: "Measure rows; Hire low / expected / high and Upskill low / expected / high columns.",
    },
    example: {
      args: [
        "ML Engineer",
        "Mid",
        "Austin",
        "Backend engineer",
        [
          ["Horizon months", 12],
          ["Benefits rate", 0.25],
        ],
        "recruiter",
      ],
      formula:
        '=AI_HIRE_VS_UPSKILL("ML Engineer", "Mid", "Austin", "Backend engineer", Assumptions!A1:B2, "recruiter")',
    },
    work: () => hireVsUpskillWork(),
    run: (a, ctx) => {
      const r = hireVsUpskill(
        {
          targetRole: a.target_role,
          level: a.level,
          location: a.location,
          fromRole: a.from_role,
          channel: a.channel,
          ...a.assumptions,
        },
        ctx,
      );
      const money = (v: { low: number | null; expected: number | null; high: number | null }) =>
        [v.low, v.expected, v.high].map((x) => (x === null ? "" : toUnits(x)));
      const plain = (v: Spread) => [v.low, v.expected, v.high];
      return [
        [
          "Measure",
          "Hire low",
          "Hire expected",
          "Hire high",
          "Upskill low",
          "Upskill expected",
          "Upskill high",
        ],
        [
          "Months until productive",
          ...plain(r.hire.monthsUntilProductive),
          ...plain(r.upskill.monthsUntilProductive),
        ],
        [
          `Cash cost over ${r.horizonMonths} months`,
          ...money(r.hire.cashCost),
          ...money(r.upskill.cashCost),
        ],
        [
          "Productive person-months",
          ...plain(r.hire.productivePersonMonths),
          ...plain(r.upskill.productivePersonMonths),
        ],
        [
          "Cost per productive month",
          ...money(r.hire.costPerProductiveMonth),
          ...money(r.upskill.costPerProductiveMonth),
        ],
      ];
    },
  }),
  defineFunction({
    name: "AI_UPSKILL",
    category: "Upskilling",
    summary: "An upskilling path's steps with their week ranges, and the total.",
    args: [
      text(
        "path",
        '"Engineer → AI Engineer", "Analyst → Data Scientist" or "Anyone → Prompt Engineer".',
      ),
      choice(
        "what",
        '"steps" (table), "min weeks" or "max weeks".',
        ["steps", "min weeks", "max weeks"] as const,
        { default: "steps" },
      ),
    ],
    returns: {
      kind: "table",
      help: "Step, Min weeks, Max weeks rows and a Total row; or one number.",
    },
    example: { args: ["Engineer → AI Engineer"] },
    cost: WORK_COSTS.lookup,
    run: ({ path, what }) => {
      const p = upskillingPath(path);
      if (what === "min weeks") return p.minWeeks;
      if (what === "max weeks") return p.maxWeeks;
      return [
        ["Step", "Min weeks", "Max weeks"],
        ...p.steps.map((s) => [s.name, s.minWeeks, s.maxWeeks]),
        ["Total", p.minWeeks, p.maxWeeks],
      ];
    },
  }),
  defineFunction({
    name: "AI_TRANSITION",
    category: "Upskilling",
    summary:
      "Career transition timelines in months from the seeds, optionally filtered by where people come from and go to.",
    args: [
      text("from", 'Source career, e.g. "Software Engineer", "Data Analyst"; blank for all.', {
        optional: true,
      }),
      text("to", 'Target role, e.g. "ML Engineer"; blank for all.', { optional: true }),
    ],
    returns: { kind: "table", help: "From, To, Min months, Max months, Source." },
    example: { args: ["Software Engineer"] },
    cost: WORK_COSTS.lookup,
    run: ({ from, to }) => [
      ["From", "To", "Min months", "Max months", "Source"],
      ...careerTransitions(from, to).map((t) => [
        t.from,
        t.to,
        t.minMonths,
        t.maxMonths,
        citation(t.source, false),
      ]),
    ],
  }),
];
