import { and, asc, desc, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { randomToken } from "./credentials.js";
import { auditStatement, type AuditedRow } from "./audit.js";
import type { Database } from "./client.js";
import { models, modelVersions, type ModelRow, type ModelVersionRow } from "./schema.js";
import { stmt, type SqlStatement } from "./statements.js";

/** A workspace's model, as the object of an audit row (and of a share's). */
export function modelRow(m: { id: string; workspaceId: string }): AuditedRow {
  return {
    table: "models",
    where: "id = ? AND workspace_id = ?",
    params: [m.id, m.workspaceId],
    versionColumn: "version",
  };
}

export function newModelId(): string {
  return randomToken("mdl_", 12);
}

/** The columns a save RETURNs: the row exactly as that statement wrote it. */
const RETURNING =
  "RETURNING id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by, deleted_at, bytes";

/** A RETURNING row of `models` (SQL column names) as the row type drizzle reads. */
export function modelFromSql(r: Record<string, unknown>): ModelRow {
  return {
    id: r.id as string,
    workspaceId: r.workspace_id as string,
    name: r.name as string,
    input: r.input as string,
    version: r.version as number,
    createdAt: r.created_at as number,
    createdBy: r.created_by as string,
    updatedAt: r.updated_at as number,
    updatedBy: r.updated_by as string,
    deletedAt: (r.deleted_at as number | null) ?? null,
    bytes: r.bytes as number,
  };
}

/** UTF-8 bytes of a new version in SQL (?3 its name, ?4 its input): what counts against the byte quota. */
const VERSION_BYTES = "length(CAST(?3 AS BLOB)) + length(CAST(?4 AS BLOB))";

/** The room a save needs, checked inside the statement that writes it (so concurrent saves cannot both squeeze in). */
export interface StorageLimits {
  maxModels: number;
  maxVersions: number;
  maxBytes: number;
}

/**
 * A new model at version 1, for one batch: the model row — written only while the workspace is
 * within its model and byte quotas, and RETURNed as written — then its first version row and the
 * audit row, each only if the statement before it wrote one. No row at all means over quota.
 */
export function createModelStatements(m: {
  id: string;
  workspaceId: string;
  name: string;
  input: string;
  actor: string;
  now: number;
  limits: StorageLimits;
}): SqlStatement[] {
  return [
    stmt(
      `INSERT INTO models (id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by, bytes) SELECT ?1, ?2, ?3, ?4, 1, ?5, ?6, ?5, ?6, ${VERSION_BYTES} WHERE (SELECT COUNT(*) FROM models WHERE workspace_id = ?2) < ?7 AND (SELECT COALESCE(SUM(bytes), 0) FROM models WHERE workspace_id = ?2) + ${VERSION_BYTES} <= ?8 ${RETURNING}`,
      m.id,
      m.workspaceId,
      m.name,
      m.input,
      m.now,
      m.actor,
      m.limits.maxModels,
      m.limits.maxBytes,
    ),
    stmt(
      "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by) SELECT id, 1, name, input, created_at, created_by FROM models WHERE id = ? AND changes() = 1",
      m.id,
    ),
    auditStatement(
      { actor: m.actor, action: "model.create", objectType: "model", at: m.now },
      { table: "models", where: "id = ?", params: [m.id], versionColumn: "version" },
      { onlyIfChanged: true },
    ),
  ];
}

/**
 * Saves a new version only if the model is still at `expectedVersion` and within its quotas, as
 * ONE batch (one D1 transaction): a conditional UPDATE that bumps the version and RETURNs the row
 * it wrote — the save's own answer, never a re-read that another save may have overtaken — then
 * the version row and the audit row, each written only if the statement before it changed a row
 * (SQLite's changes()). Of any number of concurrent saves against the same version exactly one
 * UPDATE matches; the others change nothing, write nothing and RETURN no row.
 */
export function updateModelStatements(m: {
  id: string;
  workspaceId: string;
  expectedVersion: number;
  name?: string;
  input: string;
  actor: string;
  now: number;
  limits: StorageLimits;
}): SqlStatement[] {
  // ?3 is the new name or null (keep the current one); `name` in SET and WHERE is the current row's.
  const bytes = "length(CAST(COALESCE(?3, name) AS BLOB)) + length(CAST(?4 AS BLOB))";
  return [
    stmt(
      `UPDATE models SET version = version + 1, name = COALESCE(?3, name), input = ?4, updated_at = ?5, updated_by = ?6, bytes = bytes + ${bytes} WHERE id = ?1 AND workspace_id = ?2 AND version = ?7 AND deleted_at IS NULL AND version < ?8 AND (SELECT COALESCE(SUM(bytes), 0) FROM models WHERE workspace_id = ?2) + ${bytes} <= ?9 ${RETURNING}`,
      m.id,
      m.workspaceId,
      m.name ?? null,
      m.input,
      m.now,
      m.actor,
      m.expectedVersion,
      m.limits.maxVersions,
      m.limits.maxBytes,
    ),
    stmt(
      "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by) SELECT id, version, name, input, updated_at, updated_by FROM models WHERE id = ? AND workspace_id = ? AND changes() = 1",
      m.id,
      m.workspaceId,
    ),
    auditStatement(
      { actor: m.actor, action: "model.update", objectType: "model", at: m.now },
      modelRow(m),
      { onlyIfChanged: true },
    ),
  ];
}

/** Soft delete (`deleted`) or restore: flips deleted_at if it is in the other state (RETURNing the row it wrote), audited only if it flipped. */
export function setDeletedStatements(m: {
  id: string;
  workspaceId: string;
  deleted: boolean;
  actor: string;
  now: number;
}): SqlStatement[] {
  const flip = m.deleted
    ? stmt(
        `UPDATE models SET deleted_at = ? WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL ${RETURNING}`,
        m.now,
        m.id,
        m.workspaceId,
      )
    : stmt(
        `UPDATE models SET deleted_at = NULL WHERE id = ? AND workspace_id = ? AND deleted_at IS NOT NULL ${RETURNING}`,
        m.id,
        m.workspaceId,
      );
  return [
    flip,
    auditStatement(
      {
        actor: m.actor,
        action: m.deleted ? "model.delete" : "model.restore",
        objectType: "model",
        at: m.now,
      },
      modelRow(m),
      { onlyIfChanged: true },
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
