import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../env.js";
import { callerOf } from "../auth/context.js";
import { workspaceProblems } from "../schemas/workspace-responses.js";
import { keyed } from "../auth/require-scope.js";
import { listAudit } from "../db/audit.js";
import { database } from "../db/client.js";
import { json } from "../schemas/openapi.js";
import { isoTime } from "../http/version-etag.js";

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    actor: z.string().openapi({ description: 'Key id, "cli" (npm run keys) or "npm-start".' }),
    action: z.string().openapi({ example: "model.update" }),
    objectType: z.string().openapi({ example: "model" }),
    objectId: z.string(),
    version: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The version the write produced (models, bands)." }),
    at: z.string(),
  })
  .openapi("AuditEntry");

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["Keys"],
  summary: "The workspace's audit trail, newest first (admin)",
  description:
    "One entry per write: who (key), what (action and object), when, which version. Page with ?before=<id of the last entry>.",
  ...keyed("admin"),
  request: {
    query: z.object({
      limit: z
        .string()
        .regex(/^\d{1,3}$/, { error: "must be a whole number from 1 to 500" })
        .transform(Number)
        .pipe(z.number().int().min(1).max(500))
        .optional()
        .openapi({ type: "integer", example: 100 } as never),
      before: z
        .string()
        .regex(/^\d{1,15}$/, { error: "must be an entry id" })
        .transform(Number)
        .optional()
        .openapi({ type: "integer" } as never),
    }),
  },
  responses: {
    200: json(
      z.object({ entries: z.array(AuditEntrySchema) }).openapi("AuditTrail"),
      "Newest first.",
    ),
    ...workspaceProblems(400, 401, 403),
  },
});

export const auditRouter = newRouter().openapi(list, async (c) => {
  const { limit = 100, before } = c.req.valid("query");
  const rows = await listAudit(database(c.var.d1), callerOf(c).workspaceId, limit, before);
  c.header("Cache-Control", "no-store");
  return c.json(
    {
      entries: rows.map((r) => ({
        id: r.id,
        actor: r.actor,
        action: r.action,
        objectType: r.objectType,
        objectId: r.objectId,
        version: r.version,
        at: isoTime(r.at),
      })),
    },
    200,
  );
});
