import { createRoute, z } from "@hono/zod-openapi";
import type { ModelResultAnswer } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { conditionalGet, unchanged } from "../http/conditional.js";
import { callerOf } from "../auth/context.js";
import { workspaceProblems } from "../schemas/workspace-responses.js";
import { keyed } from "../auth/require-scope.js";
import { database } from "../db/client.js";
import { findModel } from "../db/models.js";
import {
  createShareStatements,
  listShares,
  newShareToken,
  revokeShareStatements,
} from "../db/shares.js";
import { runBatch } from "../db/statements.js";
import { jsonOrCsvAnswer, wantsCsv } from "../http/csv.js";
import { monthsTableRows } from "../http/model-result.js";
import { inputForView, resultForView } from "../http/share-view.js";
import { pinOf } from "../db/models.js";
import { pricedWith, savedModelResult } from "../middleware/pinned-result.js";
import { formatParam, json, jsonOrCsv } from "../schemas/openapi.js";
import { HttpProblem } from "../http/problem.js";
import { serverTiming } from "../http/result-cache.js";
import { isoTime, resultEtag, versionEtag } from "../http/version-etag.js";
import {
  ModelResultSchema,
  MONTHS_CSV_COLUMNS,
  MONTHS_CSV_NOTE,
  PricedWithSchema,
} from "../schemas/model.js";

const ShareViewSchema = z.enum(["full", "totals"]).openapi("ShareView", {
  description:
    "full: everything the owner sees. totals: months, years, departments and scenarios only — no per-hire salary and no hire rows with pay, on the page, in JSON, CSV and AI_MODEL.",
});

// Read-only links to a live model. Creating and revoking needs a write key; reading a link needs
// nothing but the token, which is why every read checks that the token is active and its model
// not deleted, and answers an unknown, revoked or deleted one with the same 404.

const ShareSchema = z
  .object({
    token: z.string().openapi({ example: "shr_mQ4v0c1n2b3v4c5x6z7l8k9j0h1g2f3d" }),
    url: z.string().openapi({
      description:
        "GET it for the model; add /result (or /result.csv for IMPORTDATA) for the plan result.",
    }),
    createdAt: z.string(),
    createdBy: z.string(),
    revokedAt: z.string().nullable(),
    view: ShareViewSchema,
    expiresAt: z
      .string()
      .nullable()
      .openapi({ description: "When the link stops answering (as if revoked); null: never." }),
  })
  .openapi("Share");

const NewShareSchema = z
  .object({
    view: ShareViewSchema.optional(),
    expiresAt: z.string().max(40).optional().openapi({
      description:
        "When the link stops answering (an ISO 8601 date-time with its offset, or a date: its midnight UTC); must be in the future. Omit for a link that lasts until revoked.",
      example: "2027-01-31T00:00:00Z",
    }),
  })
  .openapi("NewShare");

/** Parses a share's expiry: a future instant, or a 400 that names expiresAt and says what fits. */
function expiryOf(text: string | undefined, now: number): number | null {
  if (text === undefined) return null;
  const value = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(
    value,
  );
  // Date.parse rolls 30 February over into March; a date that is not on the calendar is refused.
  const onCalendar =
    m !== null &&
    new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) ===
      value.slice(0, 10);
  const ms = onCalendar ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms))
    throw new HttpProblem(
      400,
      "INVALID_ARGUMENT",
      `expiresAt: ${JSON.stringify(text)} is not a date-time; send ISO 8601 with an offset, e.g. "2027-01-31T00:00:00Z", or a date such as "2027-01-31".`,
      { field: "expiresAt" },
    );
  if (ms <= now)
    throw new HttpProblem(
      400,
      "INVALID_ARGUMENT",
      `expiresAt: ${value} is in the past (now is ${isoTime(now)}); give a future time, or omit expiresAt for a link that lasts until revoked.`,
      { field: "expiresAt" },
    );
  return ms;
}

const SharedModelSchema = z
  .object({
    name: z.string(),
    version: z.number().int().openapi({
      description: 'Current version; also the ETag ("v3"), so a page can poll with If-None-Match.',
    }),
    updatedAt: z.string(),
    view: ShareViewSchema,
    pricedWith: PricedWithSchema,
    input: z.record(z.string(), z.unknown()).openapi({
      description:
        "The plan input; on a totals link only its plan-wide assumptions (no hires, team, upskilling or scenarios).",
    }),
  })
  .openapi("SharedModel");

const ModelIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "mdl_3vQ2kX9aTm1LwZ0b" }),
});
const ShareParams = ModelIdParam.extend({
  token: z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name: "token", in: "path" } }),
});
const TokenParam = z.object({
  token: z
    .string()
    .min(1)
    .max(128)
    .openapi({
      param: { name: "token", in: "path" },
      example: "shr_mQ4v0c1n2b3v4c5x6z7l8k9j0h1g2f3d",
    }),
});

/** Anyone holding the link may read, so shared caches may keep it briefly; the ETag makes polling cheap. */
const SHARED_CACHE = "public, max-age=0, must-revalidate";

function shareUrl(requestUrl: string, token: string): string {
  return `${new URL(requestUrl).origin}/v1/shared/${token}`;
}

function modelNotFound(id: string): HttpProblem {
  return new HttpProblem(
    404,
    "NOT_FOUND",
    `No model "${id}" in this workspace. GET /v1/models lists the workspace's models.`,
    { field: "id" },
  );
}

function shareNotFound(): HttpProblem {
  return new HttpProblem(
    404,
    "NOT_FOUND",
    "No shared model for this link: the token is unknown, was revoked, or its model was deleted. Ask the model's owner for a new link.",
    { field: "token" },
  );
}

const create = createRoute({
  method: "post",
  path: "/models/{id}/shares",
  tags: ["Shares"],
  summary: "Create a read-only link to a model",
  description:
    "Anyone with the link reads the model's current version and result, with no key. `view` (default full) says how much it shows: totals leaves out every figure of a single person's pay. `expiresAt` ends it: after that it answers like a revoked link. Needs the write scope.",
  ...keyed("write"),
  request: {
    params: ModelIdParam,
    body: { required: false, content: { "application/json": { schema: NewShareSchema } } },
  },
  responses: {
    201: json(
      ShareSchema,
      "The link; the token is also readable later at GET /v1/models/{id}/shares.",
    ),
    ...workspaceProblems(400, 401, 403, 404),
  },
});

const list = createRoute({
  method: "get",
  path: "/models/{id}/shares",
  tags: ["Shares"],
  summary: "A model's links, revoked ones included",
  description:
    "Every read-only link to the model, newest first, with its URL, its view, when it expires and when it was revoked.",
  ...keyed("read"),
  request: { params: ModelIdParam },
  responses: {
    200: json(z.object({ shares: z.array(ShareSchema) }).openapi("ShareList"), "Newest first."),
    ...workspaceProblems(401, 403, 404),
  },
});

const revoke = createRoute({
  method: "delete",
  path: "/models/{id}/shares/{token}",
  tags: ["Shares"],
  summary: "Revoke a link",
  description: "The link answers 404 from now on. Needs the write scope.",
  ...keyed("write"),
  request: { params: ShareParams },
  responses: { 204: { description: "Revoked." }, ...workspaceProblems(400, 401, 403, 404) },
});

const shared = createRoute({
  method: "get",
  path: "/shared/{token}",
  tags: ["Shares"],
  summary: "A shared model (no key needed)",
  description:
    'The model\'s name, current version and input. Its ETag is the version ("v3"), so a reader polls it with If-None-Match.',
  middleware: [conditionalGet] as const,
  request: { params: TokenParam },
  responses: {
    200: {
      ...json(SharedModelSchema, "The model's current version."),
      headers: { ETag: { schema: { type: "string" as const }, description: '"v<version>"' } },
    },
    304: { description: "If-None-Match names the current version." },
    ...workspaceProblems(400, 404),
  },
});

const sharedResult = createRoute({
  method: "get",
  path: "/shared/{token}/result",
  tags: ["Shares"],
  summary: "A shared model's plan result (no key needed); CSV for IMPORTDATA",
  description: `\`/v1/shared/{token}/result.csv\` (or ?format=csv) is the months table, so \`=IMPORTDATA("…/result.csv", ",", "en_US")\` fills a sheet. Priced with what the version was saved with (pricedWith); a totals link leaves out the hire, team and upskilling rows. ${MONTHS_CSV_NOTE}`,
  middleware: [conditionalGet] as const,
  request: { params: TokenParam, query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(
      ModelResultSchema.omit({ id: true }),
      "The result of the current version.",
      MONTHS_CSV_COLUMNS,
    ),
    304: { description: "Unchanged." },
    ...workspaceProblems(400, 404, 422),
  },
});

export const sharesRouter = newRouter()
  .openapi(create, async (c) => {
    const caller = callerOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json") as z.infer<typeof NewShareSchema> | undefined;
    const token = newShareToken();
    const now = Date.now();
    const view = body?.view ?? "full";
    const expiresAt = expiryOf(body?.expiresAt, now);
    const [insert] = await runBatch(
      c.var.d1,
      createShareStatements({
        token,
        modelId: id,
        workspaceId: caller.workspaceId,
        actor: caller.keyId,
        now,
        view,
        expiresAt,
      }),
    );
    if (insert!.meta.changes !== 1) throw modelNotFound(id);
    const url = shareUrl(c.req.url, token);
    return c.json(
      {
        token,
        url,
        createdAt: isoTime(now),
        createdBy: caller.keyId,
        revokedAt: null,
        view,
        expiresAt: expiresAt === null ? null : isoTime(expiresAt),
      },
      201,
      { Location: `/v1/shared/${token}` },
    );
  })
  .openapi(list, async (c) => {
    const caller = callerOf(c);
    const { id } = c.req.valid("param");
    const db = database(c.var.d1);
    if (!(await findModel(db, caller.workspaceId, id))) throw modelNotFound(id);
    const rows = await listShares(db, caller.workspaceId, id);
    c.header("Cache-Control", "private, no-cache");
    return c.json(
      {
        shares: rows.map((s) => ({
          token: s.token,
          url: shareUrl(c.req.url, s.token),
          createdAt: isoTime(s.createdAt),
          createdBy: s.createdBy,
          revokedAt: s.revokedAt === null ? null : isoTime(s.revokedAt),
          view: s.view,
          expiresAt: s.expiresAt === null ? null : isoTime(s.expiresAt),
        })),
      },
      200,
    );
  })
  .openapi(revoke, async (c) => {
    const caller = callerOf(c);
    const { id, token } = c.req.valid("param");
    const [update] = await runBatch(
      c.var.d1,
      revokeShareStatements({
        token,
        modelId: id,
        workspaceId: caller.workspaceId,
        actor: caller.keyId,
        now: Date.now(),
      }),
    );
    if (update!.meta.changes !== 1) {
      throw new HttpProblem(
        404,
        "NOT_FOUND",
        `Model "${id}" in this workspace has no active link "${token}". GET /v1/models/${id}/shares lists its links.`,
        { field: "token" },
      );
    }
    return c.body(null, 204);
  })
  .openapi(shared, async (c) => {
    // Looked up (and counted against the link) by shareReadLimit.
    const model = c.get("sharedModel");
    if (!model) throw shareNotFound();
    const headers = { ETag: versionEtag(model.version), "Cache-Control": SHARED_CACHE };
    return c.json(
      {
        name: model.name,
        version: model.version,
        updatedAt: isoTime(model.updatedAt),
        view: model.view,
        pricedWith: pricedWith(pinOf(model)),
        input: inputForView(JSON.parse(model.input) as Record<string, unknown>, model.view),
      },
      200,
      headers,
    );
  })
  .openapi(sharedResult, async (c) => {
    const started = performance.now();
    const model = c.get("sharedModel");
    if (!model) throw shareNotFound();
    // The version as it was priced (its pin), whoever reads the link: the owner's plan.
    const version = { ...model, pin: pinOf(model) };
    const csv = wantsCsv(c);
    const variants = [...(model.view === "totals" ? ["totals"] : []), ...(csv ? ["csv"] : [])];
    const headers = {
      ETag: resultEtag(model.version, version.pin, ...variants),
      "Cache-Control": SHARED_CACHE,
    };
    if (unchanged(c, headers.ETag)) return c.body(null, 200, headers);
    const { value, outcome } = await savedModelResult(c, version);
    const result = resultForView(value, model.view);
    c.header("Server-Timing", serverTiming(outcome, started));
    return jsonOrCsvAnswer(
      c,
      {
        name: model.name,
        version: model.version,
        updatedAt: isoTime(model.updatedAt),
        bandsVersion: version.pin.bandsVersion,
        pricedWith: pricedWith(version.pin),
        view: model.view,
        result,
      } satisfies ModelResultAnswer,
      () => monthsTableRows(model.name, model.version, result),
      headers,
    );
  });
