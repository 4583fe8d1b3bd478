import { describe, expect, it } from "vitest";
import { csv, get, okJson, problem } from "./api-client.js";

describe("GET /v1/salary", () => {
  it("returns a figure the seed states for the exact cell, as stated and sourced", async () => {
    const body = await okJson(await get("/v1/salary?role=ML%20Engineer&level=Mid&location=Austin"));
    expect(body).toEqual({
      role: "ML Engineer",
      level: "Mid",
      location: "Austin, TX",
      basis: "base",
      currency: "USD",
      low: 140000,
      mid: 170000,
      high: 200000,
      derived: false,
      provenance: "seed",
      method: "stated in the seed; mid is the midpoint of low and high",
      sources: [
        {
          file: "002_d3de01ece2beeeeb.txt",
          title: "Why AI Careers Are Booming in 2026",
          section: "AI Salary Guide 2026 › Salary by Location (2026)",
          quote: "| Austin, TX | $140K–$200K |",
        },
      ],
      notes: [],
      openEnded: false,
      datasetVersion: "2026.1.0",
    });
  });

  it("derives a figure no seed states, and says how and from what", async () => {
    const body = await okJson(await get("/v1/salary?role=ML%20Engineer&level=Senior&location=SF"));
    expect(body).toMatchObject({
      role: "ML Engineer",
      level: "Senior",
      location: "San Francisco, CA",
      low: 290909,
      mid: 349091,
      high: 407273,
      derived: true,
      provenance: "derived",
    });
    expect(body.method).toMatch(
      /^US base range × 1\.4545 \(San Francisco, CA factor for ML Engineer/,
    );
    expect(body.sources.map((s: { quote: string }) => s.quote)).toContain("Senior: $200K-280K");
  });

  it("resolves aliases and years of experience to canonical names", async () => {
    const body = await okJson(await get("/v1/salary?role=mle&level=4"));
    expect(body).toMatchObject({
      role: "ML Engineer",
      level: "Mid",
      location: "US",
      low: 150000,
      mid: 165000,
      high: 180000,
      provenance: "seed",
    });
  });

  it("answers London in pounds by default and in dollars when asked", async () => {
    expect(
      await okJson(await get("/v1/salary?role=ML%20Engineer&level=Mid&location=London")),
    ).toMatchObject({ currency: "GBP", low: 130000, mid: 155000, high: 180000 });
    const usd = await okJson(
      await get("/v1/salary?role=ML%20Engineer&level=Mid&location=London&currency=usd"),
    );
    expect(usd).toMatchObject({ currency: "USD", low: 165000, high: 230000 });
    expect(usd.notes).toContain(
      'The seed gives London\'s USD figures as approximate equivalents ("~").',
    );
  });

  it("answers the other bases from their own seed tables", async () => {
    expect(
      await okJson(await get("/v1/salary?role=ML%20Engineer&level=Mid&basis=total")),
    ).toMatchObject({ basis: "total", low: 150000, mid: 185000, high: 220000 });
  });

  it("keeps half cents exact: the mid of an odd range has two decimals at most", async () => {
    const body = await okJson(
      await get("/v1/salary?role=Data%20Scientist&level=Senior&location=NYC"),
    );
    expect(body).toMatchObject({ low: 197419, mid: 235806.5, high: 274194, derived: true });
  });

  it("is 404 NO_DATA listing what the seeds hold when they give no figure", async () => {
    const p = await problem(await get("/v1/salary?role=Prompt%20Engineer&level=Senior"), 404);
    expect(p.code).toBe("NO_DATA");
    expect(p.field).toBe("level");
    expect(p.available).toEqual([
      "base: Entry, Mid",
      "total: Entry, Mid, Senior",
      "market: Entry, Mid, Senior",
      "role-wide only: $80K–$200K (Why AI Careers Are Booming in 2026 (002) › Breadth of AI Roles › 4. Emerging Roles (2026))",
    ]);
  });

  it("is 422 with suggestions for an unknown role, level or location", async () => {
    const role = await problem(await get("/v1/salary?role=ML%20Engineeer&level=Mid"), 422);
    expect(role).toMatchObject({ code: "UNKNOWN_ROLE", field: "role" });
    expect(role.suggestions?.[0]).toBe("ML Engineer");
    const level = await problem(await get("/v1/salary?role=MLE&level=Senoir"), 422);
    expect(level).toMatchObject({ code: "UNKNOWN_LEVEL", field: "level" });
    expect(level.suggestions?.[0]).toBe("Senior");
    const location = await problem(await get("/v1/salary?role=MLE&level=Mid&location=Austn"), 422);
    expect(location).toMatchObject({ code: "UNKNOWN_LOCATION", field: "location" });
    expect(location.suggestions).toContain("Austin, TX");
  });

  it("is 400 naming the missing parameter", async () => {
    const p = await problem(await get("/v1/salary?level=Mid"), 400);
    expect(p).toMatchObject({ code: "INVALID_ARGUMENT", field: "role" });
    expect(p.detail).toMatch(/^Invalid query parameter role: is required/);
  });

  it("answers CSV with a header row and the figure row, on .csv and with ?format=csv", async () => {
    const lines = await csv(
      await get("/v1/salary.csv?role=ML%20Engineer&level=Mid&location=Austin"),
    );
    expect(lines).toEqual([
      "role,level,location,basis,currency,low,mid,high,derived,provenance,method,sources,datasetVersion",
      'ML Engineer,Mid,"Austin, TX",base,USD,140000,170000,200000,FALSE,seed,stated in the seed; mid is the midpoint of low and high,"Why AI Careers Are Booming in 2026 (002) › AI Salary Guide 2026 › Salary by Location (2026): ""| Austin, TX | $140K–$200K |""",2026.1.0',
    ]);
    expect(
      await csv(await get("/v1/salary?role=ML%20Engineer&level=Mid&location=Austin&format=csv")),
    ).toEqual(lines);
  });
});
