import { PlannerError } from "../../../shared/index.js";

/** The PlannerError fn throws; fails the test if it throws nothing or something else. */
export function caught(fn: () => unknown): PlannerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlannerError) return e;
    throw e;
  }
  throw new Error("expected a PlannerError");
}
