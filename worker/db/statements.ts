import type { D1 } from "./client.js";

/**
 * How worker/db writes: every write is a plain SQL statement with bound parameters, built by the
 * module of its table and run as ONE batch (one transaction: all or nothing), conditional writes
 * RETURNING what they wrote and audit rows following through auditStatement. The worker runs them
 * through D1 (`env.DB.batch`); the keys script and `npm start` inline the parameters and hand the
 * text to `wrangler d1 execute`; the tests run the very same statements against the test D1.
 * Reads go through drizzle (worker/db/client.ts), typed by the schema.
 */
export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params: SqlValue[];
}

export function stmt(sql: string, ...params: SqlValue[]): SqlStatement {
  return { sql, params };
}

export function prepare(db: D1, s: SqlStatement): D1PreparedStatement {
  return db.prepare(s.sql).bind(...s.params);
}

/** Runs the statements as one D1 batch: one transaction, all or nothing. */
export function runBatch(db: D1, statements: readonly SqlStatement[]): Promise<D1Result[]> {
  return db.batch(statements.map((s) => prepare(db, s)));
}

/** A SQL literal: strings quoted with '' doubling, integers as digits, null as NULL. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value))
      throw new Error(`only integers are inlined into SQL, got ${value}`);
    return String(value);
  }
  if (value.includes("\0")) throw new Error("a NUL character cannot be inlined into SQL");
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * One SQL text for `wrangler d1 execute --command`: each statement with its `?` placeholders
 * replaced by literals, joined by ";". Our statements never contain a literal "?" themselves.
 */
export function inlineSql(statements: readonly SqlStatement[]): string {
  return statements
    .map((s) => {
      let i = 0;
      const text = s.sql.replace(/\?/g, () => {
        if (i >= s.params.length) throw new Error(`too few parameters for: ${s.sql}`);
        return sqlLiteral(s.params[i++]!);
      });
      if (i !== s.params.length) throw new Error(`too many parameters for: ${s.sql}`);
      return text;
    })
    .join(";\n");
}
