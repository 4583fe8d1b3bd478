import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { checkWork, MAX_SCENARIOS, modelWork, type ModelResultAnswer } from "../../shared/index.js";
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
  setDeletedStatements,
  updateModelStatements,
  type ModelPageCursor,
  type StorageLimits,
} from "../db/models.js";
import type { ModelRow } from "../db/schema.js";
import { runBatch } from "../db/statements.js";
import { base64url } from "../db/credentials.js";
import { jsonOrCsvAnswer, wantsCsv } from "../http/csv.js";
import { displayName } from "../schemas/display-name.js";
import { checkModelInput, monthsTableRows, savedModelResult } from "../http/model-result.js";
import { serverTiming } from "../http/result-cache.js";
import { quotaExceeded, quotasFrom } from "../http/quotas.js";
import { workspaceUsage, versionBytes } from "../db/usage.js";
import { PlanInputSchema } from "../schemas/plan.js";
import { ScenarioSchema } from "../schemas/scenario.js";
import { formatParam, json, jsonOrCsv } from "../schemas/openapi.js";
import { ModelResultSchema, MONTHS_CSV_COLUMNS, MONTHS_CSV_NOTE } from "../schemas/model.js";
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
    createdBy: z.string(),
  })
  .openapi("ModelVersion");

const VersionListSchema = z
  .object({
    modelId: z.string(),
    currentVersion: z.number().int(),
    versions: z.array(VersionSchema.omit({ input: true, modelId: true })),
  })
  .openapi("ModelVersionList");

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
const VersionQuery = z.object({
  version: z
    .string()
    .regex(/^\d{1,9}$/, { error: "must be a version number (1, 2, …)" })
    .transform(Number)
    .optional()
    .openapi({
      description: "An earlier version's result; default the current one.",
      type: "integer",
      example: 1,
    } as never),
  format: formatParam,
});

const etagHeader = {
  ETag: {
    schema: { type: "string" as const },
    description: 'The version, e.g. "v3": send it back as If-Match to save.',
  },
};

function modelJson(m: ModelRow) {
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
  description: `Computed with the workspace's current bands. ${MONTHS_CSV_NOTE}`,
  ...keyed("read", conditionalGet, loadBands),
  request: { params: IdParam, query: VersionQuery },
  responses: {
    200: jsonOrCsv(ModelResultSchema, "The result.", MONTHS_CSV_COLUMNS),
    304: { description: "Unchanged (same version and bands)." },
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
    headers: z.object({
      "if-match": z
        .string()
        .optional()
        .openapi({ description: 'The ETag last read, e.g. "v3".', example: '"v1"' }),
    }),
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
    "Versions 1 to the current one, oldest first, without their inputs (GET /v1/models/{id}/versions/{n} has each).",
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

export const modelsRouter = newRouter()
  .openapi(create, async (c) => {
    const caller = callerOf(c);
    const { name, input } = c.req.valid("json");
    checkWork(modelWork(input));
    checkModelInput(input, c.get("bands"));
    const id = newModelId();
    const text = JSON.stringify(input);
    const limits = storageLimits(c.env);
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
        `This model needs ${versionBytes(name, text).toLocaleString("en-US")} bytes.`,
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
    let input = model.input;
    let ver = model.version;
    if (wanted !== undefined && wanted !== model.version) {
      const old = await findVersion(database(c.var.d1), model.id, wanted);
      if (!old)
        throw new HttpProblem(
          404,
          "NOT_FOUND",
          `Model "${model.id}" has no version ${wanted}; its versions are 1 to ${model.version}.`,
          { field: "version" },
        );
      input = old.input;
      ver = old.version;
    }
    const bandsVersion = c.get("bandsVersion") ?? 0;
    // The result depends on the version, the bands, the dataset and the format; the ETag names each.
    const csv = wantsCsv(c);
    const etag = resultEtag(ver, bandsVersion, csv ? "csv" : undefined);
    const headers = { ETag: etag, "Cache-Control": PRIVATE };
    if (unchanged(c, etag)) return c.body(null, 200, headers);
    const bands = c.get("bands");
    const { value: computed, outcome } = await savedModelResult(
      c,
      { id: model.id, version: ver, input },
      { version: bandsVersion, load: async () => bands },
    );
    c.header("Server-Timing", serverTiming(outcome, started));
    return jsonOrCsvAnswer(
      c,
      {
        id: model.id,
        name: model.name,
        version: ver,
        updatedAt: isoTime(model.updatedAt),
        bandsVersion,
        result: computed,
      } satisfies ModelResultAnswer,
      () => monthsTableRows(model.name, ver, computed),
      headers,
    );
  })
  .openapi(update, async (c) => {
    const caller = callerOf(c);
    const { id } = c.req.valid("param");
    const ifMatch = parseIfMatch(c.req.header("If-Match"));
    if (ifMatch.kind === "missing") {
      throw new HttpProblem(
        428,
        "PRECONDITION_REQUIRED",
        `Saving a model needs If-Match with the version you last read (GET /v1/models/${id} gives it as the ETag, e.g. If-Match: "v3"), so a save never overwrites one you have not seen.`,
        { field: "If-Match" },
      );
    }
    if (ifMatch.kind === "invalid")
      throw new HttpProblem(400, "INVALID_ARGUMENT", ifMatch.reason, { field: "If-Match" });
    const body = c.req.valid("json");
    checkWork(modelWork(body.input));
    checkModelInput(body.input, c.get("bands"));
    const text = JSON.stringify(body.input);
    const [bump] = await runBatch(
      c.var.d1,
      updateModelStatements({
        id,
        workspaceId: caller.workspaceId,
        expectedVersion: ifMatch.version,
        name: body.name,
        input: text,
        actor: caller.keyId,
        now: Date.now(),
        limits: storageLimits(c.env),
      }),
    );
    // The row this save wrote, as its own UPDATE returned it: never a re-read, which a save that
    // landed right after this one could already have changed.
    const written = bump!.results[0] as Record<string, unknown> | undefined;
    if (!written) throw await whyNotSaved(c, id, ifMatch.version, body.name, text);
    const saved = modelFromSql(written);
    return c.json(modelJson(saved), 200, {
      ETag: versionEtag(saved.version),
      "Cache-Control": PRIVATE,
    });
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
        })),
      },
      200,
    );
  })
  .openapi(version, async (c) => {
    const { id, n } = c.req.valid("param");
    const model = await modelOr404(c, id);
    const row = await findVersion(database(c.var.d1), model.id, n);
    if (!row)
      throw new HttpProblem(
        404,
        "NOT_FOUND",
        `Model "${id}" has no version ${n}; its versions are 1 to ${model.version}.`,
        { field: "n" },
      );
    return c.json(
      {
        modelId: row.modelId,
        version: row.version,
        name: row.name,
        input: JSON.parse(row.input) as Record<string, unknown>,
        createdAt: isoTime(row.createdAt),
        createdBy: row.createdBy,
      },
      200,
      { ETag: versionEtag(row.version), "Cache-Control": "private, max-age=31536000, immutable" },
    );
  });
