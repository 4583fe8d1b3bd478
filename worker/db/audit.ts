import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "./client.js";
import { auditLog, type AuditRow } from "./schema.js";
import { stmt, type SqlStatement, type SqlValue } from "./statements.js";

/** What an audit row says: who did what to which kind of object, and when. */
export interface AuditEntry {
  actor: string;
  action: string;
  objectType: string;
  at: number;
}

/**
 * The row the audited write just wrote, in the same batch: the audit row takes the workspace,
 * the object id and the version from it, so it records what was written, not what was asked for.
 */
export interface AuditedRow {
  table: "models" | "band_sets" | "workspace_data_sets" | "api_keys" | "workspaces";
  /** Picks the row, e.g. "id = ? AND workspace_id = ?", with `params` bound in order. */
  where: string;
  params: SqlValue[];
  /** The column holding the workspace id: workspace_id, or id for a workspace itself. */
  workspaceColumn?: "workspace_id" | "id";
  /** The column holding the version the write produced; objects without versions have none. */
  versionColumn?: "version";
}

/**
 * Every audit row is written by this statement, in the same batch as the change it records. With
 * `onlyIfChanged` it is written only when the statement just before it changed a row (SQLite's
 * changes()), so a conditional write that lost a race leaves no audit row behind.
 */
export function auditStatement(
  e: AuditEntry,
  row: AuditedRow,
  { onlyIfChanged = false } = {},
): SqlStatement {
  return stmt(
    `INSERT INTO audit_log (workspace_id, actor, action, object_type, object_id, version, at) SELECT ${row.workspaceColumn ?? "workspace_id"}, ?, ?, ?, id, ${row.versionColumn ?? "NULL"}, ? FROM ${row.table} WHERE ${row.where}${onlyIfChanged ? " AND changes() = 1" : ""}`,
    e.actor,
    e.action,
    e.objectType,
    e.at,
    ...row.params,
  );
}

/** A workspace's audit trail, newest first, `before` an id for paging. */
export async function listAudit(
  db: Database,
  workspaceId: string,
  limit: number,
  before?: number,
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      before === undefined
        ? eq(auditLog.workspaceId, workspaceId)
        : and(eq(auditLog.workspaceId, workspaceId), lt(auditLog.id, before)),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
