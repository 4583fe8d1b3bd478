import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  editDistance,
  levelIndex,
  limitSuggestions,
  MAX_FRESH_SUGGESTIONS,
  nameKey,
  normalizePlan,
  PlannerError,
  resolveLevel,
  resolveLocation,
  resolveRole,
  roleIndex,
  ROLES,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const code = (fn: () => unknown) => {
  try {
    fn();
    return "none";
  } catch (e) {
    return e instanceof PlannerError ? e.code : "other";
  }
};

describe("forgiving names", () => {
  it.each([
    "ML Engineer",
    "MLE",
    "Machine Learning Engineer",
    "AI/ML Engineer",
    "  ml   ENGINEER ",
    "ai-ml engineer",
    "ML Engineers",
  ])("role %j → ML Engineer", (name) => {
    expect(resolveRole(name).name).toBe("ML Engineer");
  });
  it.each([
    ["Junior", "Entry"],
    ["jr", "Entry"],
    ["Sr", "Senior"],
    ["senior", "Senior"],
    ["mid-level", "Mid"],
    ["Intermediate", "Mid"],
  ])("level %j → %s", (name, level) => {
    expect(resolveLevel(name).name).toBe(level);
  });
  it.each([
    [0, "Entry"],
    [2, "Entry"],
    [2.9, "Entry"],
    [3, "Mid"],
    [4.5, "Mid"],
    [5, "Senior"],
    [12, "Senior"],
    ["6 years", "Senior"],
    ["4", "Mid"],
    ["1 yr", "Entry"],
  ])("years %j → %s", (years, level) => {
    expect(resolveLevel(years).name).toBe(level);
  });
  it.each([
    ["SF", "San Francisco, CA"],
    ["NYC", "New York, NY"],
    ["new york", "New York, NY"],
    ["US", "US"],
    ["", "US"],
    [undefined, "US"],
    ["remote", "Remote (Global)"],
    ["London", "London, UK"],
  ])("location %j → %s", (name, location) => {
    expect(resolveLocation(name).name).toBe(location);
  });
});

describe("unknown names suggest the closest known ones", () => {
  it("a misspelt role", () => {
    try {
      resolveRole("Data Scientst");
      expect.unreachable();
    } catch (e) {
      const err = e as PlannerError;
      expect(err.code).toBe("UNKNOWN_ROLE");
      expect(err.field).toBe("role");
      expect(err.suggestions[0]).toBe("Data Scientist");
      expect(err.message).toContain('Did you mean "Data Scientist"');
    }
  });
  it("a misspelt location and level", () => {
    try {
      resolveLocation("Bostn");
      expect.unreachable();
    } catch (e) {
      expect((e as PlannerError).suggestions).toContain("Boston, MA");
    }
    expect(code(() => resolveLevel("Principal"))).toBe("UNKNOWN_LEVEL");
    expect(code(() => resolveLocation("Atlantis"))).toBe("UNKNOWN_LOCATION");
  });
  it("negative or absurd years are invalid, not a level", () => {
    expect(code(() => resolveLevel(-1))).toBe("INVALID_ARGUMENT");
    expect(code(() => resolveLevel(Number.NaN))).toBe("INVALID_ARGUMENT");
    expect(code(() => resolveLevel(500))).toBe("INVALID_ARGUMENT");
  });
});

describe("swapped letters count as one edit", () => {
  it('"Mdi" suggests Mid and "Seinor" suggests Senior', () => {
    for (const [typo, want] of [
      ["Mdi", "Mid"],
      ["Seinor", "Senior"],
    ] as const) {
      try {
        resolveLevel(typo);
        expect.unreachable();
      } catch (e) {
        expect((e as PlannerError).suggestions[0]).toBe(want);
      }
    }
  });
});

describe("suggestions stay cheap and exact", () => {
  /** The plain Damerau (optimal string alignment) distance, no cut-off: the reference. */
  function osa(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(
          d[i - 1]![j]! + 1,
          d[i]![j - 1]! + 1,
          d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  }

  it("editDistance is the reference distance, and limit + 1 past a limit", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcdemnolrstu"), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 8 }), (a, b, limit) => {
        const exact = osa(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
      }),
      { numRuns: 500 },
    );
  });

  it("suggestions equal scoring every known name in full (same names, same order)", () => {
    const names = ROLES.flatMap((r) => [r.name, r.id, ...r.aliases]);
    const reference = (text: string): string[] => {
      const key = nameKey(text);
      const best = new Map<string, number>();
      for (const role of ROLES)
        for (const n of [role.name, role.id, ...role.aliases]) {
          const k = nameKey(n);
          if (!k) continue;
          const contains = key.length >= 2 && (k.includes(key) || key.includes(k));
          const longest = Math.max(key.length, k.length, 1);
          if (!contains && Math.abs(key.length - k.length) / longest >= 0.6) continue;
          const score = osa(key, k) / longest - (contains ? 1 : 0);
          if (score < 0.6 && score < (best.get(role.name) ?? Infinity)) best.set(role.name, score);
        }
      return [...best.entries()]
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([n]) => n);
    };
    // Known names with a letter dropped, doubled or swapped, and junk.
    const typo = fc
      .tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom("drop", "double", "swap", "junk"))
      .map(([n, at, how]) => {
        const i = at % Math.max(1, n.length - 1);
        if (how === "drop") return n.slice(0, i) + n.slice(i + 1);
        if (how === "double") return n.slice(0, i) + n[i] + n.slice(i);
        if (how === "swap") return n.slice(0, i) + (n[i + 1] ?? "") + n[i] + n.slice(i + 2);
        return `${n.slice(0, i)}zq${at % 97}`;
      });
    fc.assert(
      fc.property(typo, (text) => {
        expect(roleIndex.suggest(text)).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });

  it("a plan with 200 different unknown roles: the first 50 get suggestions, the rest are still named and refused", () => {
    // 200 different close typos of real roles (a letter tripled at each place; never asked before).
    const typos = ROLES.flatMap((r) =>
      Array.from(
        { length: r.name.length },
        (_, i) => r.name.slice(0, i) + r.name[i]! + r.name[i]! + r.name.slice(i),
      ),
    )
      .filter((t, i, all) => all.indexOf(t) === i && !roleIndex.find(t))
      .slice(0, 200);
    expect(typos).toHaveLength(200);
    const e = caught(() =>
      normalizePlan({ hires: typos.map((role) => ({ role, level: "Mid", startMonth: 1 })) }),
    );
    expect(e.problems).toHaveLength(200);
    const withSuggestions = e.problems.filter((p) => p.suggestions.length > 0);
    expect(withSuggestions.length).toBeLessThanOrEqual(MAX_FRESH_SUGGESTIONS);
    expect(withSuggestions.length).toBeGreaterThan(40);
    for (const p of e.problems) expect(p.code).toBe("UNKNOWN_ROLE");
    // The same typo 200 times is worked out once, so every row gets its suggestion.
    const same = caught(() =>
      normalizePlan({
        hires: Array.from({ length: 200 }, () => ({
          role: "Data Scienctist",
          level: "Mid",
          startMonth: 1,
        })),
      }),
    );
    expect(same.problems.every((p) => p.suggestions[0] === "Data Scientist")).toBe(true);
  });

  it("limits nest: an inner allowance takes from the outer one", () => {
    const fresh = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => levelIndex.suggest(`Sneior ${tag} ${i}`));
    const got = limitSuggestions(10, () => {
      const inner = limitSuggestions(4, () => fresh(6, "a"));
      const outer = fresh(10, "b");
      return { inner, outer };
    });
    expect(got.inner.filter((s) => s.length).length).toBe(4);
    expect(got.outer.filter((s) => s.length).length).toBe(6);
  });
});
