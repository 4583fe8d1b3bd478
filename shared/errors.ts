/** The core's error codes (the API's own, for HTTP, are in worker/http/problem.ts). */
export const ERROR_CODES = [
  "UNKNOWN_ROLE",
  "UNKNOWN_LEVEL",
  "UNKNOWN_LOCATION",
  "UNKNOWN_PATH",
  "UNKNOWN_TEMPLATE",
  "UNKNOWN_FUNCTION",
  "UNKNOWN_CHANNEL",
  "NO_DATA",
  "INVALID_ARGUMENT",
  /** A request whose estimated cost is over the work budget; refused before computing (shared/work-budget.ts). */
  "TOO_MUCH_WORK",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface PlannerErrorDetails {
  /** The argument or field at fault, e.g. "level" or "hires[2].startMonth". */
  field?: string;
  /** Close known names for an unknown one (canonical names). */
  suggestions?: string[];
  /** For NO_DATA: what the seeds do hold for the thing asked about. */
  available?: string[];
  /** Every problem found when a whole input was checked at once (e.g. a plan). */
  problems?: PlannerError[];
  /** For TOO_MUCH_WORK: what the request would cost and the budget, in work units. */
  work?: WorkFigures;
}

export interface WorkFigures {
  units: number;
  budget: number;
}

/** The one error type of the core: a stable code, a message a person can act on, and hints. */
export class PlannerError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly suggestions: string[];
  readonly available: string[];
  readonly problems: PlannerError[];
  readonly work: WorkFigures | undefined;

  constructor(code: ErrorCode, message: string, details: PlannerErrorDetails = {}) {
    super(message);
    this.name = "PlannerError";
    this.code = code;
    this.field = details.field;
    this.suggestions = details.suggestions ?? [];
    this.available = details.available ?? [];
    this.problems = details.problems ?? [];
    this.work = details.work;
  }

  toJSON(): PlannerErrorJSON {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      suggestions: this.suggestions,
      ...(this.available.length ? { available: this.available } : {}),
      ...(this.problems.length ? { problems: this.problems.map((p) => p.toJSON()) } : {}),
      ...(this.work ? { work: this.work } : {}),
    };
  }
}

export interface PlannerErrorJSON {
  code: ErrorCode;
  message: string;
  field?: string;
  suggestions: string[];
  available?: string[];
  problems?: PlannerErrorJSON[];
  work?: WorkFigures;
}

export function invalid(field: string, message: string): PlannerError {
  return new PlannerError("INVALID_ARGUMENT", `${field}: ${message}`, { field });
}

export function isPlannerError(e: unknown): e is PlannerError {
  return e instanceof PlannerError;
}

/** Runs each check, keeping every PlannerError so a whole input can be reported at once. */
export class ProblemList {
  readonly problems: PlannerError[] = [];

  /** Runs fn; on a PlannerError records it (re-rooting its field under `prefix`) and returns undefined. */
  check<T>(prefix: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof PlannerError)) throw e;
      this.problems.push(rebase(e, prefix));
      return undefined;
    }
  }

  add(error: PlannerError): void {
    this.problems.push(error);
  }

  throwIfAny(what: string): void {
    if (!this.problems.length) return;
    if (this.problems.length === 1) throw this.problems[0]!;
    const list = this.problems.map((p) => p.message).join("; ");
    throw new PlannerError(
      "INVALID_ARGUMENT",
      `${what} has ${this.problems.length} problems: ${list}`,
      {
        field: this.problems[0]!.field,
        problems: this.problems,
      },
    );
  }
}

/** The same error with its field placed under a path such as "hires[2]". */
function rebase(e: PlannerError, prefix: string): PlannerError {
  if (!prefix) return e;
  const field = e.field ? `${prefix}.${e.field}` : prefix;
  const message =
    e.field && e.message.startsWith(`${e.field}:`)
      ? `${field}:${e.message.slice(e.field.length + 1)}`
      : `${field}: ${e.message}`;
  return new PlannerError(e.code, message, {
    field,
    suggestions: e.suggestions,
    available: e.available,
  });
}
