import type { Hook } from "@hono/zod-openapi";
import { problemResponse } from "./problem.js";

export interface Issue {
  code?: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
}

/** "hires[2].startMonth" from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    "",
  );
}

/** A zod issue as one of our problems: the field at fault, a message that says what would be right. */
export function toProblem(issue: Issue, target: string) {
  let field = fieldPath(issue.path) || target;
  let message = issue.message;
  let suggestions: string[] = [];
  if (issue.code === "invalid_type" && /received undefined$/.test(message)) {
    message = `is required${issue.expected ? ` (${issue.expected})` : ""}`;
  } else if (issue.code === "invalid_value" && issue.values) {
    suggestions = issue.values.map(String);
    message = `must be one of ${suggestions.map((v) => `"${v}"`).join(", ")}`;
  } else if (issue.code === "unrecognized_keys" && issue.keys?.length) {
    // Almost always a typo ("startmonth"): name the exact key so the caller can find it.
    field = field === target ? issue.keys[0]! : `${field}.${issue.keys[0]}`;
    message = `is not a field here (unrecognized ${issue.keys.map((k) => `"${k}"`).join(", ")}); check the spelling against /openapi.json`;
  }
  return { code: "INVALID_ARGUMENT" as const, field, message: `${field}: ${message}`, suggestions };
}

/** The one validation hook for every route: a 400 problem naming each bad field and what it needs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hook serves every route, whatever its env and schema
export const defaultHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const issues = (result.error as unknown as { issues: Issue[] }).issues;
  const where =
    result.target === "query"
      ? "query parameter"
      : result.target === "param"
        ? "path parameter"
        : result.target === "header"
          ? "header"
          : "body field";
  const problems = issues.map((i) => toProblem(i, result.target));
  const detail =
    problems.length === 1
      ? `Invalid ${where} ${problems[0]!.message}`
      : `Invalid request: ${problems.map((p) => p.message).join("; ")}`;
  return problemResponse(c, 400, "INVALID_ARGUMENT", detail, {
    field: problems[0]?.field,
    suggestions: problems[0]?.suggestions ?? [],
    problems,
  });
};
