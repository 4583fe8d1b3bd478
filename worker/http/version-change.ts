import type { ModelPin, PlanResultUnits } from "../../shared/index.js";

/** What changed from one saved version of a model to another: what the history list and a diff say. */
export interface VersionChange {
  hiresAdded: number;
  hiresRemoved: number;
  hiresChanged: number;
  /** Top-level input fields (assumptions, team, upskilling, scenarios, …) whose value changed. */
  fieldsChanged: string[];
  nameChanged: boolean;
  /** Priced with other data (dataset or bands) than the version before. */
  repriced: boolean;
  /** One line for people: "2 hires added; assumptions changed (benefitsRate); repriced (bands v1 → v2)". */
  summary: string;
}

type Hire = Record<string, unknown>;

/** Canonical JSON (keys sorted), so two hires with the same fields in another order are equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

const identity = (h: Hire) => canonical([h["role"], h["level"], h["location"]]);

/**
 * Hires compared as people would: identical rows are unchanged wherever they moved; of the rest, a
 * row of the same role, level and location on both sides is one hire changed; what is left was
 * added or removed.
 */
function compareHires(before: Hire[], after: Hire[]) {
  const left = new Map<string, Hire[]>();
  for (const h of before) {
    const k = canonical(h);
    left.set(k, [...(left.get(k) ?? []), h]);
  }
  const unmatched: Hire[] = [];
  for (const h of after) {
    const same = left.get(canonical(h));
    if (same?.length) same.pop();
    else unmatched.push(h);
  }
  const removed = [...left.values()].flat();
  let changed = 0;
  const added: Hire[] = [];
  for (const h of unmatched) {
    const i = removed.findIndex((r) => identity(r) === identity(h));
    if (i >= 0) {
      removed.splice(i, 1);
      changed++;
    } else added.push(h);
  }
  return { added: added.length, removed: removed.length, changed };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function pinChange(from: ModelPin, to: ModelPin): string | undefined {
  const parts: string[] = [];
  if (from.datasetHash !== to.datasetHash)
    parts.push(
      `dataset ${from.datasetVersion} (${from.datasetHash}) → ${to.datasetVersion} (${to.datasetHash})`,
    );
  for (const [what, a, b] of [
    ["bands", from.bandsVersion, to.bandsVersion],
    ["levels", from.levelsVersion, to.levelsVersion],
    ["locations", from.locationsVersion, to.locationsVersion],
    ["FX rates", from.fxVersion, to.fxVersion],
  ] as const)
    if (a !== b) parts.push(`${what} v${a} → v${b}`);
  return parts.length ? parts.join(", ") : undefined;
}

/** What changed between two versions' names, inputs (JSON text) and pins. */
export function versionChange(
  from: { name: string; input: string; pin: ModelPin },
  to: { name: string; input: string; pin: ModelPin },
): VersionChange {
  const a = JSON.parse(from.input) as Record<string, unknown>;
  const b = JSON.parse(to.input) as Record<string, unknown>;
  const hires = compareHires(
    Array.isArray(a["hires"]) ? (a["hires"] as Hire[]) : [],
    Array.isArray(b["hires"]) ? (b["hires"] as Hire[]) : [],
  );
  const fieldsChanged = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => k !== "hires" && canonical(a[k]) !== canonical(b[k]))
    .sort();
  const repricedAs = pinChange(from.pin, to.pin);
  const parts: string[] = [];
  if (hires.added) parts.push(`${plural(hires.added, "hire")} added`);
  if (hires.removed) parts.push(`${plural(hires.removed, "hire")} removed`);
  if (hires.changed) parts.push(`${plural(hires.changed, "hire")} changed`);
  if (fieldsChanged.length) parts.push(`changed: ${fieldsChanged.join(", ")}`);
  if (from.name !== to.name) parts.push(`renamed to "${to.name}"`);
  if (repricedAs) parts.push(`repriced (${repricedAs})`);
  return {
    hiresAdded: hires.added,
    hiresRemoved: hires.removed,
    hiresChanged: hires.changed,
    fieldsChanged,
    nameChanged: from.name !== to.name,
    repriced: repricedAs !== undefined,
    summary: parts.length ? parts.join("; ") : "no change",
  };
}

/** One year of two versions' results side by side, in currency units; difference = after − before. */
export interface YearDifference {
  year: number;
  label: string;
  before: number;
  after: number;
  difference: number;
}

const cents = (units: number) => Math.round(units * 100);

/**
 * Two results' totals year by year (matched by year number; a year only one of them has counts 0
 * in the other) and in all, subtracted in exact cents.
 */
export function yearDifferences(
  before: PlanResultUnits,
  after: PlanResultUnits,
): { years: YearDifference[]; total: Omit<YearDifference, "year" | "label"> } {
  const count = Math.max(before.years.length, after.years.length);
  const years: YearDifference[] = [];
  for (let i = 0; i < count; i++) {
    const a = before.years[i];
    const b = after.years[i];
    const x = cents(a?.total ?? 0);
    const y = cents(b?.total ?? 0);
    years.push({
      year: i + 1,
      label: (b ?? a)!.label,
      before: x / 100,
      after: y / 100,
      difference: (y - x) / 100,
    });
  }
  const x = cents(before.totals.total);
  const y = cents(after.totals.total);
  return { years, total: { before: x / 100, after: y / 100, difference: (y - x) / 100 } };
}
