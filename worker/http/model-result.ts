import {
  checkWork,
  comparePlans,
  planWork,
  invokeFunction,
  isPlannerError,
  planToUnits,
  runPlan,
  type PlanResultUnits,
  type PlannerError,
  type PlannerErrorJSON,
  type PlanResult,
  type SalaryOptions,
} from "../../shared/index.js";
import { HttpProblem } from "./problem.js";

/** Every problem of a core error, each with its field placed under `prefix` (the body field holding the input). */
function problemsOf(e: PlannerError, prefix: string): PlannerErrorJSON[] {
  const all = e.problems.length ? e.problems : [e];
  return all.map((p) => {
    const json = p.toJSON();
    return { ...json, field: json.field ? `${prefix}.${json.field}` : prefix };
  });
}

/**
 * Checks a whole plan-engine input with the core, with the workspace's bands, before anything is
 * stored: a 422 listing every problem (field and fix), or nothing. The engine is run rather than
 * only normalised so an input that validates is one whose result can be computed.
 */
export function checkPlanInput(
  input: unknown,
  options: SalaryOptions,
  field = "input",
): PlanResult {
  try {
    return runPlan(input, options);
  } catch (e) {
    if (!isPlannerError(e)) throw e;
    const problems = problemsOf(e, field);
    const detail =
      problems.length === 1
        ? `The model input has a problem: ${problems[0]!.message}`
        : `The model input has ${problems.length} problems: ${problems.map((p) => p.message).join("; ")}`;
    throw new HttpProblem(
      422,
      problems.length === 1 ? e.code : "INVALID_ARGUMENT",
      `${detail}. Nothing was saved.`,
      { field: problems[0]!.field, suggestions: problems[0]!.suggestions, problems },
    );
  }
}

/**
 * Checks a model input whole before it is stored: the plan (as checkPlanInput), then its
 * scenarios, run through the same comparison the shared page shows. Either is a 422 listing
 * every problem, fields under `input`; nothing is stored. Answers the plan's result, which the
 * save keeps as the version's snapshot.
 */
export function checkModelInput(
  input: { scenarios?: unknown } & Record<string, unknown>,
  options: SalaryOptions,
): PlanResultUnits {
  const { scenarios, ...plan } = input;
  const result = planToUnits(checkPlanInput(plan, options));
  if (!Array.isArray(scenarios) || !scenarios.length) return result;
  try {
    comparePlans(plan, scenarios, options);
  } catch (e) {
    if (!isPlannerError(e)) throw e;
    const problems = problemsOf(e, "input");
    throw new HttpProblem(
      422,
      problems.length === 1 ? e.code : "INVALID_ARGUMENT",
      `The model's scenarios have ${problems.length === 1 ? "a problem" : `${problems.length} problems`}: ${problems.map((p) => p.message).join("; ")}. Nothing was saved.`,
      { field: problems[0]!.field, suggestions: problems[0]!.suggestions, problems },
    );
  }
  return result;
}

/**
 * The plan engine's result for a stored input, in currency units. An input that no longer
 * computes (e.g. a band it relied on was removed) is a 422 that says which version and why; one
 * over the work budget (saved before there was one) is a 422 TOO_MUCH_WORK, refused before
 * computing.
 */
export function modelResult(
  inputJson: string,
  version: number,
  options: SalaryOptions,
): PlanResultUnits {
  try {
    const input = JSON.parse(inputJson) as Record<string, unknown>;
    checkWork(planWork(input));
    return planToUnits(runPlan(input, options));
  } catch (e) {
    if (!isPlannerError(e)) throw e;
    const problems = problemsOf(e, "input");
    const why =
      e.code === "TOO_MUCH_WORK"
        ? `Version ${version} of this model is more than one request may compute: ${e.message} Save a smaller version.`
        : `Version ${version} of this model no longer computes with the current data: ${e.message}. Save a corrected version.`;
    throw new HttpProblem(422, e.code, why, {
      field: problems[0]!.field,
      problems,
      ...(e.work ? { work: e.work } : {}),
    });
  }
}

/** The months table exactly as the sheet function AI_MODEL(…, "months") shows it: a header row, then one row per month. */
export function monthsTableRows(
  name: string,
  version: number,
  result: PlanResultUnits,
): (string | number | boolean)[][] {
  const table = invokeFunction("AI_MODEL", ["model", "months"], {
    models: () => ({ name, version, result }),
  });
  return Array.isArray(table) ? table : [[table]];
}
