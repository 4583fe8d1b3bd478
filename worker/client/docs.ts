// The /docs page's script (served as /docs/docs.js): renders the API reference from
// /openapi.json — routes by tag, parameters, bodies, responses — and a "try it" form per route
// that calls this same origin. No other host is ever contacted.
import { el } from "./dom.js";

/** The parts of an OpenAPI 3.1 schema object this page reads. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  examples?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: Schema;
}
interface MediaType {
  schema?: Schema;
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, Operation | undefined>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ["get", "post", "put", "patch", "delete"];
const statusEl = document.getElementById("status")!;
const opsEl = document.getElementById("ops")!;
const tocEl = document.getElementById("toc")!;
const infoEl = document.getElementById("info")!;
const filterEl = document.getElementById("filter") as HTMLInputElement;
let doc: OpenApiDocument = { openapi: "" };

// Descriptions mark code with backticks; everything else is plain text (never parsed as HTML).
function prose<K extends keyof HTMLElementTagNameMap>(tag: K, text: string | undefined) {
  const node = el(tag);
  String(text || "")
    .split("`")
    .forEach((part, i) => {
      node.appendChild(i % 2 ? el("code", { text: part }) : document.createTextNode(part));
    });
  return node;
}

function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

function resolve(schema: Schema | undefined): Schema {
  let seen = 0;
  while (schema?.$ref && seen < 20) {
    schema = doc.components?.schemas?.[refName(schema.$ref)] ?? {};
    seen++;
  }
  if (schema?.allOf?.length === 1 && !schema.properties) {
    const inner = resolve(schema.allOf[0]);
    return schema.description ? { ...inner, description: schema.description } : { ...inner };
  }
  return schema ?? {};
}

function typeLabel(schema: Schema | undefined, depth: number): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.allOf?.length === 1) return typeLabel(schema.allOf[0], depth);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return choices.map((s) => typeLabel(s, depth)).join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type || "any";
  if (type === "array") return `array of ${typeLabel(schema.items ?? {}, depth)}`;
  const bounds: string[] = [];
  if (schema.minimum !== undefined) bounds.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) bounds.push(`≤ ${schema.maximum}`);
  if (schema.maxItems !== undefined) bounds.push(`at most ${schema.maxItems}`);
  return bounds.length ? `${type} (${bounds.join(", ")})` : type;
}

// A nested list of an object's fields, expanding each named schema once per branch.
function schemaTree(
  schema: Schema | undefined,
  depth: number,
  seen: readonly string[],
): HTMLElement {
  const s = resolve(schema);
  const list = el("ul", { className: "schema" });
  const item = s.type === "array" ? resolve(s.items ?? {}) : s;
  const required = item.required ?? [];
  for (const [name, prop] of Object.entries(item.properties ?? {})) {
    const li = el("li", null, [
      el("code", { text: name }),
      required.includes(name) ? el("span", { className: "req", text: "required" }) : null,
      " ",
      el("span", { className: "type", text: typeLabel(prop, depth) }),
    ]);
    const r = resolve(prop);
    if (r.description) li.appendChild(prose("span", ` — ${r.description}`));
    const key = prop.$ref || prop.items?.$ref || "";
    const target = r.type === "array" ? resolve(r.items ?? {}) : r;
    if (depth < 4 && target.properties && (!key || !seen.includes(key))) {
      li.appendChild(schemaTree(prop, depth + 1, key ? [...seen, key] : seen));
    }
    list.appendChild(li);
  }
  return list;
}

function exampleFor(schema: Schema | undefined, depth: number): unknown {
  if (!schema || depth > 6) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  const choices = s.anyOf ?? s.oneOf;
  if (choices) return exampleFor(choices[0], depth + 1);
  if (s.enum) return s.enum[0];
  if (s.type === "array") {
    const one = exampleFor(s.items ?? {}, depth + 1);
    return one === null ? [] : [one];
  }
  if (s.type === "object" || s.properties) {
    const out: Record<string, unknown> = {};
    for (const name of s.required ?? []) out[name] = exampleFor(s.properties?.[name], depth + 1);
    return out;
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === "integer" || type === "number") return s.minimum !== undefined ? s.minimum : 1;
  if (type === "boolean") return true;
  if (type === "string") return "";
  return null;
}

function opId(method: string, path: string): string {
  return (method + path).replace(/[^A-Za-z0-9]+/g, "-");
}

function headerRow(names: readonly string[]): HTMLTableRowElement {
  return el(
    "tr",
    null,
    names.map((text) => el("th", { text })),
  );
}

function paramsTable(params: readonly Parameter[]): HTMLTableElement {
  const table = el("table", null, [headerRow(["Name", "In", "Type", "Description"])]);
  for (const p of params) {
    const schema = p.schema ?? {};
    table.appendChild(
      el("tr", null, [
        el("td", null, [
          el("code", { text: p.name }),
          p.required ? el("span", { className: "req", text: "required" }) : null,
        ]),
        el("td", { text: p.in }),
        el("td", { className: "type", text: typeLabel(schema, 0) }),
        prose("td", p.description || schema.description || ""),
      ]),
    );
  }
  return table;
}

function responsesTable(responses: NonNullable<Operation["responses"]>): HTMLTableElement {
  const table = el("table", null, [headerRow(["Status", "Description", "Content"])]);
  for (const [status, r] of Object.entries(responses)) {
    const types = Object.entries(r.content ?? {}).map(
      ([t, media]) => t + (media.schema?.$ref ? ` (${refName(media.schema.$ref)})` : ""),
    );
    table.appendChild(
      el("tr", null, [
        el("td", null, [el("code", { text: status })]),
        prose("td", r.description || ""),
        el("td", { className: "type", text: types.join(", ") }),
      ]),
    );
  }
  return table;
}

function curlLine(method: string, url: string, body: string | undefined): string {
  let line = "curl -s";
  if (method !== "GET") line += ` -X ${method}`;
  line += ` '${location.origin}${url}'`;
  if (body) line += ` -H 'Content-Type: application/json' -d '${body.replace(/'/g, "'\\''")}'`;
  return line;
}

function tryForm(method: string, path: string, op: Operation): HTMLElement {
  const form = el("form", { className: "try" });
  const inputs: { param: Parameter; input: HTMLInputElement }[] = [];
  for (const p of op.parameters ?? []) {
    const example = p.example !== undefined ? p.example : p.schema?.example;
    const input = el("input", {
      type: "text",
      name: `${p.in}:${p.name}`,
      placeholder: example === undefined ? "" : String(example),
    });
    if (p.required && example !== undefined) input.value = String(example);
    inputs.push({ param: p, input });
    form.appendChild(
      el("label", null, [
        el("code", { text: p.name }),
        ` (${p.in}${p.required ? ", required" : ""})`,
      ]),
    );
    form.appendChild(input);
  }
  let bodyArea: HTMLTextAreaElement | null = null;
  const content = op.requestBody?.content?.["application/json"];
  if (content) {
    bodyArea = el("textarea", { name: "body", spellcheck: "false" });
    bodyArea.value = JSON.stringify(exampleFor(content.schema, 0), null, 2);
    form.appendChild(el("label", { text: "JSON body" }));
    form.appendChild(bodyArea);
  }
  form.appendChild(el("button", { type: "submit", text: `Send ${method.toUpperCase()} request` }));
  const curl = el("pre", { className: "curl hidden" });
  const out = el("pre", { className: "result hidden", "aria-live": "polite" });
  form.appendChild(curl);
  form.appendChild(out);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    let url = path;
    const query = new URLSearchParams();
    for (const { param, input } of inputs) {
      const value = input.value;
      if (param.in === "path") url = url.split(`{${param.name}}`).join(encodeURIComponent(value));
      else if (param.in === "query" && value !== "") query.append(param.name, value);
    }
    const qs = query.toString();
    if (qs) url += `?${qs}`;
    const init: RequestInit & { headers: Record<string, string> } = {
      method: method.toUpperCase(),
      headers: {},
    };
    if (bodyArea) {
      init.headers["Content-Type"] = "application/json";
      init.body = bodyArea.value;
    }
    curl.textContent = curlLine(init.method ?? "GET", url, bodyArea?.value);
    curl.classList.remove("hidden");
    out.textContent = "…";
    out.classList.remove("hidden");
    fetch(url, init)
      .then((res) =>
        res.text().then((text) => {
          const shown = ["content-type", "etag", "cache-control", "allow", "x-request-id"]
            .filter((h) => res.headers.get(h))
            .map((h) => `${h}: ${res.headers.get(h)}`);
          let body = text;
          try {
            body = JSON.stringify(JSON.parse(text), null, 2);
          } catch {
            // not JSON: show as it came
          }
          out.textContent = `HTTP ${res.status} ${res.statusText}\n${shown.join("\n")}\n\n${body}`;
          out.setAttribute("data-status", String(res.status));
        }),
      )
      .catch((err: Error) => {
        out.textContent = `Request failed: ${err.message}`;
      });
  });
  return el("details", { className: "try" }, [el("summary", { text: "Try it" }), form]);
}

function operation(method: string, path: string, op: Operation): HTMLElement {
  const section = el(
    "section",
    {
      className: "op",
      id: opId(method, path),
      "data-search": `${method} ${path} ${op.summary || ""}`.toLowerCase(),
    },
    [
      el("h3", null, [
        el("span", { className: `method ${method}`, text: method.toUpperCase() }),
        el("span", { className: "path", text: path }),
        op.summary ? el("span", { text: `— ${op.summary}` }) : null,
      ]),
    ],
  );
  if (op.description) section.appendChild(prose("p", op.description));
  if (op.parameters?.length) {
    section.appendChild(el("h4", { text: "Parameters" }));
    section.appendChild(paramsTable(op.parameters));
  }
  const content = op.requestBody?.content?.["application/json"];
  if (content) {
    const ref = content.schema?.$ref;
    section.appendChild(el("h4", { text: `JSON body${ref ? ` (${refName(ref)})` : ""}` }));
    section.appendChild(schemaTree(content.schema, 0, []));
  }
  section.appendChild(el("h4", { text: "Responses" }));
  section.appendChild(responsesTable(op.responses ?? {}));
  const ok = op.responses?.["200"]?.content?.["application/json"];
  if (ok?.schema) {
    const ref = ok.schema.$ref;
    section.appendChild(
      el("details", null, [
        el("summary", { text: `Response fields${ref ? ` (${refName(ref)})` : ""}` }),
        schemaTree(ok.schema, 0, []),
      ]),
    );
  }
  section.appendChild(tryForm(method, path, op));
  return section;
}

function render(loaded: OpenApiDocument): void {
  doc = loaded;
  statusEl.classList.add("hidden");
  infoEl.appendChild(el("h2", { text: doc.info?.title || "API" }));
  infoEl.appendChild(
    el("p", {
      className: "small",
      text: `OpenAPI ${doc.openapi} · version ${doc.info?.version || ""}`,
    }),
  );
  if (doc.info?.description) infoEl.appendChild(prose("p", doc.info.description));

  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  const order = (doc.tags ?? []).map((t) => t.name);
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] || "Other";
      if (!order.includes(tag)) order.push(tag);
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  let count = 0;
  for (const tag of order) {
    const ops = byTag.get(tag);
    if (!ops) continue;
    const meta = (doc.tags ?? []).find((t) => t.name === tag);
    opsEl.appendChild(el("h2", { className: "tag", id: `tag-${tag}`, text: tag }));
    if (meta?.description) opsEl.appendChild(prose("p", meta.description));
    tocEl.appendChild(el("h2", { text: tag }));
    for (const o of ops) {
      opsEl.appendChild(operation(o.method, o.path, o.op));
      tocEl.appendChild(
        el("a", {
          href: `#${opId(o.method, o.path)}`,
          "data-search": `${o.method} ${o.path} ${o.op.summary || ""}`.toLowerCase(),
          text: `${o.method.toUpperCase()} ${o.path}`,
        }),
      );
      count++;
    }
  }
  document.body.setAttribute("data-operations", String(count));
}

filterEl.addEventListener("input", () => {
  const q = filterEl.value.trim().toLowerCase();
  for (const node of document.querySelectorAll("[data-search]")) {
    node.classList.toggle(
      "hidden",
      q !== "" && !(node.getAttribute("data-search") ?? "").includes(q),
    );
  }
});

fetch("/openapi.json", { headers: { Accept: "application/json" } })
  .then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json() as Promise<OpenApiDocument>;
  })
  .then(render)
  .catch((err: Error) => {
    statusEl.textContent = `Could not load /openapi.json: ${err.message}`;
  });
