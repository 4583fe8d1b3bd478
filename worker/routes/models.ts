import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  checkWork,
  isOverBudget,
  MAX_SCENARIOS,
  modelWork,
  planWork,
  tooMuchWork,
  type ModelResultAnswer,
} from "../../shared/index.js";
import { newRouter, type AppEnv } from "../env.js";
import { conditionalGet, unchanged } from "../http/conditional.js";
import { callerOf } from "../auth/context.js";
import { workspaceProblems } from "../schemas/workspace-responses.js";
import { assertScope, keyed } from "../auth/require-scope.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { database } from "../db/client.js";
import {
  createModelStatements,
  findModel,
  findVersion,
  listModels,
  listVersions,
  modelFromSql,
  newModelId,
  pinOf,
  setDeletedStatements,
  updateModelStatements,
  type ModelPageCursor,
  type StorageLimits,
  type VersionWrite,
} from "../db/models.js";
import type { ModelRow, ModelVersionRow, VersionKind } from "../db/schema.js";
import { runBatch } from "../db/statements.js";
import { base64url } from "../db/credentials.js";
import { jsonOrCsvAnswer, wantsCsv } from "../http/csv.js";
import { displayName } from "../schemas/display-name.js";
import { checkModelInput, monthsTableRows } from "../http/model-result.js";
import { encodeSnapshot } from "../http/result-snapshot.js";
import { salaryOptions } from "../http/workspace-data.js";
import { versionChange, yearDifferences, type VersionChange } from "../http/version-change.js";
import { currentPin, pricedWith, savedModelResult } from "../middleware/pinned-result.js";
import { serverTiming } from "../http/result-cache.js";
import { quotaExceeded, quotasFrom } from "../http/quotas.js";
import { workspaceUsage, versionBytes } from "../db/usage.js";
import { PlanInputSchema } from "../schemas/plan.js";
import { ScenarioSchema } from "../schemas/scenario.js";
import { json, jsonOrCsv, versionQuery } from "../schemas/openapi.js";
import {
  ModelResultSchema,
  MONTHS_CSV_COLUMNS,
  MONTHS_CSV_NOTE,
  PricedWithSchema,
  VersionChangeSchema,
  YearDifferencesSchema,
} from "../schemas/model.js";
import { HttpProblem } from "../http/problem.js";
import { isoTime, parseIfMatch, resultEtag, versionEtag } from "../http/version-etag.js";

// Live plan models: stored inputs of the plan engine, versioned on every save, with optimistic
// concurrency through If-Match. Every query is scoped to the caller's workspace, so another
// workspace's model answers 404 exactly like a model that never existed.

const ModelName = displayName(200, "2027 AI team");
// The plan input's fields and scenarios in one object (not an allOf over PlanInput, whose
// additionalProperties: false would refuse `scenarios` to schema tools).
const ModelInput = z
  .strictObject({
    ...PlanInputSchema.shape,
    scenarios: z
      .array(ScenarioSchema)
      .max(MAX_SCENARIOS)
      .optional()
      .openapi({
        description: `Named scenarios beside the plan (at most ${MAX_SCENARIOS}), as POST /v1/plan/compare takes them; the shared page shows them.`,
      }),
  })
  .openapi("ModelInput", {
    description:
      "A plan-engine input exactly as POST /v1/plan takes it (see PlanInput), plus optional `scenarios`; any other field is a 400. It is checked whole with the core — scenarios included — and costed against the work budget before anything is stored.",
    example: {
      horizonMonths: 12,
      hires: [{ role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 2 }],
      scenarios: [{ name: "Hire 3 months later", overrides: { startMonthShift: 3 } }],
    },
  });

const ModelSchema = z
  .object({
    id: z.string().openapi({ example: "mdl_3vQ2kX9aTm1LwZ0b" }),
    name: z.string(),
    version: z
      .number()
      .int()
      .openapi({ description: 'Current version; its ETag is "v<version>".', example: 1 }),
    input: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The plan-engine input of this version." }),
    createdAt: z.string().openapi({ example: "2026-05-01T09:30:00.000Z" }),
    createdBy: z.string().openapi({ description: "Id of the key that created the model." }),
    updatedAt: z.string(),
    updatedBy: z.string(),
    deletedAt: z
      .string()
      .nullable()
      .openapi({ description: "Set while the model is soft-deleted." }),
    pricedWith: PricedWithSchema,
  })
  .openapi("Model");

const ModelSummarySchema = ModelSchema.omit({ input: true }).openapi("ModelSummary");

const ModelListSchema = z
  .object({
    models: z.array(ModelSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "Pass as ?cursor= for the next page; null on the last page." }),
  })
  .openapi("ModelList");

const VersionSchema = z
  .object({
    modelId: z.string(),
    version: z.number().int(),
    name: z.string(),
    input: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    createdBy: z.string().openapi({ description: "Id of the key that saved it." }),
    pricedWith: PricedWithSchema,
    kind: z.enum(["create", "save", "reprice", "restore"]).openapi({
      description:
        "How the version came to be: create (version 1), save (PUT), reprice (POST …/reprice) or restore (POST …/versions/{n}/restore).",
    }),
    restoredFrom: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "For a restore: the version it copies." }),
    change: VersionChangeSchema.nullable().openapi({
      description: "What changed from the version before (null for version 1).",
    }),
  })
  .openapi("ModelVersion");

const VersionListSchema = z
  .object({
    modelId: z.string(),
    currentVersion: z.number().int(),
    versions: z.array(VersionSchema.omit({ input: true, modelId: true })),
  })
  .openapi("ModelVersionList");

const RepriceSchema = z
  .object({
    model: ModelSchema,
    previous: z.object({ version: z.number().int(), pricedWith: PricedWithSchema }),
    difference: YearDifferencesSchema,
  })
  .openapi("ModelRepriced", {
    description:
      "The new version (priced with the current data) and its difference from the previous version, year by year (after − before).",
  });

const VersionDiffSchema = z
  .object({
    modelId: z.string(),
    from: z.object({ version: z.number().int(), pricedWith: PricedWithSchema }),
    to: z.object({ version: z.number().int(), pricedWith: PricedWithSchema }),
    change: VersionChangeSchema,
    difference: YearDifferencesSchema,
  })
  .openapi("ModelVersionDiff");

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "mdl_3vQ2kX9aTm1LwZ0b" }),
});
const VersionParams = IdParam.extend({
  n: z
    .string()
    .regex(/^\d{1,9}$/, { error: "must be a version number (1, 2, …)" })
    .transform(Number)
    .openapi({ param: { name: "n", in: "path" }, type: "integer", example: 1 } as never),
});
const VersionQuery = versionQuery({
  error: "must be a version number (1, 2, …)",
  description: "An earlier version's result; default the current one.",
});

const etagHeader = {
  ETag: {
    schema: { type: "string" as const },
    description: 'The version, e.g. "v3": send it back as If-Match to save.',
  },
};

function modelJson(m: ModelRow) {
  return {
    ...modelFields(m),
    pricedWith: pricedWith(pinOf(m)),
  };
}

function modelFields(m: ModelRow) {
  return {
    id: m.id,
    name: m.name,
    version: m.version,
    input: JSON.parse(m.input) as Record<string, unknown>,
    createdAt: isoTime(m.createdAt),
    createdBy: m.createdBy,
    updatedAt: isoTime(m.updatedAt),
    updatedBy: m.updatedBy,
    deletedAt: m.deletedAt === null ? null : isoTime(m.deletedAt),
  };
}

function summaryJson(m: ModelRow) {
  const { input: _input, ...rest } = modelJson(m);
  return rest;
}

/** Workspace data: never stored by shared caches, revalidated with the ETag. */
const PRIVATE = "private, no-cache";

function notFound(id: string): HttpProblem {
  return new HttpProblem(
    404,
    "NOT_FOUND",
    `No model "${id}" in this workspace. GET /v1/models lists the workspace's models.`,
    { field: "id" },
  );
}

async function modelOr404(c: Context<AppEnv>, id: string): Promise<ModelRow> {
  const model = await findModel(database(c.var.d1), callerOf(c).workspaceId, id);
  if (!model) throw notFound(id);
  return model;
}

function encodeCursor(m: ModelRow): string {
  return base64url(new TextEncoder().encode(JSON.stringify([m.createdAt, m.id])));
}

function decodeCursor(cursor: string): ModelPageCursor {
  try {
    const text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const [createdAt, id] = JSON.parse(text) as unknown[];
    if (typeof createdAt === "number" && typeof id === "string") return { createdAt, id };
  } catch {
    // fall through to the problem below
  }
  throw new HttpProblem(
    400,
    "INVALID_ARGUMENT",
    "cursor: not a cursor this API gave out; pass nextCursor from the previous page exactly, or omit it for the first page.",
    { field: "cursor" },
  );
}

function storageLimits(env: Env): StorageLimits {
  const q = quotasFrom(env);
  return { maxModels: q.models, maxVersions: q.versionsPerModel, maxBytes: q.storedBytes };
}

/**
 * A save that wrote nothing: says what happened to it, from the model as it is now — deleted (a
 * DELETE got there first), saved by someone else since If-Match's version, or out of room.
 */
async function whyNotSaved(
  c: Context<AppEnv>,
  id: string,
  expected: number,
  name: string | undefined,
  input: string,
): Promise<HttpProblem> {
  const caller = callerOf(c);
  const current = await findModel(database(c.var.d1), caller.workspaceId, id, {
    includeDeleted: true,
  });
  if (!current) return notFound(id);
  if (current.deletedAt !== null)
    return new HttpProblem(
      404,
      "MODEL_DELETED",
      `Model "${id}" was deleted at ${isoTime(current.deletedAt)}, before this save reached it, so nothing was saved. An admin can restore it (POST /v1/models/${id}/restore); then save again.`,
      { field: "id", deletedAt: isoTime(current.deletedAt) },
    );
  if (current.version !== expected)
    return new HttpProblem(
      412,
      "VERSION_CONFLICT",
      `Model "${id}" is at version ${current.version}, not ${expected}: someone saved since you read it. Nothing was saved. GET it, merge your change and PUT with If-Match: "v${current.version}".`,
      { field: "If-Match", currentVersion: current.version, yourVersion: expected },
      { ETag: versionEtag(current.version) },
    );
  const quotas = quotasFrom(c.env);
  if (current.version >= quotas.versionsPerModel)
    return quotaExceeded(
      "versionsPerModel",
      quotas.versionsPerModel,
      current.version,
      `Every version stays readable, so none is dropped to make room: save this plan as a new model (POST /v1/models).`,
    );
  const usage = await workspaceUsage(c.var.d1, caller.workspaceId);
  const needs = versionBytes(name ?? current.name, input);
  if (usage.storedBytes + needs > quotas.storedBytes)
    return quotaExceeded(
      "storedBytes",
      quotas.storedBytes,
      usage.storedBytes,
      `This version needs ${needs.toLocaleString("en-US")} bytes; every version stays readable, so none is dropped to make room.`,
    );
  return new HttpProblem(
    409,
    "CONFLICT",
    `Model "${id}" changed while this save was being written, so nothing was saved. GET it and save again.`,
    { field: "id" },
  );
}

/** The version If-Match names: 428 without one, 400 for one that names no version. */
function requireIfMatch(c: Context<AppEnv>, id: string, what: string): number {
  const ifMatch = parseIfMatch(c.req.header("If-Match"));
  if (ifMatch.kind === "missing")
    throw new HttpProblem(
      428,
      "PRECONDITION_REQUIRED",
      `${what} needs If-Match with the version you last read (GET /v1/models/${id} gives it as the ETag, e.g. If-Match: "v3"), so a save never overwrites one you have not seen.`,
      { field: "If-Match" },
    );
  if (ifMatch.kind === "invalid")
    throw new HttpProblem(400, "INVALID_ARGUMENT", ifMatch.reason, { field: "If-Match" });
  return ifMatch.version;
}

/**
 * The model a save builds on: it must exist, be live and still be at If-Match's version (else the
 * answer a save that wrote nothing would get). The save itself checks the version again, in the
 * statement that writes it, so a save landing in between still wins alone.
 */
async function modelToSave(c: Context<AppEnv>, id: string, expected: number): Promise<ModelRow> {
  const current = await findModel(database(c.var.d1), callerOf(c).workspaceId, id, {
    includeDeleted: true,
  });
  if (!current) throw notFound(id);
  if (current.deletedAt !== null || current.version !== expected)
    throw await whyNotSaved(c, id, expected, undefined, current.input);
  return current;
}

/** What a new version writes beside its input: its pin, its result snapshot, its kind and its change. */
async function versionWrite(
  pin: VersionWrite["pin"],
  result: Parameters<typeof encodeSnapshot>[0],
  kind: VersionKind,
  change: VersionChange | null,
): Promise<VersionWrite> {
  return {
    pin,
    snapshot: await encodeSnapshot(result),
    kind,
    change: change ? JSON.stringify(change) : null,
  };
}

/** Saves a new version on top of `expected` as one batch; the row it wrote, or why nothing was saved. */
async function saveVersion(
  c: Context<AppEnv>,
  v: {
    id: string;
    expected: number;
    name?: string;
    input: string;
    write: VersionWrite;
    restoredFrom?: number;
  },
): Promise<ModelRow> {
  const caller = callerOf(c);
  const [bump] = await runBatch(
    c.var.d1,
    updateModelStatements({
      id: v.id,
      workspaceId: caller.workspaceId,
      expectedVersion: v.expected,
      name: v.name,
      input: v.input,
      actor: caller.keyId,
      now: Date.now(),
      limits: storageLimits(c.env),
      write: v.write,
      restoredFrom: v.restoredFrom,
    }),
  );
  // The row this save wrote, as its own UPDATE returned it: never a re-read, which a save that
  // landed right after this one could already have changed.
  const written = bump!.results[0] as Record<string, unknown> | undefined;
  if (!written) throw await whyNotSaved(c, v.id, v.expected, v.name, v.input);
  return modelFromSql(written);
}

function versionNotFound(model: ModelRow, n: number, field: string): HttpProblem {
  return new HttpProblem(
    404,
    "NOT_FOUND",
    `Model "${model.id}" has no version ${n}; its versions are 1 to ${model.version}.`,
    { field },
  );
}

function pinned(
  model: ModelRow,
  v: { version: number; input: string } & Parameters<typeof pinOf>[0],
) {
  return {
    id: model.id,
    workspaceId: model.workspaceId,
    version: v.version,
    input: v.input,
    pin: pinOf(v),
  };
}

function versionJson(row: ModelVersionRow) {
  return {
    modelId: row.modelId,
    version: row.version,
    name: row.name,
    input: JSON.parse(row.input) as Record<string, unknown>,
    createdAt: isoTime(row.createdAt),
    createdBy: row.createdBy,
    pricedWith: pricedWith(pinOf(row)),
    kind: row.kind,
    restoredFrom: row.restoredFrom,
    change: row.change === null ? null : (JSON.parse(row.change) as VersionChange),
  };
}

/**
 * One work budget for the results a request may have to compute: a version with a snapshot is a
 * lookup and costs nothing; one priced from its pin (saved before snapshots) costs its plan, and
 * all of them together stay within WORK_BUDGET, refused (422 TOO_MUCH_WORK) before computing.
 */
function sharedWorkBudget(what: string, field: string, spent = 0) {
  return (input: string) => () => {
    const estimate = planWork(JSON.parse(input));
    const all = { ...estimate, units: spent + estimate.units };
    if (isOverBudget(all))
      throw tooMuchWork({
        ...all,
        what: `${what} (${estimate.what}, after the rest)`,
        split: "reprice the older version first, so its result is kept with it",
        field,
      });
    spent += estimate.units;
  };
}

const VersionNumber = z
  .string()
  .regex(/^\d{1,9}$/, { error: "must be a version number (1, 2, …)" })
  .transform(Number);

const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .optional()
    .openapi({ description: 'The ETag last read, e.g. "v3".', example: '"v1"' }),
});

const create = createRoute({
  method: "post",
  path: "/",
  tags: ["Models"],
  summary: "Save a new live model (version 1)",
  description:
    "Checks the input whole with the plan engine (with the workspace's bands) and stores it as version 1. Needs the write scope.",
  ...keyed("write", loadBands),
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ name: ModelName, input: ModelInput }) } },
    },
  },
  responses: {
    201: {
      ...json(ModelSchema, 'Created. Location names the model; ETag is "v1".'),
      headers: {
        ...etagHeader,
        Location: { schema: { type: "string" as const }, description: "/v1/models/{id}" },
      },
    },
    ...workspaceProblems(400, 401, 403, 409, 422),
  },
});

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["Models"],
  summary: "The workspace's models, newest first",
  description:
    'Cursor pagination: follow nextCursor (also sent as a Link rel="next" header). `deleted=true` lists soft-deleted models instead (admin scope), so they can be restored.',
  ...keyed("read"),
  request: {
    query: z.object({
      limit: z
        .string()
        .regex(/^\d{1,3}$/, { error: "must be a whole number from 1 to 100" })
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(1, { error: "must be at least 1" })
            .max(100, { error: "must be at most 100" }),
        )
        .optional()
        .openapi({
          type: "integer",
          description: "Page size, 1-100 (default 20).",
          example: 20,
        } as never),
      cursor: z
        .string()
        .max(500)
        .optional()
        .openapi({ description: "nextCursor from the previous page." }),
      deleted: z
        .enum(["true", "false"])
        .optional()
        .openapi({ description: "true: list soft-deleted models (admin)." }),
    }),
  },
  responses: {
    200: json(ModelListSchema, "One page of models."),
    ...workspaceProblems(400, 401, 403),
  },
});

const get = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Models"],
  summary: "A model's current version",
  description:
    'The model with its plan input; its ETag is the version ("v3"): send it back as If-Match to save, or as If-None-Match for a 304.',
  ...keyed("read", conditionalGet),
  request: { params: IdParam },
  responses: {
    200: { ...json(ModelSchema, "The model; ETag is its version."), headers: etagHeader },
    304: { description: "If-None-Match names the current version." },
    ...workspaceProblems(401, 403, 404),
  },
});

const result = createRoute({
  method: "get",
  path: "/{id}/result",
  tags: ["Models"],
  summary: "The plan engine's result for a model (current or ?version=n)",
  description: `Priced with exactly what the version was saved with (pricedWith: dataset and bands version), to the cent, however the data has changed since; POST /v1/models/{id}/reprice saves a version priced with the current data. ${MONTHS_CSV_NOTE}`,
  ...keyed("read", conditionalGet),
  request: { params: IdParam, query: VersionQuery },
  responses: {
    200: jsonOrCsv(ModelResultSchema, "The result.", MONTHS_CSV_COLUMNS),
    304: { description: "Unchanged (same version; a version's figures never change)." },
    ...workspaceProblems(400, 401, 403, 404, 422),
  },
});

const update = createRoute({
  method: "put",
  path: "/{id}",
  tags: ["Models"],
  summary: "Save a new version (If-Match required)",
  description:
    "Send If-Match with the ETag you last read. If another save came first the answer is 412 with the current version and nothing is stored; without If-Match, 428. `name` is optional (kept if omitted). Needs the write scope.",
  ...keyed("write", loadBands),
  request: {
    params: IdParam,
    headers: ifMatchHeader,
    body: {
      required: true,
      content: {
        "application/json": { schema: z.object({ name: ModelName.optional(), input: ModelInput }) },
      },
    },
  },
  responses: {
    200: { ...json(ModelSchema, "Saved; ETag is the new version."), headers: etagHeader },
    ...workspaceProblems(400, 401, 403, 404, 409, 412, 422, 428),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/{id}",
  tags: ["Models"],
  summary: "Soft-delete a model",
  description:
    "The model, its versions and its share links stop answering (404) until an admin restores it. Needs the write scope.",
  ...keyed("write"),
  request: { params: IdParam },
  responses: { 204: { description: "Deleted." }, ...workspaceProblems(401, 403, 404) },
});

const restore = createRoute({
  method: "post",
  path: "/{id}/restore",
  tags: ["Models"],
  summary: "Undo a soft delete (admin)",
  description:
    "The model, its versions and its links answer again. 409 NOT_DELETED when it is not deleted.",
  ...keyed("admin"),
  request: { params: IdParam },
  responses: {
    200: { ...json(ModelSchema, "Restored."), headers: etagHeader },
    ...workspaceProblems(401, 403, 404, 409),
  },
});

const versions = createRoute({
  method: "get",
  path: "/{id}/versions",
  tags: ["Models"],
  summary: "Every saved version of a model",
  description:
    "Versions 1 to the current one, oldest first, without their inputs (GET /v1/models/{id}/versions/{n} has each): who saved each and when, what it is priced with, how it came to be (create, save, reprice, restore) and what changed from the version before.",
  ...keyed("read"),
  request: { params: IdParam },
  responses: {
    200: json(VersionListSchema, "Versions 1..current, oldest first."),
    ...workspaceProblems(401, 403, 404),
  },
});

const version = createRoute({
  method: "get",
  path: "/{id}/versions/{n}",
  tags: ["Models"],
  summary: "One saved version of a model",
  description: "A version exactly as saved; it never changes, so it may be cached for good.",
  ...keyed("read", conditionalGet),
  request: { params: VersionParams },
  responses: {
    200: json(VersionSchema, "That version, as saved (it never changes)."),
    ...workspaceProblems(400, 401, 403, 404),
  },
});

const reprice = createRoute({
  method: "post",
  path: "/{id}/reprice",
  tags: ["Models"],
  summary: "Reprice: save the current version again, priced with the current data (If-Match)",
  description:
    "A saved version's figures never change: it stays priced with the dataset and bands it names (pricedWith). Repricing is the explicit act that saves a new version with the same input, priced with the current dataset and the workspace's current bands, and answers the difference from the previous version year by year. If-Match as for every save: a stale one is a 412 and nothing is saved. Needs the write scope.",
  ...keyed("write", loadBands),
  request: { params: IdParam, headers: ifMatchHeader },
  responses: {
    200: { ...json(RepriceSchema, "Repriced; ETag is the new version."), headers: etagHeader },
    ...workspaceProblems(400, 401, 403, 404, 409, 412, 422, 428),
  },
});

const restoreVersion = createRoute({
  method: "post",
  path: "/{id}/versions/{n}/restore",
  tags: ["Models"],
  summary: "Restore an old version as a new version (If-Match)",
  description:
    "Saves a new version that copies version n whole — name, input, what it was priced with and its result — so its figures equal version n's to the cent. Reprice it afterwards to price it with the current data. If-Match as for every save. Needs the write scope.",
  ...keyed("write"),
  request: { params: VersionParams, headers: ifMatchHeader },
  responses: {
    200: { ...json(ModelSchema, "Restored as a new version; ETag is it."), headers: etagHeader },
    ...workspaceProblems(400, 401, 403, 404, 409, 412, 428),
  },
});

const diff = createRoute({
  method: "get",
  path: "/{id}/diff",
  tags: ["Models"],
  summary: "What changed between two versions: inputs and year totals",
  description:
    "Hires added, removed and changed, other input fields changed, a rename, a reprice (other dataset or bands), and each version's total cost per year with the difference (to − from). Both versions must exist (else 404).",
  ...keyed("read"),
  request: {
    params: IdParam,
    query: z.object({
      from: VersionNumber.openapi({
        description: "The earlier version.",
        type: "integer",
        example: 1,
      } as never),
      to: VersionNumber.optional().openapi({
        description: "The later version (default: the current one).",
        type: "integer",
        example: 3,
      } as never),
    }),
  },
  responses: {
    200: json(VersionDiffSchema, "The two versions compared."),
    ...workspaceProblems(400, 401, 403, 404, 422),
  },
});

export const modelsRouter = newRouter()
  .openapi(create, async (c) => {
    const caller = callerOf(c);
    const { name, input } = c.req.valid("json");
    checkWork(modelWork(input));
    const priced = checkModelInput(input, salaryOptions(c));
    const id = newModelId();
    const text = JSON.stringify(input);
    const limits = storageLimits(c.env);
    const write = await versionWrite(currentPin(c), priced, "create", null);
    const [insert] = await runBatch(
      c.var.d1,
      createModelStatements({
        id,
        workspaceId: caller.workspaceId,
        name,
        input: text,
        actor: caller.keyId,
        now: Date.now(),
        limits,
        write,
      }),
    );
    const written = insert!.results[0] as Record<string, unknown> | undefined;
    if (!written) {
      const usage = await workspaceUsage(c.var.d1, caller.workspaceId);
      const quotas = quotasFrom(c.env);
      if (usage.models >= quotas.models)
        throw quotaExceeded(
          "models",
          quotas.models,
          usage.models,
          "Delete models you no longer need (deleted models still count until an operator purges them), or ask for a higher quota.",
        );
      throw quotaExceeded(
        "storedBytes",
        quotas.storedBytes,
        usage.storedBytes,
        `This model needs ${(versionBytes(name, text) + (write.snapshot?.length ?? 0)).toLocaleString("en-US")} bytes.`,
      );
    }
    const model = modelFromSql(written);
    return c.json(modelJson(model), 201, {
      ETag: versionEtag(1),
      Location: `/v1/models/${id}`,
      "Cache-Control": PRIVATE,
    });
  })
  .openapi(list, async (c) => {
    const caller = callerOf(c);
    const { limit = 20, cursor, deleted } = c.req.valid("query");
    if (deleted === "true") assertScope(c, "admin");
    const rows = await listModels(database(c.var.d1), caller.workspaceId, {
      limit: limit + 1,
      after: cursor ? decodeCursor(cursor) : undefined,
      deleted: deleted === "true",
    });
    const page = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(page[page.length - 1]!) : null;
    if (nextCursor) {
      const next = new URL(c.req.url);
      next.searchParams.set("cursor", nextCursor);
      c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
    }
    c.header("Cache-Control", PRIVATE);
    return c.json({ models: page.map(summaryJson), nextCursor }, 200);
  })
  .openapi(get, async (c) => {
    const model = await modelOr404(c, c.req.valid("param").id);
    return c.json(modelJson(model), 200, {
      ETag: versionEtag(model.version),
      "Cache-Control": PRIVATE,
    });
  })
  .openapi(result, async (c) => {
    const started = performance.now();
    const model = await modelOr404(c, c.req.valid("param").id);
    const wanted = c.req.valid("query").version;
    let shown: ModelRow | ModelVersionRow = model;
    if (wanted !== undefined && wanted !== model.version) {
      const old = await findVersion(database(c.var.d1), model.id, wanted);
      if (!old) throw versionNotFound(model, wanted, "version");
      shown = old;
    }
    const version = pinned(model, shown);
    // The result depends on the version and what it is priced with (its pin); the ETag names both.
    const csv = wantsCsv(c);
    const etag = resultEtag(version.version, version.pin, ...(csv ? ["csv"] : []));
    const headers = { ETag: etag, "Cache-Control": PRIVATE };
    if (unchanged(c, etag)) return c.body(null, 200, headers);
    const { value: computed, outcome } = await savedModelResult(c, version);
    c.header("Server-Timing", serverTiming(outcome, started));
    return jsonOrCsvAnswer(
      c,
      {
        id: model.id,
        name: shown.name,
        version: version.version,
        updatedAt: isoTime("updatedAt" in shown ? shown.updatedAt : shown.createdAt),
        bandsVersion: version.pin.bandsVersion,
        pricedWith: pricedWith(version.pin),
        result: computed,
      } satisfies ModelResultAnswer,
      () => monthsTableRows(shown.name, version.version, computed),
      headers,
    );
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const expected = requireIfMatch(c, id, "Saving a model");
    const body = c.req.valid("json");
    checkWork(modelWork(body.input));
    const priced = checkModelInput(body.input, salaryOptions(c));
    const text = JSON.stringify(body.input);
    const current = await modelToSave(c, id, expected);
    const pin = currentPin(c);
    const change = versionChange(
      { name: current.name, input: current.input, pin: pinOf(current) },
      { name: body.name ?? current.name, input: text, pin },
    );
    const saved = await saveVersion(c, {
      id,
      expected,
      name: body.name,
      input: text,
      write: await versionWrite(pin, priced, "save", change),
    });
    return c.json(modelJson(saved), 200, {
      ETag: versionEtag(saved.version),
      "Cache-Control": PRIVATE,
    });
  })
  .openapi(reprice, async (c) => {
    const { id } = c.req.valid("param");
    const expected = requireIfMatch(c, id, "Repricing a model");
    const current = await modelToSave(c, id, expected);
    const previous = pinned(current, current);
    const input = JSON.parse(current.input) as Record<string, unknown>;
    const work = modelWork(input);
    checkWork(work);
    // Repricing computes the plan now; the previous version's result is its snapshot, or (saved
    // before snapshots) priced from its pin within the same budget.
    const budget = sharedWorkBudget(
      "repricing with the previous version's result",
      "id",
      work.units,
    );
    const before = await savedModelResult(c, previous, budget(current.input));
    const after = checkModelInput(input, salaryOptions(c));
    const pin = currentPin(c);
    const change = versionChange(
      { name: current.name, input: current.input, pin: previous.pin },
      { name: current.name, input: current.input, pin },
    );
    const saved = await saveVersion(c, {
      id,
      expected,
      input: current.input,
      write: await versionWrite(pin, after, "reprice", change),
    });
    return c.json(
      {
        model: modelJson(saved),
        previous: { version: current.version, pricedWith: pricedWith(previous.pin) },
        difference: yearDifferences(before.value, after),
      },
      200,
      { ETag: versionEtag(saved.version), "Cache-Control": PRIVATE },
    );
  })
  .openapi(restoreVersion, async (c) => {
    const { id, n } = c.req.valid("param");
    const expected = requireIfMatch(c, id, "Restoring a version");
    const current = await modelToSave(c, id, expected);
    const old = await findVersion(database(c.var.d1), id, n);
    if (!old) throw versionNotFound(current, n, "n");
    const pin = pinOf(old);
    const change = versionChange(
      { name: current.name, input: current.input, pin: pinOf(current) },
      { name: old.name, input: old.input, pin },
    );
    const saved = await saveVersion(c, {
      id,
      expected,
      name: old.name,
      input: old.input,
      // The old version's result is the restored one's: the same figures, to the cent.
      write: {
        pin,
        snapshot: old.result,
        kind: "restore",
        change: JSON.stringify({ ...change, summary: `restored version ${n}: ${change.summary}` }),
      },
      restoredFrom: n,
    });
    return c.json(modelJson(saved), 200, {
      ETag: versionEtag(saved.version),
      "Cache-Control": PRIVATE,
    });
  })
  .openapi(diff, async (c) => {
    const model = await modelOr404(c, c.req.valid("param").id);
    const { from, to = model.version } = c.req.valid("query");
    const db = database(c.var.d1);
    const [a, b] = await Promise.all([
      findVersion(db, model.id, from),
      findVersion(db, model.id, to),
    ]);
    if (!a) throw versionNotFound(model, from, "from");
    if (!b) throw versionNotFound(model, to, "to");
    const x = pinned(model, a);
    const y = pinned(model, b);
    const budget = sharedWorkBudget("comparing two versions", "to");
    const before = await savedModelResult(c, x, budget(a.input));
    const after = await savedModelResult(c, y, budget(b.input));
    c.header("Cache-Control", PRIVATE);
    return c.json(
      {
        modelId: model.id,
        from: { version: from, pricedWith: pricedWith(x.pin) },
        to: { version: to, pricedWith: pricedWith(y.pin) },
        change: versionChange(
          { name: a.name, input: a.input, pin: x.pin },
          { name: b.name, input: b.input, pin: y.pin },
        ),
        difference: yearDifferences(before.value, after.value),
      },
      200,
    );
  })
  .openapi(remove, async (c) => {
    const caller = callerOf(c);
    const { id } = c.req.valid("param");
    const [flip] = await runBatch(
      c.var.d1,
      setDeletedStatements({
        id,
        workspaceId: caller.workspaceId,
        deleted: true,
        actor: caller.keyId,
        now: Date.now(),
      }),
    );
    if (flip!.results.length !== 1) throw notFound(id);
    return c.body(null, 204);
  })
  .openapi(restore, async (c) => {
    const caller = callerOf(c);
    const { id } = c.req.valid("param");
    const [flip] = await runBatch(
      c.var.d1,
      setDeletedStatements({
        id,
        workspaceId: caller.workspaceId,
        deleted: false,
        actor: caller.keyId,
        now: Date.now(),
      }),
    );
    const written = flip!.results[0] as Record<string, unknown> | undefined;
    if (!written) {
      if (!(await findModel(database(c.var.d1), caller.workspaceId, id, { includeDeleted: true })))
        throw notFound(id);
      throw new HttpProblem(
        409,
        "NOT_DELETED",
        `Model "${id}" is not deleted, so there is nothing to restore.`,
        { field: "id" },
      );
    }
    const model = modelFromSql(written);
    return c.json(modelJson(model), 200, {
      ETag: versionEtag(model.version),
      "Cache-Control": PRIVATE,
    });
  })
  .openapi(versions, async (c) => {
    const model = await modelOr404(c, c.req.valid("param").id);
    const rows = await listVersions(database(c.var.d1), model.id);
    c.header("Cache-Control", PRIVATE);
    return c.json(
      {
        modelId: model.id,
        currentVersion: model.version,
        versions: rows.map((v) => ({
          version: v.version,
          name: v.name,
          createdAt: isoTime(v.createdAt),
          createdBy: v.createdBy,
          pricedWith: pricedWith(pinOf(v)),
          kind: v.kind,
          restoredFrom: v.restoredFrom,
          change: v.change === null ? null : (JSON.parse(v.change) as VersionChange),
        })),
      },
      200,
    );
  })
  .openapi(version, async (c) => {
    const { id, n } = c.req.valid("param");
    const model = await modelOr404(c, id);
    const row = await findVersion(database(c.var.d1), model.id, n);
    if (!row) throw versionNotFound(model, n, "n");
    return c.json(versionJson(row), 200, {
      ETag: versionEtag(row.version),
      "Cache-Control": "private, max-age=31536000, immutable",
    });
  });
