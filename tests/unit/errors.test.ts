import { describe, expect, it } from "vitest";
import {
  invokeFunction,
  planTemplate,
  resolveLevel,
  resolveLocation,
  resolveRole,
  runPlan,
  salaryRange,
  upskillingPath,
  type ErrorCode,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

describe("one error type with stable codes", () => {
  const cases: [ErrorCode, () => unknown, string][] = [
    ["UNKNOWN_ROLE", () => resolveRole("Wizard"), "role"],
    ["UNKNOWN_LEVEL", () => resolveLevel("Grandmaster"), "level"],
    ["UNKNOWN_LOCATION", () => resolveLocation("Gotham"), "location"],
    ["UNKNOWN_PATH", () => upskillingPath("Chef → Sommelier"), "path"],
    ["UNKNOWN_TEMPLATE", () => planTemplate("year 9"), "name"],
    ["UNKNOWN_FUNCTION", () => invokeFunction("AI_NOPE", []), "fn"],
    [
      "UNKNOWN_CHANNEL",
      () =>
        runPlan({
          hires: [{ role: "MLE", level: "Mid", startMonth: 1, channel: "carrier pigeon" }],
        }),
      "hires[0].channel",
    ],
    [
      "NO_DATA",
      () => salaryRange({ role: "Data Infrastructure Engineer", level: "Entry" }),
      "level",
    ],
    ["INVALID_ARGUMENT", () => runPlan({ hires: [], horizonMonths: 0 }), "horizonMonths"],
  ];
  it.each(cases)("%s names the field and reads as a sentence", (code, fn, field) => {
    const e = caught(fn);
    expect(e.code).toBe(code);
    expect(e.field).toBe(field);
    expect(e.message.length).toBeGreaterThan(15);
    expect(e.toJSON()).toMatchObject({ code, message: e.message });
  });
  it("NO_DATA lists what is available: Data Infrastructure Engineer has Mid and Senior only", () => {
    expect(
      caught(() => salaryRange({ role: "Data Infrastructure Engineer", level: "Entry" })).available,
    ).toEqual(["base: Mid, Senior"]);
  });
});
