import type { LevelId } from "./roles.js";
import { S000, S002, source, type Source } from "./sources.js";
import { BASES, type Basis, type Currency } from "../vocabulary.js";

/**
 * `base`   = 000's "Salary (US, 2026)" lists (the default);
 * `total`  = 002's "Salary by Role (Total Compensation, USD)" table;
 * `market` = 002's per-role "Salary (2026)" lines in its career-path section.
 * One source per basis, so the seeds never compete for the same figure.
 */
export { BASES, type Basis, type Currency };

/** A range exactly as a seed states it, in whole currency units. */
export interface StatedRange {
  role: string;
  level: LevelId;
  /** Location id; "us" for the seeds' national figures. */
  location: string;
  basis: Basis;
  currency: Currency;
  year: 2026;
  low: number;
  high: number;
  /** The seed writes the high end with a "+" ("$300K–$500K+"). */
  openEnded?: boolean;
  source: Source;
}

function stated(
  basis: Basis,
  role: string,
  level: LevelId,
  low: number,
  high: number,
  src: Source,
  extra: { location?: string; currency?: Currency; openEnded?: boolean } = {},
): StatedRange {
  return {
    role,
    level,
    location: extra.location ?? "us",
    basis,
    currency: extra.currency ?? "USD",
    year: 2026,
    low,
    high,
    ...(extra.openEnded ? { openEnded: true } : {}),
    source: src,
  };
}

const K = 1000;
const base = (
  role: string,
  section: string,
  level: LevelId,
  low: number,
  high: number,
  quote: string,
) =>
  stated(
    "base",
    role,
    level,
    low * K,
    high * K,
    source(S000, `${section} › Salary (US, 2026)`, quote),
  );

export const BASE_SALARIES: StatedRange[] = [
  base("ml-engineer", "1. AI/ML Engineer", "entry", 120, 140, "Entry: $120K-140K"),
  base("ml-engineer", "1. AI/ML Engineer", "mid", 150, 180, "Mid: $150K-180K"),
  base("ml-engineer", "1. AI/ML Engineer", "senior", 200, 280, "Senior: $200K-280K"),
  base("data-scientist", "2. Data Scientist", "entry", 110, 130, "Entry: $110K-130K"),
  base("data-scientist", "2. Data Scientist", "mid", 140, 170, "Mid: $140K-170K"),
  base("data-scientist", "2. Data Scientist", "senior", 180, 250, "Senior: $180K-250K"),
  base("prompt-engineer", "3. Prompt Engineer", "entry", 80, 110, "Entry: $80K-110K"),
  base("prompt-engineer", "3. Prompt Engineer", "mid", 110, 150, "Mid: $110K-150K"),
  base("ai-product-manager", "5. AI Product Manager", "entry", 120, 150, "Entry: $120K-150K"),
  base("ai-product-manager", "5. AI Product Manager", "mid", 150, 200, "Mid: $150K-200K"),
  base("ai-product-manager", "5. AI Product Manager", "senior", 180, 250, "Senior: $180K-250K"),
  base(
    "data-infrastructure-engineer",
    "6. Data Infrastructure / Platform Engineer",
    "mid",
    160,
    200,
    "Mid: $160K-200K",
  ),
  base(
    "data-infrastructure-engineer",
    "6. Data Infrastructure / Platform Engineer",
    "senior",
    200,
    280,
    "Senior: $200K-280K",
  ),
];

const TOTAL_SECTION = "AI Salary Guide 2026 › Salary by Role (Total Compensation, USD)";
function totalRow(role: string, row: string, cells: [number, number, boolean?][]): StatedRange[] {
  const levels: LevelId[] = ["entry", "mid", "senior"];
  return cells.map(([low, high, open], i) =>
    stated(
      "total",
      role,
      levels[i]!,
      low * K,
      high * K,
      source(S002, TOTAL_SECTION, row),
      open ? { openEnded: true } : {},
    ),
  );
}

export const TOTAL_COMPENSATION: StatedRange[] = [
  ...totalRow("ml-engineer", "| ML Engineer | $110K–$150K | $150K–$220K | $200K–$350K |", [
    [110, 150],
    [150, 220],
    [200, 350],
  ]),
  ...totalRow("data-scientist", "| Data Scientist | $90K–$130K | $120K–$180K | $160K–$280K |", [
    [90, 130],
    [120, 180],
    [160, 280],
  ]),
  ...totalRow("nlp-engineer", "| NLP Engineer | $110K–$150K | $150K–$220K | $200K–$350K |", [
    [110, 150],
    [150, 220],
    [200, 350],
  ]),
  ...totalRow(
    "computer-vision-engineer",
    "| Computer Vision Eng | $110K–$150K | $150K–$220K | $200K–$350K |",
    [
      [110, 150],
      [150, 220],
      [200, 350],
    ],
  ),
  ...totalRow("prompt-engineer", "| Prompt Engineer | $80K–$120K | $120K–$180K | $160K–$250K |", [
    [80, 120],
    [120, 180],
    [160, 250],
  ]),
  ...totalRow(
    "ai-research-scientist",
    "| AI Research Scientist | $150K–$200K | $200K–$300K | $300K–$500K+ |",
    [
      [150, 200],
      [200, 300],
      [300, 500, true],
    ],
  ),
  ...totalRow(
    "ai-product-manager",
    "| AI Product Manager | $120K–$160K | $160K–$240K | $220K–$350K |",
    [
      [120, 160],
      [160, 240],
      [220, 350],
    ],
  ),
  ...totalRow("mlops-engineer", "| MLOps Engineer | $110K–$150K | $150K–$210K | $190K–$320K |", [
    [110, 150],
    [150, 210],
    [190, 320],
  ]),
];

const market = (
  role: string,
  section: string,
  level: LevelId,
  low: number,
  high: number,
  quote: string,
) =>
  stated(
    "market",
    role,
    level,
    low * K,
    high * K,
    source(S002, `Top AI Career Paths › ${section} › Salary (2026)`, quote),
  );

// 002's research-scientist line names "PhD entry" and "Experienced" rather than Entry/Mid/Senior;
// only "PhD entry" maps to a level. "Experienced: $200K–$400K+" matches no single level, so it is
// kept as a role note (see ROLE_WIDE_RANGES) instead of being assigned to Mid or Senior.
export const MARKET_SALARIES: StatedRange[] = [
  market("ml-engineer", "1. Machine Learning Engineer", "entry", 110, 140, "Entry: $110K–$140K."),
  market("ml-engineer", "1. Machine Learning Engineer", "mid", 150, 200, "Mid: $150K–$200K."),
  market(
    "ml-engineer",
    "1. Machine Learning Engineer",
    "senior",
    180,
    280,
    "Senior: $180K–$280K. (Higher in SF/NYC/London)",
  ),
  market("data-scientist", "2. Data Scientist", "entry", 90, 120, "Entry: $90K–$120K."),
  market("data-scientist", "2. Data Scientist", "mid", 120, 170, "Mid: $120K–$170K."),
  market("data-scientist", "2. Data Scientist", "senior", 160, 250, "Senior: $160K–$250K."),
  market(
    "ai-research-scientist",
    "3. AI Research Scientist",
    "entry",
    150,
    200,
    "PhD entry: $150K–$200K.",
  ),
  market("nlp-engineer", "4. NLP Engineer", "entry", 110, 140, "Entry: $110K–$140K."),
  market("nlp-engineer", "4. NLP Engineer", "mid", 150, 200, "Mid: $150K–$200K."),
  market("nlp-engineer", "4. NLP Engineer", "senior", 180, 280, "Senior: $180K–$280K."),
  market(
    "computer-vision-engineer",
    "5. Computer Vision Engineer",
    "entry",
    110,
    140,
    "Entry: $110K–$140K.",
  ),
  market(
    "computer-vision-engineer",
    "5. Computer Vision Engineer",
    "mid",
    150,
    200,
    "Mid: $150K–$200K.",
  ),
  market(
    "computer-vision-engineer",
    "5. Computer Vision Engineer",
    "senior",
    180,
    280,
    "Senior: $180K–$280K. (Higher in autonomous driving/robotics)",
  ),
  market("ai-product-manager", "6. AI Product Manager", "mid", 130, 180, "Mid: $130K–$180K."),
  market("ai-product-manager", "6. AI Product Manager", "senior", 180, 280, "Senior: $180K–$280K."),
  market("prompt-engineer", "7. Prompt Engineer", "entry", 80, 120, "Entry: $80K–$120K."),
  market("prompt-engineer", "7. Prompt Engineer", "mid", 120, 160, "Mid: $120K–$160K."),
  market(
    "prompt-engineer",
    "7. Prompt Engineer",
    "senior",
    150,
    200,
    "Senior: $150K–$200K. (Varies widely—startups pay more)",
  ),
  market("ai-ethics-specialist", "8. AI Ethics Specialist", "mid", 110, 150, "Mid: $110K–$150K."),
  market(
    "ai-ethics-specialist",
    "8. AI Ethics Specialist",
    "senior",
    150,
    220,
    "Senior: $150K–$220K.",
  ),
];

const LOCATION_SECTION = "AI Salary Guide 2026 › Salary by Location (2026)";
const loc = (
  role: string,
  location: string,
  low: number,
  high: number,
  quote: string,
  currency: Currency = "USD",
) =>
  stated("base", role, "mid", low * K, high * K, source(S002, LOCATION_SECTION, quote), {
    location,
    currency,
  });

/**
 * 002's location table: mid-level ML Engineer and Data Scientist salaries in seven places. It
 * states salaries without splitting base from bonus, so it answers the `base` and `market`
 * bases for exactly these cells (a `total` request is derived from the total table instead).
 * London is stated in GBP with the seed's own approximate USD equivalents ("~$165K–$230K").
 */
export const LOCATION_SALARIES: StatedRange[] = [
  loc("ml-engineer", "san-francisco", 200, 280, "| San Francisco, CA | $200K–$280K |"),
  loc("data-scientist", "san-francisco", 150, 220, "| San Francisco, CA | … | $150K–$220K |"),
  loc("ml-engineer", "new-york", 180, 260, "| New York, NY | $180K–$260K |"),
  loc("data-scientist", "new-york", 140, 200, "| New York, NY | … | $140K–$200K |"),
  loc("ml-engineer", "boston", 170, 240, "| Boston, MA | $170K–$240K |"),
  loc("data-scientist", "boston", 130, 190, "| Boston, MA | … | $130K–$190K |"),
  loc("ml-engineer", "seattle", 160, 240, "| Seattle, WA | $160K–$240K |"),
  loc("data-scientist", "seattle", 120, 180, "| Seattle, WA | … | $120K–$180K |"),
  loc("ml-engineer", "austin", 140, 200, "| Austin, TX | $140K–$200K |"),
  loc("data-scientist", "austin", 110, 160, "| Austin, TX | … | $110K–$160K |"),
  loc("ml-engineer", "london", 130, 180, "| London, UK | £130K–£180K (~$165K–$230K) |", "GBP"),
  loc("ml-engineer", "london", 165, 230, "| London, UK | £130K–£180K (~$165K–$230K) |"),
  loc(
    "data-scientist",
    "london",
    100,
    150,
    "| London, UK | … | £100K–£150K (~$128K–$190K) |",
    "GBP",
  ),
  loc("data-scientist", "london", 128, 190, "| London, UK | … | £100K–£150K (~$128K–$190K) |"),
  loc("ml-engineer", "remote", 140, 180, "| Remote (Global) | $140K–$180K |"),
  loc("data-scientist", "remote", 110, 150, "| Remote (Global) | … | $110K–$150K |"),
];

/** Role-wide ranges a seed states without levels (overview lines). Reference only: never a level's figure. */
export interface RoleWideRange {
  role: string;
  low: number;
  high: number;
  unit: "year" | "hour";
  openEnded?: boolean;
  note?: string;
  source: Source;
}

const wide = (
  role: string,
  low: number,
  high: number,
  section: string,
  quote: string,
  extra: Partial<RoleWideRange> = {},
): RoleWideRange => ({
  role,
  low,
  high,
  unit: "year",
  ...extra,
  source: source(S002, section, quote),
});
const OVERVIEW = "Breadth of AI Roles";
const EMERGING = "Emerging Roles (2026–2030)";

export const ROLE_WIDE_RANGES: RoleWideRange[] = [
  wide(
    "ai-research-scientist",
    150 * K,
    300 * K,
    `${OVERVIEW} › 1. Research-Focused`,
    "Salary: $150K–$300K+.",
    { openEnded: true },
  ),
  wide(
    "ai-research-scientist",
    200 * K,
    400 * K,
    "Top AI Career Paths › 3. AI Research Scientist",
    "Experienced: $200K–$400K+ (with equity at startups).",
    { openEnded: true, note: '"Experienced" is not one of the seeds\' levels' },
  ),
  wide(
    "ml-engineer",
    120 * K,
    220 * K,
    `${OVERVIEW} › 2. Engineering-Focused`,
    "Salary: $120K–$220K.",
  ),
  wide(
    "nlp-engineer",
    120 * K,
    200 * K,
    `${OVERVIEW} › 3. Specialized Technical Tracks`,
    "NLP Engineer: … Salary: $120K–$200K.",
  ),
  wide(
    "computer-vision-engineer",
    120 * K,
    200 * K,
    `${OVERVIEW} › 3. Specialized Technical Tracks`,
    "Computer Vision Engineer: … Salary: $120K–$200K.",
  ),
  wide(
    "reinforcement-learning-engineer",
    130 * K,
    220 * K,
    `${OVERVIEW} › 3. Specialized Technical Tracks`,
    "Reinforcement Learning Engineer: … Salary: $130K–$220K.",
  ),
  wide(
    "data-scientist",
    100 * K,
    180 * K,
    `${OVERVIEW} › 3. Specialized Technical Tracks`,
    "Data Scientist: … Salary: $100K–$180K.",
  ),
  wide(
    "prompt-engineer",
    80 * K,
    200 * K,
    `${OVERVIEW} › 4. Emerging Roles (2026)`,
    "Prompt Engineer: … Salary: $80K–$200K (entry to senior).",
  ),
  wide(
    "ai-product-manager",
    130 * K,
    250 * K,
    `${OVERVIEW} › 4. Emerging Roles (2026)`,
    "AI Product Manager: … Salary: $130K–$250K.",
  ),
  wide(
    "ai-product-manager",
    200 * K,
    400 * K,
    "Top AI Career Paths › 6. AI Product Manager",
    "(With equity at startups: $200K–$400K+ total comp)",
    { openEnded: true, note: "total compensation with startup equity" },
  ),
  wide(
    "ai-ethics-specialist",
    110 * K,
    180 * K,
    `${OVERVIEW} › 4. Emerging Roles (2026)`,
    "AI Ethics Specialist: … Salary: $110K–$180K.",
  ),
  wide(
    "mlops-engineer",
    120 * K,
    200 * K,
    `${OVERVIEW} › 4. Emerging Roles (2026)`,
    "MLOps Engineer: … Salary: $120K–$200K.",
  ),
  wide(
    "ai-trainer",
    40,
    60,
    `${OVERVIEW} › 4. Emerging Roles (2026)`,
    "AI Trainer/Evaluator: … Salary: $40–60/hour.",
    { unit: "hour", note: "often contractor-based" },
  ),
  wide(
    "ai-safety-specialist",
    120 * K,
    250 * K,
    `${EMERGING} › 1. AI Safety & Alignment Specialist`,
    "Salary: $120K–$250K.",
  ),
  wide(
    "domain-ai-specialist",
    130 * K,
    280 * K,
    `${EMERGING} › 2. Domain-Specific AI Specialists`,
    "Salary: $130K–$280K.",
  ),
  wide(
    "llm-ops-engineer",
    130 * K,
    240 * K,
    `${EMERGING} › 3. LLM Ops Engineer`,
    "Salary: $130K–$240K.",
  ),
  wide(
    "ai-governance-officer",
    120 * K,
    220 * K,
    `${EMERGING} › 4. AI Ethics & Governance Officer`,
    "Salary: $120K–$220K.",
  ),
  wide(
    "ai-curriculum-designer",
    100 * K,
    180 * K,
    `${EMERGING} › 5. AI Education & Curriculum Designer`,
    "Salary: $100K–$180K.",
  ),
];

/** Equity as a share of base salary by company stage (002's note under the total-comp table). */
export interface EquityShare {
  stage: "startup" | "public";
  low: number;
  high: number;
  source: Source;
  notes: { text: string; source: Source }[];
}

export const EQUITY_SHARES: EquityShare[] = [
  {
    stage: "startup",
    low: 0.5,
    high: 1.0,
    source: source(
      S002,
      "Salary by Role (Total Compensation, USD) › note",
      "Equity is significant at startups (can 50–100% of base).",
    ),
    notes: [
      {
        text: "The negotiation tips in the same seed give 40–100% for startups; the total-comp table's own note (50–100%) is used because it describes that table.",
        source: source(
          S002,
          "Salary Negotiation Tips (2026)",
          "At startups, equity can be 40–100% of base.",
        ),
      },
    ],
  },
  {
    stage: "public",
    low: 0.3,
    high: 0.5,
    source: source(
      S002,
      "Salary by Role (Total Compensation, USD) › note",
      "At public companies: 30–50% of base.",
    ),
    notes: [],
  },
];

/** Other salary facts the seeds state, kept for reference and for the "no data" messages. */
export const SALARY_NOTES = [
  {
    text: "ML Engineers earn 15–30% more than software engineers at equivalent levels",
    source: source(
      S002,
      "Key Market Stats (2026)",
      "Salary Premium: ML Engineers earn 15–30% more than software engineers at equivalent levels",
    ),
  },
  {
    text: "Total comp includes base salary + bonus + equity",
    source: source(
      S002,
      "Salary by Role (Total Compensation, USD) › note",
      "*Total comp includes base salary + bonus + equity.",
    ),
  },
  {
    text: "Example positioning: salary is competitive at $160-180K",
    source: source(S000, "Messaging and Positioning", "Salary is competitive at $160-180K."),
  },
];
