import { and, asc, desc, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { datasetVersion, type ModelPin } from "../../shared/index.js";
import { randomToken } from "./credentials.js";
import { auditStatement, type AuditedRow } from "./audit.js";
import type { Database } from "./client.js";
import {
  models,
  modelVersions,
  type ModelRow,
  type ModelVersionRow,
  type VersionKind,
} from "./schema.js";
import { stmt, type SqlStatement } from "./statements.js";
import { workspaceBytesSql } from "./workspace-data.js";

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

/** A version as it is written: its pin, its result snapshot and how it came to be. */
export interface VersionWrite {
  pin: ModelPin;
  /** The result snapshot (see result-snapshot.ts), or null when there is none. */
  snapshot: string | null;
  kind: VersionKind;
  /** JSON of the VersionChange from the version before; null for version 1. */
  change: string | null;
}

/** The columns a save RETURNs: the row exactly as that statement wrote it. */
const RETURNING =
  "RETURNING id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by, deleted_at, bytes, dataset_version, dataset_hash, bands_version, levels_version, locations_version, fx_version";

/** Copies the model row just written into its version row, with the version's own columns (?1 model id, ?2 snapshot, ?3 kind, ?4 change, ?5 restored-from). */
const INSERT_VERSION =
  "INSERT INTO model_versions (model_id, version, name, input, created_at, created_by, dataset_version, dataset_hash, bands_version, levels_version, locations_version, fx_version, result, kind, change, restored_from) SELECT id, version, name, input, updated_at, updated_by, dataset_version, dataset_hash, bands_version, levels_version, locations_version, fx_version, ?2, ?3, ?4, ?5 FROM models WHERE id = ?1 AND changes() = 1";

/** A row's pin. */
export type { ModelPin };

export function pinOf(r: ModelPin): ModelPin {
  // A version saved before pinning (migration 0004) has no dataset yet: it is priced with the
  // running one, and its first read writes that down with its snapshot (storeSnapshotStatements).
  const running = r.datasetHash ? undefined : datasetVersion();
  return {
    datasetVersion: running?.version ?? r.datasetVersion,
    datasetHash: running?.hash ?? r.datasetHash,
    bandsVersion: r.bandsVersion,
    levelsVersion: r.levelsVersion,
    locationsVersion: r.locationsVersion,
    fxVersion: r.fxVersion,
  };
}

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
    datasetVersion: r.dataset_version as string,
    datasetHash: r.dataset_hash as string,
    bandsVersion: r.bands_version as number,
    levelsVersion: r.levels_version as number,
    locationsVersion: r.locations_version as number,
    fxVersion: r.fx_version as number,
  };
}

/** UTF-8 bytes of a new version in SQL (?3 its name, ?4 its input, ?9 its snapshot): what counts against the byte quota. */
const VERSION_BYTES =
  "length(CAST(?3 AS BLOB)) + length(CAST(?4 AS BLOB)) + COALESCE(length(CAST(?9 AS BLOB)), 0)";

/** The room a save needs, checked inside the statement that writes it (so concurrent saves cannot both squeeze in). */
export interface StorageLimits {
  maxModels: number;
  maxVersions: number;
  maxBytes: number;
}

/** A pin as the SQL parameters of its six columns, in the order the model statements name them. */
function pinParams(pin: ModelPin) {
  return [
    pin.datasetVersion,
    pin.datasetHash,
    pin.bandsVersion,
    pin.levelsVersion,
    pin.locationsVersion,
    pin.fxVersion,
  ];
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
  write: VersionWrite;
}): SqlStatement[] {
  const { pin } = m.write;
  return [
    stmt(
      `INSERT INTO models (id, workspace_id, name, input, version, created_at, created_by, updated_at, updated_by, bytes, dataset_version, dataset_hash, bands_version, levels_version, locations_version, fx_version) SELECT ?1, ?2, ?3, ?4, 1, ?5, ?6, ?5, ?6, ${VERSION_BYTES}, ?10, ?11, ?12, ?13, ?14, ?15 WHERE (SELECT COUNT(*) FROM models WHERE workspace_id = ?2) < ?7 AND ${workspaceBytesSql("?2")} + ${VERSION_BYTES} <= ?8 ${RETURNING}`,
      m.id,
      m.workspaceId,
      m.name,
      m.input,
      m.now,
      m.actor,
      m.limits.maxModels,
      m.limits.maxBytes,
      m.write.snapshot,
      ...pinParams(pin),
    ),
    stmt(INSERT_VERSION, m.id, m.write.snapshot, m.write.kind, m.write.change, null),
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
  write: VersionWrite;
  /** For a restore: the version whose input, pin and snapshot this one copies. */
  restoredFrom?: number;
}): SqlStatement[] {
  // ?3 is the new name or null (keep the current one); `name` in SET and WHERE is the current row's.
  const bytes =
    "length(CAST(COALESCE(?3, name) AS BLOB)) + length(CAST(?4 AS BLOB)) + COALESCE(length(CAST(?10 AS BLOB)), 0)";
  const { pin } = m.write;
  return [
    stmt(
      `UPDATE models SET version = version + 1, name = COALESCE(?3, name), input = ?4, updated_at = ?5, updated_by = ?6, bytes = bytes + ${bytes}, dataset_version = ?11, dataset_hash = ?12, bands_version = ?13, levels_version = ?14, locations_version = ?15, fx_version = ?16 WHERE id = ?1 AND workspace_id = ?2 AND version = ?7 AND deleted_at IS NULL AND version < ?8 AND ${workspaceBytesSql("?2")} + ${bytes} <= ?9 ${RETURNING}`,
      m.id,
      m.workspaceId,
      m.name ?? null,
      m.input,
      m.now,
      m.actor,
      m.expectedVersion,
      m.limits.maxVersions,
      m.limits.maxBytes,
      m.write.snapshot,
      ...pinParams(pin),
    ),
    stmt(
      INSERT_VERSION,
      m.id,
      m.write.snapshot,
      m.write.kind,
      m.write.change,
      m.restoredFrom ?? null,
    ),
    auditStatement(
      {
        actor: m.actor,
        action: m.write.kind === "save" ? "model.update" : `model.${m.write.kind}`,
        objectType: "model",
        at: m.now,
      },
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

/** Every version of a model, oldest first, without its input and snapshot (the history list). */
export function listVersions(db: Database, modelId: string) {
  return db
    .select({
      version: modelVersions.version,
      name: modelVersions.name,
      createdAt: modelVersions.createdAt,
      createdBy: modelVersions.createdBy,
      datasetVersion: modelVersions.datasetVersion,
      datasetHash: modelVersions.datasetHash,
      bandsVersion: modelVersions.bandsVersion,
      levelsVersion: modelVersions.levelsVersion,
      locationsVersion: modelVersions.locationsVersion,
      fxVersion: modelVersions.fxVersion,
      kind: modelVersions.kind,
      restoredFrom: modelVersions.restoredFrom,
      change: modelVersions.change,
    })
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

/** A version's result snapshot, or null when it has none. */
export async function findSnapshot(
  db: Database,
  modelId: string,
  version: number,
): Promise<string | null> {
  const [row] = await db
    .select({ result: modelVersions.result })
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, version)))
    .limit(1);
  return row?.result ?? null;
}

/**
 * Keeps the snapshot of a version that has none (one saved before pinning, priced from its pin
 * the first time): written once, and its bytes counted in the model's storage.
 */
export function storeSnapshotStatements(
  modelId: string,
  version: number,
  snapshot: string,
  pin: Pick<ModelPin, "datasetVersion" | "datasetHash">,
): SqlStatement[] {
  return [
    stmt(
      "UPDATE model_versions SET result = ?3 WHERE model_id = ?1 AND version = ?2 AND result IS NULL",
      modelId,
      version,
      snapshot,
    ),
    stmt(
      "UPDATE models SET bytes = bytes + length(CAST(?2 AS BLOB)) WHERE id = ?1 AND changes() = 1",
      modelId,
      snapshot,
    ),
    // A version from before pinning: the dataset its snapshot was computed with is now its pin.
    stmt(
      "UPDATE model_versions SET dataset_version = ?3, dataset_hash = ?4 WHERE model_id = ?1 AND version = ?2 AND dataset_hash = ''",
      modelId,
      version,
      pin.datasetVersion,
      pin.datasetHash,
    ),
    stmt(
      "UPDATE models SET dataset_version = ?3, dataset_hash = ?4 WHERE id = ?1 AND version = ?2 AND dataset_hash = ''",
      modelId,
      version,
      pin.datasetVersion,
      pin.datasetHash,
    ),
  ];
}
