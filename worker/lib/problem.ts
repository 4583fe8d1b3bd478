import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode, PlannerError, PlannerErrorJSON } from "../../shared/index.js";

/** RFC 9457 problem details, plus our stable `code` and, for names, `suggestions`. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  suggestions?: string[];
  available?: string[];
  problems?: PlannerErrorJSON[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
  406: "Not Acceptable", 409: "Conflict", 412: "Precondition Failed", 413: "Content Too Large", 415: "Unsupported Media Type",
  422: "Unprocessable Content", 428: "Precondition Required", 429: "Too Many Requests", 500: "Internal Server Error",
};

/** An error a route throws to answer with a problem document; the global error handler renders it. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    detail: string,
    readonly extra: Partial<ProblemBody> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

export function problemBody(status: number, code: string, detail: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  return {
    type: `https://ai-team-planner.dev/problems/${code.toLowerCase().replace(/_/g, "-")}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    code,
    ...extra,
  };
}

export function problemResponse(c: Context, status: ContentfulStatusCode, code: string, detail: string, extra: Partial<ProblemBody> = {}, headers: Record<string, string> = {}): Response {
  const body = problemBody(status, code, detail, extra);
  return c.body(JSON.stringify(body), status, { "Content-Type": "application/problem+json", ...headers });
}

/**
 * HTTP status for a core error: an unknown name in a parameter or body is 422 (with suggestions),
 * a figure the seeds do not hold is 404, any other bad argument is 422.
 */
export function statusForCode(code: ErrorCode): ContentfulStatusCode {
  return code === "NO_DATA" ? 404 : 422;
}

export function plannerProblem(e: PlannerError): Partial<ProblemBody> {
  const json = e.toJSON();
  return {
    ...(json.field ? { field: json.field } : {}),
    suggestions: json.suggestions,
    ...(json.available ? { available: json.available } : {}),
    ...(json.problems ? { problems: json.problems } : {}),
  };
}
