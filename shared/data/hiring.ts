import { S000, S002, source, type Source } from "./sources.js";

const PHASE3 = "Building Your Hiring Strategy › Phase 3: Build the Team (Month 6+)";

export const TEAM_RATIO_RULES = {
  engineersPerProjects: {
    text: "One engineer per 3-4 projects",
    minProjectsPerEngineer: 3,
    maxProjectsPerEngineer: 4,
    source: source(S000, PHASE3, "One engineer per 3-4 projects"),
  },
  dataPeoplePerEngineers: {
    text: "One data person per 2 engineers",
    engineers: 2,
    source: source(S000, PHASE3, "One data person per 2 engineers"),
  },
  pmPerEngineers: {
    text: "One PM per 5+ engineers",
    engineers: 5,
    source: source(S000, PHASE3, "One PM per 5+ engineers"),
  },
  managerAtTeamSize: {
    text: "Manager once team reaches 6+ people",
    teamSize: 6,
    source: source(S000, PHASE3, "Manager once team reaches 6+ people"),
  },
} as const;

export interface HiringPhase {
  id: string;
  name: string;
  startMonth: number;
  endMonth: number | null;
  actions: string[];
  source: Source;
}

export const HIRING_PHASES: HiringPhase[] = [
  {
    id: "phase-1",
    name: "Hire One Strong Generalist",
    startMonth: 1,
    endMonth: 2,
    actions: [
      "Strong engineer who can learn AI",
      "Or experienced ML engineer who’s pragmatic",
      "This person will be your team lead",
    ],
    source: source(
      S000,
      "Building Your Hiring Strategy",
      "Phase 1: Hire One Strong Generalist (Month 1-2)",
    ),
  },
  {
    id: "phase-2",
    name: "Hire Specialists Based on Needs",
    startMonth: 3,
    endMonth: 6,
    actions: [
      "Data scientist if you need deep data analysis",
      "Data engineer if you need infrastructure",
      "Second engineer if you have enough work",
    ],
    source: source(
      S000,
      "Building Your Hiring Strategy",
      "Phase 2: Hire Specialists Based on Needs (Month 3-6)",
    ),
  },
  {
    id: "phase-3",
    name: "Build the Team",
    startMonth: 6,
    endMonth: null,
    actions: [
      "One engineer per 3-4 projects",
      "One data person per 2 engineers",
      "One PM per 5+ engineers",
      "Manager once team reaches 6+ people",
    ],
    source: source(S000, "Building Your Hiring Strategy", "Phase 3: Build the Team (Month 6+)"),
  },
];

export const PHASE_1_INTERVIEW_FOCUS = {
  questions: [
    "Can they learn quickly?",
    "Do they have production experience?",
    "Can they work independently?",
    "Do they communicate clearly?",
  ],
  source: source(S000, "Phase 1: Hire One Strong Generalist › Interview focus", "Interview focus:"),
};

export const DECISION_GUIDE = [
  {
    situation: "Lots of unstructured data",
    advice: "Hire data scientist first",
    source: source(
      S000,
      "Phase 2 › Decision guide",
      "Lots of unstructured data → Hire data scientist first",
    ),
  },
  {
    situation: "High volume",
    advice: "Hire engineer, then data person",
    source: source(
      S000,
      "Phase 2 › Decision guide",
      "High volume → Hire engineer, then data person",
    ),
  },
  {
    situation: "Exploratory phase",
    advice: "Hire PM who’s technical",
    source: source(S000, "Phase 2 › Decision guide", "Exploratory phase → Hire PM who’s technical"),
  },
];

export interface RecruitingChannel {
  id: string;
  name: string;
  rank: number;
  quality: string;
  notes: string;
  /** The cost the seed states, if any; how a plan prices a hire through this channel. */
  cost:
    | { kind: "fixed"; low: number; high: number }
    | { kind: "share-of-salary"; low: number; high: number }
    | null;
  source: Source;
}

const CHANNELS = "Recruiting Channels (Ranked by Quality)";

export const RECRUITING_CHANNELS: RecruitingChannel[] = [
  {
    id: "referral",
    name: "Referrals",
    rank: 1,
    quality: "best",
    notes: "Ask existing team, invest in referral bonuses ($3-10K)",
    cost: { kind: "fixed", low: 3000, high: 10000 },
    source: source(
      S000,
      CHANNELS,
      "Referrals (best) — Ask existing team, invest in referral bonuses ($3-10K)",
    ),
  },
  {
    id: "university",
    name: "Universities",
    rank: 2,
    quality: "very good",
    notes: "Partner with top schools’ CS/AI programs",
    cost: null,
    source: source(
      S000,
      CHANNELS,
      "Universities (very good) — Partner with top schools’ CS/AI programs",
    ),
  },
  {
    id: "bootcamp",
    name: "Bootcamps",
    rank: 3,
    quality: "good",
    notes: "ML-focused bootcamps producing pragmatic grads",
    cost: null,
    source: source(
      S000,
      CHANNELS,
      "Bootcamps (good) — ML-focused bootcamps producing pragmatic grads",
    ),
  },
  {
    id: "conference",
    name: "Industry conferences",
    rank: 4,
    quality: "",
    notes: "Network at NeurIPS, AI/ML conferences",
    cost: null,
    source: source(S000, CHANNELS, "Industry conferences — Network at NeurIPS, AI/ML conferences"),
  },
  {
    id: "online-community",
    name: "Online communities",
    rank: 5,
    quality: "",
    notes: "Twitter, LinkedIn, Reddit’s r/MachineLearning",
    cost: null,
    source: source(
      S000,
      CHANNELS,
      "Online communities — Twitter, LinkedIn, Reddit’s r/MachineLearning",
    ),
  },
  {
    id: "job-board",
    name: "Job boards",
    rank: 6,
    quality: "",
    notes: "LinkedIn, Indeed, specialized boards (AngelList for startups)",
    cost: null,
    source: source(
      S000,
      CHANNELS,
      "Job boards — LinkedIn, Indeed, specialized boards (AngelList for startups)",
    ),
  },
  {
    id: "recruiter",
    name: "Recruiters",
    rank: 7,
    quality: "expensive",
    notes: "15-25% fee, but handle logistics",
    cost: { kind: "share-of-salary", low: 0.15, high: 0.25 },
    source: source(S000, CHANNELS, "Recruiters (expensive) — 15-25% fee, but handle logistics"),
  },
];

/** The per-hire recruitment figure every hire in 000's build-out carries. */
export const DEFAULT_RECRUITING_COST = {
  amount: 10000,
  source: source(S000, "The Hiring Timeline and Budget › Year 1 Build-Out", "Recruitment: $10K"),
};

/** 000's "$30K (courses + lost productivity)" for upskilling 2 internal engineers, i.e. $15K a person. */
export const DEFAULT_UPSKILLING_COST = {
  amountPerPerson: 15000,
  stated: { amount: 30000, people: 2 },
  source: source(
    S000,
    "Year 2 Scale-Out › Month 7-9",
    "Upskilling: $30K (courses + lost productivity)",
  ),
};

export const UPSKILLING_COSTS = [
  {
    id: "mentor-consultant",
    name: "Pair with external consultant",
    low: 10000,
    high: 20000,
    unit: "engagement",
    weeks: [4, 8] as [number, number],
    source: source(
      S000,
      "Training Resources › Mentorship",
      "Pair with external consultant (4-8 weeks, $10-20K)",
    ),
  },
  {
    id: "bootcamp",
    name: "Bootcamp",
    low: 10000,
    high: 20000,
    unit: "person",
    weeks: null,
    source: source(
      S002,
      "Option 2: Bootcamps (3–6 months)",
      "Often cheaper than university ($10K–$20K vs $40K+/year)",
    ),
  },
  {
    id: "self-study",
    name: "Self-study + portfolio",
    low: 0,
    high: 500,
    unit: "person",
    weeks: null,
    source: source(
      S002,
      "Option 3: Self-Study + Portfolio (3–12 months)",
      "Cost: $0–$500 (vs $10K–$100K+)",
    ),
  },
  {
    id: "learning-time",
    name: "Learning time",
    share: 0.2,
    unit: "share of engineer time",
    source: source(
      S000,
      "Creating a Learning Culture › Weekly learning time",
      "Every engineer gets 20% time for learning",
    ),
  },
];

export const TRAINING_TIMELINE = {
  minMonths: 3,
  maxMonths: 6,
  text: "3-6 months to baseline competency",
  source: source(
    S000,
    "Upskilling Your Existing Team › Who to Train",
    "Training timeline: 3-6 months to baseline competency",
  ),
};

export const ONBOARDING = {
  weeks: 4,
  text: "First 4 weeks set tone",
  source: source(
    S000,
    "Common Hiring Mistakes › Mistake 5: Not Investing in Onboarding",
    "First 4 weeks set tone",
  ),
};

/** 000's build-out, hire by hire. `monthWindow` is the seed's "Month a-b" within the given plan year. */
export interface BuildOutHire {
  year: 1 | 2;
  monthWindow: [number, number];
  label: string;
  role: string;
  level: string;
  salary: number;
  recruiting: number;
  source: Source;
}

const Y1 = "The Hiring Timeline and Budget › Year 1 Build-Out (Centralized Team)";
const Y2 = "The Hiring Timeline and Budget › Year 2 Scale-Out (Add Embedded Engineers)";

export const BUILD_OUT = {
  hires: [
    {
      year: 1,
      monthWindow: [1, 2],
      label: "AI/ML engineer (Team lead)",
      role: "ML Engineer",
      level: "Mid",
      salary: 160000,
      recruiting: 10000,
      source: source(
        S000,
        Y1,
        "Month 1-2: Hire AI/ML engineer (Team lead) - Salary: $160K - Recruitment: $10K",
      ),
    },
    {
      year: 1,
      monthWindow: [3, 4],
      label: "Second engineer or data scientist",
      role: "Data Scientist",
      level: "Mid",
      salary: 140000,
      recruiting: 10000,
      source: source(
        S000,
        Y1,
        "Month 3-4: Hire second engineer or data scientist - Salary: $140K - Recruitment: $10K",
      ),
    },
    {
      year: 1,
      monthWindow: [5, 6],
      label: "AI PM or third engineer",
      role: "AI Product Manager",
      level: "Entry",
      salary: 140000,
      recruiting: 10000,
      source: source(
        S000,
        Y1,
        "Month 5-6: Hire AI PM or third engineer - Salary: $140K - Recruitment: $10K",
      ),
    },
    {
      year: 2,
      monthWindow: [7, 9],
      label: "First embedded engineer",
      role: "ML Engineer",
      level: "Entry",
      salary: 140000,
      recruiting: 10000,
      source: source(
        S000,
        Y2,
        "Month 7-9: Hire first embedded engineer + upskill 2 internal engineers - Embedded engineer: $140K - Recruitment: $10K",
      ),
    },
    {
      year: 2,
      monthWindow: [10, 12],
      label: "Second embedded engineer",
      role: "ML Engineer",
      level: "Entry",
      salary: 140000,
      recruiting: 10000,
      source: source(
        S000,
        Y2,
        "Month 10-12: Hire second embedded engineer - Salary: $140K - Recruitment: $10K",
      ),
    },
  ] as BuildOutHire[],
  upskilling: [
    {
      year: 2,
      monthWindow: [7, 9] as [number, number],
      path: "engineers-to-ai-engineers",
      people: 2,
      cost: 30000,
      source: source(
        S000,
        Y2,
        "upskill 2 internal engineers - Upskilling: $30K (courses + lost productivity)",
      ),
    },
  ],
  summaries: [
    {
      year: 1,
      people: 3,
      cost: 440000,
      text: "Year 1 team: 3 people, $440K cost + benefits",
      source: source(S000, Y1, "Year 1 team: 3 people, $440K cost + benefits"),
    },
    {
      year: 2,
      people: 5,
      upskilled: 2,
      cost: 600000,
      text: "Year 2 team: 5 people + 2 upskilled, $600K+ cost",
      source: source(S000, Y2, "Year 2 team: 5 people + 2 upskilled, $600K+ cost"),
    },
  ],
};

export interface UpskillingPath {
  id: string;
  name: string;
  from: string;
  to: string;
  aliases: string[];
  steps: { name: string; minWeeks: number; maxWeeks: number }[];
  statedWeeks: { min: number; max: number; text: string };
  source: Source;
}

const PATHS = "Upskilling Your Existing Team › Training Paths by Role";

export const UPSKILLING_PATHS: UpskillingPath[] = [
  {
    id: "engineers-to-ai-engineers",
    name: "Engineers → AI Engineers",
    from: "Engineer",
    to: "AI Engineer",
    aliases: [
      "Engineer → AI Engineer",
      "Engineer -> AI Engineer",
      "Engineers to AI Engineers",
      "engineer to ai engineer",
      "ai engineer",
      "engineer",
    ],
    steps: [
      { name: "Start with LLM API basics", minWeeks: 1, maxWeeks: 2 },
      { name: "Hands-on project with your first AI system", minWeeks: 2, maxWeeks: 3 },
      { name: "Pair programming with experienced AI person", minWeeks: 2, maxWeeks: 3 },
      { name: "Own their own project", minWeeks: 4, maxWeeks: 8 },
    ],
    statedWeeks: { min: 8, max: 16, text: "Total: 8-16 weeks to productive" },
    source: source(
      S000,
      `${PATHS} › Engineers → AI Engineers`,
      "Engineers → AI Engineers … Total: 8-16 weeks to productive",
    ),
  },
  {
    id: "analysts-to-data-scientists",
    name: "Analysts/Data → Data Scientists",
    from: "Analyst/Data",
    to: "Data Scientist",
    aliases: [
      "Analyst → Data Scientist",
      "Analyst -> Data Scientist",
      "Analysts to Data Scientists",
      "analyst to data scientist",
      "data scientist",
      "analyst",
    ],
    steps: [
      { name: "Stats and A/B testing review", minWeeks: 1, maxWeeks: 2 },
      { name: "Python/SQL for data manipulation", minWeeks: 2, maxWeeks: 4 },
      { name: "Basic ML concepts", minWeeks: 2, maxWeeks: 3 },
      { name: "Project work with mentorship", minWeeks: 4, maxWeeks: 8 },
    ],
    statedWeeks: { min: 9, max: 17, text: "Total: 9-17 weeks to productive" },
    source: source(
      S000,
      `${PATHS} › Analysts/Data → Data Scientists`,
      "Analysts/Data → Data Scientists … Total: 9-17 weeks to productive",
    ),
  },
  {
    id: "anyone-to-prompt-engineers",
    name: "Anyone → Prompt Engineers",
    from: "Anyone",
    to: "Prompt Engineer",
    aliases: [
      "Anyone → Prompt Engineer",
      "Anyone -> Prompt Engineer",
      "Anyone to Prompt Engineers",
      "anyone to prompt engineer",
      "prompt engineer",
      "anyone",
    ],
    steps: [
      { name: "LLM fundamentals", minWeeks: 1, maxWeeks: 1 },
      { name: "Hands-on prompting", minWeeks: 2, maxWeeks: 3 },
      { name: "Project work", minWeeks: 2, maxWeeks: 4 },
    ],
    statedWeeks: { min: 5, max: 8, text: "Total: 5-8 weeks to productive" },
    source: source(
      S000,
      `${PATHS} › Anyone → Prompt Engineers`,
      "Anyone → Prompt Engineers … Total: 5-8 weeks to productive",
    ),
  },
];

export interface CareerTransition {
  id: string;
  from: string;
  to: string;
  minMonths: number;
  maxMonths: number;
  steps: { name: string; fromMonth: number; toMonth: number }[];
  source: Source;
}

const TRANSITIONS =
  "How to Transition to AI from Another Career › Transition Paths by Source Career";
const FAQ =
  "Frequently Asked Questions › How long does it take to transition to AI from another career?";

export const CAREER_TRANSITIONS: CareerTransition[] = [
  {
    id: "software-engineer-to-ml-engineer",
    from: "Software Engineer",
    to: "ML Engineer",
    minMonths: 3,
    maxMonths: 6,
    steps: [
      { name: "Math refresher (linear algebra, calculus)", fromMonth: 1, toMonth: 1 },
      { name: "Coursera ML Specialization", fromMonth: 2, toMonth: 3 },
      { name: "PyTorch or TensorFlow deep dive", fromMonth: 3, toMonth: 5 },
      { name: "2–3 portfolio projects, job applications", fromMonth: 4, toMonth: 6 },
    ],
    source: source(
      S002,
      `${TRANSITIONS} › From Software Engineer → ML Engineer`,
      "Timeline: 3–6 months",
    ),
  },
  {
    id: "data-analyst-to-data-scientist",
    from: "Data Analyst",
    to: "Data Scientist",
    minMonths: 2,
    maxMonths: 4,
    steps: [
      { name: "Python (if new), statistics deep dive", fromMonth: 1, toMonth: 2 },
      { name: "ML fundamentals via Coursera or Fast.ai", fromMonth: 2, toMonth: 3 },
      {
        name: "Portfolio projects showing end-to-end analysis with predictions",
        fromMonth: 3,
        toMonth: 4,
      },
    ],
    source: source(
      S002,
      `${TRANSITIONS} › From Data Analyst → Data Scientist`,
      "Timeline: 2–4 months",
    ),
  },
  {
    id: "product-manager-to-ai-product-manager",
    from: "Product Manager",
    to: "AI Product Manager",
    minMonths: 6,
    maxMonths: 8,
    steps: [
      { name: "Coursera ML Specialization (high-level understanding)", fromMonth: 1, toMonth: 2 },
      { name: "Deep dive into one area (NLP or CV)", fromMonth: 2, toMonth: 4 },
      { name: "PM role at AI company, focusing on ML products", fromMonth: 4, toMonth: 8 },
    ],
    source: source(
      S002,
      `${TRANSITIONS} › From Product Manager → AI Product Manager`,
      "Timeline: 6–8 months",
    ),
  },
  {
    id: "marketing-writing-to-prompt-engineer",
    from: "Marketing/Writing",
    to: "Prompt Engineer",
    minMonths: 3,
    maxMonths: 6,
    steps: [
      { name: "Learn API integration basics (Python or JavaScript)", fromMonth: 2, toMonth: 3 },
      { name: "Apply to prompt engineering roles", fromMonth: 3, toMonth: 6 },
    ],
    source: source(
      S002,
      `${TRANSITIONS} › From Marketing/Writing → Prompt Engineer`,
      "Timeline: 3–6 months",
    ),
  },
  {
    id: "technical-foundation-to-ai",
    from: "Technical foundation",
    to: "AI role",
    minMonths: 6,
    maxMonths: 12,
    steps: [
      { name: "Assess and Plan", fromMonth: 1, toMonth: 2 },
      { name: "Build Fundamentals", fromMonth: 2, toMonth: 4 },
      { name: "Build Specialization", fromMonth: 4, toMonth: 8 },
      { name: "Ship and Network", fromMonth: 8, toMonth: 12 },
    ],
    source: source(
      S002,
      "How to Transition to AI from Another Career",
      "Timeline: 6–12 months (if you have some technical foundation)",
    ),
  },
  {
    id: "non-technical-to-ai",
    from: "Non-technical",
    to: "AI role",
    minMonths: 12,
    maxMonths: 18,
    steps: [],
    source: source(S002, FAQ, "Non-technical → bootcamp/self-study (12–18 months)."),
  },
  {
    id: "software-engineer-to-ai",
    from: "Software Engineer",
    to: "AI role",
    minMonths: 6,
    maxMonths: 12,
    steps: [],
    source: source(S002, FAQ, "Software engineer → AI (6–12 months)."),
  },
  {
    id: "domain-expert-to-prompt-engineer",
    from: "Domain expert",
    to: "Prompt Engineer",
    minMonths: 3,
    maxMonths: 6,
    steps: [],
    source: source(S002, FAQ, "Domain expert → prompt engineer (3–6 months)."),
  },
];
