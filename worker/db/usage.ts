import { count, eq, sql } from "drizzle-orm";
import { database, type D1 } from "./client.js";
import { bandSets, models, workspaceDataSets } from "./schema.js";

/** What a workspace keeps, for its quotas: one aggregate over its models, one over its band sets, one over its other data sets. */
export interface WorkspaceUsage {
  models: number;
  deletedModels: number;
  /** The highest version any of its models has reached (= that model's number of versions). */
  largestVersionCount: number;
  storedBytes: number;
  bandRows: number;
  bandVersions: number;
}

export async function workspaceUsage(d1: D1, workspaceId: string): Promise<WorkspaceUsage> {
  const db = database(d1);
  const [[m], [b], [d]] = await db.batch([
    db
      .select({
        models: count(),
        deleted: sql<number>`COALESCE(SUM(${models.deletedAt} IS NOT NULL), 0)`,
        largest: sql<number>`COALESCE(MAX(${models.version}), 0)`,
        bytes: sql<number>`COALESCE(SUM(${models.bytes}), 0)`,
      })
      .from(models)
      .where(eq(models.workspaceId, workspaceId)),
    db
      .select({
        rows: sql<number>`COALESCE(SUM(${bandSets.rowCount}), 0)`,
        versions: count(),
      })
      .from(bandSets)
      .where(eq(bandSets.workspaceId, workspaceId)),
    db
      .select({ bytes: sql<number>`COALESCE(SUM(${workspaceDataSets.bytes}), 0)` })
      .from(workspaceDataSets)
      .where(eq(workspaceDataSets.workspaceId, workspaceId)),
  ]);
  return {
    models: m?.models ?? 0,
    deletedModels: m?.deleted ?? 0,
    largestVersionCount: m?.largest ?? 0,
    // Model versions and workspace data sets (levels, locations, FX) alike.
    storedBytes: (m?.bytes ?? 0) + (d?.bytes ?? 0),
    bandRows: b?.rows ?? 0,
    bandVersions: b?.versions ?? 0,
  };
}

/** UTF-8 bytes a version takes: its name and its input JSON, as stored. */
export function versionBytes(name: string, input: string): number {
  const encoder = new TextEncoder();
  return encoder.encode(name).length + encoder.encode(input).length;
}
