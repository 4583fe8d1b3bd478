/** What a workspace keeps, for its quotas: one aggregate over its models, one over its band sets. */
export interface WorkspaceUsage {
  models: number;
  deletedModels: number;
  /** The highest version any of its models has reached (= that model's number of versions). */
  largestVersionCount: number;
  storedBytes: number;
  bandRows: number;
  bandVersions: number;
}

export async function workspaceUsage(d1: D1Database, workspaceId: string): Promise<WorkspaceUsage> {
  const [models, bands] = await d1.batch([
    d1
      .prepare(
        "SELECT COUNT(*) AS models, COALESCE(SUM(deleted_at IS NOT NULL), 0) AS deleted, COALESCE(MAX(version), 0) AS largest, COALESCE(SUM(bytes), 0) AS bytes FROM models WHERE workspace_id = ?",
      )
      .bind(workspaceId),
    d1
      .prepare(
        "SELECT COALESCE(SUM(row_count), 0) AS rows, COUNT(*) AS versions FROM band_sets WHERE workspace_id = ?",
      )
      .bind(workspaceId),
  ]);
  const m = models!.results[0] as {
    models: number;
    deleted: number;
    largest: number;
    bytes: number;
  };
  const b = bands!.results[0] as { rows: number; versions: number };
  return {
    models: m.models,
    deletedModels: m.deleted,
    largestVersionCount: m.largest,
    storedBytes: m.bytes,
    bandRows: b.rows,
    bandVersions: b.versions,
  };
}

/** UTF-8 bytes a version takes: its name and its input JSON, as stored. */
export function versionBytes(name: string, input: string): number {
  const encoder = new TextEncoder();
  return encoder.encode(name).length + encoder.encode(input).length;
}
