import { PlannerError, invalid, type ErrorCode } from "./errors.js";
import { LEVELS, LOCATIONS, ROLES, type Level, type Location, type Role } from "./data/roles.js";
import type { WorkspaceData, WorkspaceLevel, WorkspaceLocation } from "./workspace-types.js";

/** Lower-case letters and digits only: "AI/ML  Engineer" and "ai-ml engineer" share the key "aimlengineer". */
export function nameKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/**
 * How many unknown names may still have suggestions worked out from scratch (remembered ones are
 * free). Finding the closest names costs an edit-distance table per known name — about 100 µs —
 * so a request of thousands of different unknown names (a batch, a plan's rows, a mapped range)
 * would cost seconds; within `limitSuggestions` only the first few get them and the rest say why.
 */
const fresh = { left: Infinity, limit: Infinity };

/**
 * Runs fn allowing at most `max` fresh suggestion look-ups (fewer if an enclosing call has fewer
 * left); what fn uses is taken from the enclosing allowance too. The core is synchronous, so the
 * allowance belongs to exactly one piece of work at a time.
 */
export function limitSuggestions<T>(max: number, fn: () => T): T {
  const outer = { ...fresh };
  fresh.left = Math.min(outer.left, max);
  fresh.limit = Math.min(outer.limit, max);
  const start = fresh.left;
  try {
    return fn();
  } finally {
    fresh.left = outer.left - (start - fresh.left);
    fresh.limit = outer.limit;
  }
}

/** Fresh suggestion look-ups one request (or one sheet call) may make: about 5 ms of work. */
export const MAX_FRESH_SUGGESTIONS = 50;

interface IndexEntry {
  key: string;
  name: string;
  letters: Uint8Array;
}

/** A case-, space- and punctuation-insensitive index from names and aliases to entries. */
export class NameIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly entries: IndexEntry[] = [];

  /**
   * `options.closeTo`: suggest only names scoring within this much of the closest one, for a set
   * of many similar names ("… rate") where one clear match should not bring its neighbours along.
   */
  constructor(
    private readonly kind: string,
    private readonly code: ErrorCode,
    items: readonly T[],
    nameOf: (item: T) => string,
    namesOf: (item: T) => readonly string[],
    private readonly options: { closeTo?: number } = {},
  ) {
    for (const item of items) {
      for (const n of [nameOf(item), ...namesOf(item)]) {
        const key = nameKey(n);
        if (!key || this.byKey.has(key)) continue;
        this.byKey.set(key, item);
        this.entries.push({ key, name: nameOf(item), letters: letterCounts(key) });
      }
    }
  }

  /** Exact texts already looked up: a sheet asks for the same few names thousands of times. */
  private readonly seen = new Map<string, T | undefined>();

  find(text: string): T | undefined {
    if (this.seen.has(text)) return this.seen.get(text);
    const key = nameKey(text);
    const found =
      this.byKey.get(key) ?? (key.endsWith("s") ? this.byKey.get(key.slice(0, -1)) : undefined);
    if (this.seen.size < 10_000) this.seen.set(text, found);
    return found;
  }

  resolve(text: string, field: string): T {
    const found = this.find(text);
    if (found !== undefined) return found;
    const skipped = fresh.left <= 0 && !this.suggested.has(`3|${text}`);
    const suggestions = this.suggest(text);
    const known = this.names();
    const hint = suggestions.length
      ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?`
      : known.length <= 20
        ? ` Known ${this.kind}s: ${known.join(", ")}.`
        : skipped
          ? ` (No suggestions: this request already looked up ${fresh.limit} other unknown names; GET /v1/roles, /v1/levels and /v1/locations list the known ones.)`
          : "";
    throw new PlannerError(this.code, `Unknown ${this.kind} "${text}".${hint}`, {
      field,
      suggestions,
    });
  }

  /** Suggestions already worked out, by text: a column of one typo asks thousands of times. */
  private readonly suggested = new Map<string, string[]>();

  /** Up to `limit` canonical names closest to the text: containment first, then edit distance. */
  suggest(text: string, limit = 3): string[] {
    const memo = `${limit}|${text}`;
    const known = this.suggested.get(memo);
    if (known) return [...known];
    if (fresh.left <= 0) return [];
    fresh.left -= 1;
    const found = this.rank(text, limit);
    if (this.suggested.size < 10_000) this.suggested.set(memo, found);
    return [...found];
  }

  private rank(text: string, limit: number): string[] {
    const key = nameKey(text);
    const letters = letterCounts(key);
    const scored = new Map<string, number>();
    // Only a score under 0.6 can make a suggestion; nothing else is kept.
    const keep = (name: string, score: number) => {
      const prev = scored.get(name);
      if (score < 0.6 && (prev === undefined || score < prev)) scored.set(name, score);
    };
    // Names that contain the text (or that it contains) always rank first: score them all. The
    // rest in order of a cheap lower bound of their score, stopping once no later one can reach
    // the top `limit` or the 0.6 cut-off — the same answer as scoring every name, at a fraction of
    // the edit-distance tables (unknown names in a batch of thousands must stay cheap).
    const others: { e: IndexEntry; bound: number; longest: number }[] = [];
    for (const e of this.entries) {
      const longest = Math.max(key.length, e.key.length, 1);
      if (key.length >= 2 && (e.key.includes(key) || key.includes(e.key))) {
        keep(e.name, editDistance(key, e.key) / longest - 1);
        continue;
      }
      // The distance is at least the difference in length and the letters not shared.
      const bound = Math.max(Math.abs(key.length - e.key.length), lettersApart(letters, e.letters));
      if (bound / longest < 0.6) others.push({ e, bound: bound / longest, longest });
    }
    others.sort((x, y) => x.bound - y.bound);
    for (const { e, bound, longest } of others) {
      if (scored.size >= limit && bound > kthBest(scored, limit)) break;
      keep(e.name, editDistance(key, e.key, Math.ceil(0.6 * longest)) / longest);
    }
    const ranked = [...scored.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    const { closeTo } = this.options;
    const best = ranked[0]?.[1] ?? 0;
    return ranked
      .filter(([, s]) => closeTo === undefined || s <= best + closeTo)
      .slice(0, limit)
      .map(([name]) => name);
  }

  names(): string[] {
    return [...new Set(this.entries.map((e) => e.name))];
  }
}

/** The k-th lowest score so far (scores of distinct names). */
function kthBest(scored: ReadonlyMap<string, number>, k: number): number {
  return [...scored.values()].sort((a, b) => a - b)[k - 1] ?? Infinity;
}

/** How often each of a–z and 0–9 occurs in a name key. */
function letterCounts(key: string): Uint8Array {
  const counts = new Uint8Array(36);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const slot = c >= 97 ? c - 97 : c - 48 + 26;
    if (counts[slot]! < 255) counts[slot]! += 1;
  }
  return counts;
}

/**
 * A lower bound of the edit distance from letter counts alone: an insertion or deletion changes
 * one count by one, a substitution two counts by one each, a swap none.
 */
function lettersApart(a: Uint8Array, b: Uint8Array): number {
  let diff = 0;
  for (let i = 0; i < 36; i++) diff += Math.abs(a[i]! - b[i]!);
  return Math.ceil(diff / 2);
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("Mdi" is one from "Mid").
 * With `limit`, any distance above it comes back as limit + 1 as soon as a whole row of the table
 * exceeds it: a name nowhere near the text costs a few rows, not a full table (unknown names in a
 * batch of thousands of calls must stay cheap).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  // Three rows of the table (two before this one, for swaps), reused from call to call.
  if (rows[0]!.length < width) rows = [0, 1, 2].map(() => new Int32Array(width * 2));
  let [before, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = prev[j - 1]! + (ai === bj ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < d) d = up;
      const left = cur[j - 1]! + 1;
      if (left < d) d = left;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swap = before[j - 2]! + 1;
        if (swap < d) d = swap;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return Math.min(prev[b.length]!, limit + 1);
}

let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export const roleIndex = new NameIndex<Role>(
  "role",
  "UNKNOWN_ROLE",
  ROLES,
  (r) => r.name,
  (r) => [r.id, ...r.aliases],
);
export const levelIndex = new NameIndex<Level>(
  "level",
  "UNKNOWN_LEVEL",
  LEVELS,
  (l) => l.name,
  (l) => [l.id, ...l.aliases],
);
export const locationIndex = new NameIndex<Location>(
  "location",
  "UNKNOWN_LOCATION",
  LOCATIONS,
  (l) => l.name,
  (l) => [l.id, ...l.aliases],
);

export function resolveRole(text: unknown, field = "role"): Role {
  if (typeof text !== "string" || !text.trim())
    throw invalid(
      field,
      `a role name is required, e.g. "ML Engineer"; known roles: ${roleIndex.names().join(", ")}`,
    );
  return roleIndex.resolve(text, field);
}

const YEARS =
  /^\s*(\d+(?:\.\d+)?)\s*(?:\+|y|yr|yrs|year|years)?(?:\s+(?:of\s+)?(?:experience|exp))?\s*$/i;

/** A workspace's own level (e.g. Staff): named like a seed level, priced only by the workspace's bands. */
export interface WorkspaceLevelEntry {
  id: string;
  name: string;
  aliases: string[];
  workspace: true;
}
export type ResolvedLevel = Level | WorkspaceLevelEntry;

/** A workspace's own location: the seeds' US range × its factor, unless a workspace band states it. */
export interface WorkspaceLocationEntry {
  id: string;
  name: string;
  currency: string;
  costOfLivingIndex: null;
  aliases: string[];
  source: null;
  factor: number;
  workspace: true;
}
export type ResolvedLocation = Location | WorkspaceLocationEntry;

export function isWorkspaceEntry<T extends object>(
  entry: T,
): entry is Extract<T, { workspace: true }> {
  return "workspace" in entry && (entry as { workspace?: unknown }).workspace === true;
}

/**
 * The seeds' names plus a workspace's own, in one index per workspace list (built once per list):
 * seed names come first, so a workspace entry can never shadow one.
 */
function withWorkspace<W, T>(
  cache: WeakMap<readonly W[], NameIndex<T>>,
  base: NameIndex<T>,
  list: readonly W[] | undefined,
  build: (list: readonly W[]) => NameIndex<T>,
): NameIndex<T> {
  if (!list?.length) return base;
  let index = cache.get(list);
  if (!index) {
    index = build(list);
    cache.set(list, index);
  }
  return index;
}

const levelIndexes = new WeakMap<readonly WorkspaceLevel[], NameIndex<ResolvedLevel>>();
const locationIndexes = new WeakMap<readonly WorkspaceLocation[], NameIndex<ResolvedLocation>>();

function workspaceLevel(l: WorkspaceLevel): WorkspaceLevelEntry {
  return {
    id: `workspace:${nameKey(l.name)}`,
    name: l.name,
    aliases: [...(l.aliases ?? [])],
    workspace: true,
  };
}

function workspaceLocation(l: WorkspaceLocation): WorkspaceLocationEntry {
  return {
    id: `workspace:${nameKey(l.name)}`,
    name: l.name,
    currency: l.currency ?? "USD",
    costOfLivingIndex: null,
    aliases: [...(l.aliases ?? [])],
    source: null,
    factor: l.factor,
    workspace: true,
  };
}

function levelsOf(options: WorkspaceData): NameIndex<ResolvedLevel> {
  return withWorkspace(levelIndexes, levelIndex, options.levels, (list) => {
    const all: ResolvedLevel[] = [...LEVELS, ...list.map(workspaceLevel)];
    return new NameIndex<ResolvedLevel>(
      "level",
      "UNKNOWN_LEVEL",
      all,
      (l) => l.name,
      (l) => [l.id, ...l.aliases],
    );
  });
}

function locationsOf(options: WorkspaceData): NameIndex<ResolvedLocation> {
  return withWorkspace(locationIndexes, locationIndex, options.locations, (list) => {
    const all: ResolvedLocation[] = [...LOCATIONS, ...list.map(workspaceLocation)];
    return new NameIndex<ResolvedLocation>(
      "location",
      "UNKNOWN_LOCATION",
      all,
      (l) => l.name,
      (l) => [l.id, ...l.aliases],
    );
  });
}

/**
 * A level by name ("Mid", "Sr", "Junior", or a workspace's own such as "Staff") or by years of
 * experience (a number, "4", "6 years"; the seeds' levels only).
 */
export function resolveLevel(
  text: unknown,
  field = "level",
  options: WorkspaceData = {},
): ResolvedLevel {
  if (typeof text === "number") return levelForYears(text, field);
  if (typeof text !== "string" || !text.trim())
    throw invalid(
      field,
      `a level is required: ${levelsOf(options).names().join(", ")} (or years of experience)`,
    );
  const years = YEARS.exec(text);
  if (years) return levelForYears(Number(years[1]), field);
  return levelsOf(options).resolve(text, field);
}

export function levelForYears(years: number, field = "level"): Level {
  if (!Number.isFinite(years) || years < 0 || years > 70) {
    throw invalid(field, `years of experience must be a number from 0 to 70, got ${String(years)}`);
  }
  return LEVELS.find((l) => years >= l.minYears && (l.maxYears === null || years < l.maxYears))!;
}

const US = LOCATIONS.find((l) => l.id === "us")!;

/** A location by name or alias (a workspace's own too); blank means the US as a whole (the seeds' national figures). */
export function resolveLocation(
  text: unknown,
  field = "location",
  options: WorkspaceData = {},
): ResolvedLocation {
  if (text === undefined || text === null || (typeof text === "string" && !text.trim())) return US;
  if (typeof text !== "string")
    throw invalid(field, `a location name is expected, e.g. "Austin" or "SF"`);
  return locationsOf(options).resolve(text, field);
}

/** Parses a fixed set of words case-insensitively, with a suggestion on a miss. */
export function resolveChoice<T extends string>(
  text: unknown,
  choices: readonly T[],
  field: string,
  fallback?: T,
): T {
  if ((text === undefined || text === null || text === "") && fallback !== undefined)
    return fallback;
  const key = typeof text === "string" ? nameKey(text) : "";
  const hit = choices.find((c) => nameKey(c) === key);
  if (hit) return hit;
  throw invalid(
    field,
    `expected one of ${choices.map((c) => `"${c}"`).join(", ")}, got ${JSON.stringify(text)}`,
  );
}
