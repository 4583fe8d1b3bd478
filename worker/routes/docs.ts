import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../env.js";
import { DOCS_HTML } from "../docs/page.js";
import { CLIENT_SCRIPTS } from "../client/scripts.generated.js";
import { DOCS_CSS } from "../docs/style.js";
import { conditionalGet, fixedContent } from "../http/conditional.js";

const asset = (path: string, summary: string, mediaType: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["Meta"],
    summary,
    description: `${summary}: fixed content with a strong ETag (its hash); If-None-Match answers 304.`,
    middleware: [conditionalGet] as const,
    responses: {
      200: { description: summary, content: { [mediaType]: { schema: z.string() } } },
      304: { description: "Not modified." },
    },
  });

const page = asset(
  "/",
  "Interactive API reference (HTML), rendered from /openapi.json with no request to any other host",
  "text/html",
);
const script = asset("/docs.js", "The reference page's script", "text/javascript");
const style = asset("/docs.css", "The reference page's stylesheet", "text/css");

export const docsRouter = newRouter()
  .openapi(page, (c) => fixedContent(c, DOCS_HTML, "text/html; charset=utf-8"))
  .openapi(script, (c) =>
    fixedContent(c, CLIENT_SCRIPTS["docs.js"], "text/javascript; charset=utf-8"),
  )
  .openapi(style, (c) => fixedContent(c, DOCS_CSS, "text/css; charset=utf-8"));
