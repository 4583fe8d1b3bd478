import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { contentHash, DATASET_VERSION } from "../../shared/index.js";
import type { AppEnv } from "../env.js";
import { conditionalGet, fixedContent } from "../http/conditional.js";

const route = createRoute({
  method: "get",
  path: "/openapi.json",
  tags: ["Meta"],
  summary: "This API's OpenAPI 3.1 document",
  description:
    "Generated from the same zod schemas that validate every request. Each route that answers CSV also appears with a .csv suffix.",
  middleware: [conditionalGet] as const,
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
  {
    name: "Scenarios",
    description: "Planning scenarios: hire a specialist or upskill someone you have.",
  },
  { name: "Keys", description: "A workspace's API keys and its audit trail (admin)." },
  { name: "Models", description: "Live plan models: saved, versioned, read by sheets and pages." },
  { name: "Shares", description: "Read-only links to a model, and what they read." },
  { name: "Bands", description: "A workspace's own compensation bands." },
  {
    name: "Workspace data",
    description: "A workspace's own levels, locations and FX rates, versioned like the bands.",
  },
  { name: "Usage", description: "A workspace's storage against its quotas." },
  { name: "Pages", description: "The pages people open: home, shared models, the add-on install." },
  { name: "Meta", description: "Health, this document and the reference page." },
];

type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
} & Record<string, unknown>;
interface Operation {
  summary?: string;
  operationId?: string;
  parameters?: { name: string; in: string; [k: string]: unknown }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<
    string,
    { description: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }
  >;
  [k: string]: unknown;
}

/**
 * What the app's own middleware may answer on a path before or around any route: a 401 for a
 * refused key and the rate limits' 429. app.ts mounts its guards from this same table, so the
 * document lists an answer exactly where the middleware that gives it runs.
 */
export interface PathGuard {
  /** A Hono path: "/v1/*" or an exact one such as "/docs". */
  path: string;
  /** Problem answers the guard gives, documented on every operation under `path`. */
  answers: readonly GuardStatus[];
  /** The guard reads an optional API key (Authorization: Bearer): operations declare it. */
  optionalKey?: boolean;
  /** The guard runs the request on a D1 session: operations take and answer X-D1-Bookmark. */
  bookmark?: boolean;
}

const GUARD_ANSWERS = {
  400: "X-D1-Bookmark was sent but is not a bookmark: send back one this API answered with, unchanged, or none.",
  401: 'A key was sent but is unknown, revoked or malformed: send a valid "Authorization: Bearer atp_…", or none (the answer carries WWW-Authenticate: Bearer).',
  429: "Too many requests this minute for this key, address or share link; Retry-After says when to try again.",
  413: "The body is larger than 1 MB.",
} as const;
export type GuardStatus = keyof typeof GUARD_ANSWERS;

const underPath = (path: string, guard: string) =>
  guard.endsWith("/*") ? path.startsWith(guard.slice(0, -1)) : path === guard;

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

/** "get /v1/roles/{role}" → "getV1RolesRole": stable, unique per operation, readable in generated clients. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/\.csv$/, "/csv")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method, ...words].map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join("");
}

const BOOKMARK_DOC =
  "A D1 bookmark: the point in the database this answer was read at (or wrote). Send it back on a later request (a share read after a save) to read at least that new, from whichever replica has it.";

/** X-D1-Bookmark as a request header the operation takes and a header of its successful answers. */
function withBookmark(op: Operation): void {
  op.parameters = [
    ...(op.parameters ?? []),
    {
      name: "X-D1-Bookmark",
      in: "header",
      required: false,
      description: BOOKMARK_DOC,
      schema: {
        type: "string",
        maxLength: 259,
        example: "00000085-0000024c-00004c6d-8e61117bf38d7adb71b934ebbf891683",
      },
    },
  ];
  for (const [status, response] of Object.entries(op.responses))
    if (status.startsWith("2"))
      response.headers = {
        ...response.headers,
        "X-D1-Bookmark": { description: BOOKMARK_DOC, schema: { type: "string" } },
      };
}

/**
 * Every operation completed the same way: an operationId, its security (a key where a guard reads
 * one, none elsewhere), the guards' answers, and 413 wherever a body is read.
 */
function completeOperations(doc: Doc, guards: readonly PathGuard[]): void {
  for (const [path, item] of Object.entries(doc.paths)) {
    const own = guards.filter((g) => underPath(path, g.path));
    for (const [method, op] of Object.entries(item)) {
      op.operationId ??= operationId(method, path);
      // Routes that need a key declare it; anywhere a guard reads one it is optional; elsewhere none.
      op.security ??= own.some((g) => g.optionalKey) ? [{}, { bearerAuth: [] }] : [];
      if (own.some((g) => g.bookmark)) withBookmark(op);
      const statuses = new Set<GuardStatus>(own.flatMap((g) => g.answers));
      if (op.requestBody) statuses.add(413);
      for (const status of [...statuses].sort())
        op.responses[status] ??= problem(GUARD_ANSWERS[status]);
      op.responses = Object.fromEntries(
        Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
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

export function openApiDocument(app: OpenAPIHono<AppEnv>, guards: readonly PathGuard[]): Doc {
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
    // Relative to where this document is served: the worker that serves it is the API.
    servers: [{ url: "/", description: "This worker (the origin /openapi.json was read from)." }],
    tags: TAGS,
  }) as unknown as Doc;
  completeOperations(doc, guards);
  return withCsvTwins(doc);
}

/**
 * This API's revision: a hash of the document it serves — every route, schema, status and CSV
 * column. worker/http/api-revision.ts holds it (npm run openapi writes it; a test fails while it
 * is stale), and it is part of every ETag and cached result, so an answer whose shape changed is
 * never revalidated as the old one.
 */
export function apiRevision(doc: Doc): string {
  return contentHash(JSON.stringify(doc)).slice(0, 8);
}

/**
 * GET /openapi.json on the root app: it documents every router mounted on it, itself included,
 * with the answers of the app's guards, and registers the one bearer security scheme.
 */
export function mountOpenApiDocument(app: OpenAPIHono<AppEnv>, guards: readonly PathGuard[]): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description:
      "A workspace API key (\"atp_…\"), shown once when created. Scopes nest: admin implies write, write implies read. Optional on compute routes: with one, answers use the workspace's bands and count against the key's rate limit.",
  });
  let text: string | undefined;
  app.openapi(route, (c) => {
    // Generated once per isolate, on first use: by then every router is mounted.
    text ??= JSON.stringify(openApiDocument(app, guards));
    return fixedContent(c, text, "application/json; charset=utf-8") as never;
  });
}
