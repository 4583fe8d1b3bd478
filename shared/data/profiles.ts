import { S000, S001, S002, S003, source, type Source } from "./sources.js";

/** One seed's bullet list for one profile section. */
export interface ProfileItems {
  items: string[];
  source: Source;
}

export type ProfileSection = "whatTheyDo" | "lookFor" | "redFlags" | "whereToFind" | "interview";
export const PROFILE_SECTIONS: ProfileSection[] = [
  "whatTheyDo",
  "lookFor",
  "redFlags",
  "whereToFind",
  "interview",
];

export interface RoleProfile {
  role: string;
  summary: ProfileItems[];
  whatTheyDo: ProfileItems[];
  lookFor: ProfileItems[];
  redFlags: ProfileItems[];
  whereToFind: ProfileItems[];
  interview: ProfileItems[];
}

const p = (
  file: Parameters<typeof source>[0],
  section: string,
  items: string[],
  quote?: string,
): ProfileItems => ({
  items,
  source: source(file, section, quote ?? items[0] ?? ""),
});

/** Evaluation guidance 001 gives for every AI role; appended to each profile's interview section. */
export const GENERAL_INTERVIEW: ProfileItems[] = [
  p(S001, "AI Role Hiring Process › Evaluation Components", [
    "Portfolio or work sample review examines actual work product, not just resume claims",
    "Technical deep dive probes understanding of how systems work and fail",
    "Collaborative problem solving presents novel problems and evaluates approach",
    "Cross-functional communication assesses ability to explain technical concepts to non-technical stakeholders",
  ]),
];

export const GENERAL_SOURCING: ProfileItems[] = [
  p(S001, "AI Role Hiring Process › Sourcing Strategies", [
    "Conference talks and papers help identify practitioners who are advancing the field",
    "Open source contributions surface contributors to ML frameworks and tools",
    "AI research communities engage practitioners who discuss real-world problems",
    "Internal mobility identifies engineers who have demonstrated AI aptitude and interest",
  ]),
];

/** 003's hiring principles for a GenAI platform team, which apply to every engineering hire. */
export const HIRING_PRINCIPLES: ProfileItems[] = [
  p(
    S003,
    "Hiring Principles",
    [
      "Prioritize software engineering skills over AI expertise",
      "Hire for potential rather than just experience or degrees",
      "Emphasize critical thinking: solutions built today might be outdated in less than six months",
    ],
    "Strong software engineering skills are generally prioritized over AI expertise",
  ),
  p(
    S003,
    "Ideal Candidate Profile",
    [
      "A strong software engineer who can build infrastructure integrations",
      "Good developer product management skills to design interfaces",
      "Ideally an AI and data science background to understand the latest techniques",
    ],
    "An ideal candidate for a GenAI team is a strong software engineer who can build infrastructure integrations",
  ),
  p(
    S003,
    "Team Composition",
    [
      "Full-stack software engineers",
      "Data scientists",
      "AI engineers",
      "Data engineers",
      "Fresh graduates from top research universities",
      "Individuals with startup backgrounds",
    ],
    "a diversified team approach is recommended",
  ),
  p(
    S000,
    "Common Hiring Mistakes",
    [
      "Hiring the PhD when you need the pragmatist",
      "Hiring only specialists",
      "Hiring without clear role definition",
      "Underpaying",
      "Not investing in onboarding (first 4 weeks set tone)",
    ],
    "Mistake 1: Hiring the PhD When You Need the Pragmatist",
  ),
];

const empty = (role: string): RoleProfile => ({
  role,
  summary: [],
  whatTheyDo: [],
  lookFor: [],
  redFlags: [],
  whereToFind: [],
  interview: [],
});

function profile(role: string, parts: Partial<Omit<RoleProfile, "role">>): RoleProfile {
  return { ...empty(role), ...parts };
}

export const ROLE_PROFILES: RoleProfile[] = [
  profile("ml-engineer", {
    summary: [
      p(S001, "ML Engineer Profile", [
        "ML engineers build and deploy AI systems. They need software engineering fundamentals plus ML-specific skills for production systems.",
      ]),
    ],
    whatTheyDo: [
      p(S000, "1. AI/ML Engineer › What they do", [
        "Design and implement AI systems",
        "Select and integrate models",
        "Build inference infrastructure",
        "Optimize for cost and performance",
        "Implement safety/governance in systems",
      ]),
      p(
        S001,
        "ML Engineer Profile › Core Responsibilities",
        [
          "Building and maintaining ML pipelines from training to serving",
          "Implementing evaluation frameworks and monitoring systems",
          "Optimizing models for latency, cost, and reliability",
          "Designing and executing experiments",
          "Collaborating with product and data teams",
        ],
        "Core responsibilities include building and maintaining ML pipelines from training to serving",
      ),
      p(S002, "Top AI Career Paths › 1. Machine Learning Engineer", [
        "Build production ML systems. Design data pipelines, train models, deploy at scale, monitor performance.",
      ]),
    ],
    lookFor: [
      p(S000, "1. AI/ML Engineer › What to look for", [
        "Problem-solving over credentials",
        "Experience with production systems, not just notebooks",
        "Comfort with uncertainty and learning",
        "Systems thinking (not just algorithm understanding)",
        "Communication skills (can explain to non-AI people)",
      ]),
      p(
        S001,
        "ML Engineer Profile › Experience Indicators",
        [
          "Production ML systems shipped at scale, not just notebooks or prototypes",
          "Full ML lifecycle: data pipelines, training, evaluation, deployment, and monitoring",
          "Infrastructure skills to build reliable systems on cloud infrastructure",
          "Evaluation fluency",
        ],
        "Experience indicators for ML engineers include production ML systems where they have shipped ML systems that operated at scale, not just notebooks or prototypes",
      ),
      p(S002, "1. Machine Learning Engineer › Skills required", [
        "Software engineering (OOP, design patterns), Python, ML frameworks (PyTorch/TensorFlow), SQL, cloud platforms (AWS/GCP), Docker, data structures/algorithms",
      ]),
    ],
    redFlags: [
      p(S000, "1. AI/ML Engineer › Red flags", [
        "Only cares about research, not production",
        "Overcomplicates simple problems",
        "Can’t explain technical concepts to non-technical people",
        "No production experience",
      ]),
      p(
        S001,
        "ML Engineer Profile › Red Flags for ML Engineers",
        [
          "Only research experience with no production systems",
          "Cannot explain how their models would fail or how they would detect failure",
          "Treats evaluation as an afterthought",
          "No experience with the infrastructure needed to serve models at scale",
        ],
        "Warning signs for ML engineer candidates include only having research experience with no production systems",
      ),
    ],
    whereToFind: [
      p(S000, "1. AI/ML Engineer › How to find them", [
        "Referrals from current team (best option)",
        "AI bootcamp graduates (good for entry level)",
        "People from adjacent roles (backend engineers learning ML)",
        "Industry conferences and meetups",
        "University connections",
      ]),
    ],
    interview: [
      p(S000, "Phase 1: Hire One Strong Generalist › Interview focus", [
        "Can they learn quickly?",
        "Do they have production experience?",
        "Can they work independently?",
        "Do they communicate clearly?",
      ]),
    ],
  }),
  profile("data-scientist", {
    summary: [
      p(S002, "Top AI Career Paths › 2. Data Scientist", [
        "Analyze data, run experiments, generate insights, guide business decisions. Less engineering focus than ML Engineers; more stats/business acumen.",
      ]),
    ],
    whatTheyDo: [
      p(S000, "2. Data Scientist › What they do", [
        "Understand data quality and patterns",
        "Evaluate whether AI approaches are appropriate",
        "Design experiments and measure results",
        "Work with analytics and insights",
        "Sometimes builds models",
      ]),
    ],
    lookFor: [
      p(S000, "2. Data Scientist › What to look for", [
        "Curiosity about data and questions",
        "SQL and analysis experience",
        "Statistics understanding",
        "Business sense (understands what matters)",
        "Domain expertise can be learned",
      ]),
      p(S002, "2. Data Scientist › Skills required", [
        "Statistics, Python, SQL, experiment design, data visualization (Tableau, matplotlib), business thinking",
      ]),
    ],
    redFlags: [
      p(S000, "2. Data Scientist › Red flags", [
        "Only knows one tool (Python or R)",
        "Can’t communicate findings",
        "No business context understanding",
      ]),
    ],
    whereToFind: [
      p(S000, "2. Data Scientist › How to find them", [
        "Analytics/BI people interested in ML",
        "Academic researchers transitioning to industry",
        "Online courses and bootcamps",
        "Referrals",
      ]),
    ],
  }),
  profile("prompt-engineer", {
    summary: [
      p(S002, "Top AI Career Paths › 7. Prompt Engineer", [
        "Design, test, optimize prompts for LLMs. Build prompt libraries, evaluate outputs, integrate into applications. Fastest-growing AI role in 2026.",
      ]),
    ],
    whatTheyDo: [
      p(S000, "3. Prompt Engineer › What they do", [
        "Design and iterate on prompts",
        "Optimize for cost and quality",
        "Create prompt templates for teams",
        "Evaluate and improve model outputs",
        "No coding required",
      ]),
    ],
    lookFor: [
      p(S000, "3. Prompt Engineer › What to look for", [
        "Clear communication",
        "Iterative thinking (tries variations)",
        "Attention to detail",
        "Interest in AI tools",
        "Domain expertise in area being optimized",
      ]),
      p(S002, "7. Prompt Engineer › Skills required", [
        "Clear writing, understanding LLM capabilities, API familiarity (basic Python helpful but not required), problem-solving",
      ]),
    ],
    redFlags: [
      p(S000, "3. Prompt Engineer › Red flags", [
        "Thinks there’s one right prompt",
        "Can’t articulate why variations matter",
        "Wants to learn to code instead of master prompting",
      ]),
    ],
    whereToFind: [
      p(S000, "3. Prompt Engineer › How to find them", [
        "Internal promotion from customer service, QA, or product",
        "ChatGPT/Claude power users",
        "Writers or communicators interested in AI",
        "Short bootcamps",
      ]),
    ],
  }),
  profile("prompt-engineering-manager", {
    summary: [
      p(S000, "4. Prompt Engineer/Manager (Team Scaling)", [
        "As you scale prompting work, create a team lead role",
      ]),
    ],
    whatTheyDo: [
      p(S000, "4. Prompt Engineer/Manager (Team Scaling)", [
        "Manages prompt engineers",
        "Owns prompt library and standards",
        "Drives quality and consistency",
        "Works with product on new use cases",
      ]),
    ],
    whereToFind: [
      p(
        S000,
        "4. Prompt Engineer/Manager (Team Scaling)",
        ["Successful prompt engineer promotions", "Technical writing", "Product management"],
        "Hire from: Successful prompt engineer promotions, technical writing, product management.",
      ),
    ],
  }),
  profile("ai-product-manager", {
    summary: [
      p(S001, "AI Product Manager Profile", [
        "The AI PM bridges product strategy and AI implementation. They need product instincts, AI literacy, and the ability to define quality for probabilistic systems.",
      ]),
    ],
    whatTheyDo: [
      p(S000, "5. AI Product Manager › What they do", [
        "Understand what AI can/can’t do",
        "Define success metrics for AI features",
        "Manage projects with uncertainty",
        "Work with engineers and business stakeholders",
      ]),
      p(
        S001,
        "AI Product Manager Profile › Core Responsibilities",
        [
          "Defining AI product requirements and success criteria",
          "Translating user needs into AI specifications",
          "Owning AI quality metrics and evaluation frameworks",
          "Planning and executing AI feature launches",
          "Balancing AI capability with user experience",
        ],
        "Core responsibilities include defining AI product requirements and success criteria",
      ),
    ],
    lookFor: [
      p(S000, "5. AI Product Manager › What to look for", [
        "PM fundamentals (roadmapping, metrics, user empathy)",
        "Learning ability (can pick up AI concepts)",
        "Collaboration with technical teams",
        "Comfort with iteration and uncertainty",
      ]),
      p(S001, "AI Product Manager Profile › Strong AI PM Indicators", [
        "Demonstrated AI product sense",
        "Eval experience",
        "Technical partnership",
        "Launch experience: staged rollout and rollback strategies",
      ]),
    ],
    whereToFind: [
      p(S000, "5. AI Product Manager › How to find them", [
        "Existing PMs learning AI",
        "Tech PMs from AI-first companies",
        "Transition from AI engineer with PM interest",
      ]),
    ],
    interview: [
      p(
        S001,
        "AI Product Manager Profile › Interview Approach",
        [
          "Product case: product instincts, AI opportunity identification, and requirement definition",
          "Technical literacy: how AI systems work without requiring implementation ability",
          "Quality judgment: assess AI outputs and identify failure modes",
        ],
        "Structure AI PM interviews around three axes.",
      ),
    ],
  }),
  profile("data-infrastructure-engineer", {
    whatTheyDo: [
      p(S000, "6. Data Infrastructure / Platform Engineer › What they do", [
        "Build pipelines for data",
        "Design infrastructure for models",
        "Handle data quality and governance",
        "Optimize for cost and scale",
      ]),
    ],
    lookFor: [
      p(S000, "6. Data Infrastructure / Platform Engineer › What to look for", [
        "Systems thinking",
        "Production experience",
        "Problem-solving",
        "Communication",
      ]),
    ],
    whereToFind: [
      p(S000, "6. Data Infrastructure / Platform Engineer › How to find them", [
        "Existing infrastructure engineers",
        "Data engineers learning AI tools",
        "Referrals from AI/analytics companies",
      ]),
    ],
  }),
  profile("mlops-engineer", {
    summary: [
      p(S001, "MLOps Engineer Profile", [
        "MLOps engineers focus on the infrastructure and processes that make ML systems reliable and scalable. They bridge ML engineering and platform engineering.",
      ]),
    ],
    whatTheyDo: [
      p(
        S001,
        "MLOps Engineer Profile › Core Responsibilities",
        [
          "Building and maintaining ML training and serving infrastructure",
          "Implementing CI/CD for ML systems",
          "Designing monitoring and alerting for production ML",
          "Optimizing inference cost and performance",
          "Ensuring reproducibility and reliability",
        ],
        "Core responsibilities include building and maintaining ML training and serving infrastructure",
      ),
      p(S002, "Breadth of AI Roles › 4. Emerging Roles (2026)", [
        "Infrastructure for ML (experiment tracking, model deployment, monitoring)",
      ]),
    ],
    lookFor: [
      p(S001, "MLOps Engineer Profile › Experience Indicators", [
        "ML platform experience",
        "Infrastructure-as-code",
        "Observability expertise",
        "Cost optimization for compute-intensive workloads",
      ]),
    ],
  }),
  profile("ai-ux-designer", {
    summary: [
      p(S001, "AI UX Designer Profile", [
        "AI UX designers specialize in human-AI interaction. This emerging role combines UX fundamentals with AI-specific interaction patterns.",
      ]),
    ],
    whatTheyDo: [
      p(
        S001,
        "AI UX Designer Profile › Core Responsibilities",
        [
          "Designing interfaces that explain AI behavior appropriately",
          "Creating interaction patterns for AI-assisted workflows",
          "Designing feedback mechanisms that capture user signal",
          "Setting and managing user expectations for AI capabilities",
          "Balancing automation with human control",
        ],
        "Core responsibilities include designing interfaces that explain AI behavior appropriately",
      ),
    ],
    lookFor: [
      p(S001, "AI UX Designer Profile › Experience Indicators", [
        "AI interaction portfolio",
        "Explanation design",
        "Uncertainty UX",
        "User research in AI",
      ]),
    ],
    whereToFind: [
      p(
        S001,
        "Practical Example: EduGen Hiring for AI UX",
        [
          "Designers who worked on any AI product, even in adjacent roles",
          "Demonstrated interest in AI over formal AI experience",
        ],
        'The best AI UX designers may not have "AI designer" titles.',
      ),
    ],
  }),
  profile("ai-research-scientist", {
    summary: [
      p(S002, "Top AI Career Paths › 3. AI Research Scientist", [
        "Push the frontier. Design novel algorithms, write papers, conduct experiments.",
      ]),
    ],
    lookFor: [
      p(S002, "3. AI Research Scientist › Skills required", [
        "Deep math (linear algebra, optimization, probability), research methodology, communication, Python/PyTorch, specific domain (NLP, CV, RL, etc.)",
      ]),
    ],
    redFlags: [
      p(
        S000,
        "Common Hiring Mistakes › Mistake 1",
        [
          "Over-qualified people get bored or want to do research",
          "Underqualified in production systems",
        ],
        "Mistake 1: Hiring the PhD When You Need the Pragmatist",
      ),
    ],
  }),
  profile("nlp-engineer", {
    summary: [
      p(S002, "Top AI Career Paths › 4. NLP Engineer", [
        "Build language understanding systems. Train/fine-tune models, work with transformers (BERT, GPT), build chatbots, summarization, translation systems.",
      ]),
    ],
    lookFor: [
      p(S002, "4. NLP Engineer › Skills required", [
        "Python, transformers library (HuggingFace), PyTorch, linguistics basics helpful, understanding of LLMs",
      ]),
    ],
  }),
  profile("computer-vision-engineer", {
    summary: [
      p(S002, "Top AI Career Paths › 5. Computer Vision Engineer", [
        "Image/video understanding. Object detection, segmentation, pose estimation, 3D reconstruction.",
      ]),
    ],
    lookFor: [
      p(S002, "5. Computer Vision Engineer › Skills required", [
        "Python, PyTorch/TensorFlow, CNN architectures (ResNet, YOLO, etc.), OpenCV, understanding of convolutions",
      ]),
    ],
  }),
  profile("ai-ethics-specialist", {
    summary: [
      p(S002, "Top AI Career Paths › 8. AI Ethics Specialist", [
        "Assess AI systems for bias, fairness, safety, transparency. Work on governance, responsible AI frameworks.",
      ]),
    ],
    lookFor: [
      p(S002, "8. AI Ethics Specialist › Skills required", [
        "Understanding of ML basics, statistics, ethics/philosophy helpful, communication, domain expertise (healthcare, finance, etc.)",
      ]),
    ],
  }),
  profile("reinforcement-learning-engineer", {
    summary: [
      p(
        S002,
        "Breadth of AI Roles › 3. Specialized Technical Tracks",
        ["Game AI, robotics, optimization."],
        "Reinforcement Learning Engineer: Game AI, robotics, optimization.",
      ),
    ],
  }),
  profile("llm-ops-engineer", {
    summary: [
      p(S002, "Emerging Roles (2026–2030) › 3. LLM Ops Engineer", [
        "Similar to MLOps but specialized for LLMs. Manage prompt versioning, fine-tuning pipelines, model monitoring, cost optimization.",
      ]),
    ],
  }),
  profile("ai-safety-specialist", {
    summary: [
      p(S002, "Emerging Roles (2026–2030) › 1. AI Safety & Alignment Specialist", [
        "Roles: AI Safety Research, Model Evaluator, Red Teaming Specialist.",
      ]),
    ],
  }),
  profile("domain-ai-specialist", {
    summary: [
      p(
        S002,
        "Emerging Roles (2026–2030) › 2. Domain-Specific AI Specialists",
        ["AI + domain expertise: roles merge AI engineering with domain knowledge."],
        "Roles merge AI engineering with domain knowledge.",
      ),
    ],
  }),
  profile("ai-governance-officer", {
    summary: [
      p(
        S002,
        "Emerging Roles (2026–2030) › 4. AI Ethics & Governance Officer",
        ["Oversee compliance, bias audits, responsible AI. More business-focused than technical."],
        "Companies need officers overseeing compliance, bias audits, responsible AI.",
      ),
    ],
  }),
  profile("ai-curriculum-designer", {
    summary: [
      p(S002, "Emerging Roles (2026–2030) › 5. AI Education & Curriculum Designer", [
        "Roles building AI literacy programs for non-technical teams.",
      ]),
    ],
  }),
  profile("ai-trainer", {
    summary: [
      p(
        S002,
        "Breadth of AI Roles › 4. Emerging Roles (2026)",
        ["Train and evaluate models (often contractor-based)."],
        "AI Trainer/Evaluator: Train and evaluate models (often contractor-based).",
      ),
    ],
  }),
];
