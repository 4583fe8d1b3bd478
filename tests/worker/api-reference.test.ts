import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../shared/index.js";
import { csv, get, okJson, problem } from "./api-client.js";

describe("GET /health", () => {
  it("says ok with the dataset version and hash", async () => {
    const body = await okJson(await get("/health"));
    expect(body).toEqual({
      status: "ok",
      datasetVersion: "2026.1.0",
      datasetHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    const dataset = await okJson(await get("/v1/dataset"));
    expect(body.datasetHash).toBe(dataset.hash);
  });
});

describe("reference data", () => {
  it("GET /v1/roles lists every role with the levels the seeds give data for", async () => {
    const { roles } = await okJson(await get("/v1/roles"));
    expect(roles).toHaveLength(19);
    expect(roles[0]).toMatchObject({
      id: "ml-engineer",
      name: "ML Engineer",
      category: "engineer",
      hasProfile: true,
      levelsWithData: { base: ["Entry", "Mid", "Senior"] },
    });
    expect(
      roles.find((r: { id: string }) => r.id === "prompt-engineer").levelsWithData.base,
    ).toEqual(["Entry", "Mid"]);
  });

  it("GET /v1/roles/{role} answers the profile from the seeds, by name or alias", async () => {
    const profile = await okJson(await get("/v1/roles/MLE"));
    expect(profile.role).toBe("ML Engineer");
    expect(profile.whatTheyDo[0]).toEqual({
      items: [
        "Design and implement AI systems",
        "Select and integrate models",
        "Build inference infrastructure",
        "Optimize for cost and performance",
        "Implement safety/governance in systems",
      ],
      source: {
        file: "000_25832a8dc8d468ae.txt",
        title: "Hiring and Upskilling for AI",
        section: "1. AI/ML Engineer › What they do",
        quote: "Design and implement AI systems",
      },
    });
    expect((await okJson(await get("/v1/roles/Machine%20Learning%20Engineer"))).role).toBe(
      "ML Engineer",
    );
  });

  it("GET /v1/roles/{role} is 404 with suggestions for an unknown role", async () => {
    const p = await problem(await get("/v1/roles/Nope"), 404);
    expect(p).toMatchObject({ code: "UNKNOWN_ROLE", field: "role", suggestions: ["NLP Engineer"] });
  });

  it("GET /v1/levels, /v1/locations and /v1/channels answer the seed tables", async () => {
    const { levels } = await okJson(await get("/v1/levels"));
    expect(levels.map((l: { name: string }) => l.name)).toEqual(["Entry", "Mid", "Senior"]);
    expect(levels[1]).toMatchObject({ id: "mid", minYears: 3, maxYears: 5 });
    const { locations } = await okJson(await get("/v1/locations"));
    const austin = locations.find((l: { id: string }) => l.id === "austin");
    expect(austin).toMatchObject({ name: "Austin, TX", currency: "USD", costOfLivingIndex: 120 });
    expect(austin.factor.byRole["ml-engineer"]).toBeCloseTo(170 / 165, 12);
    const { channels } = await okJson(await get("/v1/channels"));
    expect(channels[0]).toMatchObject({
      id: "referral",
      rank: 1,
      cost: { kind: "fixed", low: 3000, high: 10000 },
    });
    expect(channels[6]).toMatchObject({
      id: "recruiter",
      cost: { kind: "share-of-salary", low: 0.15, high: 0.25 },
    });
  });

  it("GET /v1/upskilling and /v1/upskilling/{path} answer the training paths", async () => {
    const { paths } = await okJson(await get("/v1/upskilling"));
    expect(paths.map((p: { id: string }) => p.id)).toEqual([
      "engineers-to-ai-engineers",
      "analysts-to-data-scientists",
      "anyone-to-prompt-engineers",
    ]);
    const path = await okJson(await get("/v1/upskilling/Engineer%20%E2%86%92%20AI%20Engineer"));
    expect(path).toMatchObject({
      id: "engineers-to-ai-engineers",
      minWeeks: 9,
      maxWeeks: 16,
      statedWeeks: { min: 8, max: 16, text: "Total: 8-16 weeks to productive" },
    });
    expect(path.steps[0]).toEqual({ name: "Start with LLM API basics", minWeeks: 1, maxWeeks: 2 });
    const p = await problem(await get("/v1/upskilling/nope"), 404);
    expect(p).toMatchObject({ code: "UNKNOWN_PATH", field: "path" });
  });

  it("GET /v1/transitions filters by where people come from", async () => {
    const all = await okJson(await get("/v1/transitions"));
    expect(all.transitions).toHaveLength(8);
    const { transitions } = await okJson(await get("/v1/transitions?from=Software%20Engineer"));
    expect(
      transitions.map((t: { id: string; minMonths: number; maxMonths: number }) => [
        t.id,
        t.minMonths,
        t.maxMonths,
      ]),
    ).toEqual([
      ["software-engineer-to-ml-engineer", 3, 6],
      ["software-engineer-to-ai", 6, 12],
    ]);
    const p = await problem(await get("/v1/transitions?from=Astronaut"), 422);
    expect(p).toMatchObject({ code: "INVALID_ARGUMENT", field: "from" });
  });

  it("GET /v1/plan/templates and /v1/plan/templates/{name} answer the seed's build-outs", async () => {
    const { templates } = await okJson(await get("/v1/plan/templates"));
    expect(templates.map((t: { name: string }) => t.name)).toEqual([
      "year-1-build-out",
      "year-2-scale-out",
    ]);
    const t = await okJson(await get("/v1/plan/templates/year%201"));
    expect(t.name).toBe("year-1-build-out");
    expect(t.input.hires).toEqual([
      {
        role: "ML Engineer",
        level: "Mid",
        location: "US",
        startMonth: 1,
        count: 1,
        salary: 160000,
        recruitingCost: 10000,
      },
      {
        role: "Data Scientist",
        level: "Mid",
        location: "US",
        startMonth: 3,
        count: 1,
        salary: 140000,
        recruitingCost: 10000,
      },
      {
        role: "AI Product Manager",
        level: "Entry",
        location: "US",
        startMonth: 5,
        count: 1,
        salary: 140000,
        recruitingCost: 10000,
      },
    ]);
    const p = await problem(await get("/v1/plan/templates/nope"), 404);
    expect(p).toMatchObject({
      code: "UNKNOWN_TEMPLATE",
      field: "name",
      suggestions: ["year-1-build-out", "year-2-scale-out"],
    });
  });

  it("GET /v1/dataset answers everything with version and hash", async () => {
    const d = await okJson(await get("/v1/dataset"));
    expect(d.version).toBe("2026.1.0");
    expect(d.seeds).toEqual([
      "000_25832a8dc8d468ae.txt",
      "001_97ad72b99bcffe8a.txt",
      "002_d3de01ece2beeeeb.txt",
      "003_33d0e683a45af284.txt",
    ]);
    expect(d.salaries.base[1]).toMatchObject({
      role: "ml-engineer",
      level: "mid",
      low: 150000,
      high: 180000,
    });
    expect(d.planTemplates).toHaveLength(2);
  });

  it("GET /v1/functions lists the catalogue with example formulas", async () => {
    const { functions } = await okJson(await get("/v1/functions"));
    // The catalogue is the single source of function names: the API lists exactly its entries.
    expect(functions.map((f: { name: string }) => f.name)).toEqual(CATALOGUE.map((e) => e.name));
    expect(functions[0]).toMatchObject({
      name: "AI_SALARY",
      category: "Salary",
      example: '=AI_SALARY("ML Engineer", "Mid", "Austin")',
      network: false,
    });
    expect(functions.at(-1)).toMatchObject({ name: "AI_MODEL", network: true });
  });
});

describe("CSV for every GET that answers a record or a table", () => {
  const cases: [string, string, string][] = [
    [
      "/v1/team.csv?projects=12",
      "role,count,rule,formula",
      "Engineers,4,One engineer per 3-4 projects,ceil(12 projects ÷ 3)",
    ],
    [
      "/v1/roles.csv",
      "id,name,category,baseLevels,totalLevels,marketLevels,aliases",
      'ml-engineer,ML Engineer,engineer,"Entry, Mid, Senior","Entry, Mid, Senior","Entry, Mid, Senior","AI/ML Engineer, MLE, Machine Learning Engineer, AI Engineer, ML Systems Engineer, AI ML Engineer, ML Eng"',
    ],
    [
      "/v1/roles/ML%20Engineer.csv",
      "section,item,source",
      "whatTheyDo,Design and implement AI systems,Hiring and Upskilling for AI (000) › 1. AI/ML Engineer › What they do",
    ],
    [
      "/v1/levels.csv",
      "id,name,minYears,maxYears,aliases",
      'mid,Mid,3,5,"middle, mid level, mid-level, intermediate, midlevel, l2"',
    ],
    [
      "/v1/locations.csv",
      "id,name,currency,costOfLivingIndex,factorMlEngineer,factorDataScientist,factorOtherRoles,aliases",
      'austin,"Austin, TX",USD,120,1.0303030303030303,0.8709677419354839,0.9506353861192571,"Austin, ATX"',
    ],
    [
      "/v1/channels.csv",
      "rank,id,name,quality,costKind,costLow,costHigh,notes",
      '7,recruiter,Recruiters,expensive,share-of-salary,0.15,0.25,"15-25% fee, but handle logistics"',
    ],
    [
      "/v1/upskilling.csv",
      "id,name,from,to,steps,minWeeks,maxWeeks,statedWeeks",
      "engineers-to-ai-engineers,Engineers → AI Engineers,Engineer,AI Engineer,4,9,16,Total: 8-16 weeks to productive",
    ],
    ["/v1/upskilling/engineers-to-ai-engineers.csv", "step,minWeeks,maxWeeks", "Total,9,16"],
    [
      "/v1/transitions.csv?to=Data%20Scientist",
      "from,to,minMonths,maxMonths,source",
      "Data Analyst,Data Scientist,2,4,Why AI Careers Are Booming in 2026 (002) › How to Transition to AI from Another Career › Transition Paths by Source Career › From Data Analyst → Data Scientist",
    ],
    [
      "/v1/plan/templates.csv",
      "name,title,description,horizonMonths,hireRows,upskillingRows",
      'year-2-scale-out,Year 1 Build-Out and Year 2 Scale-Out (Embedded Engineers),"The year-1 team, then an embedded engineer and 2 internal engineers upskilled in month 19 and a second embedded engineer in month 22: 5 people + 2 upskilled.",24,5,1',
    ],
    [
      "/v1/plan/templates/year-1-build-out.csv",
      "role,level,location,startMonth,count,salary,recruitingCost",
      "Data Scientist,Mid,US,3,1,140000,10000",
    ],
    [
      "/v1/functions.csv",
      "name,category,summary,args,returns,example",
      'AI_TEAM,Team,"Recommended team for a number of projects, from the seed\'s ratios.","projects, [projects_per_engineer]",table,\'=AI_TEAM(12)',
    ],
  ];

  it.each(cases)("%s has the header and a real row", async (path, header, row) => {
    const lines = await csv(await get(path));
    expect(lines[0]).toBe(header);
    expect(lines).toContain(row);
    const [pathname, query] = path.split("?");
    const viaFormat = `${pathname!.replace(/\.csv$/, "")}?${query ? `${query}&` : ""}format=csv`;
    expect(await csv(await get(viaFormat))).toEqual(lines);
  });

  it("quotes fields with commas and quotes, and neutralises text a sheet would run as a formula", async () => {
    const lines = await csv(
      await get("/v1/salary.csv?role=ML%20Engineer&level=Senior&location=SF"),
    );
    expect(lines[1]).toMatch(
      /^ML Engineer,Senior,"San Francisco, CA",base,USD,290909,349091,407273,TRUE,derived,/,
    );
  });

  it("routes without a CSV form: .csv is 404, format=csv is 406", async () => {
    expect((await problem(await get("/v1/dataset.csv"), 404)).code).toBe("NOT_FOUND");
    const p = await problem(await get("/v1/dataset?format=csv"), 406);
    expect(p).toMatchObject({ code: "NOT_ACCEPTABLE", field: "format" });
  });
});
