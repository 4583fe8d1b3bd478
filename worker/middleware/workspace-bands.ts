import { factory } from "../env.js";
import { currentBands } from "../db/bands.js";

/**
 * For routes whose answers are priced with the caller workspace's compensation bands (salary,
 * plans, functions, model saves and results): loads the current set once, after the rate limit,
 * into c.var.bands (which every such route passes to the core) and c.var.bandsVersion, and sets
 * c.var.cacheScope so cached answers are per workspace and bands version. Routes that price
 * nothing (reference tables, keys, models' metadata) never read them.
 */
export const loadBands = factory.createMiddleware(async (c, next) => {
  const auth = c.get("auth");
  if (auth) {
    const current = await currentBands(c.var.d1, auth.workspaceId);
    if (current.bands.length) c.set("bands", current.bands);
    c.set("bandsVersion", current.version);
    c.set("cacheScope", `${auth.workspaceId} bands v${current.version}`);
  }
  await next();
});
