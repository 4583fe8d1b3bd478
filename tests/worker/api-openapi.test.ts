// /openapi.json is an OpenAPI 3.1 document of exactly the routes the app serves; /docs renders
// it from this worker alone. (The e2e test also validates the document against the official
// OpenAPI 3.1 JSON Schema, which needs code generation that workerd forbids.)
import { describe, expect, it } from "vitest";
import { PLAN_ASSUMPTIONS, type AssumptionSpec } from "../../shared/index.js";
import { createApp } from "../../worker/app.js";
import { csvRouteKeys } from "../../worker/http/csv-guard.js";
import { csv, get, okJson, post } from "./api-client.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is walked generically
type Json = any;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

async function document(): Promise<Json> {
  return okJson(await get("/openapi.json"));
}

function operations(doc: Json): { method: string; path: string; op: Json }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Json>)
      .filter(([m]) => METHODS.includes(m))
      .map(([method, op]) => ({ method, path, op })),
  );
}

function refs(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

function resolve(doc: Json, schema: Json): Json {
  while (schema?.$ref) schema = doc.components.schemas[schema.$ref.split("/").pop()];
  if (schema?.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema ?? {};
}

/** A value for a schema from its examples: what the /docs "try it" form pre-fills. */
function exampleFor(doc: Json, schema: Json): Json {
  if (schema?.example !== undefined) return schema.example;
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.type === "object")
    return Object.fromEntries(
      (s.required ?? []).map((k: string) => [k, exampleFor(doc, s.properties[k])]),
    );
  if (s.type === "array") return [];
  return s.enum?.[0] ?? null;
}

function paramExample(p: Json): string {
  return String(p.example ?? p.schema?.example);
}

/** The URL of an operation with every path parameter and required query parameter set to its example. */
function exampleUrl(path: string, op: Json): string {
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(paramExample(p)));
    else if (p.in === "query" && p.required) query.set(p.name, paramExample(p));
  }
  return query.size ? `${url}?${query}` : url;
}

const OUR_TAGS = new Set([
  "Salary",
  "Team",
  "Plan",
  "Scenarios",
  "Upskilling",
  "Reference",
  "Functions",
  "Meta",
]);

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document", async () => {
    const doc = await document();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("AI Team Planner API");
    expect(typeof doc.info.version).toBe("string");
    for (const { method, path, op } of operations(doc)) {
      expect(path.startsWith("/"), path).toBe(true);
      expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
      // Every templated path segment is a declared, required path parameter.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        expect(
          op.parameters?.find((p: Json) => p.in === "path" && p.name === name),
          `${method} ${path} {${name}}`,
        ).toMatchObject({ required: true });
      }
    }
    for (const ref of refs(doc)) {
      const [, where, kind, name] = /^#\/(components)\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect(where && doc.components[kind!]?.[name!], ref).toBeTruthy();
    }
  });

  it("lists exactly the routes the app serves, and each CSV route's .csv twin", async () => {
    const doc = await document();
    const app = createApp();
    const served = new Set(
      app.routes
        .filter((r) => r.method !== "ALL")
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`),
    );
    for (const key of csvRouteKeys(app)) served.add(`${key}.csv`);
    const documented = new Set(
      operations(doc).map(({ method, path }) => `${method.toUpperCase()} ${path}`),
    );
    expect([...documented].sort()).toEqual([...served].sort());
    for (const route of [
      "GET /health",
      "GET /v1/salary",
      "GET /v1/salary.csv",
      "GET /v1/team",
      "POST /v1/plan",
      "GET /v1/plan/templates",
      "GET /v1/plan/templates/{name}",
      "GET /v1/upskilling",
      "GET /v1/upskilling/{path}",
      "GET /v1/transitions",
      "GET /v1/roles",
      "GET /v1/roles/{role}",
      "GET /v1/levels",
      "GET /v1/locations",
      "GET /v1/channels",
      "GET /v1/dataset",
      "POST /v1/functions/{name}",
      "POST /v1/batch",
      "GET /openapi.json",
      "GET /docs",
    ]) {
      expect(documented.has(route), route).toBe(true);
    }
  });

  it("documents the error responses as problem+json", async () => {
    const doc = await document();
    expect(doc.components.schemas.Problem.required).toEqual([
      "type",
      "title",
      "status",
      "detail",
      "code",
    ]);
    const salary = doc.paths["/v1/salary"].get;
    // 401 (a refused key) and 429 (the rate limit) come from the guards on /v1/*.
    expect(Object.keys(salary.responses)).toEqual([
      "200",
      "304",
      "400",
      "401",
      "404",
      "422",
      "429",
    ]);
    expect(salary.responses["422"].content["application/problem+json"].schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
    expect(Object.keys(salary.responses["200"].content)).toEqual(["application/json", "text/csv"]);
    expect(Object.keys(doc.paths["/v1/plan"].post.responses)).toEqual([
      "200",
      "400",
      "401",
      "404",
      "413",
      "415",
      "422",
      "429",
    ]);
    for (const { method, path, op } of operations(doc).filter((o) =>
      OUR_TAGS.has(o.op.tags?.[0]),
    )) {
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        if (Number(status) >= 400)
          expect(Object.keys(response.content), `${method} ${path} ${status}`).toEqual([
            "application/problem+json",
          ]);
      }
    }
  });

  it("the plan body's assumptions are the assumptions table's rows, with its limits, in every plan-shaped body", async () => {
    const doc = await document();
    const bodies = [
      resolve(doc, doc.components.schemas.PlanInput),
      resolve(doc, resolve(doc, doc.components.schemas.Scenario).properties.overrides),
    ];
    for (const body of bodies) {
      for (const a of PLAN_ASSUMPTIONS as readonly AssumptionSpec[]) {
        const field = body.properties[a.key];
        expect(field, a.key).toBeTruthy();
        expect(field.description).toContain(`"${a.label}"`);
        if (a.kind === "months" || a.kind === "percent") {
          expect([field.minimum, field.maximum], a.key).toEqual([a.min, a.max]);
        }
      }
    }
    // The result reports every assumption as used.
    const result = resolve(doc, doc.components.schemas.PlanResult).properties.assumptions;
    expect(Object.keys(resolve(doc, result).properties)).toEqual([
      ...PLAN_ASSUMPTIONS.map((a) => a.key),
      "notes",
    ]);
  });

  it("every GET answers 200 with its documented examples, and every .csv twin answers CSV", async () => {
    const doc = await document();
    const gets = operations(doc).filter((o) => o.method === "get" && OUR_TAGS.has(o.op.tags?.[0]));
    expect(gets.length).toBeGreaterThan(25);
    for (const { path, op } of gets) {
      const url = exampleUrl(path, op);
      const res = await get(url);
      expect(res.status, url).toBe(200);
      if (!path.endsWith(".csv")) continue;
      const lines = await csv(res);
      expect(lines.length, url).toBeGreaterThan(1);
      // The header row is the one the document names (so a column change moves the API revision).
      const documented = op.responses["200"].content["text/csv"].schema.example;
      if (documented !== undefined) expect(`${lines[0]}\r\n`, url).toBe(documented);
      else
        expect(op.responses["200"].content["text/csv"].schema.description, url).not.toMatch(
          /columns:/,
        );
    }
  });

  it("every POST answers 200 to the body its documented examples make", async () => {
    const doc = await document();
    const posts = operations(doc).filter(
      (o) => o.method === "post" && OUR_TAGS.has(o.op.tags?.[0]),
    );
    expect(posts.map((p) => p.path)).toEqual([
      "/v1/plan",
      "/v1/plan/range",
      "/v1/plan/compare",
      "/v1/scenarios/hire-vs-upskill",
      "/v1/functions/{name}",
      "/v1/batch",
    ]);
    for (const { path, op } of posts) {
      const body = exampleFor(doc, op.requestBody.content["application/json"].schema);
      const res = await post(exampleUrl(path, op), body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(200);
    }
  });
});

describe("GET /docs", () => {
  it("serves an HTML page whose script and styles come from this worker, and nothing from any other host", async () => {
    const page = await get("/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain('<script src="/docs/docs.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/docs/docs.css">');
    const script = await get("/docs/docs.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const js = await script.text();
    expect(js).toContain('fetch("/openapi.json"');
    const css = await (await get("/docs/docs.css")).text();
    for (const text of [html, js, css]) {
      expect(text).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i); // no absolute URL to any host
      expect(text).not.toMatch(/@import|url\(/);
    }
    // The CSP makes the browser enforce it: scripts, styles and requests only from this origin.
    expect(page.headers.get("content-security-policy")).toContain(
      "default-src 'none'; script-src 'self'; style-src 'self'",
    );
  });
});
