import { createRoute, z } from "@hono/zod-openapi";
import { CURRENCIES, BASES } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { conditionalGet } from "../http/conditional.js";
import { callerOf } from "../auth/context.js";
import { workspaceProblems } from "../schemas/workspace-responses.js";
import { keyed } from "../auth/require-scope.js";
import { findBandSet, listBandSets, replaceBandsStatements } from "../db/bands.js";
import { database } from "../db/client.js";
import { runBatch } from "../db/statements.js";
import {
  BAND_COLUMNS,
  bandRowsFromCsv,
  checkBands,
  MAX_BAND_ROWS,
  type RawBandRow,
} from "../http/band-input.js";
import { jsonOrCsvAnswer, wantsCsv } from "../http/csv.js";
import { json, jsonOrCsv, SetVersionSchema, versionQuery } from "../schemas/openapi.js";
import { HttpProblem } from "../http/problem.js";
import { quotaExceeded, quotasFrom } from "../http/quotas.js";
import { workspaceUsage } from "../db/usage.js";
import { currentWorkspaceData } from "../db/workspace-data.js";
import { isoTime, setVersionJson } from "../http/version-etag.js";

// A workspace's own compensation bands. An upload replaces the whole set atomically and the
// previous set stays readable as its version; where a band matches a role, level, location,
// basis and currency, every computation with the workspace's key uses it (provenance "workspace").

const BandSchema = z
  .object({
    role: z.string().openapi({ example: "ML Engineer" }),
    level: z.string().openapi({ example: "Mid" }),
    location: z.string().openapi({ example: "Austin, TX" }),
    basis: z.enum(BASES).openapi({ example: "base" }),
    currency: z.enum(CURRENCIES).openapi({ example: "USD" }),
    low: z.number().openapi({ example: 150000 }),
    high: z.number().openapi({ example: 185000 }),
  })
  .openapi("Band");

const BandSetSchema = z
  .object({
    version: z
      .number()
      .int()
      .openapi({ description: "Band set version; 0 when the workspace has never uploaded bands." }),
    createdAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    bands: z
      .array(BandSchema)
      .openapi({ description: "Canonical role, level and location names." }),
  })
  .openapi("BandSet");

const BandUploadRow = z.looseObject({}).openapi("BandUploadRow", {
  description:
    "role, level, location (names or aliases), basis (base|total|market), currency (USD|GBP), low and high (currency units, low ≤ high).",
  example: {
    role: "MLE",
    level: "Mid",
    location: "Austin",
    basis: "base",
    currency: "USD",
    low: 150000,
    high: 185000,
  },
});

const CSV_EXAMPLE = `${BAND_COLUMNS.join(",")}\nML Engineer,Mid,Austin,base,USD,150000,185000\nData Scientist,Senior,London,base,GBP,120000,160000\n`;

const VersionQuery = versionQuery({
  error: "must be a band set version (1, 2, …)",
  description: "An earlier set; default the current one.",
});

const replace = createRoute({
  method: "put",
  path: "/",
  tags: ["Bands"],
  summary: "Replace the workspace's compensation bands (CSV or JSON)",
  description:
    `text/csv with the header \`${BAND_COLUMNS.join(",")}\`, or JSON {"bands": [...]}. Every row is checked (unknown role/level/location with suggestions; the workspace's own levels and locations count as known, basis, currency, ` +
    `low ≤ high, non-negative, every field present, no repeated band); any bad row → 422 listing each one, and the previous bands stay. ` +
    `At most ${MAX_BAND_ROWS} rows; an empty set clears the bands. Every version is kept, so an upload that would take the workspace over its band-row quota is refused (409 QUOTA_EXCEEDED; GET /v1/usage). Needs the write scope.`,
  ...keyed("write"),
  request: {
    body: {
      description: "The whole new set.",
      content: {
        "application/json": {
          schema: z.object({
            bands: z.array(BandUploadRow).openapi({ description: "The bands." }),
          }),
        },
        "text/csv": { schema: z.string().openapi({ example: CSV_EXAMPLE }) },
      },
    },
  },
  responses: {
    200: json(BandSetSchema, "Stored as the new current version."),
    ...workspaceProblems(400, 401, 403, 409, 422),
  },
});

const get = createRoute({
  method: "get",
  path: "/",
  tags: ["Bands"],
  summary: "The workspace's current bands (or ?version=n); CSV too",
  description:
    'The bands as stored (canonical names); as CSV in the upload format, so a set can be edited and PUT back. ETag "b<version>".',
  ...keyed("read", conditionalGet),
  request: { query: VersionQuery },
  responses: {
    200: jsonOrCsv(
      BandSetSchema,
      "The band set; CSV has the upload header, so it can be edited and PUT back.",
      BAND_COLUMNS,
    ),
    304: { description: "Unchanged." },
    ...workspaceProblems(400, 401, 403, 404),
  },
});

const versions = createRoute({
  method: "get",
  path: "/versions",
  tags: ["Bands"],
  summary: "Every band set the workspace has uploaded",
  description:
    "Each version with its row count and who uploaded it, newest (the current set) first.",
  ...keyed("read"),
  responses: {
    200: json(
      z
        .object({
          versions: z.array(SetVersionSchema),
        })
        .openapi("BandSetVersions"),
      "Newest first; the first is the current set.",
    ),
    ...workspaceProblems(401, 403),
  },
});

export const bandsRouter = newRouter()
  .openapi(replace, async (c) => {
    const caller = callerOf(c);
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    let rows: RawBandRow[];
    if (type === "text/csv") rows = bandRowsFromCsv(await c.req.text());
    else if (/^application\/([a-z.-]+\+)?json$/.test(type)) {
      const body = c.req.valid("json") as { bands?: Record<string, unknown>[] };
      if (!body.bands)
        throw new HttpProblem(
          400,
          "INVALID_ARGUMENT",
          "bands: is required, a list of bands (send [] to clear them).",
          { field: "bands" },
        );
      rows = body.bands.map((values) => ({ values }));
    } else {
      throw new HttpProblem(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `Send the bands as text/csv (header ${BAND_COLUMNS.join(",")}) or as application/json {"bands": [...]}.`,
        { field: "Content-Type" },
      );
    }
    // Its bands may price the workspace's own levels and locations (a Staff band, a Denver band).
    const { data } = await currentWorkspaceData(c.var.d1, caller.workspaceId);
    const bands = checkBands(rows, { levels: data.levels, locations: data.locations });
    const now = Date.now();
    const maxRows = quotasFrom(c.env).bandRows;
    const results = await runBatch(
      c.var.d1,
      replaceBandsStatements(caller.workspaceId, bands, caller.keyId, now, maxRows),
    );
    const written = results[0]!.results[0] as { version: number } | undefined;
    if (!written) {
      const usage = await workspaceUsage(c.var.d1, caller.workspaceId);
      throw quotaExceeded(
        "bandRows",
        maxRows,
        usage.bandRows,
        `This upload has ${bands.length.toLocaleString("en-US")} rows; every band set version stays readable, so none is dropped to make room.`,
      );
    }
    const version = written.version;
    return c.json({ version, createdAt: isoTime(now), createdBy: caller.keyId, bands }, 200, {
      ETag: `"b${version}"`,
      "Cache-Control": "private, no-cache",
    });
  })
  .openapi(get, async (c) => {
    const caller = callerOf(c);
    const { version } = c.req.valid("query");
    const set = await findBandSet(database(c.var.d1), caller.workspaceId, version);
    if (!set && version !== undefined)
      throw new HttpProblem(
        404,
        "NOT_FOUND",
        `This workspace has no band set version ${version}; GET /v1/bands/versions lists them.`,
        { field: "version" },
      );
    const csv = wantsCsv(c);
    const etag = `"b${set?.version ?? 0}${csv ? "-csv" : ""}"`;
    const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
    const bands = set?.bands ?? [];
    return jsonOrCsvAnswer(
      c,
      {
        version: set?.version ?? 0,
        createdAt: set ? isoTime(set.createdAt) : null,
        createdBy: set?.createdBy ?? null,
        bands,
      },
      () => [
        BAND_COLUMNS,
        ...bands.map((b) => [b.role, b.level, b.location, b.basis, b.currency, b.low, b.high]),
      ],
      headers,
    );
  })
  .openapi(versions, async (c) => {
    const caller = callerOf(c);
    const rows = await listBandSets(database(c.var.d1), caller.workspaceId);
    c.header("Cache-Control", "private, no-cache");
    return c.json(
      {
        versions: rows.map(setVersionJson),
      },
      200,
    );
  });
