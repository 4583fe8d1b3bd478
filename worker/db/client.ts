import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema.js";

/** Drizzle over the D1 binding; cheap to create, so one per request. */
export function database(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Database = ReturnType<typeof database>;
