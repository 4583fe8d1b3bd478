import { documentedProblems } from "./openapi.js";

/** The OpenAPI security requirement of routes that take (or need) an API key. */
export const bearerAuth = [{ bearerAuth: [] }];

const DESCRIPTIONS = {
  400: "A parameter or body field is missing or has the wrong type (the problem names it), or the body is not valid JSON.",
  401: 'No API key, or an unknown or revoked one: send "Authorization: Bearer atp_…" (the answer carries WWW-Authenticate: Bearer).',
  403: "The key lacks the scope this route needs (the problem names it).",
  404: "No such object in the caller's workspace. Another workspace's objects answer the same, so nothing reveals they exist.",
  409: "The object is not in a state this action applies to, or (QUOTA_EXCEEDED) saving would go over a workspace quota: the problem names the quota, its limit and the usage. Nothing was stored.",
  412: "If-Match names a version that is no longer current: another save came first. The problem's currentVersion (and the ETag header) give the current one; re-read, merge and save again.",
  422: "The input breaks the core's rules; `problems` lists every one (field and fix). TOO_MUCH_WORK: computing it would cost more than one request may (`work`). Nothing was stored.",
  428: 'This write needs an If-Match header with the version last read (its ETag, e.g. "v3").',
} as const;

export type WorkspaceErrorStatus = keyof typeof DESCRIPTIONS;

/** Error responses of workspace routes, for the OpenAPI document (the app's guards add 401 and 429 wherever they run). */
export function workspaceProblems<const S extends readonly WorkspaceErrorStatus[]>(...statuses: S) {
  return documentedProblems<S[number]>(DESCRIPTIONS, statuses);
}
