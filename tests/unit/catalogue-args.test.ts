// The engine's coercion, one argument type at a time: what each accepts from a sheet cell (or
// range), its default when blank, and the error for a bad value — naming the argument by its
// label and saying what to enter.
import { describe, expect, it } from "vitest";
import {
  args,
  coerceArg,
  hiresFromRange,
  type ArgSpec,
  type SheetArg,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const ok = <T>(spec: ArgSpec<T>, value: SheetArg) => coerceArg(spec, value);
const message = (spec: ArgSpec, value: SheetArg) => caught(() => coerceArg(spec, value)).message;
const field = (spec: ArgSpec, value: SheetArg) => caught(() => coerceArg(spec, value)).field;

describe("every argument type", () => {
  it("text: trims text, takes a number as its digits; a date is refused", () => {
    const role = args.text("role", "Role name.");
    expect(ok(role, "  ML Engineer ")).toBe("ML Engineer");
    expect(ok(role, 42)).toBe("42");
    expect(message(role, new Date(2027, 0, 1))).toBe("role: expects text, got a date");
  });

  it("number: numbers and text like 24, 25%, $160,000, 160K; limits checked", () => {
    const salary = args.number("salary", "Annual salary.", { min: 0 });
    expect(ok(salary, 160000)).toBe(160000);
    expect(ok(salary, "$160,000")).toBe(160000);
    expect(ok(salary, "160K")).toBe(160000);
    expect(ok(salary, "25%")).toBe(0.25);
    expect(message(salary, "lots")).toBe(
      'salary: must be a number (e.g. 24, 25%, $160,000 or 160K), got "lots"',
    );
    expect(message(salary, -5)).toBe("salary: must be at least 0, got -5");
    expect(message(salary, true)).toBe("salary: must be a number, got true");
  });

  it("integer: whole numbers within limits", () => {
    const year = args.integer("year", "Plan year.", { min: 1, max: 10 });
    expect(ok(year, "3")).toBe(3);
    expect(message(year, 2.5)).toBe("year: must be a whole number, got 2.5");
    expect(message(year, 11)).toBe("year: must be a whole number from 1 to 10, got 11");
  });

  it("percent: 25% (0.25) or 0.25; a bare 25 asks whether 25% was meant", () => {
    const rate = args.percent("rate", "A share.", { max: 2 });
    expect(ok(rate, 0.25)).toBe(0.25);
    expect(ok(rate, "25%")).toBe(0.25);
    expect(message(rate, 25)).toBe(
      "rate: 25 means 2500%, above the 200% limit: did you mean 25%? Enter 25% (or 0.25)",
    );
    expect(message(rate, -0.1)).toBe("rate: must be a share from 0% to 200%, got -10%");
    expect(message(rate, "a quarter")).toMatch(/^rate: must be a number/);
  });

  it("month: YYYY-MM text or a date cell, as YYYY-MM", () => {
    const start = args.month("start_date", "First month.");
    expect(ok(start, "2027-1")).toBe("2027-01");
    expect(ok(start, new Date(2027, 6, 15))).toBe("2027-07");
    expect(message(start, "July")).toBe(
      'start_date: must be a month like "2027-01" or a date, got "July"',
    );
  });

  it("level: a name stays text for the core to resolve, a number is years of experience", () => {
    const level = args.levelOrYears("level", "Level.");
    expect(ok(level, " Sr ")).toBe("Sr");
    expect(ok(level, 4)).toBe(4);
    expect(message(level, true)).toBe(
      "level: expects a level (Entry, Mid, Senior) or years of experience, got true",
    );
  });

  it("choice: one of its words, matched forgivingly; anything else lists them", () => {
    const point = args.choice("point", "Which point.", ["low", "mid", "high"] as const, {
      default: "mid",
    });
    expect(ok(point, " HIGH ")).toBe("high");
    expect(ok(point, "")).toBe("mid");
    expect(ok(point, undefined)).toBe("mid");
    expect(message(point, "top")).toBe('point: expected one of "low", "mid", "high", got "top"');
  });

  it("table: a range whose first row names its columns, read by its reader", () => {
    const hires = args.table("hires", "Hires.", hiresFromRange);
    expect(
      ok(hires, [
        ["Role", "Level", "Start month"],
        ["MLE", "Mid", 2],
      ]),
    ).toEqual([{ role: "MLE", level: "Mid", startMonth: 2 }]);
    expect(message(hires, "A1:E4")).toMatch(
      /^hires: expects a range whose first row names its columns \(Role, Level, Location, Start month/,
    );
    expect(message(hires, undefined)).toMatch(/^hires: is required: Hires\./);
  });

  it("assumptions: a label | value block in the API's names; blank means the defaults", () => {
    const block = args.assumptions("assumptions");
    expect(
      ok(block, [
        ["Horizon months", 12],
        ["benefits", "25%"],
        ["ANNUAL RAISE", 0.04],
        ["Start date", new Date(2027, 0, 1)],
        ["Slip months", "0-2"],
      ]),
    ).toEqual({
      horizonMonths: 12,
      benefitsRate: 0.25,
      annualRaise: 0.04,
      startDate: "2027-01",
      slipMonths: [0, 2],
    });
    expect(ok(block, "")).toEqual({});
    expect(ok(block, undefined)).toEqual({});
    expect(message(block, [["Benefits rate", 25]])).toBe(
      "assumptions row 1 Benefits rate: 25 means 2500%, above the 200% limit: did you mean 25%? Enter 25% (or 0.25)",
    );
    expect(field(block, [["Benefits rate", 25]])).toBe("assumptions row 1 Benefits rate");
    expect(message(block, 24)).toMatch(
      /^assumptions: expects a two-column range of labels and values, e.g. "Horizon months \| 24"/,
    );
  });

  it("a required argument left blank says it is required and what it is", () => {
    const projects = args.number("projects", "Number of AI projects.");
    expect(message(projects, "")).toBe("projects: is required: Number of AI projects.");
    expect(message(projects, [[""]])).toBe("projects: is required: Number of AI projects.");
  });

  it("a range where one cell belongs is refused unless the argument maps over ranges", () => {
    const projects = args.number("projects", "Number of AI projects.");
    expect(message(projects, [[1, 2]])).toBe("projects: expects a single cell, not a range");
    expect(ok(projects, [[7]])).toBe(7);
    expect(args.number("value", "", { map: true }).map).toBe(true);
    expect(projects.map).toBe(false);
  });
});
