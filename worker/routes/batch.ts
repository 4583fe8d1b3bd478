import { createRoute, z } from "@hono/zod-openapi";
import {
  invokeFunction,
  isPlannerError,
  type FunctionContext,
  type SheetResult,
} from "../../shared/index.js";
import { newRouter } from "../env.js";
import { modelsForFunctions } from "../middleware/model-resolver.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { json, PlannerErrorSchema, problemResponses, text } from "../schemas/openapi.js";
import { FunctionArgsSchema, sheetArgs, SheetValueSchema } from "../schemas/sheet.js";
import { toProblem, type Issue } from "../http/validation.js";
import { functionContext } from "../http/workspace-data.js";

export const MAX_BATCH_CALLS = 5000;

const BatchCallSchema = z
  .strictObject({
    fn: text("Function name (see GET /v1/functions).", "AI_SALARY"),
    args: FunctionArgsSchema.optional(),
  })
  .openapi("BatchCall");

// Each call is checked on its own (against BatchCall, in the handler), so the request schema takes
// any item: a malformed call fails only itself, never the batch.
const BatchCallItem = z.unknown().openapi({
  allOf: [{ $ref: "#/components/schemas/BatchCall" }],
  description:
    "One call; checked on its own, so a bad call gets an error result and the others still run.",
} as never);

const BatchResultSchema = z
  .union([z.object({ value: SheetValueSchema }), z.object({ error: PlannerErrorSchema })])
  .openapi("BatchResult");

type BatchResult = { value: SheetResult } | { error: z.infer<typeof PlannerErrorSchema> };

const route = createRoute({
  method: "post",
  path: "/",
  tags: ["Functions"],
  summary: "Call many functions at once",
  description: `Up to ${MAX_BATCH_CALLS} calls; results come back in the same order, each a value or an error. One bad call never fails the others.`,
  middleware: [loadBands, modelsForFunctions] as const,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              calls: z.array(BatchCallItem).max(MAX_BATCH_CALLS, {
                error: `at most ${MAX_BATCH_CALLS} calls per batch; split it`,
              }),
            })
            .openapi("BatchRequest", {
              example: {
                calls: [
                  { fn: "AI_SALARY", args: ["ML Engineer", "Mid", "Austin"] },
                  { fn: "AI_TEAM", args: [12] },
                  { fn: "AI_SALARY", args: ["Nope", "Mid"] },
                ],
              },
            }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({ results: z.array(BatchResultSchema) }).openapi("BatchResponse"),
      "One result per call, in order.",
    ),
    ...problemResponses(400, 413, 415),
  },
});

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "a list" : typeof value;
}

function runCall(
  call: unknown,
  index: number,
  ctx: FunctionContext,
  requestId: string,
): BatchResult {
  const parsed = BatchCallSchema.safeParse(call);
  if (!parsed.success) {
    // Fields are relative to the call, as the core's are ("fn", "role"): the result's position says which call.
    const issue = parsed.error.issues[0] as unknown as Issue;
    if (issue.path.length === 0 && issue.code === "invalid_type") {
      return {
        error: {
          code: "INVALID_ARGUMENT",
          message: `call: must be an object { "fn": "AI_…", "args": [...] }, got ${describe(call)}`,
          field: "call",
          suggestions: [],
        },
      };
    }
    const p = toProblem(issue, "call");
    return {
      error: { code: p.code, message: p.message, field: p.field, suggestions: p.suggestions },
    };
  }
  try {
    return { value: invokeFunction(parsed.data.fn, sheetArgs(parsed.data.args ?? []), ctx) };
  } catch (e) {
    if (isPlannerError(e)) {
      const j = e.toJSON();
      return {
        error: {
          code: j.code,
          message: j.message,
          ...(j.field ? { field: j.field } : {}),
          suggestions: j.suggestions,
          ...(j.available ? { available: j.available } : {}),
        },
      };
    }
    // A fault of ours must not take the other calls down with it; it is logged for us to fix.
    console.error(
      JSON.stringify({
        level: "error",
        requestId,
        message: `batch call ${index}: ${(e as Error).message}`,
        stack: (e as Error).stack,
      }),
    );
    return {
      error: {
        code: "INTERNAL",
        message: "This call failed on our side; the request id identifies it in our logs.",
        suggestions: [],
      },
    };
  }
}

const router = newRouter();
// BatchCall is referenced by name from the request schema, so it is registered on its own.
router.openAPIRegistry.register("BatchCall", BatchCallSchema);

export const batchRouter = router.openapi(route, (c) => {
  const ctx = functionContext(c);
  const results = c.req
    .valid("json")
    .calls.map((call, i) => runCall(call, i, ctx, c.get("requestId")));
  return c.json({ results }, 200);
});
