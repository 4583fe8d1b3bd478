import type { Context } from "hono";
import type { WorkspaceBand } from "../../shared/index.js";
import type { AppEnv } from "../app.js";

/**
 * The bands compute routes pass to the core (`salaryRange(q, { bands })`, `runPlan(input, { bands })`,
 * `invokeFunction(name, args, { bands })`): the caller's workspace bands when the request carries a
 * valid key and the workspace has uploaded some, otherwise undefined (seed data only). Where a
 * band matches, the core answers with provenance "workspace". The authenticate middleware loads
 * them once per request into c.var.bands (which worker/lib/workspace-data.ts reads too).
 */
export async function workspaceBands(c: Context<AppEnv>): Promise<WorkspaceBand[] | undefined> {
  const bands = c.get("bands");
  return bands?.length ? [...bands] : undefined;
}
