import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import type { WorkspaceBand } from "../../shared/index.js";
import { randomToken } from "./credentials.js";
import { auditStatement } from "./audit.js";
import { database, type D1, type Database } from "./client.js";
import { bandSets, bands, type BandRow } from "./schema.js";
import { stmt, type SqlStatement } from "./statements.js";

export interface BandSet {
  id: string;
  version: number;
  createdAt: number;
  createdBy: string;
  bands: WorkspaceBand[];
}

/** The workspace's current band set (newest version), or a given version; undefined if it has none. */
export async function findBandSet(
  db: Database,
  workspaceId: string,
  version?: number,
): Promise<BandSet | undefined> {
  const [set] = await db
    .select()
    .from(bandSets)
    .where(
      version === undefined
        ? eq(bandSets.workspaceId, workspaceId)
        : and(eq(bandSets.workspaceId, workspaceId), eq(bandSets.version, version)),
    )
    .orderBy(desc(bandSets.version))
    .limit(1);
  if (!set) return undefined;
  return {
    id: set.id,
    version: set.version,
    createdAt: set.createdAt,
    createdBy: set.createdBy,
    bands: (await bandRows(db, set.id)).map(bandFromRow),
  };
}

/** A set's rows in upload order. */
function bandRows(db: Database, setId: string) {
  return db.select().from(bands).where(eq(bands.setId, setId)).orderBy(asc(bands.row));
}

/** A stored row as the core's band: amounts from exact cents back to currency units. */
function bandFromRow(r: BandRow): WorkspaceBand {
  return {
    role: r.role,
    level: r.level,
    location: r.location,
    basis: r.basis,
    currency: r.currency,
    low: r.lowCents / 100,
    high: r.highCents / 100,
  };
}

/** The workspace's current band set version, 0 when it has none: one indexed row, no bands. */
export async function currentBandsVersion(d1: D1, workspaceId: string): Promise<number> {
  const [row] = await database(d1)
    .select({ version: max(bandSets.version) })
    .from(bandSets)
    .where(eq(bandSets.workspaceId, workspaceId));
  return row?.version ?? 0;
}

/**
 * Band sets already read by this isolate, by set id. A set never changes once stored (an upload
 * is a new set), so a cached one is always right; the newest few are kept, so a large set (its
 * thousands of rows) is read from D1 once per isolate rather than on every priced request.
 */
const setCache = new Map<string, WorkspaceBand[]>();
const SET_CACHE_SIZE = 32;

/**
 * The workspace's current bands and their set version (0 and [] when it has none): the newest
 * set's id and version (one indexed row), then its rows — from this isolate's cache when read
 * before.
 */
export async function currentBands(
  d1: D1,
  workspaceId: string,
): Promise<{ version: number; bands: WorkspaceBand[] }> {
  const db = database(d1);
  const [set] = await db
    .select({ id: bandSets.id, version: bandSets.version })
    .from(bandSets)
    .where(eq(bandSets.workspaceId, workspaceId))
    .orderBy(desc(bandSets.version))
    .limit(1);
  if (!set) return { version: 0, bands: [] };
  let rows = setCache.get(set.id);
  if (rows) {
    setCache.delete(set.id);
  } else {
    rows = (await bandRows(db, set.id)).map(bandFromRow);
  }
  setCache.set(set.id, rows);
  while (setCache.size > SET_CACHE_SIZE) setCache.delete(setCache.keys().next().value!);
  return { version: set.version, bands: rows };
}

/**
 * The distinct levels or locations the workspace's current bands name (without reading the band
 * rows themselves): what a new set of workspace levels or locations must still know.
 */
export async function namesInCurrentBands(
  d1: D1,
  workspaceId: string,
  column: "level" | "location",
): Promise<string[]> {
  const db = database(d1);
  const rows = await db
    .selectDistinct({ name: bands[column] })
    .from(bands)
    .where(
      eq(
        bands.setId,
        sql`(SELECT ${bandSets.id} FROM ${bandSets} WHERE ${bandSets.workspaceId} = ${workspaceId} ORDER BY ${bandSets.version} DESC LIMIT 1)`,
      ),
    );
  return rows.map((r) => r.name);
}

/**
 * The workspace's band set of a given version — what a pinned model version is priced with —
 * through the same isolate cache (a set never changes once stored); undefined for version 0 (the
 * seeds alone) or a version the workspace does not have.
 */
export async function bandsAt(
  d1: D1,
  workspaceId: string,
  version: number,
): Promise<readonly WorkspaceBand[] | undefined> {
  if (version <= 0) return undefined;
  const db = database(d1);
  const [set] = await db
    .select({ id: bandSets.id })
    .from(bandSets)
    .where(and(eq(bandSets.workspaceId, workspaceId), eq(bandSets.version, version)))
    .limit(1);
  if (!set) return undefined;
  let rows = setCache.get(set.id);
  if (rows) setCache.delete(set.id);
  else rows = (await bandRows(db, set.id)).map(bandFromRow);
  setCache.set(set.id, rows);
  while (setCache.size > SET_CACHE_SIZE) setCache.delete(setCache.keys().next().value!);
  return rows.length ? rows : undefined;
}

/** The workspace's band sets, newest (current) first, without their rows. */
export function listBandSets(db: Database, workspaceId: string) {
  return db
    .select()
    .from(bandSets)
    .where(eq(bandSets.workspaceId, workspaceId))
    .orderBy(desc(bandSets.version));
}

/** Rows per INSERT: each goes in as one JSON parameter, well under D1's statement and parameter limits. */
const ROWS_PER_INSERT = 500;

/**
 * A new band set replacing the current one (which stays readable as its version): the set row
 * with the next version number, its rows and the audit row, to run as ONE batch so a reader sees
 * the old set or the new one, never a mix. The set row is written only while the workspace's band
 * rows (every version) stay within `maxRows`, and RETURNs the new version; with no set row,
 * nothing else is written either.
 */
export function replaceBandsStatements(
  workspaceId: string,
  rows: readonly WorkspaceBand[],
  actor: string,
  now: number,
  maxRows: number,
): SqlStatement[] {
  const setId = randomToken("bset_", 12);
  const statements: SqlStatement[] = [
    stmt(
      "INSERT INTO band_sets (id, workspace_id, version, row_count, created_at, created_by) SELECT ?1, ?2, COALESCE(MAX(version), 0) + 1, ?3, ?4, ?5 FROM band_sets WHERE workspace_id = ?2 HAVING COALESCE(SUM(row_count), 0) + ?3 <= ?6 RETURNING version",
      setId,
      workspaceId,
      rows.length,
      now,
      actor,
      maxRows,
    ),
  ];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT).map((b) => ({
      role: b.role,
      level: b.level,
      location: b.location,
      basis: b.basis,
      currency: b.currency,
      low: Math.round(b.low * 100),
      high: Math.round(b.high * 100),
    }));
    statements.push(
      stmt(
        "INSERT INTO bands (set_id, row, role, level, location, basis, currency, low_cents, high_cents) " +
          "SELECT ?, ? + key + 1, json_extract(value, '$.role'), json_extract(value, '$.level'), json_extract(value, '$.location'), " +
          "json_extract(value, '$.basis'), json_extract(value, '$.currency'), json_extract(value, '$.low'), json_extract(value, '$.high') FROM json_each(?) WHERE EXISTS (SELECT 1 FROM band_sets WHERE id = ?)",
        setId,
        start,
        JSON.stringify(chunk),
        setId,
      ),
    );
  }
  statements.push(
    auditStatement(
      { actor, action: "bands.replace", objectType: "bands", at: now },
      { table: "band_sets", where: "id = ?", params: [setId], versionColumn: "version" },
    ),
  );
  return statements;
}
