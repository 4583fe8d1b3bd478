import type { Context } from "hono";
import {
  invalid,
  type FunctionContext,
  type ModelResolver,
  type SalaryOptions,
} from "../../shared/index.js";
import type { AppEnv } from "../env.js";

/**
 * What the core computes with besides the seeds: a workspace's compensation bands, its levels,
 * locations and FX rates, and its shared models. loadBands sets them on the context for a request
 * that carries a key; without them every answer comes from the seeds alone.
 */
export function salaryOptions(c: Context<AppEnv>): SalaryOptions {
  const bands = c.get("bands");
  return { ...(bands ? { bands } : {}), ...c.get("workspaceData") };
}

/** Without a model store AI_MODEL says so, rather than the add-on's "set the API URL" hint. */
const noModelStore: ModelResolver = (idOrToken) => {
  throw invalid(
    "model",
    `no shared model store is connected to this request, so "${idOrToken}" cannot be read; shared models are read with a share token or an API key`,
  );
};

export function functionContext(c: Context<AppEnv>): FunctionContext {
  return { ...salaryOptions(c), models: c.get("models") ?? noModelStore };
}
