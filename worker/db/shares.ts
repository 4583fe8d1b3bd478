import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import { randomToken } from "./credentials.js";
import { auditStatement } from "./audit.js";
import type { Database } from "./client.js";
import { modelRow } from "./models.js";
import { models, shares, type ModelRow, type ShareView } from "./schema.js";
import { stmt, type SqlStatement } from "./statements.js";

/** 24 random bytes: a link nobody can guess. */
export function newShareToken(): string {
  return randomToken("shr_", 24);
}

/** A write to one share link of a workspace's model, by a key at a time. */
export interface ShareWrite {
  token: string;
  modelId: string;
  workspaceId: string;
  actor: string;
  now: number;
}

/** The audit row of a share write: the model is its object, at the version it was shared at. */
function shareAudit(s: ShareWrite, action: "share.create" | "share.revoke"): SqlStatement {
  return auditStatement(
    { actor: s.actor, action, objectType: "model", at: s.now },
    modelRow({ id: s.modelId, workspaceId: s.workspaceId }),
    { onlyIfChanged: true },
  );
}

/** A share of a live (not deleted) model of the workspace, audited; no row at all if the model is not there. */
export function createShareStatements(
  s: ShareWrite & { view: ShareView; expiresAt: number | null },
): SqlStatement[] {
  return [
    stmt(
      "INSERT INTO shares (token, model_id, workspace_id, created_at, created_by, view, expires_at) SELECT ?, id, workspace_id, ?, ?, ?, ? FROM models WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL",
      s.token,
      s.now,
      s.actor,
      s.view,
      s.expiresAt,
      s.modelId,
      s.workspaceId,
    ),
    shareAudit(s, "share.create"),
  ];
}

/** Revokes an active share of the workspace's model, audited only if it was active. */
export function revokeShareStatements(s: ShareWrite): SqlStatement[] {
  return [
    stmt(
      "UPDATE shares SET revoked_at = ? WHERE token = ? AND model_id = ? AND workspace_id = ? AND revoked_at IS NULL",
      s.now,
      s.token,
      s.modelId,
      s.workspaceId,
    ),
    shareAudit(s, "share.revoke"),
  ];
}

export function listShares(db: Database, workspaceId: string, modelId: string) {
  return db
    .select({
      token: shares.token,
      createdAt: shares.createdAt,
      createdBy: shares.createdBy,
      revokedAt: shares.revokedAt,
      view: shares.view,
      expiresAt: shares.expiresAt,
    })
    .from(shares)
    .where(and(eq(shares.workspaceId, workspaceId), eq(shares.modelId, modelId)))
    .orderBy(desc(shares.createdAt), desc(shares.token));
}

/** The model behind a share link, with what the link may show. */
export type SharedModelRow = ModelRow & { view: ShareView; expiresAt: number | null };

/**
 * The model behind an active share token: the token is known, not revoked, not past its expiry
 * (`now`) and its model not deleted. Anything else is simply not found, alike.
 */
export async function findSharedModel(
  db: Database,
  token: string,
  now = Date.now(),
): Promise<SharedModelRow | undefined> {
  const [row] = await db
    .select({ model: models, view: shares.view, expiresAt: shares.expiresAt })
    .from(shares)
    .innerJoin(models, eq(models.id, shares.modelId))
    .where(
      and(
        eq(shares.token, token),
        isNull(shares.revokedAt),
        or(isNull(shares.expiresAt), gt(shares.expiresAt, now)),
        isNull(models.deletedAt),
      ),
    )
    .limit(1);
  return row && { ...row.model, view: row.view, expiresAt: row.expiresAt };
}
