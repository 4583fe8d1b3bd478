import { createRoute, z } from "@hono/zod-openapi";
import { isPlannerError, SCOPES } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { impliedScopes, parseScopes } from "../db/credentials.js";
import { callerOf } from "../auth/context.js";
import { workspaceProblems } from "../schemas/workspace-responses.js";
import { keyed } from "../auth/require-scope.js";
import { database } from "../db/client.js";
import { getKey, listKeys, type ListedKey } from "../db/keys.js";
import { checkKeyName, newKeyStatements, revokeKeyStatements } from "../db/provisioning.js";
import { runBatch } from "../db/statements.js";
import { json } from "../schemas/openapi.js";
import { HttpProblem } from "../http/problem.js";
import { isoTime } from "../http/version-etag.js";

// API keys of the caller's workspace, for its admins. A key is shown once, in the answer that
// creates it; afterwards only its prefix is ever shown, and the database holds only its hash.

const ScopeList = z.array(z.enum(SCOPES)).openapi({
  description: "Every scope the key grants (they nest: admin ⊃ write ⊃ read).",
  example: ["read", "write"],
});

const KeySchema = z
  .object({
    id: z.string().openapi({ example: "key_Xq2b9dK1mP0sLw3Z" }),
    name: z.string().openapi({ example: "HR sync" }),
    scopes: ScopeList,
    prefix: z.string().openapi({
      description: "The key's first characters, to tell keys apart.",
      example: "atp_Ab12",
    }),
    createdAt: z.string(),
    createdBy: z
      .string()
      .openapi({ description: 'Key id that created it, "cli" (npm run keys) or "npm-start".' }),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiKey");

const NewKeySchema = KeySchema.extend({
  key: z.string().openapi({
    description: "The key itself. Shown only in this answer: store it now.",
    example: "atp_Ab12…",
  }),
}).openapi("NewApiKey");

const KeyIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "key_Xq2b9dK1mP0sLw3Z" }),
});

function keyJson(k: ListedKey) {
  return {
    id: k.id,
    name: k.name,
    scopes: impliedScopes(k.scope),
    prefix: k.prefix,
    createdAt: isoTime(k.createdAt),
    createdBy: k.createdBy,
    revokedAt: k.revokedAt === null ? null : isoTime(k.revokedAt),
  };
}

const create = createRoute({
  method: "post",
  path: "/",
  tags: ["Keys"],
  summary: "Create an API key for this workspace (admin)",
  description:
    "The answer holds the key once; only its SHA-256 is stored. `scopes` lists the scopes wanted (the highest one counts, as they nest).",
  ...keyed("admin"),
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            name: z.string().max(100).openapi({ example: "HR sync" }),
            scopes: z.union([z.array(z.string()), z.string()]).openapi({
              description: 'read, write and/or admin, as a list or "read,write".',
              example: ["read"],
            }),
          }),
        },
      },
    },
  },
  responses: {
    201: json(NewKeySchema, "Created; `key` is shown only here."),
    ...workspaceProblems(400, 401, 403),
  },
});

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["Keys"],
  summary: "The workspace's keys, revoked ones included (admin)",
  description:
    "Every key of the caller's workspace, newest first, with its prefix, scopes and who created it; never the key itself or its hash.",
  ...keyed("admin"),
  responses: {
    200: json(
      z.object({ keys: z.array(KeySchema) }).openapi("ApiKeyList"),
      "Newest first; never the keys themselves.",
    ),
    ...workspaceProblems(401, 403),
  },
});

const revoke = createRoute({
  method: "delete",
  path: "/{id}",
  tags: ["Keys"],
  summary: "Revoke a key (admin)",
  description:
    "The key is refused (401) from the next request on. Revoking the key making the request is allowed.",
  ...keyed("admin"),
  request: { params: KeyIdParam },
  responses: { 204: { description: "Revoked." }, ...workspaceProblems(401, 403, 404) },
});

export const keysRouter = newRouter()
  .openapi(create, async (c) => {
    const caller = callerOf(c);
    const body = c.req.valid("json");
    let scope;
    let name;
    try {
      scope = parseScopes(body.scopes);
      name = checkKeyName(body.name);
    } catch (e) {
      if (!isPlannerError(e)) throw e;
      // A malformed body field: 400, as the schema's own checks answer.
      throw new HttpProblem(400, e.code, e.message, {
        field: e.field,
        suggestions: e.field === "scopes" ? [...SCOPES] : [],
      });
    }
    const created = await newKeyStatements({
      workspace: { id: caller.workspaceId },
      scope,
      name,
      actor: caller.keyId,
    });
    await runBatch(c.var.d1, created.statements);
    return c.json(
      {
        id: created.id,
        name: created.name,
        scopes: impliedScopes(created.scope),
        prefix: created.prefix,
        createdAt: isoTime(created.createdAt),
        createdBy: caller.keyId,
        revokedAt: null,
        key: created.key,
      },
      201,
      { "Cache-Control": "no-store" },
    );
  })
  .openapi(list, async (c) => {
    const rows = await listKeys(database(c.var.d1), callerOf(c).workspaceId);
    c.header("Cache-Control", "no-store");
    return c.json({ keys: rows.map(keyJson) }, 200);
  })
  .openapi(revoke, async (c) => {
    const caller = callerOf(c);
    const { id } = c.req.valid("param");
    const [update] = await runBatch(
      c.var.d1,
      revokeKeyStatements(id, { id: caller.workspaceId }, caller.keyId, Date.now()),
    );
    if (update!.meta.changes !== 1) {
      const known = await getKey(database(c.var.d1), caller.workspaceId, id);
      if (known?.revokedAt)
        throw new HttpProblem(
          404,
          "NOT_FOUND",
          `Key "${id}" was already revoked on ${isoTime(known.revokedAt)}.`,
          { field: "id" },
        );
      throw new HttpProblem(
        404,
        "NOT_FOUND",
        `No key "${id}" in this workspace. GET /v1/keys lists them.`,
        { field: "id" },
      );
    }
    return c.body(null, 204);
  });
