import type { HttpMethod, HttpResponseLike, UrlFetchLike, UrlFetchRequest } from "./apps-script.js";
import type { Settings } from "./settings.js";

/** One answer from the API, headers with lower-case names. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** An API failure with a message a person can act on (it ends up in a cell or the sidebar). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the user's key. Calls that need it fail early, with a pointer to Settings, when it is missing. */
  auth?: boolean;
}

export interface ApiCall {
  method: HttpMethod;
  path: string;
  options?: RequestOptions;
}

export interface ApiClient {
  readonly baseUrl: string;
  readonly hasKey: boolean;
  request(method: HttpMethod, path: string, options?: RequestOptions): ApiResponse;
  /** Several requests at once (UrlFetchApp.fetchAll runs them in parallel), answers in order. */
  requestAll(calls: ApiCall[]): ApiResponse[];
  /** request(), then an ApiError for any status outside 2xx. */
  expect(method: HttpMethod, path: string, options?: RequestOptions): ApiResponse;
}

/** The API over UrlFetchApp: JSON in and out, our key as a Bearer token, statuses read, never thrown. */
export function createApiClient(urlFetch: UrlFetchLike, settings: Settings): ApiClient {
  const baseUrl = settings.apiUrl.replace(/\/+$/, "");
  const toRequest = ({ method, path, options = {} }: ApiCall): UrlFetchRequest => {
    const headers: Record<string, string> = {
      Accept: "application/json",
      ...(options.headers ?? {}),
    };
    if (options.auth) {
      if (!settings.apiKey)
        throw new ApiError(
          401,
          "This needs your API key: open AI Team Planner › Settings and paste the key your workspace admin gave you.",
          "NO_KEY",
        );
      headers["Authorization"] = `Bearer ${settings.apiKey}`;
    }
    return {
      url: `${baseUrl}${path}`,
      method,
      headers,
      muteHttpExceptions: true,
      followRedirects: true,
      ...(options.body === undefined
        ? {}
        : { contentType: "application/json", payload: JSON.stringify(options.body) }),
    };
  };
  const requestAll = (calls: ApiCall[]): ApiResponse[] => {
    if (!calls.length) return [];
    const requests = calls.map(toRequest);
    let responses: HttpResponseLike[];
    try {
      responses = urlFetch.fetchAll(requests);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new ApiError(
        0,
        `Could not reach the API at ${baseUrl} (${why}). Check the API URL in AI Team Planner › Settings.`,
        "UNREACHABLE",
      );
    }
    return responses.map(toApiResponse);
  };
  const request = (method: HttpMethod, path: string, options?: RequestOptions) =>
    requestAll([{ method, path, options }])[0]!;
  return {
    baseUrl,
    hasKey: settings.apiKey !== null,
    request,
    requestAll,
    expect(method, path, options) {
      const res = request(method, path, options);
      if (res.status >= 200 && res.status < 300) return res;
      throw apiError(res, `${method.toUpperCase()} ${path}`);
    },
  };
}

function toApiResponse(response: HttpResponseLike): ApiResponse {
  const text = response.getContentText();
  let body: unknown = text;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (an HTML error page, a proxy): keep the text for the message.
    }
  }
  return {
    status: response.getResponseCode(),
    headers: lowerCaseHeaders(response.getAllHeaders()),
    body,
  };
}

function lowerCaseHeaders(headers: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {}))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
  return out;
}

/** The problem+json detail when there is one, with the status explained in words. */
export function apiError(res: ApiResponse, what: string): ApiError {
  const problem =
    typeof res.body === "object" && res.body !== null ? (res.body as Record<string, unknown>) : {};
  const detail =
    typeof problem["detail"] === "string"
      ? problem["detail"]
      : typeof problem["title"] === "string"
        ? problem["title"]
        : typeof res.body === "string" && res.body.length < 300
          ? res.body
          : "";
  const code = typeof problem["code"] === "string" ? problem["code"] : null;
  const hint: Record<number, string> = {
    401: "The API did not accept the API key; check it in AI Team Planner › Settings.",
    403: "The API key lacks the scope for this (read for results, write to publish).",
    404: "Not found.",
    413: "The plan is too large for the API.",
    429: `The API is rate-limiting this key${res.headers["retry-after"] ? `; try again in ${res.headers["retry-after"]} s` : ""}.`,
  };
  const lead =
    hint[res.status] ??
    (res.status >= 500
      ? `The API failed (${res.status}); try again shortly.`
      : `The API answered ${res.status}.`);
  return new ApiError(res.status, `${lead}${detail ? ` ${detail}` : ""} (${what})`, code, res.body);
}
