/**
 * Building blocks every route definition shares: the problem document, standard error responses,
 * JSON-or-CSV answers and the query parameters that parse the same way everywhere. Keeping them
 * here makes /openapi.json describe every route's errors and formats the same way.
 */
import { z } from "@hono/zod-openapi";
import { ERROR_CODES, SEED_FILES, type ErrorCode } from "../../shared/index.js";

/** The API's own error codes, beside the core's (ERROR_CODES): each problem carries one. */
export const API_ERROR_CODES = [
  "BAD_REQUEST",
  "MALFORMED_JSON",
  "UNSUPPORTED_MEDIA_TYPE",
  "BODY_TOO_LARGE",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "NOT_ACCEPTABLE",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "QUOTA_EXCEEDED",
  "VERSION_CONFLICT",
  "PRECONDITION_REQUIRED",
  "MODEL_DELETED",
  "NOT_DELETED",
  "CONFLICT",
  "INVALID_BANDS",
  "VERSION_NOT_REPRODUCIBLE",
  "ADDON_API_URL_INVALID",
  "INTERNAL",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
/** Every code a problem document may carry: the core's and the API's. */
export type ProblemCode = ErrorCode | ApiErrorCode;
export const PROBLEM_CODES = [...ERROR_CODES, ...API_ERROR_CODES] as const;

const WorkFiguresSchema = z
  .object({
    units: z
      .number()
      .int()
      .openapi({ description: "What the request would cost.", example: 4_680_000 }),
    budget: z
      .number()
      .int()
      .openapi({ description: "What one request may cost.", example: 1_500_000 }),
  })
  .openapi("WorkFigures", {
    description:
      "For TOO_MUCH_WORK: the request's estimated cost and the budget of one request, in work units (one hire row × one plan month × one possible start).",
  });

export const PlannerErrorSchema = z
  .object({
    code: z.string().openapi({ example: "UNKNOWN_ROLE" }),
    message: z.string(),
    field: z.string().optional(),
    suggestions: z.array(z.string()),
    available: z.array(z.string()).optional(),
    work: WorkFiguresSchema.optional(),
  })
  .openapi("PlannerError");

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "https://ai-team-planner.dev/problems/unknown-role" }),
    title: z.string().openapi({ example: "Unprocessable Content" }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z
      .string()
      .openapi({ example: 'Unknown role "ML Engineeer". Did you mean "ML Engineer"?' }),
    code: z.enum(PROBLEM_CODES).openapi({
      description:
        "Stable error code: the core's (UNKNOWN_ROLE, NO_DATA, INVALID_ARGUMENT, …) or the API's (NOT_FOUND, METHOD_NOT_ALLOWED, MALFORMED_JSON, …).",
      example: "UNKNOWN_ROLE",
    }),
    field: z.string().optional().openapi({
      description: 'The parameter or body field at fault, e.g. "level" or "hires[2].startMonth".',
      example: "role",
    }),
    suggestions: z
      .array(z.string())
      .optional()
      .openapi({
        description: "Closest known names (canonical) for an unknown one.",
        example: ["ML Engineer"],
      }),
    available: z
      .array(z.string())
      .optional()
      .openapi({ description: "For NO_DATA: what the seeds do hold." }),
    problems: z
      .array(PlannerErrorSchema)
      .optional()
      .openapi({ description: "Every problem found when a whole input was checked at once." }),
    work: WorkFiguresSchema.optional(),
    requestId: z
      .string()
      .optional()
      .openapi({ description: "The X-Request-Id of the request, for the logs." }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details (application/problem+json)." });

type SeedFile = (typeof SEED_FILES)[keyof typeof SEED_FILES];
export const SEED_FILE_NAMES = Object.values(SEED_FILES) as [SeedFile, ...SeedFile[]];

export const SourceSchema = z
  .object({
    file: z.enum(SEED_FILE_NAMES),
    title: z.string().openapi({
      description: "The seed's title, as a person reads it.",
      example: "Hiring and Upskilling for AI",
    }),
    section: z.string(),
    quote: z.string(),
  })
  .openapi("Source", {
    description:
      "Where a figure or fact comes from: the seed file (exact provenance), its title (what a person reads), its section and the words it says.",
  });

const ERROR_DESCRIPTIONS = {
  400: "A parameter or body field is missing or has the wrong type (the problem names it), or the body is not valid JSON.",
  404: "No such resource, or (NO_DATA) the seeds hold no figure for it; the problem lists what is available.",
  406: "CSV was asked for (format=csv) but this route answers JSON only.",
  413: "The body is larger than 1 MB.",
  415: "The body is not sent as application/json.",
  422: "A name is unknown (the problem suggests the closest), a value is out of range, or (TOO_MUCH_WORK) the request would cost more than one request may: the problem names both in `work` and how to split it.",
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

type ProblemAnswers<S extends number> = {
  [K in S]: {
    description: string;
    content: { "application/problem+json": { schema: typeof ProblemSchema } };
  };
};

/** Problem answers for the OpenAPI document, each with its description from `table`. */
export function documentedProblems<const S extends number>(
  table: Record<S, string>,
  statuses: readonly S[],
): ProblemAnswers<S> {
  const out = {} as ProblemAnswers<S>;
  for (const s of statuses) {
    out[s] = {
      description: table[s],
      content: { "application/problem+json": { schema: ProblemSchema } },
    };
  }
  return out;
}

/** Error answers of the compute and reference routes. */
export function problemResponses<const S extends readonly ErrorStatus[]>(...statuses: S) {
  return documentedProblems<S[number]>(ERROR_DESCRIPTIONS, statuses);
}

export const NOT_MODIFIED = {
  description: "Not modified: the If-None-Match header names the current ETag.",
} as const;

/**
 * A 200 answer in JSON, or as CSV via `?format=csv` or the `.csv` twin of the path. `columns` is
 * the CSV's header row, which the handler writes from the same constant (jsonOrCsvAnswer): the
 * document names every column, so a column added or renamed changes the document and with it
 * the API revision in every ETag. Leave it out only where the columns follow the data (a plan's
 * months table has a column per cost line it uses).
 */
export function jsonOrCsv<T extends z.ZodType>(
  schema: T,
  description: string,
  columns?: readonly string[],
) {
  const csv = z.string().openapi({
    description: `RFC 4180 CSV with a header row (the same answer as the JSON, flattened to rows)${columns ? `; columns: ${columns.join(", ")}` : ""}.`,
    ...(columns ? { example: `${columns.join(",")}\r\n` } : {}),
  });
  return {
    description: `${description} CSV with ?format=csv or the .csv suffix on the path.`,
    content: { "application/json": { schema }, "text/csv": { schema: csv } },
  };
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export const formatParam = z.enum(["json", "csv"]).optional().openapi({
  description: "Answer as JSON (default) or CSV; the .csv suffix on the path does the same.",
  example: "json",
});

/** One stored version of a workspace's set (bands, levels, locations, FX rates) in its version list. */
export const SetVersionSchema = z.object({
  version: z.number().int(),
  rows: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/**
 * The query of a versioned read (a model's result, a band set, a workspace data set): `?version=n`
 * for an earlier one (`what` words it), and the answer's format.
 */
export function versionQuery(what: { error: string; description: string }) {
  return z.object({
    version: z
      .string()
      .regex(/^\d{1,9}$/, { error: what.error })
      .transform(Number)
      .optional()
      .openapi({ description: what.description, type: "integer", example: 1 } as never),
    format: formatParam,
  });
}

/**
 * The longest text any name, cell or parameter may be. The longest real name is under 40
 * characters; the cap keeps the core's closest-name search (which grows with the text's length)
 * cheap for any input, so no request can spend seconds of CPU on suggestions.
 */
export const MAX_TEXT_LENGTH = 200;

export function text(help: string, example?: string) {
  return z
    .string()
    .max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` })
    .openapi({ description: help, ...(example === undefined ? {} : { example }) });
}

/** A required text parameter with a message that says what to send. */
export function requiredText(help: string, example: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `is required: ${help}` : `must be given once, as text: ${help}`,
    })
    .max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` })
    .openapi({ description: help, example });
}

export function optionalText(help: string, example?: string) {
  return z
    .string({ error: `must be given once, as text: ${help}` })
    .max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` })
    .optional()
    .openapi({ description: help, ...(example === undefined ? {} : { example }) });
}

/** A whole-number query parameter: query values are text, so the pattern is checked before the range. */
export function wholeNumber(
  help: string,
  { min, max, example }: { min: number; max: number; example: number },
) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required: ${help}`
          : "must be given once, as a whole number",
    })
    .regex(/^\s*[+-]?\d{1,15}\s*$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    )
    .openapi({ type: "integer", minimum: min, maximum: max, description: help, example } as never);
}

export function optionalWholeNumber(
  help: string,
  limits: { min: number; max: number; example: number },
) {
  return wholeNumber(help, limits).optional();
}
