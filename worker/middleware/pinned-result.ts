import type { Context } from "hono";
import {
  datasetVersion,
  type ModelPin,
  type PlanResultUnits,
  type PricedWith,
  type SalaryOptions,
} from "../../shared/index.js";
import { workspaceDataAt } from "../db/workspace-data.js";
import type { AppEnv } from "../env.js";
import { bandsAt } from "../db/bands.js";
import { database, type D1 } from "../db/client.js";
import { findSnapshot, storeSnapshotStatements } from "../db/models.js";
import { runBatch } from "../db/statements.js";
import { modelResult } from "../http/model-result.js";
import { HttpProblem } from "../http/problem.js";
import { cachedResult, type CacheOutcome } from "../http/result-cache.js";
import { decodeSnapshot, encodeSnapshot } from "../http/result-snapshot.js";

/** A saved version and what it is priced with. */
export interface PinnedVersion {
  id: string;
  workspaceId: string;
  version: number;
  input: string;
  pin: ModelPin;
}

/**
 * The pin of something priced now, in this request: the running dataset and the versions of the
 * caller workspace's data that loadBands read (the very data the request priced with).
 */
export function currentPin(c: Context<AppEnv>): ModelPin {
  const d = datasetVersion();
  const data = c.get("dataVersions");
  return {
    datasetVersion: d.version,
    datasetHash: d.hash,
    bandsVersion: c.get("bandsVersion") ?? 0,
    levelsVersion: data?.levels ?? 0,
    locationsVersion: data?.locations ?? 0,
    fxVersion: data?.fx ?? 0,
  };
}

/** A pin as answers show it ("priced with"). */
export function pricedWith(pin: ModelPin): PricedWith {
  return {
    dataset: { version: pin.datasetVersion, hash: pin.datasetHash },
    bandsVersion: pin.bandsVersion,
    levelsVersion: pin.levelsVersion,
    locationsVersion: pin.locationsVersion,
    fxVersion: pin.fxVersion,
  };
}

/** "dataset 2026.1.0 (84cc356d…), workspace bands v2, locations v1": the pin in a sentence. */
export function describePin(pin: ModelPin): string {
  const data = (
    [
      ["bands", pin.bandsVersion],
      ["levels", pin.levelsVersion],
      ["locations", pin.locationsVersion],
      ["FX rates", pin.fxVersion],
    ] as const
  )
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} v${v}`);
  return `dataset ${pin.datasetVersion} (${pin.datasetHash}), ${data.length ? `workspace ${data.join(", ")}` : "no workspace data"}`;
}

/** The workspace data a pin names, as the core takes it: each kind at its pinned version. */
export async function pinnedOptions(
  d1: D1,
  workspaceId: string,
  pin: ModelPin,
): Promise<SalaryOptions> {
  const [bands, data] = await Promise.all([
    bandsAt(d1, workspaceId, pin.bandsVersion),
    workspaceDataAt(d1, workspaceId, {
      levels: pin.levelsVersion,
      locations: pin.locationsVersion,
      fx: pin.fxVersion,
    }),
  ]);
  return { ...(bands ? { bands } : {}), ...data };
}

/**
 * A saved version's result, exactly as it was priced: its snapshot when it has one; otherwise
 * (a version saved before pinning) computed from its pin — the band set version it names, with
 * the dataset it names, which must be the running one — and the snapshot kept from then on. The
 * cache key is the version and its pin, so a cached answer is always the pinned one.
 * `beforeCompute` runs only when the result has to be computed (the resolver's work budget).
 */
export function savedModelResult(
  c: Context<AppEnv>,
  model: PinnedVersion,
  beforeCompute?: () => void,
): Promise<{ value: PlanResultUnits; outcome: CacheOutcome }> {
  return cachedResult(
    c,
    { kind: "result", modelId: model.id, version: model.version, pin: model.pin },
    async () => {
      const snapshot = await findSnapshot(database(c.var.d1), model.id, model.version);
      if (snapshot) return decodeSnapshot(snapshot);
      if (model.pin.datasetHash !== datasetVersion().hash)
        throw new HttpProblem(
          422,
          "VERSION_NOT_REPRODUCIBLE",
          `Version ${model.version} was priced with ${describePin(model.pin)}, and this deployment runs dataset ${datasetVersion().version} (${datasetVersion().hash}); the version was saved before results were kept with versions, so its figures cannot be reproduced. Reprice it (POST /v1/models/${model.id}/reprice) to save a version priced with the current data.`,
          { field: "version" },
        );
      beforeCompute?.();
      const options = await pinnedOptions(c.var.d1, model.workspaceId, model.pin);
      const value = modelResult(model.input, model.version, options);
      const text = await encodeSnapshot(value);
      // Once per old version (then the snapshot answers): awaited, so the next read finds it.
      if (text)
        await runBatch(c.var.d1, storeSnapshotStatements(model.id, model.version, text, model.pin));
      return value;
    },
  );
}
