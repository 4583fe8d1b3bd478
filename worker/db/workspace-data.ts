import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type {
  FxRate,
  WorkspaceData,
  WorkspaceLevel,
  WorkspaceLocation,
} from "../../shared/index.js";
import { auditStatement } from "./audit.js";
import { database, type D1, type Database } from "./client.js";
import { randomToken } from "./credentials.js";
import { WORKSPACE_DATA_KINDS, workspaceDataSets, type WorkspaceDataKind } from "./schema.js";
import { stmt, type SqlStatement } from "./statements.js";

// A workspace's own levels, locations and FX rates, each kind kept as versioned sets the way band
// sets are: an upload is a new version of its kind, the newest is current, and every older version
// stays readable, so a model version pinned to one is priced with it forever.

/** The rows of each kind, as the core takes them (SalaryOptions). */
export interface WorkspaceDataRows {
  levels: WorkspaceLevel[];
  locations: WorkspaceLocation[];
  fx: FxRate[];
}

/** A version per kind (0: none). */
export type WorkspaceDataVersions = Record<WorkspaceDataKind, number>;

export const NO_DATA_VERSIONS: WorkspaceDataVersions = { levels: 0, locations: 0, fx: 0 };

/** Sets already read by this isolate, by set id: a set never changes once stored. */
const setCache = new Map<string, unknown[]>();
const SET_CACHE_SIZE = 64;

function rowsOf(id: string, data: string): unknown[] {
  let rows = setCache.get(id);
  if (rows) setCache.delete(id);
  else rows = JSON.parse(data) as unknown[];
  setCache.set(id, rows);
  while (setCache.size > SET_CACHE_SIZE) setCache.delete(setCache.keys().next().value!);
  return rows;
}

function asOptions(found: { kind: WorkspaceDataKind; id: string; data: string }[]): WorkspaceData {
  const out: { -readonly [K in keyof WorkspaceData]: WorkspaceData[K] } = {};
  for (const f of found) {
    const rows = rowsOf(f.id, f.data);
    if (!rows.length) continue;
    if (f.kind === "levels") out.levels = rows as WorkspaceLevel[];
    else if (f.kind === "locations") out.locations = rows as WorkspaceLocation[];
    else out.fx = rows as FxRate[];
  }
  return out;
}

/**
 * The workspace's current levels, locations and FX rates and their versions: one indexed query
 * for the newest set of each kind.
 */
export async function currentWorkspaceData(
  d1: D1,
  workspaceId: string,
): Promise<{ versions: WorkspaceDataVersions; data: WorkspaceData }> {
  const found = await database(d1)
    .select({
      id: workspaceDataSets.id,
      kind: workspaceDataSets.kind,
      version: workspaceDataSets.version,
      data: workspaceDataSets.data,
    })
    .from(workspaceDataSets)
    .where(
      and(
        eq(workspaceDataSets.workspaceId, workspaceId),
        sql`${workspaceDataSets.version} = (SELECT MAX(s.version) FROM workspace_data_sets s WHERE s.workspace_id = ${workspaceDataSets.workspaceId} AND s.kind = ${workspaceDataSets.kind})`,
      ),
    );
  const versions = { ...NO_DATA_VERSIONS };
  for (const f of found) versions[f.kind] = f.version;
  return { versions, data: asOptions(found) };
}

/** The workspace's data at the given versions (a pin): kinds at version 0 are left out. */
export async function workspaceDataAt(
  d1: D1,
  workspaceId: string,
  versions: WorkspaceDataVersions,
): Promise<WorkspaceData> {
  const wanted = WORKSPACE_DATA_KINDS.filter((k) => versions[k] > 0);
  if (!wanted.length) return {};
  const found = await database(d1)
    .select({
      id: workspaceDataSets.id,
      kind: workspaceDataSets.kind,
      data: workspaceDataSets.data,
    })
    .from(workspaceDataSets)
    .where(
      and(
        eq(workspaceDataSets.workspaceId, workspaceId),
        inArray(workspaceDataSets.kind, wanted),
        or(
          ...wanted.map((k) =>
            and(eq(workspaceDataSets.kind, k), eq(workspaceDataSets.version, versions[k])),
          ),
        ),
      ),
    );
  return asOptions(found);
}

/** One set of a kind — the current one, or a given version — with its rows. */
export async function findDataSet(
  db: Database,
  workspaceId: string,
  kind: WorkspaceDataKind,
  version?: number,
) {
  const [set] = await db
    .select()
    .from(workspaceDataSets)
    .where(
      and(
        eq(workspaceDataSets.workspaceId, workspaceId),
        eq(workspaceDataSets.kind, kind),
        version === undefined ? undefined : eq(workspaceDataSets.version, version),
      ),
    )
    .orderBy(desc(workspaceDataSets.version))
    .limit(1);
  return set && { ...set, rows: rowsOf(set.id, set.data) };
}

/** Every set of a kind, newest (current) first, without rows. */
export function listDataSets(db: Database, workspaceId: string, kind: WorkspaceDataKind) {
  return db
    .select({
      version: workspaceDataSets.version,
      rowCount: workspaceDataSets.rowCount,
      createdAt: workspaceDataSets.createdAt,
      createdBy: workspaceDataSets.createdBy,
    })
    .from(workspaceDataSets)
    .where(and(eq(workspaceDataSets.workspaceId, workspaceId), eq(workspaceDataSets.kind, kind)))
    .orderBy(desc(workspaceDataSets.version));
}

/**
 * Everything a workspace stores in bytes, in SQL, for the workspace bound to `?ws`: its models'
 * versions and its workspace data sets. The stored-bytes quota bounds this sum.
 */
export function workspaceBytesSql(ws: string): string {
  return `(SELECT COALESCE(SUM(bytes), 0) FROM models WHERE workspace_id = ${ws}) + (SELECT COALESCE(SUM(bytes), 0) FROM workspace_data_sets WHERE workspace_id = ${ws})`;
}

/**
 * A new set of `kind` replacing the current one (which stays readable as its version), with the
 * next version number, and its audit row, as ONE batch. Written only while the workspace stays
 * within its stored-bytes quota; RETURNs the new version (no row: over quota, nothing written).
 */
export function replaceDataSetStatements(
  workspaceId: string,
  kind: WorkspaceDataKind,
  rows: readonly unknown[],
  actor: string,
  now: number,
  maxBytes: number,
): SqlStatement[] {
  const id = randomToken("wds_", 12);
  const data = JSON.stringify(rows);
  const bytes = new TextEncoder().encode(data).length;
  return [
    stmt(
      `INSERT INTO workspace_data_sets (id, workspace_id, kind, version, row_count, data, bytes, created_at, created_by) SELECT ?1, ?2, ?3, COALESCE(MAX(version), 0) + 1, ?4, ?5, ?6, ?7, ?8 FROM workspace_data_sets WHERE workspace_id = ?2 AND kind = ?3 HAVING ${workspaceBytesSql("?2")} + ?6 <= ?9 RETURNING version`,
      id,
      workspaceId,
      kind,
      rows.length,
      data,
      bytes,
      now,
      actor,
      maxBytes,
    ),
    auditStatement(
      { actor, action: `${kind}.replace`, objectType: kind, at: now },
      { table: "workspace_data_sets", where: "id = ?", params: [id], versionColumn: "version" },
    ),
  ];
}
