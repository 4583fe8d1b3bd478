import { describe, expect, it } from "vitest";
import {
  careerTransitions,
  PlannerError,
  upskillingPath,
  upskillingPaths,
} from "../../shared/index.js";

describe("upskilling paths (000 'Training Paths by Role')", () => {
  it("three paths with their steps", () => {
    expect(upskillingPaths().map((p) => [p.name, p.steps.length, p.minWeeks, p.maxWeeks])).toEqual([
      ["Engineers → AI Engineers", 4, 9, 16],
      ["Analysts/Data → Data Scientists", 4, 9, 17],
      ["Anyone → Prompt Engineers", 3, 5, 8],
    ]);
  });
  it("Engineer → AI Engineer: the steps sum to 9–16 weeks; the seed's stated 8–16 is kept as a note", () => {
    const p = upskillingPath("Engineer → AI Engineer");
    expect(p.steps.map((s) => [s.minWeeks, s.maxWeeks])).toEqual([
      [1, 2],
      [2, 3],
      [2, 3],
      [4, 8],
    ]);
    expect(p.statedWeeks).toMatchObject({ min: 8, max: 16 });
    expect(p.notes[0]).toContain("9-16");
  });
  it("paths whose stated total matches have no note", () => {
    expect(upskillingPath("analyst to data scientist").notes).toEqual([]);
    expect(upskillingPath("anyone -> prompt engineer").statedWeeks.text).toBe(
      "Total: 5-8 weeks to productive",
    );
  });
  it("an unknown path is UNKNOWN_PATH with suggestions", () => {
    try {
      upskillingPath("Engineers to Data Scientists");
      expect.unreachable();
    } catch (e) {
      expect((e as PlannerError).code).toBe("UNKNOWN_PATH");
    }
  });
});

describe("career transitions (002)", () => {
  it("software engineer → ML engineer is 3–6 months, with the FAQ's 6–12 months to 'AI' kept separately", () => {
    const list = careerTransitions("Software Engineer");
    expect(list.map((t) => [t.to, t.minMonths, t.maxMonths])).toEqual([
      ["ML Engineer", 3, 6],
      ["AI role", 6, 12],
    ]);
  });
  it("filter by target role", () => {
    expect(careerTransitions(undefined, "Prompt Engineer").map((t) => t.from)).toEqual([
      "Marketing/Writing",
      "Domain expert",
    ]);
  });
  it("no match is a clear error", () => {
    expect(() => careerTransitions("Astronaut")).toThrow(/no career transition/);
  });
});
