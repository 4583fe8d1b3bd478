/** Reference functions: roles, levels, locations, profiles, channels and the dataset version. */
import { WORK_COSTS } from "../work-budget.js";
import { PROFILE_SECTIONS, type ProfileSection } from "../data/profiles.js";
import {
  dataset,
  listChannels,
  listLevels,
  listLocations,
  listRoles,
  roleProfile,
} from "../dataset.js";
import { PlannerError } from "../errors.js";
import { NameIndex } from "../names.js";
import { text } from "./args.js";
import { defineFunction, type CatalogueEntry } from "./types.js";

const SECTION_NAMES: Record<ProfileSection | "summary", string> = {
  summary: "summary",
  whatTheyDo: "what they do",
  lookFor: "what to look for",
  redFlags: "red flags",
  whereToFind: "where to find them",
  interview: "interview approach",
};
const SHORT_NAMES: Partial<Record<ProfileSection | "summary", string>> = {
  whereToFind: "find",
  lookFor: "look for",
  redFlags: "flags",
  whatTheyDo: "what",
};
const sectionIndex = new NameIndex<ProfileSection | "summary">(
  "profile section",
  "INVALID_ARGUMENT",
  ["summary", ...PROFILE_SECTIONS],
  (s) => SECTION_NAMES[s],
  (s) => [s, SECTION_NAMES[s].replace(/^what /, ""), SHORT_NAMES[s] ?? s],
);

const round4 = (n: number) => Math.round(n * 10000) / 10000;

export const REFERENCE_FUNCTIONS: CatalogueEntry[] = [
  defineFunction({
    name: "AI_ROLES",
    category: "Reference",
    summary: "Every known role with the levels the seeds give salary data for.",
    args: [],
    returns: {
      kind: "table",
      help: "Role, Category, Base levels, Total levels, Market levels, Aliases.",
    },
    example: { args: [] },
    cost: 4 * WORK_COSTS.call,
    run: () => [
      ["Role", "Category", "Base levels", "Total levels", "Market levels", "Aliases"],
      ...listRoles().map((r) => [
        r.name,
        r.category,
        r.levelsWithData["base"]!.join(", "),
        r.levelsWithData["total"]!.join(", "),
        r.levelsWithData["market"]!.join(", "),
        r.aliases.join(", "),
      ]),
    ],
  }),
  defineFunction({
    name: "AI_LEVELS",
    category: "Reference",
    summary: "Levels with their years of experience and aliases.",
    args: [],
    returns: { kind: "table", help: "Level, Min years, Max years, Aliases." },
    example: { args: [] },
    run: () => [
      ["Level", "Min years", "Max years", "Aliases"],
      ...listLevels().map((l) => [l.name, l.minYears, l.maxYears ?? "", l.aliases.join(", ")]),
    ],
  }),
  defineFunction({
    name: "AI_LOCATIONS",
    category: "Reference",
    summary:
      "Locations with currency, cost-of-living index and the location factor used for derived salaries.",
    args: [],
    returns: {
      kind: "table",
      help: "Location, Currency, Cost of living index, Factor (ML Engineer), Factor (Data Scientist), Factor (other roles).",
    },
    example: { args: [] },
    run: () => [
      [
        "Location",
        "Currency",
        "Cost of living index",
        "Factor (ML Engineer)",
        "Factor (Data Scientist)",
        "Factor (other roles)",
      ],
      ...listLocations().map((l) => [
        l.name,
        l.currency,
        l.costOfLivingIndex ?? "",
        round4(l.factor.byRole["ml-engineer"] ?? 1),
        round4(l.factor.byRole["data-scientist"] ?? 1),
        round4(l.factor.average),
      ]),
    ],
  }),
  defineFunction({
    name: "AI_ROLE_INFO",
    category: "Reference",
    summary:
      "A role's profile from the seeds: summary, what they do, what to look for, red flags, where to find them, interview approach.",
    args: [
      text("role", 'Role name or alias, e.g. "ML Engineer", "MLE", "Data Scientist".'),
      text(
        "section",
        "summary, what they do, what to look for, red flags, where to find them, interview approach.",
        { default: "summary" },
      ),
    ],
    returns: { kind: "column", help: "One item per row." },
    example: { args: ["ML Engineer", "red flags"] },
    cost: WORK_COSTS.lookup,
    run: ({ role, section: sectionName }) => {
      const p = roleProfile(role);
      const section = sectionIndex.resolve(sectionName, "section");
      const parts =
        section === "interview"
          ? [...p.interview, ...p.generalInterview]
          : section === "whereToFind"
            ? [...p.whereToFind, ...p.generalSourcing]
            : p[section];
      const items = parts.flatMap((x) => x.items);
      if (!items.length) {
        const has = (["summary", ...PROFILE_SECTIONS] as const)
          .filter((s) => p[s].length)
          .map((s) => SECTION_NAMES[s]);
        throw new PlannerError(
          "NO_DATA",
          `The seeds say nothing about ${p.role}'s ${SECTION_NAMES[section]}. They cover: ${has.join(", ")}.`,
          { field: "section", available: has },
        );
      }
      return items.map((i) => [i]);
    },
  }),
  defineFunction({
    name: "AI_CHANNELS",
    category: "Reference",
    summary: "Recruiting channels ranked by quality, with the costs the seed states.",
    args: [],
    returns: { kind: "table", help: "Rank, Channel, Quality, Cost, Notes." },
    example: { args: [] },
    run: () => [
      ["Rank", "Channel", "Quality", "Cost", "Notes"],
      ...listChannels().map((c) => [
        c.rank,
        c.name,
        c.quality,
        c.cost
          ? c.cost.kind === "fixed"
            ? `$${c.cost.low}-$${c.cost.high} per hire`
            : `${c.cost.low * 100}-${c.cost.high * 100}% of salary`
          : "",
        c.notes,
      ]),
    ],
  }),
  defineFunction({
    name: "AI_DATASET_VERSION",
    category: "Reference",
    summary: "The dataset version and content hash the figures come from.",
    args: [],
    returns: { kind: "text", help: '"version (hash)".' },
    example: { args: [] },
    run: () => {
      const d = dataset();
      return `${d.version} (${d.hash})`;
    },
  }),
];
