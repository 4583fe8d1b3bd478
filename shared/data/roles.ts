import { S000, S002, source, type Source } from "./sources.js";

import type { LevelId, RoleCategory } from "../vocabulary.js";

export type { LevelId, RoleCategory };

export interface Level {
  id: LevelId;
  name: string;
  /** Years of experience that map to this level when a number is given as the level. */
  minYears: number;
  maxYears: number | null;
  aliases: string[];
  descriptions: { text: string; source: Source }[];
}

// Years as a level: 000 says Entry 0-2, Mid 3-5, Senior 5+; 002 says Mid 2–5y. The overlap is
// settled in 000's favour (the base-salary seed): under 3 years is Entry, 3 to under 5 is Mid.
export const LEVELS: Level[] = [
  {
    id: "entry",
    name: "Entry",
    minYears: 0,
    maxYears: 3,
    aliases: ["junior", "jr", "entry level", "entry-level", "graduate", "new grad", "l1"],
    descriptions: [
      {
        text: "0-2 years, knows basics, learns on the job",
        source: source(
          S000,
          "1. AI/ML Engineer › Experience level",
          "Entry: 0-2 years, knows basics, learns on the job",
        ),
      },
      {
        text: "Entry (0–2y)",
        source: source(S002, "Salary by Role (Total Compensation, USD)", "Entry (0–2y)"),
      },
    ],
  },
  {
    id: "mid",
    name: "Mid",
    minYears: 3,
    maxYears: 5,
    aliases: ["middle", "mid level", "mid-level", "intermediate", "midlevel", "l2"],
    descriptions: [
      {
        text: "3-5 years, can lead a project",
        source: source(
          S000,
          "1. AI/ML Engineer › Experience level",
          "Mid: 3-5 years, can lead a project",
        ),
      },
      {
        text: "Mid (2–5y)",
        source: source(S002, "Salary by Role (Total Compensation, USD)", "Mid (2–5y)"),
      },
    ],
  },
  {
    id: "senior",
    name: "Senior",
    minYears: 5,
    maxYears: null,
    aliases: ["sr", "sr.", "snr", "senior level", "l3"],
    descriptions: [
      {
        text: "5+ years, strategic perspective",
        source: source(
          S000,
          "1. AI/ML Engineer › Experience level",
          "Senior: 5+ years, strategic perspective",
        ),
      },
      {
        text: "Senior (5+y)",
        source: source(S002, "Salary by Role (Total Compensation, USD)", "Senior (5+y)"),
      },
    ],
  },
];

export interface Role {
  id: string;
  name: string;
  aliases: string[];
  category: RoleCategory;
}

export const ROLES: Role[] = [
  {
    id: "ml-engineer",
    name: "ML Engineer",
    category: "engineer",
    aliases: [
      "AI/ML Engineer",
      "MLE",
      "Machine Learning Engineer",
      "AI Engineer",
      "ML Systems Engineer",
      "AI ML Engineer",
      "ML Eng",
    ],
  },
  {
    id: "data-scientist",
    name: "Data Scientist",
    category: "data",
    aliases: ["DS", "Data Science"],
  },
  {
    id: "prompt-engineer",
    name: "Prompt Engineer",
    category: "other",
    aliases: ["Prompt Eng", "Prompt Engineering"],
  },
  {
    id: "prompt-engineering-manager",
    name: "Prompt Engineering Manager",
    category: "manager",
    aliases: [
      "Prompt Engineer/Manager",
      "Prompt Engineer Manager",
      "Prompt Lead",
      "Prompt Team Lead",
    ],
  },
  {
    id: "ai-product-manager",
    name: "AI Product Manager",
    category: "pm",
    aliases: ["AI PM", "PM", "AIPM", "Product Manager AI"],
  },
  {
    id: "data-infrastructure-engineer",
    name: "Data Infrastructure Engineer",
    category: "data",
    aliases: [
      "Data Infrastructure / Platform Engineer",
      "Data Platform Engineer",
      "Platform Engineer",
      "Data Engineer",
      "Data Infrastructure",
      "Data Infra Engineer",
    ],
  },
  {
    id: "mlops-engineer",
    name: "MLOps Engineer",
    category: "engineer",
    aliases: ["ML Ops Engineer", "MLOps", "ML Ops"],
  },
  {
    id: "nlp-engineer",
    name: "NLP Engineer",
    category: "engineer",
    aliases: ["NLP", "Natural Language Processing Engineer"],
  },
  {
    id: "computer-vision-engineer",
    name: "Computer Vision Engineer",
    category: "engineer",
    aliases: ["CV Engineer", "Computer Vision Eng", "Computer Vision"],
  },
  {
    id: "reinforcement-learning-engineer",
    name: "Reinforcement Learning Engineer",
    category: "engineer",
    aliases: ["RL Engineer"],
  },
  {
    id: "ai-research-scientist",
    name: "AI Research Scientist",
    category: "other",
    aliases: ["Research Scientist", "ML Researcher", "AI Researcher"],
  },
  {
    id: "ai-ethics-specialist",
    name: "AI Ethics Specialist",
    category: "other",
    aliases: ["Ethics Specialist", "Responsible AI Specialist"],
  },
  {
    id: "ai-ux-designer",
    name: "AI UX Designer",
    category: "other",
    aliases: ["UX Designer", "AI Designer"],
  },
  {
    id: "ai-trainer",
    name: "AI Trainer/Evaluator",
    category: "other",
    aliases: ["AI Trainer", "AI Evaluator", "Model Evaluator"],
  },
  {
    id: "ai-safety-specialist",
    name: "AI Safety & Alignment Specialist",
    category: "other",
    aliases: ["AI Safety Specialist", "Alignment Specialist", "Red Teaming Specialist"],
  },
  {
    id: "domain-ai-specialist",
    name: "Domain-Specific AI Specialist",
    category: "other",
    aliases: ["Domain AI Specialist"],
  },
  {
    id: "llm-ops-engineer",
    name: "LLM Ops Engineer",
    category: "engineer",
    aliases: ["LLMOps Engineer", "LLM Ops", "LLMOps"],
  },
  {
    id: "ai-governance-officer",
    name: "AI Ethics & Governance Officer",
    category: "other",
    aliases: ["AI Governance Officer", "Governance Officer"],
  },
  {
    id: "ai-curriculum-designer",
    name: "AI Education & Curriculum Designer",
    category: "other",
    aliases: ["AI Curriculum Designer", "AI Education Designer"],
  },
];

export interface Location {
  id: string;
  name: string;
  currency: "USD" | "GBP";
  /** Cost-of-living index from 002's location table; null where the seed says "Variable" or gives none. */
  costOfLivingIndex: number | null;
  aliases: string[];
  source: Source | null;
}

const LOCATION_TABLE = "Salary by Location (2026)";

export const LOCATIONS: Location[] = [
  {
    id: "us",
    name: "US",
    currency: "USD",
    costOfLivingIndex: null,
    aliases: ["USA", "United States", "U.S.", "U.S.A.", "US national", "National"],
    source: source(S000, "Salary (US, 2026)", "Salary (US, 2026):"),
  },
  {
    id: "san-francisco",
    name: "San Francisco, CA",
    currency: "USD",
    costOfLivingIndex: 220,
    aliases: ["SF", "San Francisco", "San Fran", "SFO"],
    source: source(S002, LOCATION_TABLE, "| San Francisco, CA | $200K–$280K | $150K–$220K | 220 |"),
  },
  {
    id: "new-york",
    name: "New York, NY",
    currency: "USD",
    costOfLivingIndex: 210,
    aliases: ["NYC", "New York", "NY", "New York City"],
    source: source(S002, LOCATION_TABLE, "| New York, NY | $180K–$260K | $140K–$200K | 210 |"),
  },
  {
    id: "boston",
    name: "Boston, MA",
    currency: "USD",
    costOfLivingIndex: 190,
    aliases: ["Boston", "BOS"],
    source: source(S002, LOCATION_TABLE, "| Boston, MA | $170K–$240K | $130K–$190K | 190 |"),
  },
  {
    id: "seattle",
    name: "Seattle, WA",
    currency: "USD",
    costOfLivingIndex: 180,
    aliases: ["Seattle", "SEA"],
    source: source(S002, LOCATION_TABLE, "| Seattle, WA | $160K–$240K | $120K–$180K | 180 |"),
  },
  {
    id: "austin",
    name: "Austin, TX",
    currency: "USD",
    costOfLivingIndex: 120,
    aliases: ["Austin", "ATX"],
    source: source(S002, LOCATION_TABLE, "| Austin, TX | $140K–$200K | $110K–$160K | 120 |"),
  },
  {
    id: "london",
    name: "London, UK",
    currency: "GBP",
    costOfLivingIndex: 165,
    aliases: ["London", "LDN", "London England"],
    source: source(
      S002,
      LOCATION_TABLE,
      "| London, UK | £130K–£180K (~$165K–$230K) | £100K–£150K (~$128K–$190K) | 165 |",
    ),
  },
  {
    id: "remote",
    name: "Remote (Global)",
    currency: "USD",
    costOfLivingIndex: null,
    aliases: ["Remote", "Global", "Anywhere", "Remote Global"],
    source: source(
      S002,
      LOCATION_TABLE,
      "| Remote (Global) | $140K–$180K | $110K–$150K | Variable |",
    ),
  },
];
