import { and, asc, desc, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { randomToken } from "../auth/api-key.js";
import { auditStatement } from "./audit.js";
import type { Database } from "./client.js";
import { models, modelVersions, type ModelRow, type ModelVersionRow } from "./schema.js";
import { stmt, type SqlStatement } from "./statements.js";

export function newModelId(): string {
  return randomToken("mdl_", 12);
}

/** A new model at version 1: the model row, its first version row and the audit row, for one batch. */
export function createModelStatements(m: {
  id: string;
  workspaceId: string;
  name: string;
  input: string;
  actor: string;
  now: number;
}): SqlStatement[] {
  return [
    stmt(
      "INSERT INTO models (id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)",
      m.id,
      m.workspaceId,
      m.name,
      m.input,
      m.now,
      m.actor,
      m.now,
      m.actor,
    ),
    stmt(
      "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by) VALUES (?, 1, ?, ?, ?, ?)",
      m.id,
      m.name,
      m.input,
      m.now,
      m.actor,
    ),
    auditStatement({
      workspaceId: m.workspaceId,
      actor: m.actor,
      action: "model.create",
      objectType: "model",
      objectId: m.id,
      version: 1,
      at: m.now,
    }),
  ];
}

/**
 * Saves a new version only if the model is still at `expectedVersion`, as ONE batch (one D1
 * transaction): a conditional UPDATE that bumps the version, then the version row and the audit
 * row, each written only if the statement before it changed a row (SQLite's changes()). Of any
 * number of concurrent saves against the same version exactly one UPDATE matches; the others
 * change nothing and write nothing. The first result's `meta.changes` tells which happened.
 */
export function updateModelStatements(m: {
  id: string;
  workspaceId: string;
  expectedVersion: number;
  name?: string;
  input: string;
  actor: string;
  now: number;
}): SqlStatement[] {
  return [
    stmt(
      "UPDATE models SET version = version + 1, name = COALESCE(?, name), input = ?, updated_at = ?, updated_by = ? WHERE id = ? AND workspace_id = ? AND version = ? AND deleted_at IS NULL",
      m.name ?? null,
      m.input,
      m.now,
      m.actor,
      m.id,
      m.workspaceId,
      m.expectedVersion,
    ),
    stmt(
      "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by) SELECT id, version, name, input, updated_at, updated_by FROM models WHERE id = ? AND workspace_id = ? AND changes() = 1",
      m.id,
      m.workspaceId,
    ),
    stmt(
      "INSERT INTO audit_log (workspace_id, actor, action, object_type, object_id, version, at) SELECT workspace_id, ?, 'model.update', 'model', id, version, ? FROM models WHERE id = ? AND workspace_id = ? AND changes() = 1",
      m.actor,
      m.now,
      m.id,
      m.workspaceId,
    ),
  ];
}

/** Soft delete (`deleted`) or restore: flips deleted_at if it is in the other state, audited only if it flipped. */
export function setDeletedStatements(m: {
  id: string;
  workspaceId: string;
  deleted: boolean;
  actor: string;
  now: number;
}): SqlStatement[] {
  const flip = m.deleted
    ? stmt(
        "UPDATE models SET deleted_at = ? WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL",
        m.now,
        m.id,
        m.workspaceId,
      )
    : stmt(
        "UPDATE models SET deleted_at = NULL WHERE id = ? AND workspace_id = ? AND deleted_at IS NOT NULL",
        m.id,
        m.workspaceId,
      );
  return [
    flip,
    stmt(
      "INSERT INTO audit_log (workspace_id, actor, action, object_type, object_id, version, at) SELECT workspace_id, ?, ?, 'model', id, version, ? FROM models WHERE id = ? AND workspace_id = ? AND changes() = 1",
      m.actor,
      m.deleted ? "model.delete" : "model.restore",
      m.now,
      m.id,
      m.workspaceId,
    ),
  ];
}

/** A model of the workspace; deleted ones only when asked for. Another workspace's model is simply not found. */
export async function findModel(
  db: Database,
  workspaceId: string,
  id: string,
  { includeDeleted = false } = {},
): Promise<ModelRow | undefined> {
  const [row] = await db
    .select()
    .from(models)
    .where(
      and(
        eq(models.id, id),
        eq(models.workspaceId, workspaceId),
        includeDeleted ? undefined : isNull(models.deletedAt),
      ),
    )
    .limit(1);
  return row;
}

export interface ModelPageCursor {
  createdAt: number;
  id: string;
}

/** One page of the workspace's models, newest first; `deleted` lists the soft-deleted ones instead. */
export async function listModels(
  db: Database,
  workspaceId: string,
  opts: { limit: number; after?: ModelPageCursor; deleted?: boolean },
): Promise<ModelRow[]> {
  const after = opts.after;
  return db
    .select()
    .from(models)
    .where(
      and(
        eq(models.workspaceId, workspaceId),
        opts.deleted ? isNotNull(models.deletedAt) : isNull(models.deletedAt),
        after
          ? or(
              lt(models.createdAt, after.createdAt),
              and(eq(models.createdAt, after.createdAt), lt(models.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(models.createdAt), desc(models.id))
    .limit(opts.limit);
}

export function listVersions(db: Database, modelId: string): Promise<ModelVersionRow[]> {
  return db
    .select()
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId))
    .orderBy(asc(modelVersions.version));
}

export async function findVersion(
  db: Database,
  modelId: string,
  version: number,
): Promise<ModelVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, version)))
    .limit(1);
  return row;
}
