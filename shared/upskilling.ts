import { invalid } from "./errors.js";
import {
  CAREER_TRANSITIONS,
  UPSKILLING_PATHS,
  type CareerTransition,
  type UpskillingPath,
} from "./data/hiring.js";
import type { Source } from "./data/sources.js";
import { NameIndex, nameKey } from "./names.js";

export interface UpskillingPathView {
  id: string;
  name: string;
  from: string;
  to: string;
  steps: { name: string; minWeeks: number; maxWeeks: number }[];
  /** The sum of the steps' weeks: the figure the product uses. */
  minWeeks: number;
  maxWeeks: number;
  /** What the seed states as the total, kept beside the computed one. */
  statedWeeks: { min: number; max: number; text: string };
  notes: string[];
  sources: Source[];
}

export const pathIndex = new NameIndex<UpskillingPath>(
  "upskilling path",
  "UNKNOWN_PATH",
  UPSKILLING_PATHS,
  (p) => p.name,
  (p) => [p.id, ...p.aliases],
);

export function describePath(path: UpskillingPath): UpskillingPathView {
  const minWeeks = path.steps.reduce((s, st) => s + st.minWeeks, 0);
  const maxWeeks = path.steps.reduce((s, st) => s + st.maxWeeks, 0);
  const notes: string[] = [];
  if (minWeeks !== path.statedWeeks.min || maxWeeks !== path.statedWeeks.max) {
    notes.push(
      `The steps sum to ${minWeeks}-${maxWeeks} weeks; the seed states "${path.statedWeeks.text}". The computed sum is used.`,
    );
  }
  return {
    id: path.id,
    name: path.name,
    from: path.from,
    to: path.to,
    steps: path.steps.map((s) => ({ ...s })),
    minWeeks,
    maxWeeks,
    statedWeeks: { ...path.statedWeeks },
    notes,
    sources: [path.source],
  };
}

export function upskillingPath(name: unknown, field = "path"): UpskillingPathView {
  if (typeof name !== "string" || !name.trim())
    throw invalid(
      field,
      `a path name is required; known paths: ${UPSKILLING_PATHS.map((p) => p.name).join(", ")}`,
    );
  return describePath(pathIndex.resolve(name, field));
}

export function upskillingPaths(): UpskillingPathView[] {
  return UPSKILLING_PATHS.map(describePath);
}

/** Career transitions, optionally filtered by the role people come from and/or go to. */
export function careerTransitions(from?: unknown, to?: unknown): CareerTransition[] {
  const fromKey = typeof from === "string" && from.trim() ? nameKey(from) : "";
  const toKey = typeof to === "string" && to.trim() ? nameKey(to) : "";
  const matches = (value: string, k: string) =>
    !k || nameKey(value).includes(k) || k.includes(nameKey(value));
  const found = CAREER_TRANSITIONS.filter((t) => matches(t.from, fromKey) && matches(t.to, toKey));
  if (!found.length && (fromKey || toKey)) {
    const known = CAREER_TRANSITIONS.map((t) => `${t.from} → ${t.to}`);
    throw invalid(
      fromKey ? "from" : "to",
      `no career transition in the seeds matches ${[from, to]
        .filter(Boolean)
        .map((v) => JSON.stringify(v))
        .join(" → ")}; known: ${known.join("; ")}`,
    );
  }
  return found;
}
