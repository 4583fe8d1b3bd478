import type { ModelPin } from "../../shared/index.js";
import { API_REVISION } from "./api-revision.js";

/**
 * The ETag of a model version's result: the version and what it is priced with (its pin: band set
 * version, levels/locations/FX versions when set, and dataset hash) — which never change for a
 * version — and this API's revision, plus
 * the representation (`csv`, `page` for the shared page's content, `totals` for a totals-only
 * link). `"v3-b1-6beb9a393824d354-r1"`.
 */
export function resultEtag(version: number, pin: ModelPin, ...variants: string[]): string {
  return `"v${version}-b${pin.bandsVersion}${workspaceDataTag(pin)}-${pin.datasetHash}-r${API_REVISION}${variants.map((v) => `-${v}`).join("")}"`;
}

/** "-w1.2.0": the pinned levels, locations and FX versions, when any is set. */
export function workspaceDataTag(pin: ModelPin): string {
  const { levelsVersion: l, locationsVersion: p, fxVersion: f } = pin;
  return l || p || f ? `-w${l}.${p}.${f}` : "";
}

/** The ETag of a model version: `"v3"`. A version number never repeats for a model, so it is a strong validator. */
export function versionEtag(version: number): string {
  return `"v${version}"`;
}

export type IfMatch =
  { kind: "missing" } | { kind: "version"; version: number } | { kind: "invalid"; reason: string };

/**
 * The version an If-Match header names. Accepts the ETag as sent ("v3", W/"v3") and, for people
 * typing it by hand, v3 or 3. `*` is refused: it would overwrite whatever is current, which is
 * exactly the lost edit If-Match is here to prevent.
 */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || !header.trim()) return { kind: "missing" };
  const value = header.trim();
  if (value === "*")
    return {
      kind: "invalid",
      reason:
        'If-Match: * is not accepted here; send the version you last read, e.g. If-Match: "v3"',
    };
  if (value.includes(","))
    return {
      kind: "invalid",
      reason: 'If-Match: send exactly one version, the one you last read, e.g. If-Match: "v3"',
    };
  const m = /^(?:W\/)?"?v?(\d{1,9})"?$/i.exec(value);
  if (!m)
    return {
      kind: "invalid",
      reason: `If-Match: ${JSON.stringify(value)} is not a model version; send the ETag you last read, e.g. If-Match: "v3"`,
    };
  return { kind: "version", version: Number(m[1]) };
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** A stored set's version row (a band set, a workspace data set) as its version list shows it. */
export function setVersionJson(r: {
  version: number;
  rowCount: number;
  createdAt: number;
  createdBy: string;
}) {
  return {
    version: r.version,
    rows: r.rowCount,
    createdAt: isoTime(r.createdAt),
    createdBy: r.createdBy,
  };
}
