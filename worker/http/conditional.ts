import type { Context, MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import { etag, RETAINED_304_HEADERS } from "hono/etag";
import { contentHash, datasetVersion } from "../../shared/index.js";
import type { AppEnv } from "../env.js";
import { API_REVISION } from "./api-revision.js";

// Conditional GETs, one way: a handler (or datasetCache) sets the ETag, and hono/etag answers a
// matching If-None-Match with 304 — weak comparison, keeping the headers a 200 would carry. It is
// mounted on the routes that set a validator, never app-wide, so no other answer is hashed.

export const MAX_AGE_SECONDS = 300;

/** Route middleware: 304 for an If-None-Match naming the ETag this route's answer carries. */
export const conditionalGet: MiddlewareHandler = etag({
  // Besides the validators: what the app's middleware set before the route ran (request id,
  // CORS), which a 304 carries like the 200 it stands for.
  retainedHeaders: [
    ...RETAINED_304_HEADERS,
    "x-request-id",
    "access-control-allow-origin",
    "access-control-expose-headers",
    "x-robots-tag",
  ],
});

/**
 * True when If-None-Match already names `etag`: the handler may skip building the body (an empty
 * answer with the ETag is enough; conditionalGet turns it into the 304). Weak comparison, `*`
 * included, as hono/etag's.
 */
export function unchanged(c: Context, tag: string): boolean {
  const header = c.req.header("If-None-Match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = tag.replace(/^W\//, "");
  return (header.match(/"[^"]*"/g) ?? ([] as string[])).includes(opaque);
}

/** Path plus query parameters sorted by name: `?b=2&a=1` and `?a=1&b=2` are the same resource. */
export function normalizedUrl(url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams.entries()].sort(([a, av], [b, bv]) =>
    a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  const query = new URLSearchParams(params).toString();
  return query ? `${u.pathname}?${query}` : u.pathname;
}

/**
 * A weak ETag for an answer that depends only on the dataset, this API's revision and the URL.
 * `scope` is whatever else the answer depends on (a workspace's bands), so it changes when they do.
 */
export function datasetEtag(url: string, scope = ""): string {
  return `W/"${contentHash(`${API_REVISION} ${datasetVersion().hash} ${normalizedUrl(url)} ${scope}`)}"`;
}

/** Sets the dataset ETag and Cache-Control on a 200 (private, and per workspace, when a key was sent). */
const datasetValidators: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  c.res.headers.set("ETag", datasetEtag(c.req.url, c.get("cacheScope") ?? ""));
  c.res.headers.set(
    "Cache-Control",
    `${c.req.header("Authorization") ? "private" : "public"}, max-age=${MAX_AGE_SECONDS}`,
  );
  c.res.headers.append("Vary", "Authorization");
};

/**
 * Route middleware for GETs computed from the dataset alone: ETag, Cache-Control, and 304 for a
 * matching If-None-Match. A request that carries credentials may be answered from workspace data,
 * so it is cached privately and the workspace scope (`cacheScope`) goes into the ETag.
 */
export const datasetCache = every(conditionalGet, datasetValidators);

/**
 * A fixed text (the docs page and its assets, the OpenAPI document, icons, the add-on) with a strong
 * ETag from its content; the route mounts conditionalGet.
 */
export function fixedContent(
  c: Context,
  body: string | Uint8Array<ArrayBuffer>,
  contentType: string,
  {
    etag: tag = `"${contentHash(typeof body === "string" ? body : body.join(","))}"`,
    cacheControl = `public, max-age=${MAX_AGE_SECONDS}`,
  } = {},
): Response {
  return c.body(body, 200, {
    ETag: tag,
    "Cache-Control": cacheControl,
    "Content-Type": contentType,
  });
}
