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

/** GET /v1/models/{id}/result, and /v1/shared/{token}/result (which leaves out the id). */
export interface ModelResultAnswer {
  id?: string;
  name: string;
  version: number;
  updatedAt: string;
  /** The workspace band set the result was priced with (0: the seeds alone). */
  bandsVersion: number;
  result: PlanResultUnits;
}
