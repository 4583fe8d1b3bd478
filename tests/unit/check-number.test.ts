// The core's one number check: every numeric field (plan rows, assumptions, scenario overrides,
// hire-vs-upskill, team counts, function arguments) words its errors the same way.
import { describe, expect, it } from "vitest";
import {
  checkNumber,
  checkOptionalNumber,
  hireVsUpskill,
  recommendTeam,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const message = (value: unknown, rule: Parameters<typeof checkNumber>[2]) =>
  caught(() => checkNumber(value, "x", rule)).message;

describe("checkNumber", () => {
  it("names the field and what to enter, by the rule's shape", () => {
    expect(message("12", {})).toBe('x: must be a number, got "12"');
    expect(message(Number.NaN, {})).toBe("x: must be a number, got null");
    expect(message(2.5, { integer: true, min: 1, max: 10 })).toBe(
      "x: must be a whole number, got 2.5",
    );
    expect(message(11, { integer: true, min: 1, max: 10 })).toBe(
      "x: must be a whole number from 1 to 10, got 11",
    );
    expect(message(2.5, { integer: true, min: 1, max: 120, unit: "months" })).toBe(
      "x: must be a whole number of months from 1 to 120, got 2.5",
    );
    expect(message(0, { min: 0, minExclusive: true, max: 1 })).toBe(
      "x: must be more than 0 and at most 1, got 0",
    );
    expect(
      message(-2, { min: -1, minExclusive: true, max: 5, hint: " (a share: 0.1 = +10%)" }),
    ).toBe("x: must be more than -1 and at most 5 (a share: 0.1 = +10%), got -2");
    expect(message(-1, { min: 0 })).toBe("x: must be at least 0, got -1");
  });
  it("a share spots a percentage typed without its sign, in the body's terms or the cell's", () => {
    expect(message(25, { min: 0, max: 2, share: "json" })).toBe(
      "x: must be a share from 0% to 200% (0.25 means 25%), got 25, which would be 2500%: did you mean 0.25 (25%)?",
    );
    expect(message(25, { min: 0, max: 2, share: "sheet" })).toBe(
      "x: 25 means 2500%, above the 200% limit: did you mean 25%? Enter 25% (or 0.25)",
    );
  });
  it("blank is the fallback; the same words come from every caller", () => {
    expect(checkOptionalNumber("", "x", 7)).toBe(7);
    expect(checkOptionalNumber(null, "x", undefined)).toBeUndefined();
    expect(caught(() => recommendTeam(-1)).message).toBe(
      "projects: must be a whole number from 0 to 1000000, got -1",
    );
    expect(
      caught(() => hireVsUpskill({ targetRole: "ML Engineer", level: "Mid", onboardingWeeks: 60 }))
        .message,
    ).toBe("onboardingWeeks: must be from 0 to 52, got 60");
  });
});
