import { createRoute, z } from "@hono/zod-openapi";
import {
  checkWork,
  isPlannerError,
  limitSuggestions,
  MAX_FRESH_SUGGESTIONS,
  prepareCall,
  WORK_BUDGET,
  type FunctionContext,
  type PlannerError,
  type PreparedCall,
  type SheetResult,
  type WorkEstimate,
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
  description: `Up to ${MAX_BATCH_CALLS} calls; results come back in the same order, each a value or an error. One bad call never fails the others. Every call is priced before any runs (GET /v1/functions lists what each costs); a batch whose calls cost more than the work budget together is refused whole with 422 TOO_MUCH_WORK, saying how to split it.`,
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
    ...problemResponses(400, 413, 415, 422),
  },
});

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "a list" : typeof value;
}

type Priced = { call: PreparedCall } | { error: BatchResult };

/** A call checked and priced, not run: its arguments' problems are its own error result. */
function priceCall(call: unknown): Priced {
  const parsed = BatchCallSchema.safeParse(call);
  if (!parsed.success) {
    // Fields are relative to the call, as the core's are ("fn", "role"): the result's position says which call.
    const issue = parsed.error.issues[0] as unknown as Issue;
    if (issue.path.length === 0 && issue.code === "invalid_type") {
      return {
        error: {
          error: {
            code: "INVALID_ARGUMENT",
            message: `call: must be an object { "fn": "AI_…", "args": [...] }, got ${describe(call)}`,
            field: "call",
            suggestions: [],
          },
        },
      };
    }
    const p = toProblem(issue, "call");
    return {
      error: {
        error: { code: p.code, message: p.message, field: p.field, suggestions: p.suggestions },
      },
    };
  }
  try {
    return { call: prepareCall(parsed.data.fn, sheetArgs(parsed.data.args ?? [])) };
  } catch (e) {
    if (isPlannerError(e)) return { error: errorResult(e) };
    throw e;
  }
}

function errorResult(e: PlannerError): BatchResult {
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

function runCall(
  call: PreparedCall,
  index: number,
  ctx: FunctionContext,
  requestId: string,
): BatchResult {
  try {
    return { value: call.evaluate(ctx) };
  } catch (e) {
    if (isPlannerError(e)) return errorResult(e);
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

const count = (n: number) => n.toLocaleString("en-US");

/** The whole batch as one request's work: every priced call, and how to split it if too much. */
function batchWork(priced: readonly Priced[]): WorkEstimate {
  const calls = priced.flatMap((p, index) => ("call" in p ? [{ index, call: p.call }] : []));
  const units = calls.reduce((sum, { call }) => sum + call.work.units, 0);
  const heaviest = calls.reduce<(typeof calls)[number] | undefined>(
    (max, c) => (!max || c.call.work.units > max.call.work.units ? c : max),
    undefined,
  );
  const what = `a batch of ${count(priced.length)} calls${heaviest ? ` (the heaviest, calls[${heaviest.index}] ${heaviest.call.entry.name}, costs ${count(heaviest.call.work.units)} units)` : ""}`;
  if (heaviest && heaviest.call.work.units > WORK_BUDGET) {
    return {
      units,
      what,
      split: `calls[${heaviest.index}] alone is over the budget; ${heaviest.call.work.split}`,
      field: `calls[${heaviest.index}]`,
    };
  }
  const batches = Math.ceil(units / WORK_BUDGET);
  return {
    units,
    what,
    split: `send these calls in ${batches} or more batches of at most ${count(WORK_BUDGET)} units each`,
    field: "calls",
  };
}

const router = newRouter();
// BatchCall is referenced by name from the request schema, so it is registered on its own.
router.openAPIRegistry.register("BatchCall", BatchCallSchema);

export const batchRouter = router.openapi(route, (c) => {
  const ctx = functionContext(c);
  // Every call is priced before any runs, so a batch over budget computes nothing.
  const priced = c.req.valid("json").calls.map(priceCall);
  checkWork(batchWork(priced));
  // One allowance of name suggestions for the whole batch (see limitSuggestions).
  const results = limitSuggestions(MAX_FRESH_SUGGESTIONS, () =>
    priced.map((p, i) => ("call" in p ? runCall(p.call, i, ctx, c.get("requestId")) : p.error)),
  );
  return c.json({ results }, 200);
});
