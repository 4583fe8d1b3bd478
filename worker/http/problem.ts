import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiErrorCode, ProblemCode } from "../schemas/openapi.js";
import {
  isPlannerError,
  type ErrorCode,
  type PlannerError,
  type PlannerErrorJSON,
} from "../../shared/index.js";

/** RFC 9457 problem details, plus our stable `code` and, for names, `suggestions`. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  field?: string;
  suggestions?: string[];
  available?: string[];
  problems?: PlannerErrorJSON[];
  requestId?: string;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/**
 * The worker's one error type: a route or middleware throws it to answer with a problem document,
 * and the one error handler renders it (the core's PlannerError and Hono's HTTPException are
 * turned into one by problemOf, so nothing else reaches a client).
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    detail: string,
    readonly extra: Partial<ProblemBody> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

export function problemBody(
  status: number,
  code: ProblemCode,
  detail: string,
  extra: Partial<ProblemBody> = {},
): ProblemBody {
  return {
    type: `https://ai-team-planner.dev/problems/${code.toLowerCase().replace(/_/g, "-")}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    code,
    ...extra,
  };
}

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ProblemCode,
  detail: string,
  extra: Partial<ProblemBody> = {},
  headers: Record<string, string> = {},
): Response {
  // The request id in the body too, so a pasted error message is enough to find the log line.
  const requestId = c.get("requestId");
  const body = problemBody(status, code, detail, { ...extra, ...(requestId ? { requestId } : {}) });
  return c.body(JSON.stringify(body), status, {
    "Content-Type": "application/problem+json",
    ...headers,
  });
}

/**
 * HTTP status for a core error: an unknown name in a parameter or body is 422 (with suggestions),
 * a figure the seeds do not hold is 404, any other bad argument is 422 — TOO_MUCH_WORK included:
 * the body is well-formed and within the size limit; what it asks the engines to do is refused.
 */
export function statusForCode(code: ErrorCode): ContentfulStatusCode {
  return code === "NO_DATA" ? 404 : 422;
}

export function plannerProblem(e: PlannerError): Partial<ProblemBody> {
  const json = e.toJSON();
  return {
    ...(json.field ? { field: json.field } : {}),
    suggestions: json.suggestions,
    // NO_DATA always says what is available, even when that is nothing (a role with a profile only).
    ...(json.available || e.code === "NO_DATA" ? { available: json.available ?? [] } : {}),
    ...(json.problems ? { problems: json.problems } : {}),
    ...(json.work ? { work: json.work } : {}),
  };
}

/**
 * Resolves the resource a URL path names (a role, a path, a template, a function). A name the
 * core does not know is a resource that does not exist: 404 with the closest names, not the
 * 422 the same name gets in a query or body.
 */
export function inPath<T>(field: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (e) {
    if (!isPlannerError(e)) throw e;
    throw new HttpProblem(404, e.code, e.message, { ...plannerProblem(e), field });
  }
}

/** Hono's own HTTP errors (malformed JSON, unsupported media type, body too large) as problems with a fix. */
function httpExceptionProblem(e: HTTPException): {
  status: ContentfulStatusCode;
  code: ApiErrorCode;
  detail: string;
} {
  const status = (e.status >= 400 && e.status <= 599 ? e.status : 500) as ContentfulStatusCode;
  if (status === 400 && /json/i.test(e.message)) {
    return {
      status,
      code: "MALFORMED_JSON",
      detail:
        "The request body is not valid JSON. Send a JSON object with Content-Type: application/json.",
    };
  }
  if (status === 415) {
    return {
      status,
      code: "UNSUPPORTED_MEDIA_TYPE",
      detail: "This endpoint reads a JSON body: send it with Content-Type: application/json.",
    };
  }
  if (status === 413)
    return {
      status,
      code: "BODY_TOO_LARGE",
      detail: "The request body is larger than the 1 MB this API accepts.",
    };
  return {
    status,
    code: status >= 500 ? "INTERNAL" : "BAD_REQUEST",
    detail: e.message || TITLES[status] || "Error",
  };
}

/**
 * Any error a request can raise as the problem it answers with: an HttpProblem as thrown, a core
 * error with its status (statusForCode), Hono's own HTTP errors; undefined for anything else —
 * a fault of ours, which the error handler logs and answers 500.
 */
export function problemOf(err: unknown): HttpProblem | undefined {
  if (err instanceof HttpProblem) return err;
  if (isPlannerError(err))
    return new HttpProblem(statusForCode(err.code), err.code, err.message, plannerProblem(err));
  if (err instanceof HTTPException) {
    const p = httpExceptionProblem(err);
    return new HttpProblem(p.status, p.code, p.detail);
  }
  return undefined;
}
