import { createRoute, z } from "@hono/zod-openapi";
import { WORK_BUDGET } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { callerOf } from "../auth/context.js";
import { workspaceProblems } from "../schemas/workspace-responses.js";
import { keyed } from "../auth/require-scope.js";
import { workspaceUsage } from "../db/usage.js";
import { json } from "../schemas/openapi.js";
import { quotasFrom } from "../http/quotas.js";

// What a workspace keeps against its quotas, so it can see a refusal coming (and read the limits
// a refusal names).

const Quota = (description: string) =>
  z.object({ used: z.number().int(), limit: z.number().int() }).openapi({
    description: `${description} A save that would go past the limit is refused (409).`,
  });

const UsageSchema = z
  .object({
    models: Quota("Models, deleted ones included (they can be restored).").extend({
      deleted: z.number().int(),
    }),
    versionsPerModel: Quota(
      "Versions kept per model; `used` is the model with the most (every version stays readable).",
    ),
    storedBytes: Quota("UTF-8 bytes of every saved version of every model (name + input)."),
    bandRows: Quota("Band rows of every uploaded band set version.").extend({
      versions: z.number().int(),
    }),
    workBudget: z.number().int().openapi({
      description:
        "Work units one compute request (or one model's page) may cost; more is refused with 422 TOO_MUCH_WORK.",
    }),
  })
  .openapi("Usage");

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Usage"],
  summary: "The workspace's storage against its quotas",
  description:
    "Models, versions per model, stored bytes and band rows, each used and its limit, and the work budget of one request.",
  ...keyed("read"),
  responses: {
    200: json(UsageSchema, "Usage and limits."),
    ...workspaceProblems(401, 403),
  },
});

export const usageRouter = newRouter().openapi(route, async (c) => {
  const { workspaceId } = callerOf(c);
  const [usage, quotas] = [await workspaceUsage(c.var.d1, workspaceId), quotasFrom(c.env)];
  c.header("Cache-Control", "private, no-cache");
  return c.json(
    {
      models: { used: usage.models, limit: quotas.models, deleted: usage.deletedModels },
      versionsPerModel: { used: usage.largestVersionCount, limit: quotas.versionsPerModel },
      storedBytes: { used: usage.storedBytes, limit: quotas.storedBytes },
      bandRows: { used: usage.bandRows, limit: quotas.bandRows, versions: usage.bandVersions },
      workBudget: WORK_BUDGET,
    },
    200,
  );
});
