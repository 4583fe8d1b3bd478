import type { Context, MiddlewareHandler } from "hono";
import { contentHash, datasetVersion } from "../../shared/index.js";

export const MAX_AGE_SECONDS = 300;

/**
 * Part of every ETag besides the dataset hash: bump it when the shape of an answer changes (a new
 * field, a CSV column) so clients holding an old ETag get the new representation, not a 304.
 */
export const API_REVISION = "1";

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
 * A weak ETag for an answer that depends only on the dataset and the URL. `scope` is whatever
 * else the answer depends on (a workspace's bands, once keys exist), so it changes when they do.
 */
export function datasetEtag(url: string, scope = ""): string {
  return `W/"${contentHash(`${API_REVISION} ${datasetVersion().hash} ${normalizedUrl(url)} ${scope}`)}"`;
}

/** True when an If-None-Match header (a list, or *) names this ETag; weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => opaque(t) === opaque(etag));
}

/**
 * Route middleware for GETs computed from the dataset alone: ETag, Cache-Control, and 304 for a
 * matching If-None-Match. A request that carries credentials may be answered from workspace data,
 * so it is cached privately and the workspace scope (`cacheScope`) goes into the ETag.
 */
export const datasetCache: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  const scope = (c.get("cacheScope" as never) as string | undefined) ?? "";
  const etag = datasetEtag(c.req.url, scope);
  const cacheControl = `${c.req.header("Authorization") ? "private" : "public"}, max-age=${MAX_AGE_SECONDS}`;
  if (etagMatches(c.req.header("If-None-Match"), etag)) {
    c.res = new Response(null, {
      status: 304,
      headers: { ETag: etag, "Cache-Control": cacheControl, Vary: "Authorization" },
    });
    return;
  }
  c.res.headers.set("ETag", etag);
  c.res.headers.set("Cache-Control", cacheControl);
  c.res.headers.append("Vary", "Authorization");
};

/** A fixed text (the docs page and its assets, the OpenAPI document) with an ETag from its own content. */
export function contentResponse(c: Context, body: string, contentType: string): Response {
  const etag = `"${contentHash(body)}"`;
  const headers = { ETag: etag, "Cache-Control": `public, max-age=${MAX_AGE_SECONDS}` };
  if (etagMatches(c.req.header("If-None-Match"), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "Content-Type": contentType });
}
