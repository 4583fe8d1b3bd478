/**
 * A plan's rows checked and resolved: hires, the team already employed, and upskilling. Each row
 * reports every problem with its field (rooted under "hires[2]", "team[0]", …) and the fix, and
 * says where each of its figures comes from: the seeds, the workspace, or the input.
 */
import { checkNumber, checkOptionalNumber } from "./check-number.js";
import { DEFAULT_UPSKILLING_COST } from "./data/hiring.js";
import type { Role, RoleCategory } from "./data/roles.js";
import { PlannerError, invalid, type ProblemList } from "./errors.js";
import { applyRate, toCents, type Cents } from "./money.js";
import { resolveChoice, resolveLevel, resolveLocation, resolveRole } from "./names.js";
import { assumptionSpec, parseSlip, type AssumptionKey, type Slip } from "./plan-assumptions.js";
import { PLAN_LIMITS } from "./plan-limits.js";
import {
  DEFAULT_DEPARTMENT,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  type HireInput,
  type ResolvedHire,
  type ResolvedPerson,
  type ResolvedTeamMember,
  type ResolvedUpskilling,
  type UpskillingInput,
} from "./plan-types.js";
import { priceRecruiting } from "./recruiting.js";
import { salaryRange, type SalaryOptions } from "./salary.js";
import { upskillingPath } from "./upskilling.js";

/** What a row is checked against: the plan's horizon, slip and rates, and the workspace's data. */
export interface RowContext {
  horizon: number;
  planSlip: Slip;
  bonusRate: number;
  equityRate: number;
  options: SalaryOptions;
}

const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "");

const CATEGORY_WORDS: { category: RoleCategory; words: RegExp; as: string }[] = [
  {
    category: "pm",
    words: /\b(product (?:manager|owner|lead)|pm|tpm)\b/,
    as: "a product manager",
  },
  {
    category: "manager",
    words: /\b(manager|director|head|vp|vice president|chief|cto|cio|supervisor)\b/,
    as: "a manager",
  },
  {
    category: "data",
    words: /\b(data|analyst|analytics|scientist|statistician|bi)\b/,
    as: "a data person",
  },
  {
    category: "engineer",
    words: /\b(engineer|engineering|developer|swe|programmer|architect|devops|sre)\b/,
    as: "an engineer",
  },
];

/**
 * For a role the seeds do not list ("Software Engineer", "Engineering Manager"): the ratio
 * category its name reads as, and a sentence saying so. Managers are read before engineers, so
 * "Engineering Manager" is a manager.
 */
export function inferCategory(role: string): { category: RoleCategory; method: string } {
  const text = role.toLowerCase();
  for (const c of CATEGORY_WORDS) {
    const hit = c.words.exec(text);
    if (hit)
      return {
        category: c.category,
        method: `"${role}" is not a seed role; counted as ${c.as} for the ratio checks (the word "${hit[1]}" in its name)`,
      };
  }
  return {
    category: "other",
    method: `"${role}" is not a seed role and names no engineer, data, PM or manager role; counted as another team member for the ratio checks`,
  };
}

function rowText(value: unknown, field: string, max: number, example: string): string {
  if (typeof value !== "string" || !value.trim())
    throw invalid(field, `is required: text such as "${example}"`);
  const t = value.trim();
  if (t.length > max) throw invalid(field, `must be at most ${max} characters`);
  return t;
}

/** A row's share (bonus or equity) where it gives one, checked against the plan assumption's limits. */
function ownRate(value: unknown, key: AssumptionKey & ("bonusRate" | "equityRate")) {
  if (value === undefined || value === null) return undefined;
  const spec = assumptionSpec(key);
  return checkNumber(value, key, { min: spec.min ?? 0, max: spec.max ?? 2, share: "json" });
}

export function checkDepartment(value: unknown, field = "department"): string {
  if (blank(value)) return DEFAULT_DEPARTMENT;
  return rowText(value, field, PLAN_LIMITS.maxDepartmentLength, "Platform");
}

function personFields(
  h: HireInput,
  field: string,
  existing: boolean,
  ctx: RowContext,
  problems: ProblemList,
) {
  const at = <T>(fn: () => T) => problems.check(field, fn);
  const type = blank(h.type)
    ? "employee"
    : at(() =>
        resolveChoice<EmploymentType>(
          typeof h.type === "string" ? h.type.trim().toLowerCase() : h.type,
          EMPLOYMENT_TYPES,
          "type",
          "employee",
        ),
      );
  const contractor = type === "contractor";
  const salary = at(() => {
    if (blank(h.salary)) {
      if (existing && !contractor)
        throw invalid(
          "salary",
          "is required: the people already employed are costed at the annual salary you give (USD), e.g. 150000",
        );
      return undefined;
    }
    if (contractor)
      throw invalid(
        "salary",
        'a contractor is costed at monthlyRate, not a salary: give monthlyRate (USD a month), or set type "employee"',
      );
    return checkNumber(h.salary, "salary", { min: 0, max: PLAN_LIMITS.maxSalary });
  });
  const monthlyRate = at(() => {
    if (blank(h.monthlyRate)) {
      if (contractor)
        throw invalid(
          "monthlyRate",
          "is required for a contractor: what they cost a month in USD, e.g. 10000",
        );
      return undefined;
    }
    if (!contractor)
      throw invalid(
        "monthlyRate",
        'is for contractors: set type "contractor", or give an employee a salary instead',
      );
    return checkNumber(h.monthlyRate, "monthlyRate", { min: 0, max: PLAN_LIMITS.maxMonthlyRate });
  });
  // Pay given in the input frees the row from the seeds: any role, no level needed. A team row
  // always has its pay (its missing salary is its one error, not a role the seeds do not know).
  const payGiven = existing || (contractor ? monthlyRate !== undefined : salary !== undefined);
  const role = at(() => {
    try {
      return resolveRole(h.role) as Role | string;
    } catch (e) {
      if (!(e instanceof PlannerError) || e.code !== "UNKNOWN_ROLE") throw e;
      if (payGiven) return rowText(h.role, "role", PLAN_LIMITS.maxTextLength, "Software Engineer");
      throw new PlannerError(
        e.code,
        `${e.message} A role the seeds do not list can be planned at pay you give: add ${contractor ? "monthlyRate" : "salary"}.`,
        { field: e.field, suggestions: e.suggestions },
      );
    }
  });
  const level = at(() =>
    blank(h.level) && payGiven ? null : resolveLevel(h.level, "level", ctx.options),
  );
  const location = at(() => resolveLocation(h.location, "location", ctx.options));
  const count = at(() =>
    checkOptionalNumber(h.count, "count", 1, {
      integer: true,
      min: 1,
      max: PLAN_LIMITS.maxPeople,
    }),
  );
  const fte = at(() =>
    checkOptionalNumber(h.fte, "fte", 1, { min: 0, minExclusive: true, max: 1 }),
  );
  const department = at(() => checkDepartment(h.department));
  const bonusRate = at(() => ownRate(h.bonusRate, "bonusRate"));
  const equityRate = at(() => ownRate(h.equityRate, "equityRate"));
  return {
    type,
    contractor,
    salary,
    monthlyRate,
    role,
    level,
    location,
    count,
    fte,
    department,
    bonusRate,
    equityRate,
  };
}

/** A hire row or a team row, resolved; undefined (with the problems recorded) when it cannot be. */
function normalizePerson(
  raw: unknown,
  field: string,
  existing: boolean,
  ctx: RowContext,
  problems: ProblemList,
): (ResolvedPerson & { slip: Slip }) | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.add(
      invalid(
        field,
        existing
          ? "each team row must be an object with role and salary (and optionally level, location, count, fte, department)"
          : "each hire must be an object with role, level, location, startMonth and count",
      ),
    );
    return undefined;
  }
  const h = raw as HireInput;
  const before = problems.problems.length;
  const p = personFields(h, field, existing, ctx, problems);
  const at = <T>(fn: () => T) => problems.check(field, fn);
  const startMonth = existing
    ? at(() => {
        if (!blank(h.startMonth))
          throw invalid(
            "startMonth",
            "a team row is someone already employed, paid from month 1; put a new person in hires with their start month",
          );
        return 1;
      })
    : at(() =>
        checkNumber(h.startMonth, "startMonth", { integer: true, min: 1, max: ctx.horizon }),
      );
  const endMonth = at(() => {
    const end = checkOptionalNumber(h.endMonth, "endMonth", null, {
      integer: true,
      min: 1,
      max: ctx.horizon,
    });
    if (end !== null && startMonth !== undefined && end < startMonth)
      throw invalid(
        "endMonth",
        `(${end}) is before startMonth (${startMonth}); it is the last month employed, so it must be on or after the start`,
      );
    return end;
  });
  const slip = existing
    ? at(() => {
        if (!blank(h.slipMonths))
          throw invalid("slipMonths", "the team is already employed, so it cannot start late");
        return { min: 0, max: 0 };
      })
    : (at(() => parseSlip(h.slipMonths, "slipMonths")) ?? ctx.planSlip);
  if (
    problems.problems.length > before ||
    p.type === undefined ||
    p.role === undefined ||
    p.level === undefined ||
    !p.location ||
    p.count === undefined ||
    p.fte === undefined ||
    p.department === undefined ||
    startMonth === undefined ||
    endMonth === undefined ||
    slip === undefined
  )
    return undefined;

  const known = typeof p.role === "string" ? undefined : p.role;
  const roleName = known ? known.name : (p.role as string);
  const category = known
    ? { category: known.category, method: undefined }
    : inferCategory(roleName);

  let annualSalary: Cents = 0;
  let salarySource: ResolvedPerson["salarySource"];
  if (p.contractor) {
    salarySource = {
      provenance: "input",
      method: "a contractor: costed at the monthly rate given, on the Contractors line",
      sources: [],
    };
  } else if (p.salary !== undefined) {
    annualSalary = toCents(p.salary);
    salarySource = { provenance: "input", method: "given in the input", sources: [] };
  } else {
    const range = at(() => {
      try {
        return salaryRange(
          { role: known!.name, level: p.level!.name, location: p.location!.name, currency: "USD" },
          ctx.options,
        );
      } catch (e) {
        if (e instanceof PlannerError && e.code === "NO_DATA") {
          throw new PlannerError("NO_DATA", `${e.message} Give this hire a salary.`, {
            field: "salary",
            available: e.available,
          });
        }
        throw e;
      }
    });
    if (!range) return undefined;
    annualSalary = range.mid;
    salarySource = {
      provenance: range.provenance,
      method: `mid of the ${range.basis} range at ${range.location} (${range.method})`,
      sources: range.sources,
    };
  }
  const monthlyRate = p.monthlyRate === undefined ? null : toCents(p.monthlyRate);

  // Recruiting one person: a hire is charged it in its start month; it also prices backfill.
  let recruiting: {
    mid: Cents;
    method: string;
    sources: ResolvedPerson["recruitingSource"]["sources"];
  };
  const recruitingGiven = !blank(h.recruitingCost) || !blank(h.channel);
  if (p.contractor && !recruitingGiven) {
    recruiting = {
      mid: 0,
      method: "a contractor: no recruiting cost unless the row gives one",
      sources: [],
    };
  } else {
    // A fee that is a share of salary is taken of the pay actually paid: a contractor's 12 months, a part-timer's FTE share.
    const base = p.contractor ? monthlyRate! * 12 : applyRate(annualSalary, p.fte);
    const price = at(() => priceRecruiting(h, { low: base, mid: base, high: base }));
    if (!price) return undefined;
    recruiting = {
      mid: price.mid,
      method:
        p.contractor && price.channel?.cost?.kind === "share-of-salary"
          ? `${price.method} (12 months of the contractor's rate)`
          : price.method,
      sources: price.sources,
    };
  }
  if (existing)
    recruiting.method = `${recruiting.method}; the team is already employed and never charged it, it prices backfill only`;

  return {
    role: roleName,
    level: p.level ? p.level.name : null,
    location: p.location.name,
    category: category.category,
    ...(category.method ? { categoryMethod: category.method } : {}),
    type: p.type,
    existing,
    count: p.count,
    fte: p.fte,
    department: p.department,
    startMonth,
    endMonth,
    annualSalary,
    salarySource,
    monthlyRate,
    bonusRate: p.bonusRate ?? (p.contractor ? 0 : ctx.bonusRate),
    equityRate: p.equityRate ?? (p.contractor ? 0 : ctx.equityRate),
    recruitingPerPerson: recruiting.mid,
    recruitingSource: { method: recruiting.method, sources: recruiting.sources },
    slip,
  };
}

export function normalizeHire(
  raw: unknown,
  field: string,
  ctx: RowContext,
  problems: ProblemList,
): ResolvedHire | undefined {
  return normalizePerson(raw, field, false, ctx, problems);
}

export function normalizeTeamMember(
  raw: unknown,
  field: string,
  ctx: RowContext,
  problems: ProblemList,
): ResolvedTeamMember | undefined {
  const r = normalizePerson(raw, field, true, ctx, problems);
  if (!r) return undefined;
  const { slip: _slip, ...member } = r;
  return member;
}

export function normalizeUpskilling(
  raw: unknown,
  field: string,
  horizon: number,
  problems: ProblemList,
): ResolvedUpskilling | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.add(
      invalid(field, "each upskilling entry must be an object with path, people and startMonth"),
    );
    return undefined;
  }
  const u = raw as UpskillingInput;
  const before = problems.problems.length;
  const path = problems.check(field, () => upskillingPath(u.path));
  const people = problems.check(field, () =>
    checkNumber(u.people, "people", { integer: true, min: 1, max: PLAN_LIMITS.maxPeople }),
  );
  const startMonth = problems.check(field, () =>
    checkNumber(u.startMonth, "startMonth", { integer: true, min: 1, max: horizon }),
  );
  const cost = problems.check(field, () =>
    checkOptionalNumber(u.costPerPerson, "costPerPerson", DEFAULT_UPSKILLING_COST.amountPerPerson, {
      min: 0,
      max: PLAN_LIMITS.maxCostPerPerson,
    }),
  );
  const department = problems.check(field, () => checkDepartment(u.department));
  if (
    problems.problems.length > before ||
    !path ||
    people === undefined ||
    startMonth === undefined ||
    cost === undefined ||
    department === undefined
  )
    return undefined;
  const given = u.costPerPerson !== undefined && u.costPerPerson !== null;
  return {
    path: path.name,
    people,
    startMonth,
    costPerPerson: toCents(cost),
    costSource: given
      ? { method: "given in the input", sources: [] }
      : {
          method:
            "the seed's $30K for upskilling 2 engineers, i.e. $15K a person, charged in the start month",
          sources: [DEFAULT_UPSKILLING_COST.source],
        },
    department,
  };
}
