import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "./client.js";
import { auditLog, type AuditRow } from "./schema.js";
import { stmt, type SqlStatement } from "./statements.js";

export interface AuditEntry {
  workspaceId: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  version?: number | null;
  at: number;
}

/**
 * An audit row written in the same batch as the change it records. With `onlyIfChanged` it is
 * written only when the statement just before it changed a row (SQLite's changes()), so a
 * conditional write that lost a race leaves no audit row behind.
 */
export function auditStatement(e: AuditEntry, { onlyIfChanged = false } = {}): SqlStatement {
  return stmt(
    `INSERT INTO audit_log (workspace_id, actor, action, object_type, object_id, version, at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${onlyIfChanged ? "changes() = 1" : "1"}`,
    e.workspaceId,
    e.actor,
    e.action,
    e.objectType,
    e.objectId,
    e.version ?? null,
    e.at,
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
