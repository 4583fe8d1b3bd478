import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { contentHash } from "../../shared/index.js";
import { newRouter, type AppEnv } from "../env.js";
import { conditionalGet, fixedContent } from "../http/conditional.js";
import { FAVICON_ICO, FAVICON_SVG } from "../pages/favicon.js";

// The site icon, at the two addresses browsers use: /favicon.ico (asked for by default) and the
// SVG the pages link to.

const icon = (path: string, mediaType: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["Pages"],
    summary: "The site icon",
    description:
      "The icon every page links to (and browsers ask for by default), with a strong ETag.",
    middleware: [conditionalGet] as const,
    responses: {
      200: { description: "The icon.", content: { [mediaType]: { schema: z.string() } } },
      304: { description: "Not modified." },
    },
  });

const ICONS = {
  ico: { body: FAVICON_ICO, type: "image/x-icon", etag: `"${contentHash(FAVICON_ICO.join(","))}"` },
  svg: { body: FAVICON_SVG, type: "image/svg+xml", etag: `"${contentHash(FAVICON_SVG)}"` },
};

function serve(
  c: Context<AppEnv>,
  icon: { body: Uint8Array<ArrayBuffer> | string; type: string; etag: string },
) {
  return fixedContent(c, icon.body, icon.type, {
    etag: icon.etag,
    cacheControl: "public, max-age=86400",
  });
}

export const faviconRouter = newRouter()
  .openapi(icon("/favicon.ico", "image/x-icon"), (c) => serve(c, ICONS.ico))
  .openapi(icon("/favicon.svg", "image/svg+xml"), (c) => serve(c, ICONS.svg));
