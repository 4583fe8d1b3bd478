import { createRoute, z } from "@hono/zod-openapi";
import {
  limitSuggestions,
  MAX_FRESH_SUGGESTIONS,
  resolveLevel,
  resolveLocation,
  type WorkspaceData,
  type WorkspaceLevel,
  type WorkspaceLocation,
} from "../../shared/index.js";
import { newRouter } from "../env.js";
import { conditionalGet } from "../http/conditional.js";
import { callerOf } from "../auth/context.js";
import { workspaceProblems } from "../schemas/workspace-responses.js";
import { keyed } from "../auth/require-scope.js";
import { database, type D1 } from "../db/client.js";
import { runBatch } from "../db/statements.js";
import { namesInCurrentBands } from "../db/bands.js";
import { findDataSet, listDataSets, replaceDataSetStatements } from "../db/workspace-data.js";
import {
  checkWorkspaceData,
  MAX_WORKSPACE_DATA_ROWS,
  WORKSPACE_DATA,
  workspaceDataFromCsv,
  type WorkspaceDataKind,
} from "../http/workspace-data-input.js";
import { jsonOrCsvAnswer, wantsCsv } from "../http/csv.js";
import { json, jsonOrCsv, SetVersionSchema, versionQuery } from "../schemas/openapi.js";
import { HttpProblem } from "../http/problem.js";
import { quotaExceeded, quotasFrom } from "../http/quotas.js";
import { workspaceUsage } from "../db/usage.js";
import { isoTime, setVersionJson } from "../http/version-etag.js";

// A workspace's own levels, locations and FX rates: one resource per kind, each kept like the
// bands — an upload (JSON or CSV) replaces the kind's set atomically, every earlier set stays
// readable as its version, and every priced request with the workspace's key uses the current
// ones (a saved model version keeps the versions it was priced with).

const KINDS = ["levels", "locations", "fx"] as const satisfies readonly WorkspaceDataKind[];

const KindParam = z.object({
  kind: z.enum(KINDS).openapi({ param: { name: "kind", in: "path" }, example: "locations" }),
});

const DataSetSchema = z
  .object({
    kind: z.enum(KINDS),
    version: z
      .number()
      .int()
      .openapi({ description: "Set version; 0 when the workspace has never uploaded this kind." }),
    createdAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    rows: z.array(z.record(z.string(), z.unknown())).openapi({
      description:
        'levels: { name, aliases? }; locations: { name, factor, currency?, aliases? } (factor against the US range); fx: { currency, perUsd, asOf } ("YYYY-MM-DD").',
    }),
  })
  .openapi("WorkspaceDataSet");

const UploadSchema = z
  .object({
    rows: z
      .array(z.looseObject({}))
      .openapi({ description: "The whole new set (send [] to clear it)." }),
  })
  .openapi("WorkspaceDataUpload", {
    example: { rows: [WORKSPACE_DATA.locations.example] },
  });

const VersionQuery = versionQuery({
  error: "must be a set version (1, 2, …)",
  description: "An earlier set; default the current one.",
});

const csvColumns = KINDS.map((k) => `${k}: ${WORKSPACE_DATA[k].columns.join(",")}`).join("; ");

const replace = createRoute({
  method: "put",
  path: "/{kind}",
  tags: ["Workspace data"],
  summary: "Replace the workspace's levels, locations or FX rates (JSON or CSV)",
  description:
    `JSON {"rows": [...]} or text/csv with the kind's header (${csvColumns}; aliases separated by |). ` +
    `Every row is checked as the core checks it (a level or location name the seeds already use is refused, a factor from 0.1 to 5, a currency code, a rate as of a date) and no row may repeat another; any bad row → 422 listing each one, and the current set stays. ` +
    `At most ${MAX_WORKSPACE_DATA_ROWS} rows. Each upload is a new version and every version is kept (a saved model version stays priced with the one it used), counted in the stored-bytes quota (409 QUOTA_EXCEEDED). A set of levels or locations that leaves out one the current bands name is refused (409 CONFLICT naming it). Needs the write scope.`,
  ...keyed("write"),
  request: {
    params: KindParam,
    body: {
      description: "The whole new set.",
      content: {
        "application/json": { schema: UploadSchema },
        "text/csv": {
          schema: z.string().openapi({ example: "name,factor\nDenver,0.95\n" }),
        },
      },
    },
  },
  responses: {
    200: json(DataSetSchema, "Stored as the new current version."),
    ...workspaceProblems(400, 401, 403, 404, 409, 422),
  },
});

const get = createRoute({
  method: "get",
  path: "/{kind}",
  tags: ["Workspace data"],
  summary: "The workspace's current levels, locations or FX rates (or ?version=n); CSV too",
  description:
    'As stored; as CSV in the upload format, so a set can be edited and PUT back. ETag "<kind>-<version>".',
  ...keyed("read", conditionalGet),
  request: { params: KindParam, query: VersionQuery },
  responses: {
    200: jsonOrCsv(DataSetSchema, "The set; CSV has the upload header."),
    304: { description: "Unchanged." },
    ...workspaceProblems(400, 401, 403, 404),
  },
});

const versions = createRoute({
  method: "get",
  path: "/{kind}/versions",
  tags: ["Workspace data"],
  summary: "Every set of a kind the workspace has uploaded",
  description: "Each version with its row count and who uploaded it, newest (current) first.",
  ...keyed("read"),
  request: { params: KindParam },
  responses: {
    200: json(
      z
        .object({
          kind: z.enum(KINDS),
          versions: z.array(SetVersionSchema),
        })
        .openapi("WorkspaceDataVersions"),
      "Newest first; the first is the current set.",
    ),
    ...workspaceProblems(400, 401, 403, 404),
  },
});

/** A stored row as its CSV line, in the kind's column order. */
function csvLine(kind: WorkspaceDataKind, row: Record<string, unknown>): (string | number)[] {
  return WORKSPACE_DATA[kind].columns.map((c) => {
    const v = row[c];
    if (Array.isArray(v)) return v.join("|");
    return typeof v === "number" || typeof v === "string" ? v : "";
  });
}

/**
 * A new set of levels or locations must still know every one the workspace's current bands name
 * (its own Staff, its own Denver): otherwise those bands would stay stored but never match. Seed
 * names always resolve, so only the workspace's own ones can be lost.
 */
async function keepsBandNames(
  d1: D1,
  workspaceId: string,
  kind: WorkspaceDataKind,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (kind === "fx") return;
  const column = kind === "levels" ? "level" : "location";
  const next: WorkspaceData =
    kind === "levels"
      ? { levels: rows as unknown as WorkspaceLevel[] }
      : { locations: rows as unknown as WorkspaceLocation[] };
  const used = await namesInCurrentBands(d1, workspaceId, column);
  // A name that no longer resolves is all we need: its suggestions are not worked out past the
  // request's allowance (see limitSuggestions), however many the bands name.
  const lost = limitSuggestions(MAX_FRESH_SUGGESTIONS, () =>
    used.filter((name) => {
      try {
        if (kind === "levels") resolveLevel(name, column, next);
        else resolveLocation(name, column, next);
        return false;
      } catch {
        return true;
      }
    }),
  );
  if (lost.length)
    throw new HttpProblem(
      409,
      "CONFLICT",
      `The workspace's current bands name ${lost.map((n) => JSON.stringify(n)).join(", ")}, which this set of ${WORKSPACE_DATA[kind].what} leaves out, so those bands would never match again. Keep ${lost.length === 1 ? "it" : "them"} in the set, or upload bands without ${lost.length === 1 ? "it" : "them"} first (PUT /v1/bands). Nothing was stored.`,
      { field: kind },
    );
}

export const workspaceDataRouter = newRouter()
  .openapi(replace, async (c) => {
    const caller = callerOf(c);
    const { kind } = c.req.valid("param");
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    let raw: unknown[];
    if (type === "text/csv") raw = workspaceDataFromCsv(kind, await c.req.text());
    else if (/^application\/([a-z.-]+\+)?json$/.test(type))
      raw = (c.req.valid("json") as { rows: unknown[] }).rows;
    else
      throw new HttpProblem(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `Send the ${WORKSPACE_DATA[kind].what} as application/json {"rows": [...]} or as text/csv with the header ${WORKSPACE_DATA[kind].columns.join(",")}.`,
        { field: "Content-Type" },
      );
    const rows = checkWorkspaceData(kind, raw) as Record<string, unknown>[];
    await keepsBandNames(c.var.d1, caller.workspaceId, kind, rows);
    const now = Date.now();
    const maxBytes = quotasFrom(c.env).storedBytes;
    const [insert] = await runBatch(
      c.var.d1,
      replaceDataSetStatements(caller.workspaceId, kind, rows, caller.keyId, now, maxBytes),
    );
    const written = insert!.results[0] as { version: number } | undefined;
    if (!written) {
      const usage = await workspaceUsage(c.var.d1, caller.workspaceId);
      throw quotaExceeded(
        "storedBytes",
        maxBytes,
        usage.storedBytes,
        `Every version of the workspace's ${WORKSPACE_DATA[kind].what} stays readable, so none is dropped to make room.`,
      );
    }
    return c.json(
      { kind, version: written.version, createdAt: isoTime(now), createdBy: caller.keyId, rows },
      200,
      { ETag: `"${kind}-${written.version}"`, "Cache-Control": "private, no-cache" },
    );
  })
  .openapi(get, async (c) => {
    const caller = callerOf(c);
    const { kind } = c.req.valid("param");
    const { version } = c.req.valid("query");
    const set = await findDataSet(database(c.var.d1), caller.workspaceId, kind, version);
    if (!set && version !== undefined)
      throw new HttpProblem(
        404,
        "NOT_FOUND",
        `This workspace has no ${WORKSPACE_DATA[kind].what} version ${version}; GET /v1/workspace/${kind}/versions lists them.`,
        { field: "version" },
      );
    const rows = (set?.rows ?? []) as Record<string, unknown>[];
    const csv = wantsCsv(c);
    const headers = {
      ETag: `"${kind}-${set?.version ?? 0}${csv ? "-csv" : ""}"`,
      "Cache-Control": "private, no-cache",
    };
    return jsonOrCsvAnswer(
      c,
      {
        kind,
        version: set?.version ?? 0,
        createdAt: set ? isoTime(set.createdAt) : null,
        createdBy: set?.createdBy ?? null,
        rows,
      },
      () => [[...WORKSPACE_DATA[kind].columns], ...rows.map((r) => csvLine(kind, r))],
      headers,
    );
  })
  .openapi(versions, async (c) => {
    const caller = callerOf(c);
    const { kind } = c.req.valid("param");
    const rows = await listDataSets(database(c.var.d1), caller.workspaceId, kind);
    c.header("Cache-Control", "private, no-cache");
    return c.json(
      {
        kind,
        versions: rows.map(setVersionJson),
      },
      200,
    );
  });
