import {
  checkFxRate,
  checkWorkspaceLevel,
  checkWorkspaceLocation,
  type HealthAnswer,
  datasetVersion,
  resolveLevel,
  resolveLocation,
  resolveRole,
  type FxRate,
  type SalaryOptions,
  type WorkspaceBand,
  type WorkspaceLevel,
  type WorkspaceLocation,
} from "../../shared/index.js";
import { apiError, type ApiClient } from "./api-client.js";
import type { PropertiesServiceLike } from "./apps-script.js";
import { readJson, writeJson } from "./json-store.js";

/**
 * The workspace's compensation bands, levels, locations and FX rates and the API's dataset
 * version, fetched by "Refresh workspace data" and kept in the document's properties. Custom
 * functions only ever read this copy: a sheet of thousands of formulas recalculates with no
 * network call.
 */
export const WORKSPACE_KEYS = {
  bands: "atp.bands",
  levels: "atp.levels",
  locations: "atp.locations",
  fx: "atp.fx",
  status: "atp.workspace",
} as const;

/** The other kinds of workspace data, each read from GET /v1/workspace/{kind} and checked as the core checks an upload. */
const DATA_KINDS = [
  { kind: "levels", what: "Level", check: checkWorkspaceLevel },
  { kind: "locations", what: "Location", check: checkWorkspaceLocation },
  { kind: "fx", what: "FX rate", check: checkFxRate },
] as const;

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
  /** Workspace levels, locations and FX rates stored. */
  levelsCount: number;
  locationsCount: number;
  fxCount: number;
  notes: string[];
  /** After a refresh: formulas of ours re-entered so they recalculate with the new data, and the cells that changed. */
  recalculated?: { formulas: number; changedCells: number };
}

/** Everything the stored workspace data gives the core (SalaryOptions): only the kinds it has. */
export function readWorkspaceData(properties: PropertiesServiceLike): SalaryOptions {
  const doc = properties.getDocumentProperties();
  const bands = readBands(properties);
  const levels = readJson<WorkspaceLevel[]>(doc, WORKSPACE_KEYS.levels);
  const locations = readJson<WorkspaceLocation[]>(doc, WORKSPACE_KEYS.locations);
  const fx = readJson<FxRate[]>(doc, WORKSPACE_KEYS.fx);
  return {
    ...(bands ? { bands } : {}),
    ...(levels?.length ? { levels } : {}),
    ...(locations?.length ? { locations } : {}),
    ...(fx?.length ? { fx } : {}),
  };
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
    levelsCount: stored?.levelsCount ?? 0,
    locationsCount: stored?.locationsCount ?? 0,
    fxCount: stored?.fxCount ?? 0,
    notes: stored?.notes ?? [],
  };
}

/** GET /health, /v1/bands and /v1/workspace/{levels,locations,fx} at once, then store them; returns what the sidebar shows. */
export function refreshWorkspaceData(
  properties: PropertiesServiceLike,
  api: ApiClient,
  now: Date,
): WorkspaceStatus {
  const doc = properties.getDocumentProperties();
  if (!doc) throw new Error("Open a spreadsheet first: workspace data is kept with the document.");
  const notes: string[] = [];
  // All at once: fetchAll runs them in parallel.
  const keyed = (path: string) => ({ method: "get" as const, path, options: { auth: true } });
  const [health, bandsRes, ...dataRes] = api.requestAll([
    { method: "get", path: "/health" },
    ...(api.hasKey
      ? [keyed("/v1/bands"), ...DATA_KINDS.map((k) => keyed(`/v1/workspace/${k.kind}`))]
      : []),
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
  const counts = { levels: 0, locations: 0, fx: 0 };
  DATA_KINDS.forEach(({ kind, what, check }, i) => {
    const res = dataRes[i];
    let rows: unknown[] = [];
    if (res) {
      if (res.status !== 200) throw apiError(res, `GET /v1/workspace/${kind}`);
      const list = (res.body as { rows?: unknown })?.rows;
      if (!Array.isArray(list))
        throw new Error(`The API's GET /v1/workspace/${kind} answered without a rows list.`);
      rows = list.flatMap((raw, j) => {
        try {
          return [check(raw, `${kind}[${j}]`)];
        } catch (e) {
          notes.push(`${what} ${j + 1} skipped: ${e instanceof Error ? e.message : String(e)}`);
          return [];
        }
      });
    }
    writeJson(doc, WORKSPACE_KEYS[kind], rows);
    counts[kind] = rows.length;
  });
  const status = {
    refreshedAt: now.toISOString(),
    apiUrl: api.baseUrl,
    apiDataset,
    bandsCount: bands.length,
    levelsCount: counts.levels,
    locationsCount: counts.locations,
    fxCount: counts.fx,
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
