/** Team functions: the seed's ratios as a recommended team, one rule at a time, and a check. */
import {
  checkTeam,
  dataPeopleFor,
  engineersFor,
  managersFor,
  productManagersFor,
  recommendTeam,
} from "../team.js";
import { choice, integer, number } from "./args.js";
import { defineFunction, type CatalogueEntry } from "./types.js";

const projectsPerEngineer = (help: string, map = false) =>
  integer("projects_per_engineer", help, { default: 3, map });

const count = <const N extends string>(name: N, help: string) => integer(name, help, { min: 0 });

export const TEAM_FUNCTIONS: CatalogueEntry[] = [
  defineFunction({
    name: "AI_TEAM",
    category: "Team",
    summary: "Recommended team for a number of projects, from the seed's ratios.",
    args: [
      number("projects", "Number of AI projects."),
      projectsPerEngineer('3 or 4 (the seed\'s "one engineer per 3-4 projects").'),
    ],
    returns: { kind: "table", help: "Role and count rows, with a Total row." },
    example: { args: [12] },
    run: ({ projects, projects_per_engineer }) => {
      const t = recommendTeam(projects, projects_per_engineer);
      return [
        ["Role", "Count"],
        ["Engineers", t.engineers],
        ["Data people", t.dataPeople],
        ["Product managers", t.productManagers],
        ["Managers", t.managers],
        ["Total", t.total],
      ];
    },
  }),
  defineFunction({
    name: "AI_RATIO",
    category: "Team",
    summary:
      "One ratio rule on its own: engineers for projects, data people or PMs for engineers, managers for a team size.",
    args: [
      choice(
        "rule",
        '"engineers" (value = projects), "data" or "pm" (value = engineers), "manager" (value = team size).',
        ["engineers", "data", "pm", "manager"],
        { map: true },
      ),
      number("value", "The count the rule is applied to.", { map: true }),
      projectsPerEngineer("3 or 4, for the engineers rule.", true),
    ],
    returns: { kind: "number", help: "The number of people the rule calls for." },
    example: { args: ["data", 5] },
    run: ({ rule, value, projects_per_engineer }) => {
      if (rule === "engineers") return engineersFor(value, projects_per_engineer);
      if (rule === "data") return dataPeopleFor(value);
      if (rule === "pm") return productManagersFor(value);
      return managersFor(value);
    },
  }),
  defineFunction({
    name: "AI_TEAM_CHECK",
    category: "Team",
    summary: "Which of the seed's ratio rules a team breaks.",
    args: [
      count("engineers", "Engineers on the team."),
      count("data_people", "Data people."),
      count("product_managers", "Product managers."),
      count("managers", "Managers."),
      integer("projects", "Projects, to check the engineers rule.", { optional: true, min: 0 }),
      projectsPerEngineer("3 or 4."),
    ],
    returns: { kind: "column", help: 'One line per broken rule, or "OK".' },
    example: { args: [6, 1, 0, 0, 20] },
    run: (a) => {
      const breaches = checkTeam(
        {
          engineers: a.engineers,
          dataPeople: a.data_people,
          productManagers: a.product_managers,
          managers: a.managers,
          ...(a.projects === undefined ? {} : { projects: a.projects }),
        },
        a.projects_per_engineer,
      );
      return breaches.length ? breaches.map((b) => [b.message]) : [["OK"]];
    },
  }),
];
