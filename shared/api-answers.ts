/**
 * The shapes of the API answers that other parts read: the worker's zod schemas are checked
 * against them (`satisfies`), and the add-on's client reads these and nothing looser, so the two
 * cannot drift apart unnoticed.
 */
import type { PlanResultUnits } from "./units.js";

/** GET /health. */
export interface HealthAnswer {
  status: "ok";
  datasetVersion: string;
  /** Content hash of the whole dataset; changes whenever any figure does. */
  datasetHash: string;
}

/**
 * What a saved model version is priced with, forever: the dataset (version and content hash) and
 * the version of each kind of workspace data — bands, levels, locations, FX rates (0: none). Old
 * versions of workspace data are never overwritten, so a pin names data that stays readable.
 */
export interface ModelPin {
  datasetVersion: string;
  datasetHash: string;
  bandsVersion: number;
  levelsVersion: number;
  locationsVersion: number;
  fxVersion: number;
}

/** A pin as answers show it: `pricedWith`. */
export interface PricedWith {
  dataset: { version: string; hash: string };
  bandsVersion: number;
  levelsVersion: number;
  locationsVersion: number;
  fxVersion: number;
}

/** GET /v1/models/{id}/result, and /v1/shared/{token}/result (which leaves out the id). */
export interface ModelResultAnswer {
  id?: string;
  name: string;
  version: number;
  updatedAt: string;
  /** The workspace band set the result was priced with (0: the seeds alone); also in pricedWith. */
  bandsVersion: number;
  /** Everything the version is priced with (its pin). */
  pricedWith: PricedWith;
  /** On a share link: "full", or "totals" (no per-hire pay: hires, team and upskilling rows are empty). */
  view?: "full" | "totals";
  result: PlanResultUnits;
}
