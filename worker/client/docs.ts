// The /docs page's script (served as /docs/docs.js): renders the API reference from
// /openapi.json — routes by tag, parameters, bodies, responses — and a "try it" form per route
// that calls this same origin, with the API key given in the sidebar (kept in this tab's
// sessionStorage only) and a JSON or CSV body. No other host is ever contacted.
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
  example?: unknown;
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  security?: Record<string, string[]>[];
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
const keyEl = document.getElementById("api-key") as HTMLInputElement;
const keyNote = document.getElementById("key-state")!;
let doc: OpenApiDocument = { openapi: "" };

// The API key lives in this tab's sessionStorage only (gone when the tab closes) and is sent only
// with this page's own requests to this origin's API (relative URLs: the CSP allows no other).
const KEY_STORAGE = "ai-team-planner.docs.apiKey";

function storedKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? "";
  } catch {
    return ""; // storage blocked: the key lasts while the page is open
  }
}

function keepKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage blocked: nothing is kept
  }
}

function currentKey(): string {
  return keyEl.value.trim();
}

function showKeyState(): void {
  keyNote.textContent = currentKey()
    ? "“Try it” sends this key (Authorization: Bearer …) to this site’s API. Kept in this tab only."
    : "No key: routes that need one answer 401. Paste a workspace key (atp_…).";
}

keyEl.value = storedKey();
showKeyState();
keyEl.addEventListener("input", () => {
  keepKey(currentKey());
  showKeyState();
});
document.getElementById("forget-key")!.addEventListener("click", () => {
  keyEl.value = "";
  keepKey("");
  showKeyState();
});

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

/** "required", "optional" (compute routes: a key prices with the workspace's bands) or "none". */
function keyUse(op: Operation): "required" | "optional" | "none" {
  const security = op.security ?? [];
  const bearer = security.some((r) => "bearerAuth" in r);
  if (!bearer) return "none";
  return security.some((r) => Object.keys(r).length === 0) ? "optional" : "required";
}

/** A body example for a media type: the document's own, else one built from the schema. */
function bodyExample(type: string, media: MediaType): string {
  const given = media.example ?? media.schema?.example;
  if (type.includes("json")) return JSON.stringify(given ?? exampleFor(media.schema, 0), null, 2);
  return typeof given === "string" ? given : "";
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

const shellQuote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

/** The same request as a curl command; the key is shown as $API_KEY, never itself. */
/** A wide table scrolls in its own box, so a phone never scrolls the page sideways. */
function scrollBox(table: HTMLTableElement): HTMLElement {
  return el("div", { className: "table-scroll" }, [table]);
}

function curlLine(method: string, url: string, headers: Record<string, string>, body?: string) {
  const parts = ["curl -s"];
  if (method !== "GET") parts.push(`-X ${method}`);
  parts.push(shellQuote(location.origin + url));
  for (const [name, value] of Object.entries(headers))
    parts.push(
      name === "Authorization"
        ? `-H "Authorization: Bearer $API_KEY"`
        : `-H ${shellQuote(`${name}: ${value}`)}`,
    );
  if (body !== undefined) parts.push(`--data-binary ${shellQuote(body)}`);
  return parts.join(" \\\n  ");
}

function tryForm(method: string, path: string, op: Operation): HTMLElement {
  const form = el("form", { className: "try" });
  const inputs: { param: Parameter; input: HTMLInputElement }[] = [];
  const uid = opId(method, path);
  for (const p of op.parameters ?? []) {
    const example = p.example !== undefined ? p.example : p.schema?.example;
    const id = `${uid}-${p.in}-${p.name}`;
    const input = el("input", {
      type: "text",
      id,
      name: `${p.in}:${p.name}`,
      placeholder: example === undefined ? "" : String(example),
      autocomplete: "off",
    });
    if (p.required && example !== undefined) input.value = String(example);
    inputs.push({ param: p, input });
    form.appendChild(
      el("label", { for: id }, [
        el("code", { text: p.name }),
        ` (${p.in}${p.required ? ", required" : ""})`,
      ]),
    );
    form.appendChild(input);
  }
  const media = Object.entries(op.requestBody?.content ?? {});
  let bodyArea: HTMLTextAreaElement | null = null;
  let typeSelect: HTMLSelectElement | null = null;
  if (media.length) {
    const bodyId = `${uid}-body`;
    bodyArea = el("textarea", { name: "body", id: bodyId, spellcheck: "false" });
    const area = bodyArea;
    const examples = new Map(media.map(([type, m]) => [type, bodyExample(type, m)]));
    area.value = examples.get(media[0]![0]) ?? "";
    if (media.length > 1) {
      const typeId = `${uid}-type`;
      const select = el(
        "select",
        { id: typeId, name: "content-type" },
        media.map(([type]) => el("option", { value: type, text: type })),
      );
      typeSelect = select;
      // A new type brings its own example, unless the body was edited.
      let edited = false;
      area.addEventListener("input", () => {
        edited = true;
      });
      select.addEventListener("change", () => {
        if (!edited) area.value = examples.get(select.value) ?? "";
      });
      form.appendChild(el("label", { for: typeId, text: "Body type (Content-Type)" }));
      form.appendChild(select);
    }
    form.appendChild(
      el("label", {
        for: bodyId,
        text: media.length > 1 ? "Body" : `Body (${media[0]![0]})`,
      }),
    );
    form.appendChild(area);
  }
  const needs = keyUse(op);
  if (needs !== "none")
    form.appendChild(
      el("p", {
        className: `small key-${needs}`,
        text:
          needs === "required"
            ? "Needs an API key: paste one under “API key” (top of the page) and it is sent with this request."
            : "A key is optional here: with one, answers use your workspace’s bands.",
      }),
    );
  form.appendChild(el("button", { type: "submit", text: `Send ${method.toUpperCase()} request` }));
  const curl = el("pre", { className: "curl hidden" });
  const out = el("pre", { className: "result hidden", "aria-live": "polite" });
  form.appendChild(curl);
  form.appendChild(out);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    let url = path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const { param, input } of inputs) {
      const value = input.value;
      if (param.in === "path") url = url.split(`{${param.name}}`).join(encodeURIComponent(value));
      else if (param.in === "query" && value !== "") query.append(param.name, value);
      else if (param.in === "header" && value.trim() !== "") headers[param.name] = value.trim();
    }
    const qs = query.toString();
    if (qs) url += `?${qs}`;
    const key = currentKey();
    if (key && needs !== "none") headers.Authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (bodyArea) {
      headers["Content-Type"] = typeSelect?.value ?? media[0]![0];
      body = bodyArea.value;
    }
    const verb = method.toUpperCase();
    curl.textContent = curlLine(verb, url, headers, body);
    curl.classList.remove("hidden");
    out.textContent = "…";
    out.classList.remove("hidden");
    // A relative URL: this origin's API, the only place the key ever goes.
    fetch(url, { method: verb, headers, body })
      .then((res) =>
        res.text().then((text) => {
          const shown = [
            "content-type",
            "etag",
            "cache-control",
            "allow",
            "x-request-id",
            "x-d1-bookmark",
          ]
            .filter((h) => res.headers.get(h))
            .map((h) => `${h}: ${res.headers.get(h)}`);
          let shownBody = text;
          try {
            shownBody = JSON.stringify(JSON.parse(text), null, 2);
          } catch {
            // not JSON: show as it came
          }
          out.textContent = `HTTP ${res.status} ${res.statusText}\n${shown.join("\n")}\n\n${shownBody}`;
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
  const needs = keyUse(op);
  if (needs === "required")
    section.appendChild(el("p", { className: "small needs-key", text: "Needs an API key." }));
  if (op.parameters?.length) {
    section.appendChild(el("h4", { text: "Parameters" }));
    section.appendChild(scrollBox(paramsTable(op.parameters)));
  }
  const content = op.requestBody?.content?.["application/json"];
  if (content) {
    const ref = content.schema?.$ref;
    section.appendChild(el("h4", { text: `JSON body${ref ? ` (${refName(ref)})` : ""}` }));
    section.appendChild(schemaTree(content.schema, 0, []));
  }
  const csv = op.requestBody?.content?.["text/csv"];
  if (csv) {
    section.appendChild(el("h4", { text: "Or a CSV body (Content-Type: text/csv)" }));
    const example = bodyExample("text/csv", csv);
    if (example) section.appendChild(el("pre", { text: example }));
  }
  section.appendChild(el("h4", { text: "Responses" }));
  section.appendChild(scrollBox(responsesTable(op.responses ?? {})));
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
