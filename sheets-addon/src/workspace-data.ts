import {
  type HealthAnswer,
  datasetVersion,
  resolveLevel,
  resolveLocation,
  resolveRole,
  type WorkspaceBand,
} from "../../shared/index.js";
import { apiError, type ApiClient } from "./api-client.js";
import type { PropertiesServiceLike } from "./apps-script.js";
import { readJson, writeJson } from "./json-store.js";

/**
 * The workspace's compensation bands and the API's dataset version, fetched by "Refresh workspace
 * data" and kept in the document's properties. Custom functions only ever read this copy: a sheet
 * of thousands of formulas recalculates with no network call.
 */
export const WORKSPACE_KEYS = { bands: "atp.bands", status: "atp.workspace" } as const;

export interface DatasetId {
  version: string;
  hash: string;
}

export interface WorkspaceStatus {
  refreshedAt: string | null;
  apiUrl: string | null;
  /** The dataset the API serves, as /health reports it. */
  apiDataset: DatasetId | null;
  /** The dataset bundled into this build of the add-on: what custom functions compute with. */
  bundledDataset: DatasetId;
  bandsCount: number;
  notes: string[];
  /** After a refresh: formulas of ours re-entered so they recalculate with the new data, and the cells that changed. */
  recalculated?: { formulas: number; changedCells: number };
}

export function readBands(properties: PropertiesServiceLike): WorkspaceBand[] | undefined {
  const bands = readJson<WorkspaceBand[]>(properties.getDocumentProperties(), WORKSPACE_KEYS.bands);
  return bands && bands.length ? bands : undefined;
}

export function workspaceStatus(properties: PropertiesServiceLike): WorkspaceStatus {
  const stored = readJson<Omit<WorkspaceStatus, "bundledDataset">>(
    properties.getDocumentProperties(),
    WORKSPACE_KEYS.status,
  );
  return {
    refreshedAt: stored?.refreshedAt ?? null,
    apiUrl: stored?.apiUrl ?? null,
    apiDataset: stored?.apiDataset ?? null,
    bundledDataset: datasetVersion(),
    bandsCount: stored?.bandsCount ?? 0,
    notes: stored?.notes ?? [],
  };
}

/** GET /health and /v1/bands, then store both; returns what the sidebar shows. */
export function refreshWorkspaceData(
  properties: PropertiesServiceLike,
  api: ApiClient,
  now: Date,
): WorkspaceStatus {
  const doc = properties.getDocumentProperties();
  if (!doc) throw new Error("Open a spreadsheet first: workspace data is kept with the document.");
  const notes: string[] = [];
  // Both at once: fetchAll runs them in parallel.
  const [health, bandsRes] = api.requestAll([
    { method: "get", path: "/health" },
    ...(api.hasKey ? [{ method: "get" as const, path: "/v1/bands", options: { auth: true } }] : []),
  ]);
  if (health!.status !== 200) throw apiError(health!, "GET /health");
  const apiDataset = datasetFromHealth(health!.body);
  const bundled = datasetVersion();
  if (!apiDataset) notes.push("The API's /health does not report a dataset version.");
  else if (apiDataset.hash !== bundled.hash) {
    notes.push(
      `The API serves dataset ${apiDataset.version} (${apiDataset.hash}) but this add-on bundles ${bundled.version} (${bundled.hash}); seed figures may differ until the add-on is rebuilt and pushed.`,
    );
  }

  let bands: WorkspaceBand[] = [];
  if (bandsRes) {
    if (bandsRes.status !== 200) throw apiError(bandsRes, "GET /v1/bands");
    const list = (bandsRes.body as { bands?: unknown })?.bands;
    if (!Array.isArray(list))
      throw new Error("The API's GET /v1/bands answered without a bands list.");
    bands = canonicalBands(list, notes);
  } else {
    notes.push("No API key saved, so no workspace bands: custom functions use the seed data only.");
  }
  writeJson(doc, WORKSPACE_KEYS.bands, bands);
  const status = {
    refreshedAt: now.toISOString(),
    apiUrl: api.baseUrl,
    apiDataset,
    bandsCount: bands.length,
    notes,
  };
  writeJson(doc, WORKSPACE_KEYS.status, status);
  return { ...status, bundledDataset: bundled };
}

/** The dataset GET /health reports (HealthAnswer), or null when the answer is not one. */
function datasetFromHealth(body: unknown): DatasetId | null {
  const health = (typeof body === "object" && body !== null ? body : {}) as Partial<HealthAnswer>;
  const { datasetVersion: version, datasetHash: hash } = health;
  return typeof version === "string" && typeof hash === "string" ? { version, hash } : null;
}

/**
 * Bands keyed by the core's canonical names (the core matches bands on them exactly); a band the
 * core cannot place is left out with a note rather than silently never matching.
 */
function canonicalBands(list: unknown[], notes: string[]): WorkspaceBand[] {
  const out: WorkspaceBand[] = [];
  list.forEach((raw, i) => {
    const b = (raw ?? {}) as Record<string, unknown>;
    try {
      const low = Number(b["low"]);
      const high = Number(b["high"]);
      if (!Number.isFinite(low) || !Number.isFinite(high))
        throw new Error("low and high must be numbers");
      out.push({
        role: resolveRole(b["role"]).name,
        level: resolveLevel(b["level"]).name,
        location: resolveLocation(b["location"]).name,
        basis: String(b["basis"] ?? "base").toLowerCase() as WorkspaceBand["basis"],
        currency: String(b["currency"] ?? "USD").toUpperCase() as WorkspaceBand["currency"],
        low,
        high,
      });
    } catch (e) {
      notes.push(`Band ${i + 1} skipped: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return out;
}
