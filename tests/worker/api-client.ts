// Calls the real worker (its default export, as workerd serves it) over fetch, for the api-* tests.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeEach, expect } from "vitest";
import { createApp } from "../../worker/app.js";

export const ORIGIN = "http://api.test";

/**
 * The worker's console.log lines (one JSON request log per request) during the current test,
 * kept here instead of printed: test output stays readable and tests can assert on them.
 */
export const logLines: string[] = [];
const consoleLog = console.log;
beforeEach(() => {
  logLines.length = 0;
  // A plain replacement, not vi.spyOn: a spy records every call, which slows thousands of requests to a crawl.
  console.log = (...args: unknown[]) => {
    logLines.push(args.map(String).join(" "));
  };
});
afterEach(() => {
  console.log = consoleLog;
});

export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(ORIGIN + path, init));
}

const app = createApp();

/**
 * The same app called in-process (app.fetch with the real env and an execution context), for
 * tests that send thousands of requests: the pool's loopback to exports.default slows down with
 * every request made in a test (300 requests take 2 s, the next 300 take 15 s), app.fetch does not.
 */
export async function callInProcess(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(ORIGIN + path, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

export function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, { headers });
}

export function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return call(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Asserts a JSON answer with this status and returns its body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export async function jsonOf(res: Response, status: number): Promise<any> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return JSON.parse(text);
}

export const okJson = (res: Response) => jsonOf(res, 200);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  suggestions?: string[];
  available?: string[];
  problems?: {
    code: string;
    field?: string;
    message: string;
    suggestions: string[];
    row?: number;
    line?: number;
    column?: string;
  }[];
  requestId?: string;
  [extra: string]: unknown;
}

/** Asserts an RFC 9457 problem with this status and returns it. */
export async function problem(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = JSON.parse(text) as Problem;
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^https:\/\/ai-team-planner\.dev\/problems\/[a-z-]+$/);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(0);
  expect(body.code).toMatch(/^[A-Z_]+$/);
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}

export async function csv(res: Response): Promise<string[]> {
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(text.endsWith("\r\n")).toBe(true);
  return text.slice(0, -2).split("\r\n");
}
