import type { Hook } from "@hono/zod-openapi";
import { problemResponse } from "./problem.js";

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** "hires[2].startMonth" from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), "");
}

/** The one validation hook for every route: a 400 problem naming each bad field and what it needs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hook serves every route, whatever its env and schema
export const defaultHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const issues = (result.error as unknown as { issues: Issue[] }).issues;
  const where = result.target === "query" ? "query parameter" : result.target === "param" ? "path parameter" : result.target === "header" ? "header" : "body field";
  const problems = issues.map((i) => {
    const field = fieldPath(i.path) || result.target;
    return { code: "INVALID_ARGUMENT" as const, field, message: `${field}: ${i.message}`, suggestions: [] as string[] };
  });
  const detail = problems.length === 1 ? `Invalid ${where} ${problems[0]!.message}` : `Invalid request: ${problems.map((p) => p.message).join("; ")}`;
  return problemResponse(c, 400, "INVALID_ARGUMENT", detail, { field: problems[0]?.field, problems });
};
