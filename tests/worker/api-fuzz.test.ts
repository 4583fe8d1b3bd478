// Nothing, however strange, may produce a 5xx: NaN and Infinity as text, huge and negative
// numbers, arrays where objects belong, SQL-looking and unicode strings, malformed encodings,
// wrong methods, odd headers — thrown at every route /openapi.json lists. Each answer must be a
// success or a 4xx problem document.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callInProcess as call } from "./api-client.js";

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
    return encode(text);
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

async function exampleOf(schema: Json): Promise<Json> {
  if (!schema?.$ref) return schema?.example ?? {};
  const doc = (await (await call("/openapi.json")).json()) as Json;
  const s = doc.components.schemas[schema.$ref.split("/").pop()];
  return s.example ?? {};
}
