import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { DATASET_VERSION } from "../../shared/index.js";
import type { AppEnv } from "../env.js";
import { contentResponse } from "../http/cache.js";

const route = createRoute({
  method: "get",
  path: "/openapi.json",
  tags: ["Meta"],
  summary: "This API's OpenAPI 3.1 document",
  description:
    "Generated from the same zod schemas that validate every request. Each route that answers CSV also appears with a .csv suffix.",
  responses: {
    200: {
      description: "The OpenAPI document.",
      content: {
        "application/json": {
          schema: z
            .record(z.string(), z.unknown())
            .openapi({ description: "An OpenAPI 3.1 document." }),
        },
      },
    },
    304: { description: "Not modified." },
  },
});

const TAGS = [
  {
    name: "Salary",
    description: "Salary ranges by role, level, location, basis and currency, with provenance.",
  },
  { name: "Team", description: "Team composition from the seed's ratios." },
  {
    name: "Plan",
    description: "The plan engine: hires and upskilling over time, costed by month and year.",
  },
  { name: "Upskilling", description: "Training paths and career transitions." },
  {
    name: "Reference",
    description: "Roles, levels, locations, recruiting channels and the whole dataset.",
  },
  {
    name: "Functions",
    description: "The spreadsheet function catalogue over HTTP, one call or a batch.",
  },
  { name: "Meta", description: "Health, this document and the reference page." },
];

type Doc = { paths: Record<string, Record<string, Operation>> } & Record<string, unknown>;
interface Operation {
  summary?: string;
  operationId?: string;
  parameters?: { name: string; in: string }[];
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
  [k: string]: unknown;
}

/**
 * Adds `/x.csv` beside every GET `/x` whose 200 answer includes text/csv: the URL a sheet's
 * IMPORTDATA uses, so it is documented as a route of its own.
 */
export function withCsvTwins(doc: Doc): Doc {
  const paths: Doc["paths"] = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    paths[path] = item;
    const get = item["get"];
    const csv = get?.responses["200"]?.content?.["text/csv"];
    if (!get || !csv) continue;
    paths[`${path}.csv`] = {
      get: {
        ...get,
        summary: `${get.summary ?? path} (CSV)`,
        ...(get.operationId ? { operationId: `${get.operationId}Csv` } : {}),
        parameters: (get.parameters ?? []).filter(
          (p) => !(p.in === "query" && p.name === "format"),
        ),
        responses: Object.fromEntries(
          Object.entries(get.responses).map(([status, r]) => [
            status,
            status === "200" ? { description: r.description, content: { "text/csv": csv } } : r,
          ]),
        ),
      },
    };
  }
  return { ...doc, paths };
}

export function openApiDocument(app: OpenAPIHono<AppEnv>): Doc {
  const doc = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "AI Team Planner API",
      version: `1 (dataset ${DATASET_VERSION})`,
      description:
        "Salaries, team ratios, hiring and upskilling plans computed from the seed documents, with the provenance of every figure. " +
        "Errors are application/problem+json (RFC 9457) with a stable `code`, the `field` at fault and `suggestions` for unknown names. " +
        "GETs carry an ETag and Cache-Control and answer 304 to If-None-Match; every response carries X-Request-Id.",
    },
    tags: TAGS,
  }) as unknown as Doc;
  return withCsvTwins(doc);
}

/** GET /openapi.json on the root app: it documents every router mounted on it, itself included. */
export function mountOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  let text: string | undefined;
  app.openapi(route, (c) => {
    // Generated once per isolate, on first use: by then every router is mounted.
    text ??= JSON.stringify(openApiDocument(app));
    return contentResponse(c, text, "application/json; charset=utf-8") as never;
  });
}
