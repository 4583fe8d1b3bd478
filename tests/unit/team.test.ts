import { describe, expect, it } from "vitest";
import {
  checkTeam,
  dataPeopleFor,
  engineersFor,
  managersFor,
  PlannerError,
  productManagersFor,
  recommendTeam,
} from "../../shared/index.js";

describe("team ratios (000 Phase 3)", () => {
  it("12 projects → 4 engineers, 2 data people, 0 PMs, 1 manager (team of 6 reached)", () => {
    expect(recommendTeam(12)).toMatchObject({
      engineers: 4,
      dataPeople: 2,
      productManagers: 0,
      managers: 1,
      total: 7,
    });
  });
  it("4 projects per engineer is the seed's other end", () => {
    expect(recommendTeam(12, 4)).toMatchObject({
      engineers: 3,
      dataPeople: 1,
      productManagers: 0,
      managers: 0,
      total: 4,
    });
  });
  it("30 projects → 10 engineers, 5 data, 2 PMs, 1 manager", () => {
    expect(recommendTeam(30)).toMatchObject({
      engineers: 10,
      dataPeople: 5,
      productManagers: 2,
      managers: 1,
      total: 18,
    });
  });
  it("0 projects → nobody", () => {
    expect(recommendTeam(0).total).toBe(0);
  });
  it("each rule on its own", () => {
    expect([
      engineersFor(7),
      engineersFor(7, 4),
      dataPeopleFor(5),
      productManagersFor(9),
      productManagersFor(10),
      managersFor(5),
      managersFor(6),
    ]).toEqual([3, 2, 2, 1, 2, 0, 1]);
  });
  it("each rule carries its seed quote", () => {
    expect(recommendTeam(3).rules.map((r) => r.source.quote)).toEqual([
      "One engineer per 3-4 projects",
      "One data person per 2 engineers",
      "One PM per 5+ engineers",
      "Manager once team reaches 6+ people",
    ]);
  });
  it("projects per engineer other than 3 or 4 is refused", () => {
    expect(() => recommendTeam(5, 5)).toThrow(/must be 3 or 4/);
    expect(() => recommendTeam(-1)).toThrow(PlannerError);
    expect(() => recommendTeam(2.5)).toThrow(/whole number/);
  });
});

describe("checkTeam lists the rules a team breaks", () => {
  it("6 engineers, 1 data person, no PM, no manager, 20 projects", () => {
    const breaches = checkTeam({
      engineers: 6,
      dataPeople: 1,
      productManagers: 0,
      managers: 0,
      projects: 20,
    });
    expect(breaches.map((b) => [b.rule, b.required, b.actual])).toEqual([
      ["engineers", 7, 6],
      ["dataPeople", 3, 1],
      ["productManagers", 1, 0],
      ["managers", 1, 0],
    ]);
  });
  it("a balanced team breaks nothing", () => {
    expect(
      checkTeam({ engineers: 4, dataPeople: 2, productManagers: 0, managers: 1, projects: 12 }),
    ).toEqual([]);
  });
});
