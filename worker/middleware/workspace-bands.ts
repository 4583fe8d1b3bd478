import { factory } from "../env.js";
import { currentBands } from "../db/bands.js";
import { currentWorkspaceData } from "../db/workspace-data.js";

/**
 * For routes whose answers are priced with the caller workspace's data (salary, plans, functions,
 * model saves and reprices): loads the current bands and the current levels, locations and FX
 * rates once, after the rate limit, into c.var.bands and c.var.workspaceData (which every such
 * route passes to the core, through salaryOptions) with their versions (c.var.bandsVersion,
 * c.var.dataVersions: what a version saved now is pinned to), and sets c.var.cacheScope so cached
 * answers are per workspace and data versions. Routes that price nothing (reference tables, keys,
 * models' metadata, saved versions' results, which are pinned) never read them.
 */
export const loadBands = factory.createMiddleware(async (c, next) => {
  const auth = c.get("auth");
  if (auth) {
    const [current, data] = await Promise.all([
      currentBands(c.var.d1, auth.workspaceId),
      currentWorkspaceData(c.var.d1, auth.workspaceId),
    ]);
    if (current.bands.length) c.set("bands", current.bands);
    c.set("bandsVersion", current.version);
    c.set("workspaceData", data.data);
    c.set("dataVersions", data.versions);
    const v = data.versions;
    c.set(
      "cacheScope",
      `${auth.workspaceId} bands v${current.version} levels v${v.levels} locations v${v.locations} fx v${v.fx}`,
    );
  }
  await next();
});
