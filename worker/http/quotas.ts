import { HttpProblem } from "./problem.js";

/**
 * What one workspace may keep. Every saved version of a model stays readable, so a save over a
 * quota is refused — an old version is never dropped to make room. Soft-deleted models count
 * (they can be restored, so they still hold their versions). Set under [vars] in wrangler.toml.
 */
export interface Quotas {
  /** Models, deleted ones included. */
  models: number;
  /** Versions of one model (its current version number: versions 1…n are all kept). */
  versionsPerModel: number;
  /** UTF-8 bytes of every version of every model (name, input, result snapshot) and of every workspace data set (levels, locations, FX). */
  storedBytes: number;
  /** Band rows of every band set version (each upload is a version, and every version stays readable). */
  bandRows: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  models: 1_000,
  versionsPerModel: 1_000,
  storedBytes: 50 * 1024 * 1024,
  bandRows: 250_000,
};

const VARS: Record<keyof Quotas, keyof Env> = {
  models: "MODELS_PER_WORKSPACE",
  versionsPerModel: "VERSIONS_PER_MODEL",
  storedBytes: "STORED_BYTES_PER_WORKSPACE",
  bandRows: "BAND_ROWS_PER_WORKSPACE",
};

function positive(value: unknown, fallback: number): number {
  const n =
    typeof value === "string" ? Number(value.trim()) : typeof value === "number" ? value : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** The quotas in force: wrangler.toml's vars where they are positive whole numbers, else the defaults. */
export function quotasFrom(env: Env): Quotas {
  const out = { ...DEFAULT_QUOTAS };
  for (const k of Object.keys(VARS) as (keyof Quotas)[])
    out[k] = positive((env as unknown as Record<string, unknown>)[VARS[k]], DEFAULT_QUOTAS[k]);
  return out;
}

export const QUOTA_NAMES: Record<keyof Quotas, string> = {
  models: "models per workspace (deleted ones included)",
  versionsPerModel: "versions per model",
  storedBytes: "stored bytes per workspace",
  bandRows: "band rows per workspace (every band set version)",
};

/** 409 QUOTA_EXCEEDED: which quota, its limit, the usage, and what would make room. */
export function quotaExceeded(
  quota: keyof Quotas,
  limit: number,
  usage: number,
  fix: string,
): HttpProblem {
  const n = (v: number) => v.toLocaleString("en-US");
  return new HttpProblem(
    409,
    "QUOTA_EXCEEDED",
    `This save would go over the workspace's quota of ${n(limit)} ${QUOTA_NAMES[quota]}: ${n(usage)} used. Nothing was saved. ${fix} GET /v1/usage shows every quota and its usage.`,
    { quota, limit, usage },
  );
}
