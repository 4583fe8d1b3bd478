import { createRoute, z } from "@hono/zod-openapi";
import type { ModelResultAnswer } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { conditionalGet, unchanged } from "../http/conditional.js";
import { callerOf } from "../auth/context.js";
import { workspaceProblems } from "../schemas/workspace-responses.js";
import { keyed } from "../auth/require-scope.js";
import { currentBands, currentBandsVersion } from "../db/bands.js";
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
import { monthsTableRows, savedModelResult } from "../http/model-result.js";
import { formatParam, json, jsonOrCsv } from "../schemas/openapi.js";
import { HttpProblem } from "../http/problem.js";
import { serverTiming } from "../http/result-cache.js";
import { isoTime, resultEtag, versionEtag } from "../http/version-etag.js";
import { ModelResultSchema, MONTHS_CSV_COLUMNS, MONTHS_CSV_NOTE } from "../schemas/model.js";

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
  })
  .openapi("Share");

const SharedModelSchema = z
  .object({
    name: z.string(),
    version: z.number().int().openapi({
      description: 'Current version; also the ETag ("v3"), so a page can poll with If-None-Match.',
    }),
    updatedAt: z.string(),
    input: z.record(z.string(), z.unknown()),
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
    "Anyone with the link reads the model's current version and result, with no key. Needs the write scope.",
  ...keyed("write"),
  request: { params: ModelIdParam },
  responses: {
    201: json(
      ShareSchema,
      "The link; the token is also readable later at GET /v1/models/{id}/shares.",
    ),
    ...workspaceProblems(401, 403, 404),
  },
});

const list = createRoute({
  method: "get",
  path: "/models/{id}/shares",
  tags: ["Shares"],
  summary: "A model's links, revoked ones included",
  description:
    "Every read-only link to the model, newest first, with its URL and when it was revoked.",
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
  description: `\`/v1/shared/{token}/result.csv\` (or ?format=csv) is the months table, so \`=IMPORTDATA("…/result.csv", ",", "en_US")\` fills a sheet. Computed with the owning workspace's bands. ${MONTHS_CSV_NOTE}`,
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
    const token = newShareToken();
    const now = Date.now();
    const [insert] = await runBatch(
      c.var.d1,
      createShareStatements({
        token,
        modelId: id,
        workspaceId: caller.workspaceId,
        actor: caller.keyId,
        now,
      }),
    );
    if (insert!.meta.changes !== 1) throw modelNotFound(id);
    const url = shareUrl(c.req.url, token);
    return c.json(
      { token, url, createdAt: isoTime(now), createdBy: caller.keyId, revokedAt: null },
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
        input: JSON.parse(model.input) as Record<string, unknown>,
      },
      200,
      headers,
    );
  })
  .openapi(sharedResult, async (c) => {
    const started = performance.now();
    const model = c.get("sharedModel");
    if (!model) throw shareNotFound();
    // The owner's bands, whoever reads the link: the result is the owner's plan. Only their
    // version is read unless the result has to be computed.
    const bandsVersion = await currentBandsVersion(c.var.d1, model.workspaceId);
    const csv = wantsCsv(c);
    const headers = {
      ETag: resultEtag(model.version, bandsVersion, csv ? "csv" : undefined),
      "Cache-Control": SHARED_CACHE,
    };
    if (unchanged(c, headers.ETag)) return c.body(null, 200, headers);
    const { value: result, outcome } = await savedModelResult(c, model, {
      version: bandsVersion,
      load: async () => {
        const owner = await currentBands(c.var.d1, model.workspaceId);
        return owner.bands.length ? owner.bands : undefined;
      },
    });
    c.header("Server-Timing", serverTiming(outcome, started));
    return jsonOrCsvAnswer(
      c,
      {
        name: model.name,
        version: model.version,
        updatedAt: isoTime(model.updatedAt),
        bandsVersion,
        result,
      } satisfies ModelResultAnswer,
      () => monthsTableRows(model.name, model.version, result),
      headers,
    );
  });
