import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { newRouter, type AppEnv } from "../env.js";
import {
  ADDON_FILE_NAMES,
  ADDON_FILE_TYPES,
  cachedAddonFor,
  isAddonFileName,
  type AddonBuild,
} from "../addon/addon-files.js";
import { addonTarget } from "../addon/addon-target.js";
import { conditionalGet, fixedContent } from "../http/conditional.js";
import { HttpProblem } from "../http/problem.js";
import { addonPage } from "../pages/addon-page.js";

// The Google Sheets add-on, built for the origin this worker is reached at (or ADDON_API_URL):
// an install page and its three files. Installing needs a browser and nothing else.

const page = createRoute({
  method: "get",
  path: "/",
  tags: ["Pages"],
  summary:
    "Install the Google Sheets add-on (HTML): its three files, built for this API, and the steps",
  description:
    "Code.js, appsscript.json and Sidebar.html built for this API's origin (its urlFetchWhitelist allows that origin when it is https), each with a Copy button and a download link, and the three steps: Extensions › Apps Script, paste, reload.",
  middleware: [conditionalGet] as const,
  responses: {
    200: { description: "The install page.", content: { "text/html": { schema: z.string() } } },
    304: { description: "Not modified." },
  },
});

const file = createRoute({
  method: "get",
  path: "/{file}",
  tags: ["Pages"],
  summary: "One of the add-on's three files, built for this API",
  description:
    "Code.js, appsscript.json or Sidebar.html exactly as they go into the Apps Script project, built for this API's origin.",
  middleware: [conditionalGet] as const,
  request: {
    params: z.object({
      file: z.string().openapi({
        param: { name: "file", in: "path" },
        description: ADDON_FILE_NAMES.join(", "),
        example: "appsscript.json",
      }),
    }),
  },
  responses: {
    200: {
      description: "The file, exactly as it goes into the Apps Script project.",
      content: {
        "text/javascript": { schema: z.string() },
        "application/json": { schema: z.string() },
        "text/plain": { schema: z.string() },
      },
    },
    304: { description: "Not modified." },
    404: { description: "No such file." },
  },
});

function addonBuild(c: Context<AppEnv>): AddonBuild {
  return cachedAddonFor(addonTarget(c.req.url, c.env.ADDON_API_URL));
}

// Rendering escapes ~300 KB of text: keep each build's page once it has been rendered.
const pages = new WeakMap<AddonBuild, string>();

function cached(c: Context<AppEnv>, etag: string, body: () => string, type: string) {
  return fixedContent(c, body(), type, { etag });
}

export const addonRouter = newRouter()
  .openapi(page, (c) => {
    const build = addonBuild(c);
    return cached(
      c,
      build.etag,
      () => {
        let text = pages.get(build);
        if (text === undefined) {
          text = addonPage(build).toString();
          pages.set(build, text);
        }
        return text;
      },
      "text/html; charset=utf-8",
    );
  })
  .openapi(file, (c) => {
    const { file: name } = c.req.valid("param");
    if (!isAddonFileName(name)) {
      throw new HttpProblem(
        404,
        "NOT_FOUND",
        `No add-on file "${name}"; the add-on is ${ADDON_FILE_NAMES.join(", ")} (see /addon).`,
        { field: "file" },
      );
    }
    const build = addonBuild(c);
    return cached(c, build.etag, () => build.files[name], ADDON_FILE_TYPES[name]);
  });
