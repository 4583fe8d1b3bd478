// Nothing, however strange, may produce a 5xx: NaN and Infinity as text, huge and negative
// numbers, arrays where objects belong, SQL-looking and unicode strings, malformed encodings,
// wrong methods, odd headers — thrown at every route /openapi.json lists. Each answer must be a
// success or a 4xx problem document.
import fc from "fast-check";
import { MAX_WORKSPACE_DATA_ROWS } from "../../worker/http/workspace-data-input.js";
import { describe, expect, it } from "vitest";
import {
  BASES,
  CURRENCIES,
  LEVELS,
  LOCATIONS,
  ROLES,
  WORK_BUDGET,
  WORK_COSTS,
} from "../../shared/index.js";
import { MAX_TEXT_LENGTH } from "../../worker/schemas/openapi.js";
import { callInProcess as call } from "./api-client.js";
import { largestRequests } from "../support/largest-requests.js";
import { workspaceWithKeys } from "./support/workspace.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is walked generically
type Json = any;

const NASTY_TEXT = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "-1",
  "0",
  "-0",
  "1.5",
  "0x10",
  "1e3",
  "9".repeat(400),
  "2147483648",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "[object Object]",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "' OR '1'='1",
  "'; DROP TABLE workspaces; --",
  "1; DELETE FROM api_keys",
  '" OR 1=1 --',
  "admin'--",
  "💥🚀",
  "ＭＬ Ｅｎｇｉｎｅｅｒ",
  "e\u0301",
  "İstanbul",
  "ß",
  "\u0000",
  "\u202eevil",
  "\ufeffMid",
  "\ud800",
  "中文",
  "مرحبا",
  "%",
  "%%",
  "%00",
  "%E0%A4%A",
  "../../etc/passwd",
  "..\\..\\windows",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "a".repeat(201),
  "ML Engineer".repeat(1000),
  "\n\r\t",
  ",;\"'",
  "*",
  "?",
  "#",
  "&",
  "=",
  "+",
];

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

const NASTY_JSON: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  1.0000000000000002,
  "NaN",
  "Infinity",
  "-Infinity",
  "1e999",
  "",
  "x".repeat(100_000),
  "💥",
  "' OR 1=1 --",
  [],
  [[]],
  [[[[[]]]]],
  {},
  { "": "" },
  [null],
  [1, "a", {}],
  { length: 1e9 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  Array.from({ length: 2000 }, () => ({})),
];

const RAW_BODIES = [
  "",
  " ",
  "{",
  "}",
  "[",
  '{"a":}',
  "{'a':1}",
  "NaN",
  "Infinity",
  "1e999",
  "-1e999",
  "undefined",
  "\u0000",
  '"\\ud800"',
  deep(5000),
  deep(100_000).slice(0, 900_000),
  '{"hires":' + "[".repeat(10_000),
  "null",
  "[]",
  "0",
  '"text"',
];

const AUTH_HEADERS = [
  "Bearer ",
  "Bearer x",
  "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
  "Bearer " + "a".repeat(5000),
  "bearer atp_nope",
  "Bearer ' OR 1=1 --",
];

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes through as its UTF-8 bytes' replacement. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"));
  }
}

/** The media types a route documents for its errors: problem+json unless it says otherwise (HTML pages). */
function errorTypes(op: Json | undefined): string[] {
  const types = new Set<string>(["application/problem+json"]);
  for (const [status, r] of Object.entries((op?.responses ?? {}) as Record<string, Json>)) {
    if (Number(status) >= 400) for (const t of Object.keys(r.content ?? {})) types.add(t);
  }
  return [...types];
}

async function survives(
  what: string,
  path: string,
  init: RequestInit = {},
  op?: Json,
  /** The request is one of `op`'s own (its method), so its status must be one `op` documents. */
  asDocumented = true,
): Promise<void> {
  let res: Response;
  try {
    res = await call(path, init);
  } catch (e) {
    throw new Error(
      `${what}: ${init.method ?? "GET"} ${path.slice(0, 200)} threw ${(e as Error).message}`,
      { cause: e },
    );
  }
  const body = await res.text();
  expect(
    res.status,
    `${what}: ${init.method ?? "GET"} ${path.slice(0, 200)} → ${body.slice(0, 300)}`,
  ).toBeLessThan(500);
  if (res.status >= 400) {
    const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
    expect(
      errorTypes(op),
      `${what}: ${path.slice(0, 200)} answered ${res.status} as ${type}`,
    ).toContain(type);
  }
  // Every status an operation answers is one its OpenAPI entry documents (a 405 answers a method
  // the path does not have, with Allow, and OPTIONS the CORS preflight: neither is an operation).
  if (op && asDocumented && res.status !== 200 && res.status !== 405 && init.method !== "OPTIONS")
    expect(
      Object.keys(op.responses ?? {}),
      `${what}: ${init.method ?? "GET"} ${path.slice(0, 200)} answered an undocumented ${res.status}: ${body.slice(0, 200)}`,
    ).toContain(String(res.status));
}

async function operations(): Promise<{ method: string; path: string; op: Json }[]> {
  const doc = (await (await call("/openapi.json")).json()) as Json;
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Json>).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      op,
    })),
  );
}

function paramValue(p: Json): string {
  return String(p.example ?? p.schema?.example ?? "x");
}

function url(path: string, op: Json, override?: { name: string; in: string; raw: string }): string {
  let out = path;
  const query: string[] = [];
  for (const p of op.parameters ?? []) {
    const isOverride = override && override.name === p.name && override.in === p.in;
    const value = isOverride ? override.raw : encodeURIComponent(paramValue(p));
    if (p.in === "path") out = out.replace(`{${p.name}}`, value);
    else if (p.in === "query" && (p.required || isOverride))
      query.push(`${encodeURIComponent(p.name)}=${value}`);
  }
  return query.length ? `${out}?${query.join("&")}` : out;
}

const jsonInit = (
  method: string,
  body: string,
  headers: Record<string, string> = {},
): RequestInit => ({ method, headers: { "Content-Type": "application/json", ...headers }, body });

/** Every field of a body example, and of the first element of each list in it, replaced in turn. */
function mutations(example: Json, value: unknown): Json[] {
  if (!example || typeof example !== "object" || Array.isArray(example)) return [];
  const out: Json[] = [];
  for (const key of Object.keys(example)) {
    out.push({ ...example, [key]: value });
    const v = example[key];
    if (Array.isArray(v) && v.length) {
      out.push({ ...example, [key]: [value, ...v.slice(1)] });
      if (v[0] && typeof v[0] === "object" && !Array.isArray(v[0])) {
        for (const inner of Object.keys(v[0]))
          out.push({ ...example, [key]: [{ ...v[0], [inner]: value }] });
      }
    }
  }
  return out;
}

describe("no input produces a 5xx", { timeout: 180_000 }, () => {
  it("strange query and path parameters on every route", async () => {
    for (const { method, path, op } of await operations()) {
      const params = (op.parameters ?? []) as Json[];
      for (const p of params) {
        for (const text of NASTY_TEXT) {
          await survives(
            `${p.in} ${p.name}=${JSON.stringify(text).slice(0, 40)}`,
            url(path, op, { name: p.name, in: p.in, raw: encode(text) }),
            method === "GET" || method === "DELETE" ? { method } : jsonInit(method, "{}"),
            op,
          );
        }
        // Malformed percent-encoding and a value given twice.
        for (const raw of ["%", "%E0%A4%A", "%FF%FE", "%C0%AF"])
          await survives(
            `raw ${p.name}`,
            url(path, op, { name: p.name, in: p.in, raw }),
            { method },
            op,
          );
        if (p.in === "query")
          await survives(
            `repeated ${p.name}`,
            `${url(path, op)}${url(path, op).includes("?") ? "&" : "?"}${p.name}=a&${p.name}=b`,
            { method },
            op,
          );
      }
    }
  });

  it("random text in every parameter (fast-check, fixed seed)", async () => {
    const ops = (await operations()).filter(
      (o) => o.method === "GET" && (o.op.parameters ?? []).length,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        fc.nat(),
        fc.string({ unit: "binary", maxLength: 60 }),
        async ({ path, op }, pick, text) => {
          const params = op.parameters as Json[];
          const p = params[pick % params.length];
          await survives(
            `random ${p.name}`,
            url(path, op, { name: p.name, in: p.in, raw: encode(text) }),
            {},
            op,
          );
        },
      ),
      { seed: 20260426, numRuns: 400 },
    );
  });

  it("strange JSON bodies on every route that takes one", async () => {
    for (const { method, path, op } of await operations()) {
      const content = op.requestBody?.content?.["application/json"];
      if (!content) continue;
      const target = url(path, op);
      for (const raw of RAW_BODIES)
        await survives(`raw body ${raw.slice(0, 20)}`, target, jsonInit(method, raw), op);
      for (const value of NASTY_JSON)
        await survives(
          `body ${JSON.stringify(value).slice(0, 40)}`,
          target,
          jsonInit(method, JSON.stringify(value)),
          op,
        );
      const example = content.schema?.example ?? (await exampleOf(content.schema));
      for (const value of NASTY_JSON) {
        for (const body of mutations(example, value))
          await survives(
            `field ${JSON.stringify(body).slice(0, 80)}`,
            target,
            jsonInit(method, JSON.stringify(body)),
            op,
          );
      }
    }
  });

  it("random JSON bodies (fast-check, fixed seed)", async () => {
    const ops = (await operations()).filter((o) => o.op.requestBody?.content?.["application/json"]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        fc.jsonValue({ maxDepth: 4 }),
        async ({ method, path, op }, value) => {
          await survives("random body", url(path, op), jsonInit(method, JSON.stringify(value)), op);
        },
      ),
      { seed: 20260426, numRuns: 400 },
    );
  });

  it("wrong methods, odd paths, odd content types and odd credentials", async () => {
    const ops = await operations();
    const paths = [...new Set(ops.map((o) => o.path))];
    for (const path of paths) {
      const op = ops.find((o) => o.path === path)!.op;
      for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
        await survives(
          `method ${method}`,
          url(path, op),
          method === "GET" || method === "HEAD"
            ? { method }
            : { method, body: "{}", headers: { "Content-Type": "text/plain" } },
          op,
          false,
        );
      }
      for (const auth of AUTH_HEADERS)
        await survives(
          `auth ${auth.slice(0, 20)}`,
          url(path, op),
          { headers: { Authorization: auth } },
          op,
        );
      await survives(
        "if-none-match junk",
        url(path, op),
        { headers: { "If-None-Match": 'W/"", *, "x' } },
        op,
      );
      await survives(
        "content-type junk",
        url(path, op),
        {
          method: "POST",
          headers: { "Content-Type": "application/json; charset=nope; boundary" },
          body: "{}",
        },
        op,
        false,
      );
    }
    for (const odd of [
      "/",
      "//",
      "/v1",
      "/v1/",
      "/v1//salary",
      "/v1/salary/",
      "/v1/salary.csv.csv",
      "/.csv",
      "/v1/.csv",
      "/%",
      "/v1/roles/..%2F..%2Fetc",
      "/v1/roles/" + "a".repeat(8000),
      "/v1/roles/%00",
      "/docs/../openapi.json",
      "/openapi.json.csv",
      "/v1/batch.csv",
    ]) {
      for (const method of ["GET", "POST"])
        await survives(`odd path`, odd, method === "POST" ? jsonInit("POST", "{}") : {});
    }
  });
});

describe("malformed paths on every route", { timeout: 180_000 }, () => {
  const BROKEN = [
    "%ZZ",
    "%",
    "%E0%A4%A",
    "%C0%AF",
    "%00",
    "%FF%FE",
    "..%2F..%2Fetc",
    "a%2Fb",
    "%2e%2e",
  ];

  it("a broken percent-encoding in any path parameter, or any segment, is a 4xx, never a 5xx", async () => {
    for (const { method, path, op } of await operations()) {
      const init =
        method === "GET" || method === "DELETE" ? { method } : jsonInit(method, '{"args":[]}');
      const params = ((op.parameters ?? []) as Json[]).filter((p) => p.in === "path");
      for (const raw of BROKEN) {
        for (const p of params)
          await survives(
            `path ${p.name}=${raw}`,
            url(path, op, { name: p.name, in: "path", raw }),
            init,
            op,
          );
        // The same junk as an extra segment, and inside the route's own first segment.
        await survives(`extra segment ${raw}`, `${url(path, op)}/${raw}`, init);
        await survives(`segment ${raw}`, url(path, op).replace(/^\/([^/]+)/, `/$1${raw}`), init);
      }
    }
  });
});

describe("the longest text every GET parameter accepts", () => {
  it("is answered without a 5xx (a name that long is unknown: 4xx, with suggestions found in bounded time)", async () => {
    const longest = "ML Engineer ".repeat(40).slice(0, MAX_TEXT_LENGTH);
    for (const { method, path, op } of await operations()) {
      if (method !== "GET") continue;
      for (const p of (op.parameters ?? []) as Json[])
        await survives(
          `longest ${p.name}`,
          url(path, op, { name: p.name, in: p.in, raw: encodeURIComponent(longest) }),
          {},
          op,
        );
    }
  });
});

describe("every route's largest accepted request", { timeout: 300_000 }, () => {
  it("is answered (2xx), by every route that takes a body", async () => {
    const ws = await workspaceWithKeys("largest");
    const key = { Authorization: `Bearer ${ws.admin.key}` };
    // The same largest requests `npm run bench` times.
    const { bodies } = largestRequests();
    const model = bodies.model;
    const created = await call(
      "/v1/models",
      jsonInit("POST", JSON.stringify({ name: "m".repeat(200), input: model }), key),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // Every distinct band there can be (role × level × location × basis × currency): 2,736 rows.
    const bandRows = ROLES.flatMap((r) =>
      LEVELS.flatMap((l) =>
        LOCATIONS.flatMap((loc) =>
          BASES.flatMap((basis) =>
            CURRENCIES.map((currency) => ({
              role: r.name,
              level: l.name,
              location: loc.name,
              basis,
              currency,
              low: 100000,
              high: 200000,
            })),
          ),
        ),
      ),
    );
    const cases: {
      method: string;
      path: string;
      body: unknown;
      headers?: Record<string, string>;
    }[] = [
      {
        method: "POST",
        path: "/v1/plan",
        body: bodies.plan,
      },
      {
        method: "POST",
        path: "/v1/plan/range",
        body: bodies.range,
      },
      {
        method: "POST",
        path: "/v1/plan/range",
        body: bodies.rangeCalendar,
      },
      {
        method: "POST",
        path: "/v1/plan/compare",
        body: bodies.compare,
      },
      {
        method: "POST",
        path: "/v1/scenarios/hire-vs-upskill",
        body: bodies.hireVsUpskill,
      },
      {
        method: "POST",
        path: "/v1/batch",
        // As many salary lookups as the work budget takes in one batch.
        body: {
          calls: Array.from({ length: Math.floor(WORK_BUDGET / WORK_COSTS.lookup) }, () => ({
            fn: "AI_SALARY",
            args: ["ML Engineer", "Mid", "Austin"],
          })),
        },
      },
      {
        method: "POST",
        path: "/v1/functions/{name}".replace("{name}", "AI_SALARY"),
        body: {
          args: [
            Array.from({ length: Math.floor(WORK_BUDGET / WORK_COSTS.lookup) }, () => [
              "ML Engineer",
            ]),
            "Mid",
            "Austin",
          ],
        },
      },
      {
        method: "POST",
        path: "/v1/models",
        body: { name: "n".repeat(200), input: model },
        headers: key,
      },
      {
        method: "PUT",
        path: `/v1/models/${id}`,
        body: { name: "n".repeat(200), input: model },
        headers: { ...key, "If-Match": '"v1"' },
      },
      {
        method: "POST",
        path: "/v1/keys",
        body: { name: "k".repeat(100), scopes: ["admin"] },
        headers: key,
      },
      { method: "PUT", path: "/v1/bands", body: { bands: bandRows }, headers: key },
      {
        method: "POST",
        path: `/v1/models/${id}/shares`,
        body: { view: "totals", expiresAt: "2099-12-31T23:59:59.999+14:00" },
        headers: key,
      },
      {
        method: "PUT",
        path: "/v1/workspace/locations",
        // As many locations as one upload may hold, each with the longest name and aliases.
        body: {
          rows: Array.from({ length: MAX_WORKSPACE_DATA_ROWS }, (_, i) => ({
            name: `Office ${i} `.padEnd(60, "x"),
            factor: 5,
            currency: "EUR",
            aliases: [`Alias ${i} `.padEnd(60, "y")],
          })),
        },
        headers: key,
      },
    ];
    const bodyRoutes = (await operations())
      .filter((o) => o.op.requestBody)
      .map((o) => `${o.method} ${o.path}`)
      .sort();
    const covered = cases
      .map(
        (c) =>
          `${c.method} ${c.path
            .replace(id, "{id}")
            .replace("/AI_SALARY", "/{name}")
            .replace("/workspace/locations", "/workspace/{kind}")}`,
      )
      .filter((v, i, all) => all.indexOf(v) === i)
      .sort();
    expect(covered).toEqual(bodyRoutes);
    for (const c of cases) {
      const res = await call(c.path, jsonInit(c.method, JSON.stringify(c.body), c.headers));
      const text = await res.text();
      expect(res.status, `${c.method} ${c.path}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(
        200,
      );
      expect(res.status, `${c.method} ${c.path}: ${text.slice(0, 300)}`).toBeLessThan(300);
    }
  });
});

async function exampleOf(schema: Json): Promise<Json> {
  if (!schema?.$ref) return schema?.example ?? {};
  const doc = (await (await call("/openapi.json")).json()) as Json;
  const s = doc.components.schemas[schema.$ref.split("/").pop()];
  return s.example ?? {};
}
