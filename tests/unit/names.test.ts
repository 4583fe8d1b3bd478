import { describe, expect, it } from "vitest";
import { PlannerError, resolveLevel, resolveLocation, resolveRole } from "../../shared/index.js";

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
