// The real local worker for tests that need one over HTTP (add-on, browser, load, e2e): the one
// implementation in scripts/lib/local-worker.mjs, which the bench runs too, and a JSON client.
import type { LocalWorker } from "../../scripts/lib/local-worker.mjs";

export {
  freePort,
  killGroup,
  startLocalWorker,
  type LocalWorker,
} from "../../scripts/lib/local-worker.mjs";
export { root } from "../../scripts/lib/paths.mjs";

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts
  body: any;
}

/** One HTTP call from the test itself (not the browser), JSON in and out. */
export async function api(
  worker: LocalWorker,
  method: string,
  pathname: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const res = await fetch(`${worker.url}${pathname}`, {
    method,
    headers: {
      Accept: "application/json",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: json };
}
