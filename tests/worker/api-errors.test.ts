// Every error status the API answers, each as an RFC 9457 problem naming the field and the fix.
import { describe, expect, it } from "vitest";
import { call, get, post, problem } from "./api-client.js";

describe("problem details", () => {
  it("carry type, title, status, detail, code, field and suggestions", async () => {
    const p = await problem(await get("/v1/salary?role=Data%20Scientst&level=Mid"), 422);
    expect(p).toEqual({
      type: "https://ai-team-planner.dev/problems/unknown-role",
      title: "Unprocessable Content",
      status: 422,
      detail:
        'Unknown role "Data Scientst". Did you mean "Data Scientist", "AI Research Scientist", "Domain-Specific AI Specialist"?',
      code: "UNKNOWN_ROLE",
      field: "role",
      suggestions: ["Data Scientist", "AI Research Scientist", "Domain-Specific AI Specialist"],
      requestId: expect.any(String),
    });
  });
});

describe("400 Bad Request", () => {
  it("names a missing or malformed parameter", async () => {
    expect(await problem(await get("/v1/salary?role=MLE"), 400)).toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "level",
    });
    expect(await problem(await get("/v1/salary?role=MLE&level=Mid&format=xml"), 400)).toMatchObject(
      { field: "format", suggestions: ["json", "csv"] },
    );
    expect(await problem(await get("/v1/salary?role=MLE&role=DS&level=Mid"), 400)).toMatchObject({
      field: "role",
    });
  });

  it("answers malformed JSON, an empty body and a non-object body", async () => {
    expect(await problem(await post("/v1/plan", '{"hires": ['), 400)).toMatchObject({
      code: "MALFORMED_JSON",
    });
    expect(await problem(await post("/v1/batch", ""), 400)).toMatchObject({
      code: "MALFORMED_JSON",
    });
    expect(await problem(await post("/v1/plan", [1, 2]), 400)).toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "json",
    });
    expect(await problem(await post("/v1/batch", { calls: "AI_SALARY" }), 400)).toMatchObject({
      field: "calls",
    });
  });
});

describe("404 Not Found", () => {
  it("for an unknown route", async () => {
    const p = await problem(await get("/v2/salary"), 404);
    expect(p).toMatchObject({ code: "NOT_FOUND" });
    expect(p.detail).toBe(
      "No route for GET /v2/salary. See /openapi.json (or /docs) for the routes this API serves.",
    );
    await problem(await get("/v1/roles/ML%20Engineer/extra"), 404);
  });

  it.each([
    ["/v1/roles/Nope", "UNKNOWN_ROLE", "role", ["NLP Engineer"]],
    [
      "/v1/upskilling/prompt%20enginer",
      "UNKNOWN_PATH",
      "path",
      ["Anyone → Prompt Engineers", "Engineers → AI Engineers"],
    ],
    [
      "/v1/plan/templates/year3",
      "UNKNOWN_TEMPLATE",
      "name",
      ["year-1-build-out", "year-2-scale-out"],
    ],
  ])(
    "for an unknown resource in the path %s, with suggestions",
    async (path, code, field, suggestions) => {
      expect(await problem(await get(path), 404)).toMatchObject({ code, field, suggestions });
    },
  );

  it("for an unknown function in the path, with suggestions", async () => {
    expect(await problem(await post("/v1/functions/NOPE", { args: [] }), 404)).toMatchObject({
      code: "UNKNOWN_FUNCTION",
      field: "name",
    });
  });

  it("NO_DATA lists what is available", async () => {
    const p = await problem(
      await get("/v1/salary?role=Prompt%20Engineering%20Manager&level=Mid"),
      404,
    );
    expect(p).toMatchObject({ code: "NO_DATA", field: "role", available: [] });
    expect(p.detail).toBe(
      "No base salary data for Prompt Engineering Manager at Mid level. The seeds give no salary figure for this role (a profile only).",
    );
  });
});

describe("405 Method Not Allowed", () => {
  it.each([
    ["GET", "/v1/plan", "POST, OPTIONS"],
    ["POST", "/v1/salary", "GET, HEAD, OPTIONS"],
    ["DELETE", "/v1/roles/ML%20Engineer", "GET, HEAD, OPTIONS"],
    ["PUT", "/health", "GET, HEAD, OPTIONS"],
    ["PATCH", "/v1/batch", "POST, OPTIONS"],
  ])("%s %s answers 405 with Allow: %s", async (method, path, allow) => {
    const res = await call(path, { method });
    expect(res.headers.get("allow")).toBe(allow);
    expect(await problem(res, 405)).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
  });
});

describe("406 Not Acceptable", () => {
  it("for format=csv on a route that answers JSON only", async () => {
    expect(await problem(await get("/v1/dataset?format=csv"), 406)).toMatchObject({
      code: "NOT_ACCEPTABLE",
      field: "format",
      suggestions: ["json"],
    });
  });
});

describe("413 Content Too Large", () => {
  const big = JSON.stringify({
    calls: Array.from({ length: 40000 }, () => ({
      fn: "AI_SALARY",
      args: ["ML Engineer", "Mid", "Austin"],
    })),
  });

  it("for a body over 1 MB with a Content-Length", async () => {
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await call("/v1/batch", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(big.length) },
      body: big,
    });
    expect(await problem(res, 413)).toMatchObject({ code: "BODY_TOO_LARGE" });
  });

  it("for a streamed body that passes 1 MB", async () => {
    // A stream of unknown length (no Content-Length): the limit is enforced while reading.
    const stream = new Blob([big]).stream();
    const init = { method: "POST", headers: { "Content-Type": "application/json" }, body: stream };
    expect(new Request("http://x/", init).headers.get("content-length")).toBeNull();
    const res = await call("/v1/plan", init);
    expect(await problem(res, 413)).toMatchObject({ code: "BODY_TOO_LARGE" });
  });
});

describe("415 Unsupported Media Type", () => {
  it.each([
    ["text/plain", "{}"],
    ["application/x-www-form-urlencoded", "hires=1"],
    ["text/csv", "role,level\nMLE,Mid"],
  ])("POST with Content-Type %s", async (type, body) => {
    const res = await call("/v1/plan", { method: "POST", headers: { "Content-Type": type }, body });
    expect(await problem(res, 415)).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("POST with a body and no Content-Type", async () => {
    const res = await call("/v1/batch", {
      method: "POST",
      body: new TextEncoder().encode('{"calls":[]}'),
    });
    expect(await problem(res, 415)).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });
});

describe("422 Unprocessable Content", () => {
  it("for unknown names in a query or body, with suggestions", async () => {
    expect(
      await problem(await get("/v1/salary?role=MLE&level=Mid&location=Tokyo"), 422),
    ).toMatchObject({ code: "UNKNOWN_LOCATION", field: "location" });
    expect(
      await problem(
        await post("/v1/plan", {
          hires: [{ role: "MLE", level: "Mid", startMonth: 1, channel: "headhunter" }],
        }),
        422,
      ),
    ).toMatchObject({ code: "UNKNOWN_CHANNEL", field: "hires[0].channel" });
    expect(
      await problem(
        await post("/v1/plan", {
          hires: [],
          upskilling: [{ path: "nope", people: 1, startMonth: 1 }],
        }),
        422,
      ),
    ).toMatchObject({ code: "UNKNOWN_PATH", field: "upskilling[0].path" });
  });

  it("for a value the core refuses, naming the field", async () => {
    expect(
      await problem(await get("/v1/salary?role=MLE&level=Mid&basis=gross"), 422),
    ).toMatchObject({ code: "INVALID_ARGUMENT", field: "basis" });
    expect(
      await problem(
        await post("/v1/plan", {
          horizonMonths: 6,
          hires: [{ role: "MLE", level: "Mid", startMonth: 7 }],
        }),
        422,
      ),
    ).toMatchObject({ field: "hires[0].startMonth" });
    expect(
      await problem(await post("/v1/plan", { startDate: "2027-13", hires: [] }), 422),
    ).toMatchObject({ field: "startDate" });
  });

  it("an assumption out of its limits is a 400 naming the field and the fix, from the assumptions table", async () => {
    expect(
      await problem(await post("/v1/plan", { benefitsRate: 25, hires: [] }), 400),
    ).toMatchObject({
      field: "benefitsRate",
      detail:
        "Invalid body field benefitsRate: must be a share from 0% to 200% (0.25 means 25%), got 25, which would be 2500%: did you mean 0.25 (25%)?",
    });
    expect(
      await problem(await post("/v1/plan", { horizonMonths: 121, hires: [] }), 400),
    ).toMatchObject({
      field: "horizonMonths",
      detail: "Invalid body field horizonMonths: must be from 1 to 120 months, got 121",
    });
    // A scenario's overrides take every assumption with the same limits.
    expect(
      await problem(
        await post("/v1/plan/compare", {
          base: { hires: [] },
          scenarios: [{ name: "Rich", overrides: { annualRaise: 4 } }],
        }),
        400,
      ),
    ).toMatchObject({ field: "scenarios[0].overrides.annualRaise" });
  });
});
