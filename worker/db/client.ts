import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema.js";

/**
 * What the worker's reads and writes run on: a D1 Sessions API session (c.var.d1, see
 * worker/middleware/d1-session.ts) or, in scripts and tests, the binding itself.
 */
export type D1 = D1Database | D1DatabaseSession;

/** Drizzle over D1; cheap to create, so one per request. */
export function database(d1: D1) {
  // Drizzle only calls prepare and batch, which a session has as the binding does.
  return drizzle(d1 as D1Database, { schema });
}

export type Database = ReturnType<typeof database>;
