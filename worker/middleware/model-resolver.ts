import type { Context } from "hono";
import {
  findFunction,
  isOverBudget,
  isPlannerError,
  PlannerError,
  planWork,
  tooMuchWork,
  type ModelResolver,
  type PlanResultUnits,
} from "../../shared/index.js";
import { factory, type AppEnv } from "../env.js";
import { database } from "../db/client.js";
import { findModel, pinOf } from "../db/models.js";
import { findSharedModel } from "../db/shares.js";
import { resultForView } from "../http/share-view.js";
import { savedModelResult } from "./pinned-result.js";
import { HttpProblem } from "../http/problem.js";

/** More distinct models than this in one request are refused by the resolver (each is a database read). */
const MAX_MODELS_PER_REQUEST = 50;

type Loaded = { name: string; version: number; result: PlanResultUnits } | { error: PlannerError };

function isAiModel(fn: unknown): boolean {
  try {
    return findFunction(fn).name === "AI_MODEL";
  } catch {
    return false;
  }
}

/** AI_MODEL's first argument as sent: text, or a one-cell range. */
function modelRef(args: unknown): string | undefined {
  if (!Array.isArray(args)) return undefined;
  let first: unknown = args[0];
  while (Array.isArray(first)) first = first[0];
  // Ids and tokens are well under 100 characters; a longer text cannot name a model.
  return typeof first === "string" && first.trim() && first.trim().length <= 100
    ? first.trim()
    : undefined;
}

/** A path segment decoded; malformed percent-encoding (%ZZ) is left as sent — the route answers 404 for it. */
function decodedOrRaw(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The model ids and share tokens that AI_MODEL calls in this request's body name. */
async function refsInBody(c: Context<AppEnv>): Promise<string[]> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return []; // the route's own validation answers a malformed body
  }
  if (typeof body !== "object" || body === null) return [];
  const refs: string[] = [];
  const path = new URL(c.req.url).pathname;
  const fnInPath = /^\/v1\/functions\/([^/]+)$/.exec(path)?.[1];
  if (fnInPath !== undefined) {
    if (isAiModel(decodedOrRaw(fnInPath))) {
      const ref = modelRef((body as { args?: unknown }).args);
      if (ref) refs.push(ref);
    }
  } else {
    const calls = (body as { calls?: unknown }).calls;
    if (Array.isArray(calls)) {
      for (const call of calls) {
        if (typeof call !== "object" || call === null || !isAiModel((call as { fn?: unknown }).fn))
          continue;
        const ref = modelRef((call as { args?: unknown }).args);
        if (ref) refs.push(ref);
      }
    }
  }
  return [...new Set(refs)];
}

function asPlannerError(e: unknown, ref: string): PlannerError {
  if (isPlannerError(e)) return e;
  if (e instanceof HttpProblem)
    return new PlannerError("INVALID_ARGUMENT", `model "${ref}": ${e.message}`, { field: "model" });
  throw e;
}

/**
 * Loads the models AI_MODEL calls name, then answers the core's synchronous ModelResolver from
 * them, each version priced with exactly what it was saved with (its pin). A share token
 * ("shr_…") works with or without a key and shows what its link's view allows; a model id needs
 * a key of the model's workspace (any other workspace gets "not found").
 */
export async function loadModelResolver(
  c: Context<AppEnv>,
  refs: readonly string[],
): Promise<ModelResolver> {
  const db = database(c.var.d1);
  const auth = c.get("auth");
  const loaded = new Map<string, Loaded>();
  // Results already computed are looked up; the ones this request computes share one work budget.
  let spent = 0;
  for (const ref of refs.slice(0, MAX_MODELS_PER_REQUEST)) {
    const shared = ref.startsWith("shr_") ? await findSharedModel(db, ref) : undefined;
    const model = ref.startsWith("shr_")
      ? shared
      : auth
        ? await findModel(db, auth.workspaceId, ref)
        : undefined;
    if (!model) continue;
    try {
      const { value } = await savedModelResult(c, { ...model, pin: pinOf(model) }, () => {
        const estimate = planWork(JSON.parse(model.input));
        const all = { ...estimate, units: spent + estimate.units };
        if (isOverBudget(all))
          throw tooMuchWork({
            ...all,
            what: `computing the shared models this request names (${estimate.what} for "${ref}", after the others)`,
            split: "name fewer shared models per request",
            field: "model",
          });
        spent += estimate.units;
      });
      loaded.set(ref, {
        name: model.name,
        version: model.version,
        result: shared ? resultForView(value, shared.view) : value,
      });
    } catch (e) {
      loaded.set(ref, { error: asPlannerError(e, ref) });
    }
  }
  return (idOrToken: string) => {
    const ref = idOrToken.trim();
    const hit = loaded.get(ref);
    if (hit && "error" in hit) throw hit.error;
    if (hit) return hit;
    const why = ref.startsWith("shr_")
      ? "the share link is unknown, revoked, or its model was deleted"
      : auth
        ? "there is no such model in this workspace"
        : "a model id needs an API key of its workspace (Authorization: Bearer …); a share token (shr_…) needs none";
    throw new PlannerError("NO_DATA", `No shared model "${ref}": ${why}.`, { field: "model" });
  };
}

/**
 * For POST /v1/functions/{name} and /v1/batch: finds the AI_MODEL calls in the body, loads the
 * models they name and sets c.var.models, which the routes pass to invokeFunction.
 */
export const modelsForFunctions = factory.createMiddleware(async (c, next) => {
  if (
    c.req.method === "POST" &&
    (c.req.header("content-type") ?? "").toLowerCase().includes("json")
  ) {
    const refs = await refsInBody(c);
    if (refs.length) c.set("models", await loadModelResolver(c, refs));
  }
  await next();
});
