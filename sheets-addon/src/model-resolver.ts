import {
  contentHash,
  type ModelResolver,
  type ModelResultAnswer,
  type PlanResultUnits,
} from "../../shared/index.js";
import { ApiError, apiError, type ApiClient } from "./api-client.js";
import type { CacheLike } from "./apps-script.js";

/**
 * AI_MODEL's source: a shared model's live result from the API, by share token (no key) or model
 * id (the user's key). Results are cached for a minute per document, so a sheet full of AI_MODEL
 * formulas costs a handful of UrlFetch calls, not one per cell.
 */
export const MODEL_CACHE_SECONDS = 60;

export interface ResolvedModel {
  name: string;
  version: number;
  result: PlanResultUnits;
}

export function modelCacheKey(baseUrl: string, idOrToken: string): string {
  return `atp.model.${contentHash(`${baseUrl}|${idOrToken}`)}`;
}

export function createModelResolver(api: () => ApiClient, cache: CacheLike | null): ModelResolver {
  return (idOrToken: string) => {
    const client = api();
    const key = modelCacheKey(client.baseUrl, idOrToken);
    const hit = cache?.get(key);
    if (hit) return JSON.parse(hit) as ResolvedModel;
    const model = fetchModelResult(client, idOrToken);
    try {
      cache?.put(key, JSON.stringify(model), MODEL_CACHE_SECONDS);
    } catch {
      // Over the cache's 100 KB per value: serve it uncached rather than fail the cell.
    }
    return model;
  };
}

/** The API's share tokens start "shr_"; anything else may be a model id. */
const SHARE_TOKEN = /^shr_/;

/** With a key, a model id first (a workspace's own models); otherwise, or when no such id, a share token. */
export function fetchModelResult(api: ApiClient, idOrToken: string): ResolvedModel {
  const id = encodeURIComponent(idOrToken);
  if (api.hasKey && !SHARE_TOKEN.test(idOrToken)) {
    const own = api.request("get", `/v1/models/${id}/result`, { auth: true });
    if (own.status === 200) return toResolvedModel(own.body, idOrToken);
    if (own.status !== 404 && own.status !== 400 && own.status !== 422)
      throw apiError(own, `model ${idOrToken}`);
  }
  const shared = api.request("get", `/v1/shared/${id}/result`);
  if (shared.status === 200) return toResolvedModel(shared.body, idOrToken);
  if (shared.status === 404 || shared.status === 400 || shared.status === 422) {
    throw new ApiError(
      404,
      api.hasKey
        ? `No model with id or share token "${idOrToken}" is visible to your key at ${api.baseUrl}. Check the id, or ask for a new share link if the token was revoked.`
        : `No shared model has the token "${idOrToken}" at ${api.baseUrl}. A model id (rather than a share token) needs your API key in AI Team Planner › Settings.`,
      "NOT_FOUND",
    );
  }
  throw apiError(shared, `shared model ${idOrToken}`);
}

/** A model's result as the API answers it (ModelResultAnswer): its name, version and plan result. */
export function toResolvedModel(body: unknown, idOrToken: string): ResolvedModel {
  const answer = (typeof body === "object" && body !== null ? body : {}) as Partial<
    Record<keyof ModelResultAnswer, unknown>
  >;
  if (!isPlanResult(answer.result))
    throw new ApiError(
      502,
      `The API's result for model "${idOrToken}" has no months, years and totals; is the API URL right?`,
      "BAD_RESULT",
    );
  return {
    name: typeof answer.name === "string" ? answer.name : idOrToken,
    version: typeof answer.version === "number" ? answer.version : 0,
    result: answer.result as ModelResultAnswer["result"],
  };
}

function isPlanResult(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    Array.isArray(r["months"]) &&
    Array.isArray(r["years"]) &&
    typeof r["totals"] === "object" &&
    r["totals"] !== null
  );
}
